package origin

import (
	"testing"

	"github.com/gomirror/gomirror/core"
)

func TestKindOf(t *testing.T) {
	for path, want := range map[string]ShellKind{
		"/bin/bash": Bash, "/usr/local/bin/zsh": Zsh, "/opt/homebrew/bin/fish": Fish, "/bin/dash": Sh,
		"-zsh": Zsh, "/bin/ksh93": Sh, "/bin/tcsh": Csh, `C:\Program Files\PowerShell\7\pwsh.exe`: Pwsh,
		"powershell.exe": Pwsh, "/usr/bin/nu": "", "/usr/sbin/nologin": "",
	} {
		if got := KindOf(path); got != want {
			t.Errorf("KindOf(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestAttribute(t *testing.T) {
	as := []Assignment{
		{File: "a", Line: 1, Var: "GOPROXY", Value: "one", Exact: true},
		{File: "b", Line: 2, Var: "GOPROXY", Value: "two", Exact: true},
		{File: "a", Line: 3, Var: "GOSUMDB", Value: "off", Exact: true},
		{File: "a", Line: 4, Var: "GOFLAGS", Exact: false},
		{File: "a", Line: 5, Var: "GONOSUMDB", Unset: true, Exact: true},
		{File: "a", Line: 6, Var: "GOPRIVATE", Unset: true, Exact: true},
		{File: "a", Line: 7, Var: "GOTOOLCHAIN", Value: "local", Exact: true},
		// setx writes the user's registry variable, not the shell's: the
		// shell's GOPROXY still comes from b:2.
		{File: "a", Line: 8, Var: "GOPROXY", Value: "three", Exact: true, Form: "setx", Scope: ScopeUser},
	}
	env := map[string]string{"GOPROXY": "two", "GOSUMDB": "on", "GOFLAGS": "-x", "GOPRIVATE": "p", "GOAUTH": "netrc"}
	cases := []struct {
		name   string
		status Status
		where  string
	}{
		{"GOPROXY", StatusConfirmed, "b:2"},
		{"GOSUMDB", StatusDiffers, "a:3"},
		{"GOFLAGS", StatusComputed, "a:4"},
		{"GONOSUMDB", StatusConfirmed, "a:5"},
		{"GOPRIVATE", StatusDiffers, "a:6"},
		{"GOTOOLCHAIN", StatusDiffers, "a:7"},
		{"GOAUTH", StatusNotFound, ""},
	}
	got := map[string]Origin{}
	names := []string{"GOPROXY", "GOSUMDB", "GOFLAGS", "GONOSUMDB", "GOPRIVATE", "GOTOOLCHAIN", "GOAUTH", "GOVCS"}
	for _, o := range Attribute(Terminal, as, env, names) {
		got[o.Var] = o
	}
	if _, ok := got["GOVCS"]; ok {
		t.Errorf("GOVCS has an origin, but nothing sets it")
	}
	for _, c := range cases {
		o := got[c.name]
		if o.Status != c.status || o.Location() != c.where {
			t.Errorf("Attribute: %s = %s at %q, want %s at %q", c.name, o.Status, o.Location(), c.status, c.where)
		}
		if c.status != StatusConfirmed && o.Note == "" {
			t.Errorf("%s: status %s has no note", c.name, o.Status)
		}
		if core.Snippet(o.NoteCode, o.NoteArgs) != o.Note {
			t.Errorf("%s: note %q is not its snippet %q rendered", c.name, o.Note, o.NoteCode)
		}
	}
	if e := got["GOPROXY"].Earlier; len(e) != 1 || e[0].File != "a" || e[0].Line != 1 {
		t.Errorf("GOPROXY earlier = %+v, want a:1", e)
	}
}

func TestEnvMap(t *testing.T) {
	m := EnvMap([]string{"Path=C:\\go", "PATH=ignored", "=C:=C:\\", "GOPROXY=a=b"}, "windows")
	if m["PATH"] != `C:\go` || m["GOPROXY"] != "a=b" || len(m) != 2 {
		t.Errorf("EnvMap = %v", m)
	}
}
