package ui

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
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
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/troubleshoot"
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

// chinaProxies are the proxy URLs of the Mainland China preset.
func chinaProxies() []string {
	p, _ := profile.Preset(profile.PresetChina)
	return mirrors.ChainURLs(p.Get("GOPROXY").Value)
}

// failChina makes the assistant measure the Mainland China preset's
// mirrors and see them fail, as from a network where they do not resolve:
// their requests go to an HTTP proxy where nothing listens, so no request
// leaves the machine.
func failChina(t *testing.T, o *onboardWizard) {
	dead, err := url.Parse(unreachableURL(t))
	if err != nil {
		t.Fatal(err)
	}
	china := chinaProxies()
	opts := o.opts
	o.opts = func(p probe.Options) probe.Options {
		p = opts(p)
		p.Proxy = func(r *http.Request) (*url.URL, error) {
			if slices.ContainsFunc(china, func(u string) bool { return strings.Contains(u, r.URL.Host) }) {
				return dead, nil
			}
			return nil, nil
		}
		return p
	}
	o.measurable = func(m mirrors.Mirror) bool {
		return isLoopback(m) || slices.ContainsFunc(china, func(u string) bool { return mirrors.SameURL(u, m.URL) })
	}
}

// fakeGoDownloads makes the fixture's go command answer "go mod download
// -json" with version, as a download that worked.
func (f *fixture) fakeGoDownloads(version string) {
	f.write(filepath.Join(f.goroot, "bin", "go"), "#!/bin/sh\ncase \"$*\" in *\"mod download\"*) echo '{\"Path\":\"example.test/probe\",\"Version\":\""+version+"\"}';; *) exit 1;; esac\n", 0o755)
}

// TestOnboardingNeverPreselectsWhatFailed walks the newcomer's case: the
// default proxy is unreachable and so are the Mainland China profile's
// mirrors; the assistant marks both failed, preselects the suggested chain
// of the mirrors that answered, shows what it will write, applies it and
// proves it with a download.
func TestOnboardingNeverPreselectsWhatFailed(t *testing.T) {
	f := newFixture(t)
	fm := f.addFakeMirrors()
	f.setDefaultProxy(unreachableURL(t))
	f.fakeGoDownloads("v1.1.0")
	o, q, done := f.newOnboardUI()
	failChina(t, o)

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
		t.Errorf("step 2 does not mention the %s profile", profile.PresetChina)
	}
	test.Tap(o.next) // click 2: the mirrors
	if o.chosen() != nil {
		t.Errorf("step 3 preselects %q before anything was measured", o.choice.Selected)
	}
	measured(t, o, q)
	for _, name := range []string{profile.PresetChina, profile.PresetDefault} {
		c := o.option("profile:" + name)
		if c == nil || c.reach.Reach != mirrors.ReachFailed || !strings.Contains(c.label, "failed") {
			t.Errorf("the %s option = %+v, want it marked failed", name, c)
		}
	}
	c := o.chosen()
	if c == nil || !c.suggested {
		t.Fatalf("step 3 selects %+v, want the suggested chain, never a profile that failed", c)
	}
	if !strings.Contains(c.label, "reachable") {
		t.Errorf("the suggested chain's label %q does not say it is reachable", c.label)
	}
	chain := o.sug.Chain.String()
	if !labelsContain(o.preview, "GOPROXY") || !labelsContain(o.preview, "→ "+chain) || !labelsContain(o.preview, f.envFile) {
		t.Errorf("the preview does not show GOPROXY → %s written to %s", chain, f.envFile)
	}
	test.Tap(o.next) // click 3: apply
	if got := f.readEnvFile(); !strings.Contains(got, "GOPROXY="+chain) || !strings.Contains(got, fm.fast) {
		t.Errorf("env file after applying = %q, want GOPROXY=%s", got, chain)
	}
	if !labelsContain(o.outcome, "Now in effect") || !labelsContain(o.outcome, chain) {
		t.Error("the outcome does not show the values now in effect")
	}
	if !labelsContain(o.outcome, "Proved: go mod download example.test/probe@latest got v1.1.0") {
		t.Errorf("the outcome does not show the proof; it shows %v", labelTexts(o.outcome))
	}
	if o.next.Text != lang.L("firstrun.finish") {
		t.Errorf("the last button reads %q after applying, want Done", o.next.Text)
	}
	test.Tap(o.next)
	if !*done {
		t.Error("Done did not finish the assistant")
	}
}

// TestOnboardingPreselection checks which option step 3 preselects from
// what the measurement found: the best one that works, never one that
// failed or was not measured.
func TestOnboardingPreselection(t *testing.T) {
	china := chinaProxies()
	healthy := func(u string, ms int) probe.Summary {
		return probe.Summary{Key: probe.Key{URL: u}, OK: true, Samples: 3, Window: 3, SuccessRate: 1, P50: time.Duration(ms) * time.Millisecond}
	}
	failed := func(u string) probe.Summary {
		return probe.Summary{Key: probe.Key{URL: u}, Samples: 3, Failures: 3, Window: 3, Streak: 3,
			LastError: &probe.Error{Class: probe.ClassDNS, Message: "the host name does not resolve"}}
	}
	const fast, dflt = "https://fast.example.test", "https://proxy.example.test"
	sug := &mirrors.Suggestion{Chain: mirrors.NewChain(mirrors.Pipe, fast, "direct")}
	tests := []struct {
		name        string
		defaultOK   bool
		sums        []probe.Summary
		sug         *mirrors.Suggestion
		picked      string
		want        string // option key; "" for none
		warnPreview bool
	}{
		{name: "China answers, default does not", sums: []probe.Summary{healthy(china[0], 40), failed(dflt), healthy(fast, 5)}, sug: sug, want: "profile:" + profile.PresetChina},
		{name: "China fails, default fails", sums: []probe.Summary{failed(china[0]), failed(china[1]), failed(dflt), healthy(fast, 5)}, sug: sug, want: choiceSuggested},
		{name: "default answers", defaultOK: true, sums: []probe.Summary{healthy(dflt, 20), healthy(fast, 5)}, sug: sug, want: choiceSuggested},
		{name: "default answers, no suggestion", defaultOK: true, sums: []probe.Summary{healthy(dflt, 20), failed(china[0]), failed(china[1])}, want: "profile:" + profile.PresetDefault},
		{name: "nothing answers", sums: []probe.Summary{failed(china[0]), failed(china[1]), failed(dflt)}, want: ""},
		{name: "China not measured", sums: []probe.Summary{failed(dflt)}, want: ""},
		{name: "the user's pick stays, with a warning", sums: []probe.Summary{failed(china[0]), failed(china[1]), failed(dflt), healthy(fast, 5)}, sug: sug,
			picked: "profile:" + profile.PresetChina, want: "profile:" + profile.PresetChina, warnPreview: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			o, _, _ := f.newOnboardUI()
			o.showStep(stepMirrors)
			o.stopProbe()
			o.check = defaultCheck{done: true, reachable: tt.defaultOK}
			o.sums, o.sug, o.picked = tt.sums, tt.sug, tt.picked
			o.setChoices()
			got := ""
			if c := o.chosen(); c != nil {
				got = c.key
			}
			if got != tt.want {
				t.Errorf("preselected %q, want %q; options %v", got, tt.want, o.choice.Options)
			}
			if c := o.chosen(); c != nil && c.reach.Reach == mirrors.ReachFailed && tt.picked == "" {
				t.Errorf("preselected %q, whose proxies all failed", c.label)
			}
			if o.next.Disabled() != (tt.want == "") {
				t.Errorf("Apply disabled = %t with %q selected", o.next.Disabled(), got)
			}
			if warned := labelsContain(o.preview, "failed the measurement"); warned != tt.warnPreview {
				t.Errorf("preview warns %t, want %t", warned, tt.warnPreview)
			}
		})
	}
}

// labelTexts lists the texts of the labels under o, for failure messages.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*widget.Label); ok && l.Visible() {
			out = append(out, l.Text)
		}
	}
	return out
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

// The assistant measures no mirror the user left out of probing on the
// Mirrors screen, neither from the catalogue nor among the options'
// proxies.
func TestOnboardingSkipsMirrorsLeftOutOfProbing(t *testing.T) {
	f := newFixture(t)
	o, _, _ := f.newOnboardUI()
	o.showStep(stepMirrors) // its options' proxies are targets too
	o.stopProbe()
	prefs := fyne.CurrentApp().Preferences()
	china := chinaProxies()
	prefs.SetStringList(prefProbeOff, append([]string{"https://goproxy.io/"}, china...))
	o.measurable = probeAllowed(prefs)
	var urls []string
	for _, tg := range o.targets() {
		urls = append(urls, tg.URL)
	}
	for _, off := range append([]string{"https://goproxy.io"}, china...) {
		for _, u := range urls {
			if mirrors.SameURL(u, off) {
				t.Errorf("targets() = %v, want no %s (left out of probing)", urls, off)
			}
		}
	}
	if len(urls) == 0 {
		t.Error("targets() is empty; want the mirrors not left out")
	}
}

// The closing proof downloads the module the probes asked for: the
// default one when no probe option names another (the app's case; a
// proof of "@latest" with no module path fails at once).
func TestOnboardingProofDownloadsTheProbedModule(t *testing.T) {
	f := newFixture(t)
	o, _, _ := f.newOnboardUI()
	o.opts = func(p probe.Options) probe.Options { return p }
	o.showStep(stepMirrors)
	o.stopProbe()
	got := make(chan string, 1)
	o.prove = func(_ context.Context, _ *resolve.Resolution, _ []string, module string) (*troubleshoot.Proof, error) {
		got <- module
		return nil, errors.New("not run")
	}
	o.startProof(o.res)
	if m := <-got; m != probe.DefaultModule {
		t.Errorf("the proof downloads %q, want %q", m, probe.DefaultModule)
	}
}
