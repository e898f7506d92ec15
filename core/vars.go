package core

// Var describes one setting Go Mirror manages.
type Var struct {
	Name string
	// Writable reports whether go env -w may store it in the user env file.
	Writable bool
	// Doc is a one-paragraph explanation in English. The UI translates it by
	// the key "doc."+Name.
	Doc string
}

// Vars lists the managed settings in display order.
var Vars = []Var{
	{"GOPROXY", true, "The module proxies the go command downloads from, in order. Entries are URLs, \"direct\" (fetch from the version-control host) or \"off\" (no downloads). A comma falls back to the next entry only when a proxy answers 404 or 410; a pipe (|) falls back on any error. The default comes from $GOROOT/go.env."},
	{"GOSUMDB", true, "The checksum database that verifies every downloaded module the first time it is seen: a name, optionally with a public key and a URL, or \"off\" to skip verification. Without an explicit URL the database is reached through the GOPROXY mirrors when they proxy it. The default comes from $GOROOT/go.env."},
	{"GOPRIVATE", true, "Comma-separated glob patterns of module path prefixes that are private: they are fetched directly (not through GOPROXY) and not checked against the checksum database. It is the default for GONOPROXY and GONOSUMDB."},
	{"GONOPROXY", true, "Module path patterns fetched directly from their version-control host instead of through GOPROXY. When unset in every layer it follows GOPRIVATE; set it to \"none\" to turn that off."},
	{"GONOSUMDB", true, "Module path patterns that are not verified against the checksum database. When unset in every layer it follows GOPRIVATE; set it to \"none\" to turn that off."},
	{"GOINSECURE", true, "Module path patterns that may be fetched directly over plain HTTP or with unverified TLS. It affects only direct fetches, never GOPROXY URLs, and does not turn off checksum verification."},
	{"GOAUTH", true, "How the go command finds credentials for HTTPS module downloads: a semicolon-separated list of methods such as \"netrc\", \"git DIR\" or a helper command, or \"off\". The default is netrc."},
	{"GOFLAGS", true, "Space-separated default flags for every go command, such as -mod=mod or -modcacherw. A value in the environment replaces the file's value entirely; they are not merged."},
	{"GOTOOLCHAIN", true, "Which Go toolchain runs: \"local\", \"auto\", a version such as go1.26.0, or a version with +auto or +path. With auto, newer toolchains are downloaded through GOPROXY as modules. The default comes from $GOROOT/go.env."},
	{"GOVCS", true, "Which version-control tools may be used for direct fetches, as pattern:vcs|vcs rules. Your rules come first, then the default private:all,public:git|hg."},
	{"GOENV", false, "The location of the user env file that go env -w writes. It can only be set in the OS environment; \"off\" disables the file. By default it is go/env under your user configuration directory."},
	{"GOPATH", true, "The list of workspace directories; the first holds the module cache and installed binaries by default. Every element must be an absolute path. The default is the go directory in your home."},
	{"GOMODCACHE", true, "The directory where downloaded modules are cached. The default is pkg/mod under the first GOPATH element."},
}

// LookupVar returns the managed variable with the given name.
func LookupVar(name string) (Var, bool) {
	for _, v := range Vars {
		if v.Name == name {
			return v, true
		}
	}
	return Var{}, false
}

// VarNames returns the managed variable names in display order.
func VarNames() []string {
	names := make([]string, len(Vars))
	for i, v := range Vars {
		names[i] = v.Name
	}
	return names
}
