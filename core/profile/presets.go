package profile

// PlaceholderDomain is the domain of the "Company proxy" template's made-up
// hosts. Check reports every value or credential that still names it, so a
// template cannot be applied before it is edited.
const PlaceholderDomain = "corp.example.test"

// Preset names.
const (
	PresetDefault = "Toolchain default"
	PresetChina   = "Mainland China"
	PresetCompany = "Company proxy"
	PresetOffline = "Offline"
)

// Presets returns the built-in templates, fresh copies each time:
//
//   - "Toolchain default" unsets GOPROXY, GOSUMDB, GOTOOLCHAIN and GOFLAGS so
//     that $GOROOT/go.env's values (whatever this installation ships) apply;
//     it leaves the private-module keys alone, since which modules are
//     private does not depend on the network.
//   - "Mainland China" uses goproxy.cn, falls back on any error ('|') to a
//     mirror run by a different operator, then fetches directly, and
//     verifies checksums through sum.golang.google.cn, which is reachable.
//   - "Company proxy" is a template: its hosts under PlaceholderDomain must
//     be replaced before it can be applied.
//   - "Offline" downloads nothing and works from the module cache.
func Presets() []Profile {
	return []Profile{presetDefault(), presetChina(), presetCompany(), presetOffline()}
}

// Preset returns the built-in template named name.
func Preset(name string) (Profile, bool) {
	for _, p := range Presets() {
		if p.Name == name {
			return p, true
		}
	}
	return Profile{}, false
}

func preset(name, desc string) Profile {
	return Profile{Name: name, Description: desc, Preset: true, Choices: map[string]Choice{}}
}

func presetDefault() Profile {
	p := preset(PresetDefault, "Removes GOPROXY, GOSUMDB, GOTOOLCHAIN and GOFLAGS from your env file, so the defaults in $GOROOT/go.env of your Go installation apply. Private-module settings are left as they are.")
	for _, k := range []string{"GOPROXY", "GOSUMDB", "GOTOOLCHAIN", "GOFLAGS"} {
		p.UnsetKey(k)
	}
	return p
}

func presetChina() Profile {
	p := preset(PresetChina, "Downloads through goproxy.cn; if it fails in any way ('|'), through proxy.golang.com.cn, run by a different operator; then directly from the version-control host. Checksums are verified through sum.golang.google.cn, which is reachable from mainland China.")
	p.SetValue("GOPROXY", "https://goproxy.cn|https://proxy.golang.com.cn,direct")
	p.SetValue("GOSUMDB", "sum.golang.google.cn")
	return p
}

func presetCompany() Profile {
	p := preset(PresetCompany, "A template for a company module proxy (Athens, Artifactory, Nexus): replace athens."+PlaceholderDomain+" with your proxy and *."+PlaceholderDomain+" with your private module paths. Private modules then also go through the company proxy (GONOPROXY=none) and skip the public checksum database.")
	p.SetValue("GOPROXY", "https://athens."+PlaceholderDomain+",direct")
	p.SetValue("GOPRIVATE", "*."+PlaceholderDomain)
	p.SetValue("GONOPROXY", "none")
	p.Credentials = []string{"athens." + PlaceholderDomain}
	return p
}

func presetOffline() Profile {
	p := preset(PresetOffline, "Downloads nothing (GOPROXY=off): the go command uses only the modules already in your module cache (GOMODCACHE, by default pkg/mod in your GOPATH), and anything missing fails with \"module lookup disabled by GOPROXY=off\". -mod=mod lets it update go.mod and go.sum from what the cache holds. Fill the cache while online with go mod download in each project.")
	p.SetValue("GOPROXY", "off")
	p.SetValue("GOFLAGS", "-mod=mod")
	return p
}
