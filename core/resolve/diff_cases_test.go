package resolve_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gomirror/gomirror/core"
)

// userFile is where the user env file lives under $T by default.
const userFile = "home/.config/go/env"

// fakeGoEnv is the go.env of the fake GOROOTs: a duplicate GOPROXY (the
// first counts), a checksum database, GOPRIVATE and GOFLAGS, no GOTOOLCHAIN.
const fakeGoEnv = "# fake go.env\n" +
	"GOPROXY=https://fake1.example.test\n" +
	"GOPROXY=https://fake2.example.test\n" +
	"GOSUMDB=sum.example.test\n" +
	"GOPRIVATE=fromgoenv.example.test\n" +
	"GOFLAGS=-mod=mod\n"

// fakeSources are the sources with fakeGoEnv in effect and nothing else set.
var fakeSources = map[string]core.Source{
	"GOPROXY": G, "GOSUMDB": G, "GOPRIVATE": G, "GOFLAGS": G, "GOTOOLCHAIN": D,
}

// fakeValues are the values with fakeGoEnv in effect and nothing else set.
var fakeValues = map[string]string{
	"GOPROXY": "https://fake1.example.test", "GOSUMDB": "sum.example.test",
	"GOPRIVATE": "fromgoenv.example.test", "GONOPROXY": "fromgoenv.example.test",
	"GONOSUMDB": "fromgoenv.example.test", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "",
}

// with returns m plus the pairs.
func with[V any](m map[string]V, kv ...any) map[string]V {
	out := map[string]V{}
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1].(V)
	}
	return out
}

// src builds a source table from name, source pairs.
func src(kv ...any) map[string]core.Source { return with(map[string]core.Source{}, kv...) }

// val builds a value table from name, value pairs.
func val(kv ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

// handCases returns every hand-written configuration.
func handCases() []goCase {
	var cs []goCase
	cs = append(cs, specCases()...)
	cs = append(cs, goenvCases()...)
	cs = append(cs, quirkCases()...)
	cs = append(cs, gorootCases()...)
	cs = append(cs, gopathCases()...)
	return cs
}

// specCases are rows 1–25 of the spec's §9 table (26 is a write).
func specCases() []goCase {
	fileProxy := map[string]string{userFile: "GOPROXY=https://file.example.test\n"}
	return []goCase{
		{name: "s01-nothing"},
		{name: "s02-empty-os-falls-to-file", files: fileProxy, env: []string{"GOPROXY="},
			want: src("GOPROXY", F), wantVal: val("GOPROXY", "https://file.example.test")},
		{name: "s03-os-shadows-file", files: fileProxy, env: []string{"GOPROXY=https://os.example.test"},
			want: src("GOPROXY", P), wantVal: val("GOPROXY", "https://os.example.test")},
		{name: "s04-empty-lines-hide-goenv", files: map[string]string{userFile: "GOPROXY=\nGOSUMDB=\n"},
			want: src("GOPROXY", F, "GOSUMDB", F), wantVal: val("GOPROXY", "", "GOSUMDB", "")},
		{name: "s05-duplicate-last-wins", files: map[string]string{userFile: "GOPROXY=https://a.example.test\nGOPROXY=https://b.example.test\n"},
			want: src("GOPROXY", F), wantVal: val("GOPROXY", "https://b.example.test")},
		{name: "s06-bad-keys-ignored", files: map[string]string{userFile: " GOPROXY=https://x.example.test\nGOSUMDB =off\ngoprivate=y.example.test\n"}},
		{name: "s07-quotes-and-cr-kept", files: map[string]string{userFile: "GOPROXY=\"https://q.example.test\"\nGOPRIVATE=a.example.test # c\r\n"},
			want:    src("GOPROXY", F, "GOPRIVATE", F),
			wantVal: val("GOPROXY", `"https://q.example.test"`, "GOPRIVATE", "a.example.test # c\r", "GONOPROXY", "a.example.test # c\r")},
		{name: "s08-bom-line-ignored", files: map[string]string{userFile: "\xEF\xBB\xBFGOPROXY=https://bom.example.test\n"}},
		{name: "s09-os-goprivate-derives", env: []string{"GOPRIVATE=*.corp.example.test,rsc.io/private"},
			want: src("GOPRIVATE", P), wantVal: val("GONOPROXY", "*.corp.example.test,rsc.io/private", "GONOSUMDB", "*.corp.example.test,rsc.io/private")},
		{name: "s10-gonoproxy-none", files: map[string]string{userFile: "GOPRIVATE=a.example.test\n"}, env: []string{"GONOPROXY=none"},
			want: src("GOPRIVATE", F, "GONOPROXY", P), wantVal: val("GONOPROXY", "none", "GONOSUMDB", "a.example.test")},
		{name: "s11-empty-never-turns-off", files: map[string]string{userFile: "GONOSUMDB=\n"}, env: []string{"GOPRIVATE=a.example.test", "GONOPROXY="},
			want: src("GOPRIVATE", P), wantVal: val("GONOPROXY", "a.example.test", "GONOSUMDB", "a.example.test")},
		{name: "s12-goenv-off", files: fileProxy, env: []string{"GOENV=off"},
			want: src("GOENV", P), wantVal: val("GOENV", "")},
		{name: "s13-goenv-empty", files: fileProxy, env: []string{"GOENV="},
			want: src("GOPROXY", F), wantVal: val("GOENV", "$T/"+userFile)},
		{name: "s14-goenv-relative", files: map[string]string{"work/rel.env": "GOPROXY=https://rel.example.test\n"}, env: []string{"GOENV=rel.env"},
			want: src("GOENV", P, "GOPROXY", F), wantVal: val("GOENV", "rel.env", "GOPROXY", "https://rel.example.test")},
		{name: "s15-xdg-relative", files: map[string]string{userFile: "GOPROXY=https://file.example.test\n", "work/rel/go/env": "GOPROXY=https://rel.example.test\n"},
			env: []string{"XDG_CONFIG_HOME=rel"}, wantVal: val("GOENV", "")},
		{name: "s16-goenv-directory", files: fileProxy, dirs: []string{"adir"}, env: []string{"GOENV=$T/adir"},
			want: src("GOENV", P), wantVal: val("GOENV", "$T/adir")},
		{name: "s17-no-home", unset: []string{"HOME"}, wantVal: val("GOENV", "", "GOPATH", "", "GOMODCACHE", "")},
		{name: "s18-os-goflags-replaces", files: map[string]string{userFile: "GOFLAGS=-mod=mod\n"}, env: []string{"GOFLAGS=-modcacherw"},
			want: src("GOFLAGS", P), wantVal: val("GOFLAGS", "-modcacherw")},
		{name: "s19-file-repeats-goenv-value", roots: map[string]string{"fake": fakeGoEnv}, env: []string{"GOROOT=$T/fake"},
			files: map[string]string{userFile: "GOPROXY=https://fake1.example.test\nGOTOOLCHAIN=auto\n"},
			want:  with(fakeSources, "GOPROXY", F, "GOTOOLCHAIN", F), wantVal: val("GOTOOLCHAIN", "auto")},
		{name: "s20-gopath-list", files: map[string]string{userFile: "GOPATH=$T/gp1:$T/gp2\n"},
			want: src("GOPATH", F), wantVal: val("GOPATH", "$T/gp1:$T/gp2", "GOMODCACHE", "$T/gp1/pkg/mod")},
		{name: "s21-os-gopath-and-modcache", env: []string{"GOPATH=$T/gp3", "GOMODCACHE=$T/mc3"},
			want: src("GOPATH", P, "GOMODCACHE", P), wantVal: val("GOMODCACHE", "$T/mc3")},
		{name: "s22-file-goroot-fake", roots: map[string]string{"fake": fakeGoEnv}, files: map[string]string{userFile: "GOROOT=$T/fake\n"},
			want: fakeSources, wantVal: with(fakeValues, "GOROOT", "$T/fake")},
		{name: "s22b-os-value-equal-to-second-duplicate", roots: map[string]string{"fake": fakeGoEnv},
			files: map[string]string{userFile: "GOROOT=$T/fake\n"}, env: []string{"GOPROXY=https://fake2.example.test"},
			want: with(fakeSources, "GOPROXY", P), wantVal: val("GOPROXY", "https://fake2.example.test")},
		{name: "s23-goroot-without-goenv", roots: map[string]string{"bare": noGoEnv}, env: []string{"GOROOT=$T/bare"},
			want: src("GOPROXY", D, "GOSUMDB", D, "GOTOOLCHAIN", D), wantVal: val("GOPROXY", "", "GOSUMDB", "", "GOTOOLCHAIN", "")},
		{name: "s24-file-goroot-beats-os", roots: map[string]string{"fake": fakeGoEnv},
			files: map[string]string{userFile: "GOROOT=$T/fake\n"}, env: []string{"GOROOT=" + realGoroot},
			want: fakeSources, wantVal: with(fakeValues, "GOROOT", realGoroot)},
		{name: "s25-netrc-proxy-lines", files: map[string]string{userFile: "NETRC=$T/netrc\nHTTP_PROXY=http://127.0.0.1:9\n"}},
	}
}

// goenvCases cover every way of locating the user env file.
func goenvCases() []goCase {
	fileProxy := map[string]string{userFile: "GOPROXY=https://file.example.test\n"}
	return []goCase{
		{name: "goenv-unset-file-used", files: fileProxy, want: src("GOPROXY", F)},
		{name: "goenv-dot-off", files: map[string]string{"work/off": "GOPROXY=https://off.example.test\n"}, env: []string{"GOENV=./off"},
			want: src("GOENV", P, "GOPROXY", F), wantVal: val("GOENV", "./off", "GOPROXY", "https://off.example.test")},
		{name: "goenv-absolute", files: map[string]string{"alt/env": "GOPROXY=https://alt.example.test\n"}, env: []string{"GOENV=$T/alt/env"},
			want: src("GOENV", P, "GOPROXY", F)},
		{name: "goenv-absolute-missing", files: fileProxy, env: []string{"GOENV=$T/nope/env"},
			want: src("GOENV", P), wantVal: val("GOENV", "$T/nope/env")},
		{name: "goenv-unreadable", files: fileProxy, env: []string{"GOENV=$T/" + userFile}, setup: unreadable(userFile),
			want: src("GOENV", P)},
		{name: "xdg-absolute", files: map[string]string{"xdg/go/env": "GOPROXY=https://xdg.example.test\n"}, env: []string{"XDG_CONFIG_HOME=$T/xdg"},
			want: src("GOPROXY", F), wantVal: val("GOENV", "$T/xdg/go/env")},
		{name: "xdg-empty-uses-home", files: fileProxy, env: []string{"XDG_CONFIG_HOME="},
			want: src("GOPROXY", F), wantVal: val("GOENV", "$T/"+userFile)},
		{name: "no-home-xdg-absolute", unset: []string{"HOME"}, files: map[string]string{"xdg/go/env": "GOPROXY=https://xdg.example.test\n"},
			env: []string{"XDG_CONFIG_HOME=$T/xdg"}, want: src("GOPROXY", F), wantVal: val("GOPATH", "", "GOMODCACHE", "")},
		{name: "home-relative", files: map[string]string{"work/rel/.config/go/env": "GOPROXY=https://relhome.example.test\n"}, env: []string{"HOME=rel"},
			want: src("GOPROXY", F), wantVal: val("GOENV", "rel/.config/go/env", "GOPATH", "", "GOMODCACHE", "rel/go/pkg/mod")},
		{name: "home-relative-empty-gopath-line", files: map[string]string{"work/rel/.config/go/env": "GOPATH=\n"}, env: []string{"HOME=rel"},
			want: src("GOPATH", F), wantVal: val("GOPATH", "", "GOMODCACHE", "rel/go/pkg/mod")},
		{name: "home-trailing-slash", env: []string{"HOME=$T/home/"}, wantVal: val("GOPATH", "$T/home/go")},
	}
}

// unreadable makes a file unreadable, or skips when the test runs with
// permissions that read it anyway (as root does).
func unreadable(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, name)
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := os.ReadFile(p); err == nil {
			t.Skip("the file stays readable after chmod 000 (running as root), so it cannot be made unreadable")
		}
	}
}

// copyGo copies the real go binary into dir under $T, away from any GOROOT.
func copyGo(dir string) func(*testing.T, string) {
	return func(t *testing.T, root string) {
		data, err := os.ReadFile(realGo)
		if err != nil {
			t.Fatal(err)
		}
		mkdir(t, filepath.Join(root, dir))
		if err := os.WriteFile(filepath.Join(root, dir, "go"), data, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// quirkCases are file-format quirks read exactly as cmd/go's readEnvFile does.
func quirkCases() []goCase {
	f := func(content string) map[string]string { return map[string]string{userFile: content} }
	return []goCase{
		{name: "quirk-crlf", files: f("GOPROXY=https://crlf.example.test\r\nGOSUMDB=off\r\n"),
			want: src("GOPROXY", F, "GOSUMDB", F), wantVal: val("GOPROXY", "https://crlf.example.test\r", "GOSUMDB", "off\r")},
		{name: "quirk-no-final-newline", files: f("GOAUTH=off"), want: src("GOAUTH", F), wantVal: val("GOAUTH", "off")},
		{name: "quirk-comments-blank-lines", files: f("# GOPROXY=https://c.example.test\n\n=x\nGOINSECURE=i.example.test\n"),
			want: src("GOINSECURE", F)},
		{name: "quirk-empty-gonoproxy-with-goprivate", files: f("GOPRIVATE=p.example.test\nGONOPROXY=\n"),
			want: src("GOPRIVATE", F), wantVal: val("GONOPROXY", "p.example.test")},
		{name: "quirk-empty-goauth-line", files: f("GOAUTH=\n"), wantVal: val("GOAUTH", "netrc")},
		{name: "quirk-goenv-line-ignored", files: map[string]string{userFile: "GOENV=$T/other\n", "other": "GOPROXY=https://other.example.test\n"}},
		{name: "quirk-crlf-goroot-line", files: f("GOROOT=" + realGoroot + "\r\n"), wantErr: "cannot find GOROOT directory: " + realGoroot + "\r"},
		{name: "quirk-empty-goroot-line", files: f("GOROOT=\nGOVCS=*:off\n"), want: src("GOVCS", F), wantVal: val("GOROOT", realGoroot)},
		{name: "quirk-duplicate-empty-last", files: f("GOPROXY=https://a.example.test\nGOPROXY=\n"), want: src("GOPROXY", F), wantVal: val("GOPROXY", "")},
		{name: "quirk-empty-then-value", files: f("GOPROXY=\nGOPROXY=https://b.example.test\n"), want: src("GOPROXY", F)},
		{name: "quirk-toolchain-and-flags", files: f("GOTOOLCHAIN=local+auto\nGOFLAGS=-modcacherw -mod=mod\n"), want: src("GOTOOLCHAIN", F, "GOFLAGS", F)},
		{name: "quirk-os-empty-everywhere", files: f("GOPRIVATE=q.example.test\n"), env: []string{"GOPROXY=", "GOSUMDB=", "GOPRIVATE=", "GOFLAGS=", "GOPATH="},
			want: src("GOPRIVATE", F)},
	}
}

// gorootCases cover how the go command finds GOROOT and its go.env.
func gorootCases() []goCase {
	fake := map[string]string{"fake": fakeGoEnv}
	return []goCase{
		{name: "goroot-os-fake-trailing-slash", roots: fake, env: []string{"GOROOT=$T/fake/"},
			want: fakeSources, wantVal: with(fakeValues, "GOROOT", "$T/fake/")},
		{name: "goroot-file-relative", roots: fake, files: map[string]string{userFile: "GOROOT=../fake\n"},
			want: fakeSources, wantVal: with(fakeValues, "GOROOT", "../fake")},
		{name: "goroot-file-fake-user-hides-goenv", roots: fake, files: map[string]string{userFile: "GOROOT=$T/fake\nGOPROXY=\nGOPRIVATE=u.example.test\n"},
			want: with(fakeSources, "GOPROXY", F, "GOPRIVATE", F), wantVal: val("GOPROXY", "", "GONOSUMDB", "u.example.test")},
		{name: "goroot-goenv-empty-and-crlf", roots: map[string]string{"fake": "GOPROXY=\nGOSUMDB=off\r\nGOTOOLCHAIN=local\nGOAUTH=\n"}, env: []string{"GOROOT=$T/fake"},
			want: src("GOPROXY", G, "GOSUMDB", G, "GOTOOLCHAIN", G), wantVal: val("GOPROXY", "", "GOSUMDB", "off\r", "GOAUTH", "netrc")},
		{name: "goroot-goenv-gopath", roots: map[string]string{"fake": "GOPATH=$T/gpenv\nGOMODCACHE=\n"}, env: []string{"GOROOT=$T/fake"},
			want: src("GOPATH", G, "GOPROXY", D, "GOSUMDB", D, "GOTOOLCHAIN", D), wantVal: val("GOMODCACHE", "$T/gpenv/pkg/mod")},
		{name: "goroot-missing", env: []string{"GOROOT=$T/missing"}, wantErr: "cannot find GOROOT directory: $T/missing"},
		{name: "goroot-file-missing", files: map[string]string{userFile: "GOROOT=$T/missing\n"}, wantErr: "cannot find GOROOT directory: $T/missing"},
		{name: "go-through-symlink", link: "lnbin", wantVal: val("GOROOT", realGoroot)},
		{name: "go-through-fake-bin", roots: fake, bin: "fake/bin/go", env: []string{"PATH=$T/fake/bin:/usr/bin:/bin"},
			wantVal: val("GOROOT", realGoroot)},
		{name: "go-copied-trimmed", setup: copyGo("cp"), bin: "cp/go", env: []string{"PATH=$T/cp:/usr/bin:/bin"},
			wantErr: "'go' binary is trimmed and GOROOT is not set"},
		{name: "go-copied-with-os-goroot", setup: copyGo("cp"), bin: "cp/go", env: []string{"PATH=$T/cp:/usr/bin:/bin", "GOROOT=" + realGoroot},
			wantVal: val("GOROOT", realGoroot)},
		{name: "goenv-off-ignores-file-goroot", roots: fake, files: map[string]string{userFile: "GOROOT=$T/fake\n"}, env: []string{"GOENV=off"},
			want: src("GOENV", P), wantVal: val("GOROOT", realGoroot)},
	}
}

// gopathCases cover GOPATH and the GOMODCACHE derived from it.
func gopathCases() []goCase {
	return []goCase{
		{name: "gopath-default", wantVal: val("GOPATH", "$T/home/go", "GOMODCACHE", "$T/home/go/pkg/mod")},
		{name: "gopath-os-list", env: []string{"GOPATH=$T/a:$T/b"}, want: src("GOPATH", P), wantVal: val("GOMODCACHE", "$T/a/pkg/mod")},
		{name: "gopath-empty-first-element", files: map[string]string{userFile: "GOPATH=:$T/b\n"}, want: src("GOPATH", F), wantVal: val("GOMODCACHE", "")},
		{name: "gopath-os-beats-file", files: map[string]string{userFile: "GOPATH=$T/f\nGOMODCACHE=$T/mcf\n"}, env: []string{"GOPATH=$T/o"},
			want: src("GOPATH", P, "GOMODCACHE", F), wantVal: val("GOMODCACHE", "$T/mcf")},
		{name: "gopath-home-go-is-goroot", roots: map[string]string{"h2/go": noGoEnv}, env: []string{"HOME=$T/h2", "GOROOT=$T/h2/go"},
			want: src("GOPROXY", D, "GOSUMDB", D, "GOTOOLCHAIN", D), wantVal: val("GOPATH", "", "GOMODCACHE", "")},
	}
}
