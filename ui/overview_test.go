package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/gomirror/gomirror/core"
)

func TestOverviewChainShowsProcessEnvWinning(t *testing.T) {
	f := newFixture(t, "GOPROXY=https://os.example.test")
	f.writeEnvFile("# mine\nGOPROXY=https://file.example.test,direct\n")
	u, w := f.newUI()

	u.overview.selectSetting("GOPROXY")

	want := []struct {
		source core.Source
		state  core.LayerState
		value  string
		where  string
	}{
		{core.SourceProcessEnv, core.StateWins, "https://os.example.test", ""},
		{core.SourceEnvFile, core.StateShadowed, "https://file.example.test,direct", f.envFile + ":2"},
		{core.SourceGorootEnv, core.StateShadowed, "https://proxy.example.test,direct", f.goroot + "/go.env:2"},
		{core.SourceDefault, core.StateUnset, lang.L("value.notset"), ""},
	}
	rows := u.overview.detail.rows
	if len(rows) != len(want) {
		t.Fatalf("chain has %d rows, want %d", len(rows), len(want))
	}
	for i, wr := range want {
		r := rows[i]
		if r.layer.Source != wr.source || r.layer.State != wr.state {
			t.Errorf("row %d = %s %s, want %s %s", i, r.layer.Source, r.layer.State, wr.source, wr.state)
		}
		if r.value.Text != wr.value || r.where.Text != wr.where {
			t.Errorf("row %d shows %q at %q, want %q at %q", i, r.value.Text, r.where.Text, wr.value, wr.where)
		}
		if got, want := r.source.Text, sourceName(wr.source); got != want {
			t.Errorf("row %d source label = %q, want %q", i, got, want)
		}
		winner := wr.state == core.StateWins
		if r.bg.Hidden == winner || r.source.TextStyle.Bold != winner {
			t.Errorf("row %d highlighted = %t, bold = %t; want %t", i, !r.bg.Hidden, r.source.TextStyle.Bold, winner)
		}
		if r.value.Struck != (wr.state == core.StateShadowed) {
			t.Errorf("row %d struck through = %t, want %t", i, r.value.Struck, !r.value.Struck)
		}
	}
	value, source := settingItemText(t, w, "GOPROXY")
	if value != "https://os.example.test" || source != sourceName(core.SourceProcessEnv) {
		t.Errorf("list shows GOPROXY = %q from %q, want the process environment's value", value, source)
	}
	if d := u.overview.detail; d.entry.Text != "https://file.example.test,direct" {
		t.Errorf("edit entry = %q, want the env file's value", d.entry.Text)
	}
	ps := problemsFor(u.overview.problems, "GOPROXY")
	if len(ps) == 0 || len(u.overview.detail.problems.Objects) != len(ps) {
		t.Errorf("detail shows %d diagnostics for GOPROXY, want the %d the doctor found (at least the shadowed file)",
			len(u.overview.detail.problems.Objects), len(ps))
	}
	n := countBySeverity(u.overview.problems)
	for s, l := range u.overview.counts {
		if l.Text != fmt.Sprint(n[s]) {
			t.Errorf("summary shows %s %s, want %d", l.Text, s, n[s])
		}
	}
}

// newSumDB is a valid new GOSUMDB: the fake go.env's database, through a
// mirror.
const newSumDB = "sum.example.test https://sumdb-mirror.example.test"

func TestOverviewSaveWritesEnvFile(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("# keep me\nGOSUMDB=old.example.test\n")
	u, w := f.newUI()
	d := u.overview.detail

	u.overview.selectSetting("GOSUMDB")
	if d.entry.Text != "old.example.test" {
		t.Fatalf("edit entry = %q, want the env file's value old.example.test", d.entry.Text)
	}
	d.entry.SetText("")
	test.Type(d.entry, newSumDB)
	if d.save.Disabled() {
		t.Fatalf("Save is disabled for GOSUMDB=%q: %v", newSumDB, d.checked)
	}
	test.Tap(d.save)

	if got := f.readEnvFile(); !strings.Contains(got, "GOSUMDB="+newSumDB+"\n") || !strings.Contains(got, "# keep me\n") {
		t.Errorf("env file after Save = %q, want the new GOSUMDB line and the comment kept", got)
	}
	if value, _ := settingItemText(t, w, "GOSUMDB"); value != newSumDB {
		t.Errorf("list shows GOSUMDB = %q after Save, want %q", value, newSumDB)
	}
	if d.refusal != nil {
		t.Errorf("Save was refused: %v", d.refusal)
	}
}

func TestOverviewInvalidValueIsNotWritten(t *testing.T) {
	f := newFixture(t)
	const before = "GOTOOLCHAIN=local\n"
	f.writeEnvFile(before)
	u, _ := f.newUI()
	d := u.overview.detail

	u.overview.selectSetting("GOTOOLCHAIN")
	d.entry.SetText("")
	test.Type(d.entry, "bogus")

	if len(core.Errors(d.checked)) == 0 || len(d.validation.Objects) == 0 {
		t.Errorf("typing GOTOOLCHAIN=bogus shows no inline error (problems %v)", d.checked)
	}
	if !d.save.Disabled() {
		t.Errorf("Save is enabled for GOTOOLCHAIN=bogus")
	}
	test.Tap(d.save)
	d.onSaveTapped()
	if got := f.readEnvFile(); got != before {
		t.Errorf("env file after a refused Save = %q, want it unchanged %q", got, before)
	}
}

func TestOverviewUndoRestores(t *testing.T) {
	f := newFixture(t)
	const before = "GOSUMDB=old.example.test\n"
	f.writeEnvFile(before)
	u, w := f.newUI()
	d := u.overview.detail

	u.overview.selectSetting("GOSUMDB")
	d.entry.SetText(newSumDB)
	test.Tap(d.save)
	if got := f.readEnvFile(); got == before {
		t.Fatalf("Save did not change the env file")
	}
	test.Tap(d.undo)

	if got := f.readEnvFile(); got != before {
		t.Errorf("env file after Undo = %q, want %q", got, before)
	}
	if value, _ := settingItemText(t, w, "GOSUMDB"); value != "old.example.test" {
		t.Errorf("list shows GOSUMDB = %q after Undo, want old.example.test", value)
	}
	if d.entry.Text != "old.example.test" {
		t.Errorf("edit entry = %q after Undo, want old.example.test", d.entry.Text)
	}
}

func TestOverviewWithoutGoShowsOnboarding(t *testing.T) {
	f := newFixture(t, "PATH=/nonexistent/bin")
	u, _ := f.newUI()
	if !labelsContain(u.overview.install, lang.L("onboard.intro")) {
		t.Errorf("no onboarding shown without a go command on PATH")
	}
	if labelsContain(u.overview.install, "go1.26.8") {
		t.Errorf("a Go version is shown although no go command is on PATH")
	}
}

func TestOverviewHeaderShowsInstallation(t *testing.T) {
	f := newFixture(t)
	u, _ := f.newUI()
	for _, want := range []string{"go1.26.8", f.goroot, f.envFile + " (" + lang.L("filestate.missing") + ")"} {
		if !labelsContain(u.overview.install, want) {
			t.Errorf("header does not show %q", want)
		}
	}
}

// TestOverviewSearchAndChangedOnly filters the settings list by a search
// and by "changed only", and still selects a hidden setting by name.
func TestOverviewSearchAndChangedOnly(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOPROXY=https://mirror.example.test,direct\n")
	u, _ := f.newUI()
	o := u.overview
	o.search.SetText("sumdb")
	for _, i := range o.visible {
		if name := o.res.Settings[i].Name; !strings.Contains(name, "SUMDB") {
			t.Errorf("search %q shows %s", "sumdb", name)
		}
	}
	if len(o.visible) == 0 {
		t.Fatal("search sumdb shows nothing")
	}
	o.search.SetText("")
	o.changedOnly.SetChecked(true)
	if len(o.visible) != 1 || o.res.Settings[o.visible[0]].Name != "GOPROXY" {
		t.Errorf("changed only shows %d settings, want GOPROXY alone", len(o.visible))
	}
	o.selectSetting("GOFLAGS")
	if o.changedOnly.Checked || o.res.Settings[o.selected].Name != "GOFLAGS" {
		t.Error("selecting a hidden setting did not clear the filter and select it")
	}
}
