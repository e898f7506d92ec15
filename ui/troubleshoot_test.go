package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/origin/inspect"
	"github.com/gomirror/gomirror/core/troubleshoot/watch"
)

// goproxyOffOutput is what go mod download prints with GOPROXY=off.
const goproxyOffOutput = "go: example.test/m@v1.0.0: module lookup disabled by GOPROXY=off\n"

// newTroubleshootTest shows the Troubleshoot screen alone in a test window;
// reloads counts the calls of its written callback.
func newTroubleshootTest(f *fixture) (ts *troubleshootScreen, reloads *int) {
	test.NewTempApp(f.t)
	w := test.NewTempWindow(f.t, nil)
	reloads = new(int)
	ts = newTroubleshootScreen(f.svc, w, inline, func() { *reloads++ })
	w.SetContent(ts.buildUI())
	w.Resize(fyne.NewSize(1000, 760))
	return ts, reloads
}

func TestTroubleshootPasteNamesSettingAndAppliesFix(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("# offline\nGOPROXY=off\n")
	ts, reloads := newTroubleshootTest(f)
	test.Type(ts.pasted, goproxyOffOutput)
	test.Tap(ts.explain)

	if len(ts.views) != 1 {
		t.Fatalf("findings = %d, want one for GOPROXY=off", len(ts.views))
	}
	v := ts.views[0]
	if v.f.Code != "fail-goproxy-off" || v.f.Var != "GOPROXY" || !v.f.HasFix() {
		t.Fatalf("finding = %s about %q (fix %v), want fail-goproxy-off about GOPROXY with a fix", v.f.Code, v.f.Var, v.f.HasFix())
	}
	if !labelsContain(v.body, "GOPROXY=off, from") || !labelsContain(v.body, f.envFile+":2") {
		t.Errorf("the finding does not show the env file layer %s:2", f.envFile)
	}
	if !richTextContains(v.body, "Unset GOPROXY") {
		t.Errorf("the finding does not show the fix")
	}
	test.Tap(v.apply)
	if got := f.readEnvFile(); strings.Contains(got, "GOPROXY") {
		t.Errorf("env file after Apply fix = %q, want GOPROXY removed", got)
	}
	if *reloads != 1 || v.undo.Hidden || !v.apply.Disabled() {
		t.Errorf("after Apply fix: %d reloads, Undo hidden %v, Apply enabled %v; want 1 reload, Undo shown and Apply off", *reloads, v.undo.Hidden, !v.apply.Disabled())
	}
	test.Tap(v.undo)
	if got := f.readEnvFile(); got != "# offline\nGOPROXY=off\n" {
		t.Errorf("env file after Undo = %q, want it restored", got)
	}
}

// TestTroubleshootApplyRefusesChangedFile: the env file changed on disk
// after the output was explained; Apply fix is refused inline, nothing is
// written, and every screen reloads.
func TestTroubleshootApplyRefusesChangedFile(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOPROXY=off\n")
	ts, reloads := newTroubleshootTest(f)
	test.Type(ts.pasted, goproxyOffOutput)
	test.Tap(ts.explain)
	const theirs = "GOPROXY=https://theirs.example.test\n" // the key the fix edits
	f.writeEnvFile(theirs)
	test.Tap(ts.views[0].apply)
	if got := f.readEnvFile(); got != theirs {
		t.Errorf("env file = %q, want theirs kept", got)
	}
	if !labelsContain(ts.views[0].outcome, "Nothing was written") || *reloads != 1 {
		t.Errorf("refusal shown %v, reloads %d; want the refusal and one reload", labelsContain(ts.views[0].outcome, "Nothing was written"), *reloads)
	}
}

func TestTroubleshootRunReportsFailure(t *testing.T) {
	f := newFixture(t)
	ts, _ := newTroubleshootTest(f)
	test.Tap(ts.start) // the fixture's go exits 1 without output
	if !strings.Contains(ts.status.Text, "exit status 1") || ts.cancel != nil || ts.start.Disabled() {
		t.Errorf("status %q after running the fake go, want exit status 1 and Run enabled again", ts.status.Text)
	}
}

// TestOutsideWriteReloads: a change to the env file made outside the app
// shows in the overview within a second.
func TestOutsideWriteReloads(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOPROXY=https://a.example.test\n")
	u, w := f.newUI()
	posted := make(chan func(), 8)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := u.watchFiles(ctx, watch.Files(f.svc.Resolve()), func(fn func()) { posted <- fn }); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // let the watcher start
	if err := os.WriteFile(f.envFile, []byte("GOPROXY=https://b.example.test\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.After(time.Second)
	for {
		select {
		case fn := <-posted:
			fn()
			if value, _ := settingItemText(t, w, "GOPROXY"); value == "https://b.example.test" {
				return
			}
		case <-deadline:
			value, _ := settingItemText(t, w, "GOPROXY")
			t.Fatalf("overview shows GOPROXY = %q a second after an outside write, want https://b.example.test", value)
		}
	}
}

// TestShellStartupFileChangeReloads: once an inspection reports the shell
// startup files it read, a change to one of them reloads the app.
func TestShellStartupFileChangeReloads(t *testing.T) {
	f := newFixture(t)
	u, _ := f.newUI()
	posted := make(chan func(), 8)
	u.live.post = func(fn func()) { posted <- fn }
	u.overview.rcRead = u.watchRC
	t.Cleanup(func() { u.live.cancel() })
	rc := filepath.Join(t.TempDir(), ".bashrc")
	if err := os.WriteFile(rc, []byte("export GOPROXY=https://a.example.test\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u.overview.onInspected(int(u.overview.loads), inspection{report: &inspect.Report{Terminal: inspect.Context{Files: []string{rc}}}})
	if !slices.Equal(u.live.rc, []string{rc}) {
		t.Fatalf("after the inspection, watched startup files = %v, want %s", u.live.rc, rc)
	}
	time.Sleep(100 * time.Millisecond) // let the watcher start
	if err := os.WriteFile(rc, []byte("export GOPROXY=https://b.example.test\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case <-posted:
	case <-time.After(2 * time.Second):
		t.Fatal("no reload within 2 s of a change to the shell startup file")
	}
}

// TestTroubleshootHighlightsQuotedLines: a pasted checksum-database 410 for
// a public module is explained without a fix, and the line that shows it is
// highlighted among the failing lines.
func TestTroubleshootHighlightsQuotedLines(t *testing.T) {
	f := newFixture(t)
	ts, _ := newTroubleshootTest(f)
	const out = "go: finding github.com/acme/lib v0.5.1\n" +
		"verifying github.com/acme/lib@v0.5.1/go.mod: github.com/acme/lib@v0.5.1/go.mod: reading https://sum.example.test/lookup/github.com/acme/lib@v0.5.1: 410 Gone\n"
	test.Type(ts.pasted, out)
	test.Tap(ts.explain)
	if len(ts.views) == 0 || ts.views[0].f.Code != "fail-sumdb-notfound" || ts.views[0].f.HasFix() {
		t.Fatalf("findings = %d, want fail-sumdb-notfound without a fix first", len(ts.views))
	}
	highlighted := false
	for _, obj := range test.LaidOutObjects(ts.views[0].body) {
		rt, ok := obj.(*widget.RichText)
		if !ok {
			continue
		}
		for _, seg := range rt.Segments {
			if ts, ok := seg.(*widget.TextSegment); ok && strings.Contains(ts.Text, "410 Gone") && ts.Style.ColorName == theme.ColorNameError {
				highlighted = true
			}
		}
	}
	if !highlighted {
		t.Errorf("the line with 410 Gone is not highlighted")
	}
}
