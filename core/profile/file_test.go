package profile_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/profile"
)

func TestEncodeParseRoundTrip(t *testing.T) {
	odd := profile.Profile{Name: `Hotel "Abroad" \ 東京`, Description: "tab\there, newline\nthere", Credentials: []string{"github.com/acme"}}
	odd.SetValue("GOFLAGS", `-ldflags=-X "main.v=1 2" -tags=a,b`)
	odd.SetValue("GOAUTH", `git C:\Program Files\repo;netrc`)
	odd.SetValue("GOPRIVATE", "")
	odd.UnsetKey("GOTOOLCHAIN")
	in := &profile.File{Active: odd.Name, Profiles: append(profile.Presets(), odd)}
	out, err := profile.Parse("p.toml", profile.Encode(in))
	must(t, err)
	if out.Active != in.Active || len(out.Profiles) != len(in.Profiles) {
		t.Fatalf("Parse(Encode) = %+v", out)
	}
	for i, p := range out.Profiles {
		want := in.Profiles[i]
		if p.Name != want.Name || p.Description != want.Description || !reflect.DeepEqual(p.Credentials, want.Credentials) {
			t.Errorf("profile %d = %q %q %v, want %q", i, p.Name, p.Description, p.Credentials, want.Name)
		}
		for _, k := range profile.Keys {
			if p.Get(k) != want.Get(k) {
				t.Errorf("%s: Get(%s) = %+v, want %+v", want.Name, k, p.Get(k), want.Get(k))
			}
		}
	}
}

const handEdited = `version = 1
active = "Home"

[profiles.Home]
description = "home network"
unset = ["GOFLAGS"]

[profiles.Home.set]
GOPROXY = "https://mirror.example.test,direct"
GOTOOLCHAIN = "bogus"
`

// TestInvalidValueNamesLine checks that a hand-edited bad value is refused
// on apply with the line of its key.
func TestInvalidValueNamesLine(t *testing.T) {
	m := newMachine(t, "")
	st := profile.Store{Dir: m.configDir}
	writeFile(t, st.Path(), handEdited)
	p, err := st.Get("Home")
	must(t, err)
	pl := profile.NewPlan(m.resolve(), p)
	if err := pl.Err(); err == nil || !strings.Contains(err.Error(), "line 10") {
		t.Errorf("Err() = %v, want an error naming line 10", err)
	}
	errs := pl.Errors()
	if len(errs) == 0 {
		t.Fatal("GOTOOLCHAIN=bogus was not refused")
	}
	for _, e := range errs {
		if e.Var != "GOTOOLCHAIN" || e.File != st.Path() || e.Line != 10 {
			t.Errorf("problem %s at %s:%d, want GOTOOLCHAIN at %s:10", e.Var, e.File, e.Line, st.Path())
		}
	}
}

func TestParseInvalid(t *testing.T) {
	tests := []struct {
		name, data, code string
		line             int
	}{
		{"syntax", "version = 1\nactive = Home\n", "profile-syntax", 2},
		{"unknown key", "[profiles.A.set]\nGOPROXY = \"off\"\nGOPROXYY = \"off\"\n", "profile-unknown-key", 3},
		{"unmanaged key", "[profiles.A]\nunset = [\"GOPATH\"]\n", "profile-unknown-key", 2},
		{"wrong type", "[profiles.A.set]\n\nGOFLAGS = 3\n", "profile-type", 3},
		{"secret field", "[profiles.A]\ndescription = \"x\"\npassword = \"hunter2\"\n", "profile-unknown-field", 3},
		{"set and unset", "[profiles.A]\nunset = [\"GOPROXY\"]\n[profiles.A.set]\nGOPROXY = \"off\"\n", "profile-duplicate", 2},
		{"top-level typo", "versoin = 1\n", "profile-unknown-field", 1},
		{"second profile", "[profiles.A.set]\nGOPROXY = \"off\"\n[profiles.B.set]\nGOPROXY = \"off\"\nGOFLAG = \"-v\"\n", "profile-unknown-key", 5},
		{"newer version", "\nversion = 9\n", "profile-version", 2},
		{"bad name", "[profiles.\" A\"]\ndescription = \"x\"\n", "profile-name", 1},
		{"not a number", "version = \"one\"\n", "profile-type", 1},
	}
	for _, tt := range tests {
		_, err := profile.Parse("x.toml", []byte(tt.data))
		var ie *profile.InvalidError
		if !errors.As(err, &ie) {
			t.Errorf("%s: Parse error = %v, want *InvalidError", tt.name, err)
			continue
		}
		if p := ie.Problems[0]; p.Code != tt.code || p.Line != tt.line || p.File != "x.toml" {
			t.Errorf("%s: problem %s at line %d, want %s at line %d (%s)", tt.name, p.Code, p.Line, tt.code, tt.line, p.Message)
		}
		if p := ie.Problems[0]; core.CheckRendered(p) != nil {
			t.Errorf("%s: problem %s is not its template rendered: %v", tt.name, p.Code, core.CheckRendered(p))
		}
		if !strings.Contains(err.Error(), "line ") {
			t.Errorf("%s: error text names no line: %v", tt.name, err)
		}
		var re *core.RefusedError
		if !errors.As(err, &re) {
			t.Errorf("%s: error does not unwrap to *core.RefusedError", tt.name)
		}
	}
}

func TestCheckSecretsAndPlaceholders(t *testing.T) {
	m := newMachine(t, "")
	p := profile.Profile{Name: "Leaky", Credentials: []string{"https://user:pw@host.test"}}
	p.SetValue("GOPROXY", "https://me:s3cret@athens.office.test,direct")
	ps := profile.Check(m.resolve(), p)
	if !hasCode(ps, "profile-secret") || !hasCode(ps, "profile-credential") {
		t.Errorf("Check = %v, want profile-secret and profile-credential", codes(ps))
	}
	for _, pr := range ps {
		if strings.Contains(pr.Message, "s3cret") {
			t.Errorf("message shows the password: %s", pr.Message)
		}
	}
	company, _ := profile.Preset(profile.PresetCompany)
	if ps := profile.Check(m.resolve(), company); !hasCode(core.Errors(ps), "profile-placeholder") {
		t.Errorf("unedited Company template: Check = %v, want profile-placeholder errors", codes(ps))
	}
}

// TestSyntaxProblemKeepsParserDetail checks that a TOML syntax error keeps
// the parser's own words, as an argument the translations print too.
func TestSyntaxProblemKeepsParserDetail(t *testing.T) {
	_, err := profile.Parse("x.toml", []byte("version = 1\nactive = Home\n"))
	var ie *profile.InvalidError
	if !errors.As(err, &ie) {
		t.Fatalf("Parse error = %v, want *InvalidError", err)
	}
	p := ie.Problems[0]
	if detail := p.Args["Error"]; detail == "" || p.Message != "TOML syntax error: "+detail+"." {
		t.Errorf("syntax problem = %q with Error %q, want the parser's detail in the message", p.Message, detail)
	}
}

func TestCheckName(t *testing.T) {
	for _, tt := range []struct{ name, kind, want string }{
		{"Office", "", ""},
		{" ", "empty", "a profile needs a name"},
		{"Office ", "spaces", `the profile name "Office " starts or ends with spaces; remove them`},
		{"Off\nice", "control", `the profile name "Off\nice" contains a control character such as a line break; use plain text`},
		{strings.Repeat("x", 101), "long", `the profile name "xxxxxxxxxxxxxxxxxxxx"… is longer than 100 bytes; shorten it`},
	} {
		err := profile.CheckName(tt.name)
		var ne *profile.NameError
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckName(%q) = %v, want nil", tt.name, err)
		case tt.want == "":
		case !errors.As(err, &ne) || ne.Kind != tt.kind || err.Error() != tt.want:
			t.Errorf("CheckName(%q) = %v, want %s error %q", tt.name, err, tt.kind, tt.want)
		case ne.Problem().Code != "profile-name" || core.CheckRendered(ne.Problem()) != nil:
			t.Errorf("CheckName(%q).Problem() = %+v, want the templated profile-name", tt.name, ne.Problem())
		}
	}
}
