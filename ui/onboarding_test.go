package ui

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/profile"
)

// unreachableURL is a loopback URL where nothing listens.
func unreachableURL(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

// setDefaultProxy makes the fake installation's go.env name proxy as the
// toolchain's default.
func (f *fixture) setDefaultProxy(proxy string) {
	f.write(filepath.Join(f.goroot, "go.env"), "GOPROXY="+proxy+",direct\nGOSUMDB=sum.example.test\nGOTOOLCHAIN=local\n", 0o644)
}

// isLoopback reports whether m is one of the test's loopback mirrors.
func isLoopback(m mirrors.Mirror) bool {
	return strings.Contains(m.URL, "://127.0.0.1:") || strings.Contains(m.URL, "://localhost:")
}

// newOnboardUI opens the first-run assistant in a test window, with
// service calls inline, probe updates queued, and only loopback mirrors
// measured; *done turns true once the assistant is finished or skipped.
func (f *fixture) newOnboardUI() (*onboardWizard, probeUpdates, *bool) {
	f.t.Helper()
	test.NewTempApp(f.t)
	w := test.NewTempWindow(f.t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1000, 760))
	done := new(bool)
	o := newOnboardWizard(f.svc, w, inline, func() {}, func() { *done = true })
	q := make(probeUpdates, 256)
	o.post = q.post
	o.opts = func(p probe.Options) probe.Options {
		p.Module = mirrortest.ProbeModule.Path
		return p
	}
	o.measurable, o.interval = isLoopback, 20*time.Millisecond
	o.open()
	return o, q, done
}

// measured waits until step 3's measurement has ended.
func measured(t *testing.T, o *onboardWizard, q probeUpdates) {
	t.Helper()
	if !q.until(20*time.Second, func() bool { return o.cancel == nil && o.progress.Value == 1 }) {
		t.Fatalf("the measurement did not end; progress %v", o.progress.Value)
	}
}

func TestOnboardingUnreachableDefaultAppliesChinaProfile(t *testing.T) {
	f := newFixture(t)
	f.addFakeMirrors()
	f.setDefaultProxy(unreachableURL(t))
	o, q, done := f.newOnboardUI()

	if !labelsContain(o.body, "go1.26.8") || !labelsContain(o.body, f.goroot) {
		t.Errorf("step 1 does not show the Go version and GOROOT")
	}
	test.Tap(o.next) // click 1: the network
	if !q.until(10*time.Second, func() bool { return o.check.done }) {
		t.Fatal("the default proxy's check did not end")
	}
	if o.check.reachable || !strings.Contains(o.status.Text, "could not be reached") {
		t.Errorf("step 2 says %q for an unreachable default proxy", o.status.Text)
	}
	if !labelsContain(o.result, profile.PresetChina) {
		t.Errorf("step 2 does not suggest the %s profile", profile.PresetChina)
	}
	test.Tap(o.next) // click 2: the mirrors
	measured(t, o, q)
	if c := o.chosen(); c == nil || c.profile != profile.PresetChina {
		t.Fatalf("step 3 selects %v, want the %s profile", c, profile.PresetChina)
	}
	test.Tap(o.next) // click 3: apply
	if got := f.readEnvFile(); !strings.Contains(got, "GOPROXY=https://goproxy.cn") {
		t.Errorf("env file after applying = %q, want the %s profile's GOPROXY", got, profile.PresetChina)
	}
	if o.next.Text != lang.L("firstrun.finish") {
		t.Errorf("the last button reads %q after applying, want Done", o.next.Text)
	}
	test.Tap(o.next)
	if !*done {
		t.Error("Done did not finish the assistant")
	}
}

func TestOnboardingReachableDefaultAppliesSuggestedChain(t *testing.T) {
	f := newFixture(t)
	fm := f.addFakeMirrors()
	f.setDefaultProxy(fm.slow)
	o, q, _ := f.newOnboardUI()

	test.Tap(o.next)
	if !q.until(10*time.Second, func() bool { return o.check.done }) || !o.check.reachable {
		t.Fatalf("step 2 says %q for a reachable default proxy", o.status.Text)
	}
	test.Tap(o.next)
	measured(t, o, q)
	c := o.chosen()
	if c == nil || !c.suggested || o.sug == nil {
		t.Fatalf("step 3 selects %v, want the suggested chain", c)
	}
	if !labelsContain(o.result, "Fake fast") {
		t.Errorf("step 3 does not list the fastest mirror")
	}
	test.Tap(o.next)
	want := "GOPROXY=" + o.sug.Chain.String()
	if got := f.readEnvFile(); !strings.Contains(got, want) || !strings.Contains(got, fm.fast) {
		t.Errorf("env file = %q, want %q with the fast mirror", got, want)
	}
}

func TestOnboardingCancelStopsTheMeasurement(t *testing.T) {
	f := newFixture(t)
	f.addFakeMirrors()
	f.setDefaultProxy(unreachableURL(t))
	o, q, _ := f.newOnboardUI()
	o.rounds, o.interval = 1000, 50*time.Millisecond
	o.showStep(stepMirrors)
	if o.stop.Disabled() {
		t.Fatal("Cancel is disabled while measuring")
	}
	test.Tap(o.stop)
	if !q.until(10*time.Second, func() bool { return o.progress.Value == 1 }) {
		t.Fatal("the cancelled measurement did not end")
	}
	if !o.stop.Disabled() || o.status.Text != lang.L("firstrun.cancelled") {
		t.Errorf("after Cancel: status %q, Cancel enabled %t", o.status.Text, !o.stop.Disabled())
	}
}

func TestOnboardingSkip(t *testing.T) {
	f := newFixture(t)
	f.setDefaultProxy(unreachableURL(t))
	o, _, done := f.newOnboardUI()
	test.Tap(o.skip)
	if !*done || o.cancel != nil {
		t.Errorf("Skip: done %t, probe running %t", *done, o.cancel != nil)
	}
}

func TestNeedsOnboarding(t *testing.T) {
	tests := []struct {
		name, envFile, active string
		osEnv                 []string
		done                  bool
		want                  bool
	}{
		{name: "fresh", want: true},
		{name: "env file sets GOPROXY", envFile: "GOPROXY=https://mirror.example.test\n"},
		{name: "OS environment sets GOPROXY", osEnv: []string{"GOPROXY=https://mirror.example.test"}},
		{name: "profile active", active: profile.PresetChina},
		{name: "done before", done: true},
		{name: "env file sets other keys", envFile: "GOPRIVATE=example.test\n", want: true},
	}
	for _, tt := range tests {
		f := newFixture(t, tt.osEnv...)
		if tt.envFile != "" {
			f.writeEnvFile(tt.envFile)
		}
		prefs := test.NewTempApp(t).Preferences()
		prefs.SetBool(prefOnboarded, tt.done)
		if got := needsOnboarding(prefs, f.svc.Resolve(), tt.active); got != tt.want {
			t.Errorf("%s: needsOnboarding = %t, want %t", tt.name, got, tt.want)
		}
	}
}

func TestOnboardingRecheckFindsGo(t *testing.T) {
	f := newFixture(t)
	goBin := filepath.Join(f.goroot, "bin", "go")
	if err := os.Remove(goBin); err != nil {
		t.Fatal(err)
	}
	o, _, _ := f.newOnboardUI()
	if !labelsContain(o.body, lang.L("onboard.intro")) {
		t.Fatal("step 1 does not say how to install Go when there is none")
	}
	f.write(goBin, "#!/bin/sh\nexit 1\n", 0o755)
	test.Tap(findButton(t, o.body, lang.L("firstrun.recheck")))
	if !labelsContain(o.body, "go1.26.8") {
		t.Error("Check again does not show the Go installation that appeared")
	}
}

// findButton returns the button labelled text under o.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}
