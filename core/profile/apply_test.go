package profile_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/profile"
)

const startFile = "# my settings\nGOPRIVATE=*.corp.test\nGOFLAGS=-modcacherw\nGOPROXY=https://old.example.test\r\n\nGOTOOLCHAIN=local\n"

func officeProfile() profile.Profile {
	p := profile.Profile{Name: "Office"}
	p.SetValue("GOPROXY", "https://athens.office.test|https://mirror.example.test,direct")
	p.SetValue("GOSUMDB", "sum.example.test")
	p.SetValue("GOPRIVATE", "*.corp.test") // already so: no change
	p.UnsetKey("GOFLAGS")
	p.UnsetKey("GOTOOLCHAIN")
	p.UnsetKey("GOINSECURE") // absent: no change
	return p
}

func TestPlanDiff(t *testing.T) {
	m := newMachine(t, startFile)
	pl := profile.NewPlan(m.resolve(), officeProfile())
	var got []string
	for _, c := range pl.Changes {
		got = append(got, c.Key+":"+string(c.Action)+":"+c.Old+"->"+c.New)
	}
	want := "GOPROXY:set:https://old.example.test\r->https://athens.office.test|https://mirror.example.test,direct " +
		"GOSUMDB:set:->sum.example.test GOFLAGS:unset:-modcacherw-> GOTOOLCHAIN:unset:local->"
	if strings.Join(got, " ") != want {
		t.Errorf("changes:\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	if errs := pl.Errors(); len(errs) > 0 {
		t.Errorf("unexpected errors: %v", errs)
	}
	if pl.Empty() {
		t.Error("Empty() = true, want false")
	}
}

// TestApplyUndo applies a profile in one write and undoes it byte for byte.
func TestApplyUndo(t *testing.T) {
	m := newMachine(t, startFile)
	svc := m.service()
	r := svc.Resolve()
	pl := profile.NewPlan(r, officeProfile())
	res, err := svc.Apply(r, pl.Sets(), pl.Unsets())
	must(t, err)
	if len(res.Changes) != 4 {
		t.Errorf("history changes = %d, want 4: %+v", len(res.Changes), res.Changes)
	}
	after := m.resolve()
	if !profile.Matches(after, officeProfile()) {
		t.Errorf("after apply the file does not match the profile:\n%s", m.readEnvFile(t))
	}
	for k, want := range map[string]string{"GOPROXY": "https://athens.office.test|https://mirror.example.test,direct", "GOTOOLCHAIN": "auto", "GOFLAGS": ""} {
		if got := after.Value(k); got != want {
			t.Errorf("after apply %s = %q, want %q", k, got, want)
		}
	}
	hist, err := svc.History()
	must(t, err)
	if len(hist) != 1 {
		t.Fatalf("history has %d entries, want 1", len(hist))
	}
	_, err = svc.Undo()
	must(t, err)
	if got := m.readEnvFile(t); got != startFile {
		t.Errorf("after undo the file is\n%q\nwant\n%q", got, startFile)
	}
}

func TestApplyWarnsShadowed(t *testing.T) {
	m := newMachine(t, startFile, "GOPROXY=https://from-os.example.test", "GOFLAGS=-v")
	svc := m.service()
	r := svc.Resolve()
	pl := profile.NewPlan(r, officeProfile())
	shadowed := map[string]bool{}
	for _, c := range pl.Changes {
		shadowed[c.Key] = c.Shadowed
	}
	if !shadowed["GOPROXY"] || !shadowed["GOFLAGS"] || shadowed["GOSUMDB"] {
		t.Errorf("Shadowed = %v, want GOPROXY and GOFLAGS only", shadowed)
	}
	if c := codes(pl.Warnings()); !hasCode(pl.Warnings(), "os-shadows-write") || !hasCode(pl.Warnings(), "os-shadows-unset") {
		t.Errorf("plan warnings = %v, want os-shadows-write and os-shadows-unset", c)
	}
	res, err := svc.Apply(r, pl.Sets(), pl.Unsets())
	must(t, err)
	if !hasCode(res.Warnings, "os-shadows-write") || !hasCode(res.Warnings, "os-shadows-unset") {
		t.Errorf("apply warnings = %v, want the OS shadowing", codes(res.Warnings))
	}
}

func TestApplyRefusesInvalid(t *testing.T) {
	m := newMachine(t, startFile)
	svc := m.service()
	p := profile.Profile{Name: "Broken"}
	p.SetValue("GOTOOLCHAIN", "bogus")
	p.SetValue("GOPROXY", "https://good.example.test")
	r := svc.Resolve()
	pl := profile.NewPlan(r, p)
	if len(pl.Errors()) == 0 {
		t.Fatal("plan has no errors for GOTOOLCHAIN=bogus")
	}
	var ce *core.RefusedError
	if err := pl.Err(); !errors.As(err, &ce) {
		t.Errorf("Err() = %v, want a *core.RefusedError", err)
	}
	if _, err := svc.Apply(r, pl.Sets(), pl.Unsets()); err == nil {
		t.Fatal("Apply wrote an invalid profile")
	}
	if got := m.readEnvFile(t); got != startFile {
		t.Errorf("refused apply changed the file:\n%q", got)
	}
}

func TestFromResolution(t *testing.T) {
	m := newMachine(t, startFile, "GOSUMDB=sum.os.example.test")
	p := profile.FromResolution("Now", m.resolve())
	want := map[string]profile.Choice{
		"GOPROXY":     {Action: profile.Set, Value: "https://old.example.test\r"},
		"GOSUMDB":     {Action: profile.Set, Value: "sum.os.example.test"},
		"GOPRIVATE":   {Action: profile.Set, Value: "*.corp.test"},
		"GONOPROXY":   {Action: profile.Unset},
		"GOTOOLCHAIN": {Action: profile.Set, Value: "local"},
	}
	for k, w := range want {
		if got := p.Get(k); got != w {
			t.Errorf("Get(%s) = %+v, want %+v", k, got, w)
		}
	}
	if !profile.Matches(m.resolve(), withoutOS(p)) {
		t.Error("a profile made from the file does not match it")
	}
}

// withoutOS drops the value that came from the OS environment.
func withoutOS(p profile.Profile) profile.Profile {
	p = p.Clone(p.Name)
	p.UnsetKey("GOSUMDB")
	return p
}
