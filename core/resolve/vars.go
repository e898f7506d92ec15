package resolve

import (
	"fmt"
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
		osLayer.Note = "set to the empty string, which the go command treats as unset"
	}

	fileLayer := core.Layer{Source: core.SourceEnvFile, State: core.StateUnset, File: r.EnvFile.Path}
	ue, inUser := user[name]
	if inUser {
		fileLayer.Set, fileLayer.Value, fileLayer.Line = true, ue.Value, ue.Line
		if n := countKey(r.EnvFile.Entries, name); n > 1 {
			fileLayer.Note = fmt.Sprintf("%d lines set %s; the last one counts", n, name)
		}
	} else if r.EnvFile.State != FileOK {
		fileLayer.Note = fileStateNote(r.EnvFile)
	}

	rootLayer := core.Layer{Source: core.SourceGorootEnv, State: core.StateUnset, File: r.Goroot.GoEnvPath}
	if ge, ok := goenv[name]; ok {
		rootLayer.Set, rootLayer.Value, rootLayer.Line = true, ge.Value, ge.Line
		if inUser {
			rootLayer.State = core.StateShadowed
			rootLayer.Note = fmt.Sprintf("hidden because the user env file sets %s (line %d), even if empty", name, ue.Line)
		} else if n := countKey(r.Goroot.Entries, name); n > 1 {
			rootLayer.Note = fmt.Sprintf("%d lines set %s; the first one counts in go.env", n, name)
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
		raw.Note = joinNote(raw.Note, "empty value: nothing falls through to go.env")
	default:
		if raw != nil {
			raw.State = core.StateShadowed
			raw.Note = joinNote(raw.Note, "empty value, so the default applies")
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
		l.Value, l.Note = "netrc", "compiled into the go command"
	case "GONOPROXY", "GONOSUMDB":
		l.Source, l.Value, l.Note = core.SourceDerived, r.Value("GOPRIVATE"), "follows GOPRIVATE"
	case "GOPATH":
		l.Value, l.Note = r.defaultGOPATH(), "the go directory in your home"
		if l.Value != "" && !isAbs(r.GOOS, l.Value) {
			l.Value, l.Note = "", "the go directory in your home would be the relative path "+
				strconv.Quote(r.defaultGOPATH())+", so the go command leaves GOPATH unset"
		}
	case "GOMODCACHE":
		l.Source, l.Note = core.SourceDerived, "pkg/mod under the first GOPATH element"
		if list := splitList(r.GOOS, r.modcacheGOPATH()); len(list) > 0 && list[0] != "" {
			l.Value = filepath.Join(list[0], "pkg/mod")
		}
	case "GOPROXY", "GOSUMDB", "GOTOOLCHAIN":
		l.Note = "no compiled default: the real default comes from $GOROOT/go.env"
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
			osLayer.Note = "off: no user env file is read"
		}
	}
	fileLayer := core.Layer{Source: core.SourceEnvFile, State: core.StateUnset, File: r.EnvFile.Path}
	if e, ok := user["GOENV"]; ok {
		fileLayer.Set, fileLayer.Value, fileLayer.Line = true, e.Value, e.Line
		fileLayer.State, fileLayer.Note = core.StateIgnored, "GOENV can only be set in the OS environment"
	}
	defLayer := core.Layer{Source: core.SourceDefault, State: core.StateUnset}
	if p, err := DefaultEnvFilePath(r); err == nil {
		defLayer.Set, defLayer.Value = true, p
	} else {
		defLayer.Note = err.Error()
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

func fileStateNote(f EnvFile) string {
	switch f.State {
	case FileMissing:
		return "the file does not exist yet"
	case FileDirectory:
		return "the path is a directory, so nothing is read"
	case FileUnreadable:
		return "the file cannot be read: " + f.Reason
	case FileOff:
		return "GOENV=off: no user env file is read"
	case FileUnavailable:
		return "no user env file: " + f.Reason
	}
	return ""
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
