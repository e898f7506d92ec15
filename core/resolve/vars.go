package resolve

import (
	"maps"
	"path/filepath"
	"strconv"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
)

// resolveVar applies cfg.Getenv and the compiled defaults to one variable:
// raw = os(K) if non-empty, else the user file (last line), else go.env
// (first line, only when the user file lacks K); eff = raw, or the default
// when raw is "".
func (r *Resolution) resolveVar(name string, user, goenv map[string]envfile.Entry) core.Setting {
	osLayer := core.Layer{Source: core.SourceProcessEnv, State: core.StateUnset}
	if v := r.OSEnv(name); v != "" {
		osLayer.Set, osLayer.Value = true, v
	} else if r.OSEnvPresent(name) {
		osLayer.SetNote("os-empty", nil)
	}

	fileLayer := core.Layer{Source: core.SourceEnvFile, State: core.StateUnset, File: r.EnvFile.Path}
	ue, inUser := user[name]
	if inUser {
		fileLayer.Set, fileLayer.Value, fileLayer.Line = true, ue.Value, ue.Line
		if n := countKey(r.EnvFile.Entries, name); n > 1 {
			fileLayer.SetNote("file-duplicates", args{"Lines": strconv.Itoa(n), "Var": name})
		}
	} else if r.EnvFile.State != FileOK {
		fileStateNote(&fileLayer, r.EnvFile)
	}

	rootLayer := core.Layer{Source: core.SourceGorootEnv, State: core.StateUnset, File: r.Goroot.GoEnvPath}
	if ge, ok := goenv[name]; ok {
		rootLayer.Set, rootLayer.Value, rootLayer.Line = true, ge.Value, ge.Line
		if inUser {
			rootLayer.State = core.StateShadowed
			rootLayer.SetNote("goenv-hidden", args{"Var": name, "Line": strconv.Itoa(ue.Line)})
		} else if n := countKey(r.Goroot.Entries, name); n > 1 {
			rootLayer.SetNote("goenv-duplicates", args{"Lines": strconv.Itoa(n), "Var": name})
		}
	}

	defLayer := r.defaultLayer(name)

	// Pick the raw value's layer.
	var raw *core.Layer
	switch {
	case osLayer.Set:
		raw = &osLayer
	case inUser:
		raw = &fileLayer
	case rootLayer.Set:
		raw = &rootLayer
	}
	s := core.Setting{Name: name}
	for _, l := range []*core.Layer{&fileLayer, &rootLayer} {
		if l.Set && l != raw && l.State == core.StateUnset {
			l.State = core.StateShadowed
		}
	}
	switch {
	case raw != nil && raw.Value != "":
		raw.State, s.Value, s.Source = core.StateWins, raw.Value, raw.Source
		if defLayer.Set {
			defLayer.State = core.StateShadowed
		}
	case raw != nil && defLayer.Value == "":
		// An empty line supplies the empty value and hides go.env.
		raw.State, s.Value, s.Source = core.StateWins, "", raw.Source
		addNote(raw, "empty-no-fallthrough")
	default:
		if raw != nil {
			raw.State = core.StateShadowed
			addNote(raw, "empty-default-applies")
		}
		defLayer.State, s.Value, s.Source = core.StateWins, defLayer.Value, defLayer.Source
	}
	s.Chain = []core.Layer{osLayer, fileLayer, rootLayer, defLayer}
	return s
}

// defaultLayer is the compiled or derived default of name.
func (r *Resolution) defaultLayer(name string) core.Layer {
	l := core.Layer{Source: core.SourceDefault, State: core.StateUnset}
	switch name {
	case "GOAUTH":
		l.Value = "netrc"
		l.SetNote("default-compiled", nil)
	case "GONOPROXY", "GONOSUMDB":
		l.Source, l.Value = core.SourceDerived, r.Value("GOPRIVATE")
		l.SetNote("default-goprivate", nil)
	case "GOPATH":
		l.Value = r.defaultGOPATH()
		l.SetNote("default-gopath", nil)
		if l.Value != "" && !isAbs(r.GOOS, l.Value) {
			l.Value = ""
			l.SetNote("default-gopath-relative", args{"Path": r.defaultGOPATH()})
		}
	case "GOMODCACHE":
		l.Source = core.SourceDerived
		l.SetNote("default-gomodcache", nil)
		if list := splitList(r.GOOS, r.modcacheGOPATH()); len(list) > 0 && list[0] != "" {
			l.Value = filepath.Join(list[0], "pkg/mod")
		}
	case "GOPROXY", "GOSUMDB", "GOTOOLCHAIN":
		l.SetNote("default-goenv-only", nil)
	}
	l.Set = l.Value != ""
	return l
}

// modcacheGOPATH is the GOPATH the go command derives GOMODCACHE from. It
// computes GOMODCACHE before it drops a relative GOPATH inferred from a
// relative home directory, so that inferred value still counts here.
func (r *Resolution) modcacheGOPATH() string {
	if v := r.Value("GOPATH"); v != "" {
		return v
	}
	return r.defaultGOPATH()
}

// defaultGOPATH mirrors go/build.defaultGOPATH.
func (r *Resolution) defaultGOPATH() string {
	env := "HOME"
	switch r.GOOS {
	case "windows":
		env = "USERPROFILE"
	case "plan9":
		env = "home"
	}
	home := r.OSEnv(env)
	if home == "" {
		return ""
	}
	def := filepath.Join(home, "go")
	if g := r.OSEnv("GOROOT"); g != "" && filepath.Clean(def) == filepath.Clean(g) {
		return ""
	}
	return def
}

// resolveGOENV reports the env file location; GOENV comes from the OS only.
func (r *Resolution) resolveGOENV(user map[string]envfile.Entry) core.Setting {
	s := core.Setting{Name: "GOENV", Value: r.EnvFile.Path}
	osLayer := core.Layer{Source: core.SourceProcessEnv, State: core.StateUnset}
	if v := r.OSEnv("GOENV"); v != "" {
		osLayer.Set, osLayer.Value, osLayer.State = true, v, core.StateWins
		if v == "off" {
			osLayer.SetNote("goenv-os-off", nil)
		}
	}
	fileLayer := core.Layer{Source: core.SourceEnvFile, State: core.StateUnset, File: r.EnvFile.Path}
	if e, ok := user["GOENV"]; ok {
		fileLayer.Set, fileLayer.Value, fileLayer.Line = true, e.Value, e.Line
		fileLayer.State = core.StateIgnored
		fileLayer.SetNote("goenv-os-only", nil)
	}
	defLayer := core.Layer{Source: core.SourceDefault, State: core.StateUnset}
	if p, err := DefaultEnvFilePath(r); err == nil {
		defLayer.Set, defLayer.Value = true, p
	} else {
		defLayer.SetNote("goenv-no-default", args{"Reason": err.Error()})
	}
	if osLayer.Set {
		s.Source = core.SourceProcessEnv
		if defLayer.Set {
			defLayer.State = core.StateShadowed
		}
	} else {
		s.Source = core.SourceDefault
		if defLayer.Set {
			defLayer.State = core.StateWins
		}
	}
	s.Chain = []core.Layer{osLayer, fileLayer, defLayer}
	return s
}

func countKey(entries []envfile.Entry, key string) int {
	n := 0
	for _, e := range entries {
		if e.Key == key {
			n++
		}
	}
	return n
}

// args are the template arguments of a layer note (see core.Lang.Note).
type args = map[string]string

// fileStateNote explains on l why the user env file supplies nothing.
func fileStateNote(l *core.Layer, f EnvFile) {
	switch f.State {
	case FileMissing:
		l.SetNote("file-missing", nil)
	case FileDirectory:
		l.SetNote("file-directory", nil)
	case FileUnreadable:
		l.SetNote("file-unreadable", args{"Reason": f.Reason})
	case FileOff:
		l.SetNote("file-off", nil)
	case FileUnavailable:
		l.SetNote("file-unavailable", args{"Reason": f.Reason})
	}
}

// addNote sets l's note to code, keeping an earlier note as its "@Prior".
func addNote(l *core.Layer, code string) {
	var a args
	if l.NoteCode != "" {
		a = maps.Clone(l.NoteArgs)
		if a == nil {
			a = args{}
		}
		a["@Prior"] = l.NoteCode
	}
	l.SetNote(code, a)
}
