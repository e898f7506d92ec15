package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/network"
	"github.com/gomirror/gomirror/core/profile"
)

// chinaValue is what the Mainland China preset sets key to.
func chinaValue(key string) string {
	p, _ := profile.Preset(profile.PresetChina)
	return p.Get(key).Value
}

func TestProfilesApplyPresetThenUndo(t *testing.T) {
	f := newFixture(t)
	const before = "# mine\nGOFLAGS=-mod=mod\n"
	f.writeEnvFile(before)
	u, _ := f.newUI()
	u.nav.Select(mustScreen(t, u, "nav.profiles"))
	p := u.profiles

	p.selectProfile(profile.PresetChina)
	test.Tap(p.apply)
	if p.preview == nil {
		t.Fatal("Apply opened no diff preview")
	}
	p.preview.Confirm()

	got := f.readEnvFile()
	for _, k := range []string{"GOPROXY", "GOSUMDB"} {
		if !strings.Contains(got, k+"="+chinaValue(k)+"\n") {
			t.Errorf("env file after applying %s lacks %s:\n%s", profile.PresetChina, k, got)
		}
	}
	if p.active != profile.PresetChina || !strings.Contains(p.title.Text, profile.PresetChina) {
		t.Errorf("active profile = %q, title %q; want %s marked", p.active, p.title.Text, profile.PresetChina)
	}
	if !labelsContain(p.outcome, f.envFile) {
		t.Errorf("the outcome does not name the env file")
	}
	u.nav.Select(mustScreen(t, u, "nav.history"))
	if len(u.history.entries) != 1 {
		t.Errorf("applying made %d history entries, want 1", len(u.history.entries))
	}

	test.Tap(u.history.undo)
	if got := f.readEnvFile(); got != before {
		t.Errorf("env file after undo = %q, want %q", got, before)
	}
}

// TestProfilesWarnsBeforeApplyingAProfileWhoseProxyFailed applies
// "Toolchain default" while the default proxy does not answer: the preview
// says so first and its button reads "Apply anyway".
func TestProfilesWarnsBeforeApplyingAProfileWhoseProxyFailed(t *testing.T) {
	f := newFixture(t)
	dead := unreachableURL(t)
	f.setDefaultProxy(dead)
	fm := f.addFakeMirrors()
	f.writeEnvFile("GOPROXY=" + fm.fast + "\n")
	u, _ := f.newUI()
	p := u.profiles
	p.selectProfile(profile.PresetDefault)
	test.Tap(p.apply)
	if p.preview == nil || !p.failed {
		t.Fatalf("Apply of a profile whose proxy failed: preview %v, warned %t", p.preview != nil, p.failed)
	}
	p.preview.Dismiss()
	if got := f.readEnvFile(); got != "GOPROXY="+fm.fast+"\n" {
		t.Errorf("a cancelled preview wrote the env file: %q", got)
	}
	// A profile whose proxy answers is previewed without the warning.
	f.writeEnvFile("GOPROXY=off\n")
	f.setDefaultProxy(fm.fast)
	test.Tap(p.apply)
	if p.preview == nil || p.failed {
		t.Fatalf("Apply of a profile whose proxy answers: preview %v, warned %t", p.preview != nil, p.failed)
	}
	p.preview.Confirm()
	if got := f.readEnvFile(); strings.Contains(got, "GOPROXY") {
		t.Errorf("env file after applying %s = %q", profile.PresetDefault, got)
	}
}

func TestProfilesPreviewShowsShadowedAndCancels(t *testing.T) {
	f := newFixture(t, "GOPROXY=https://os.example.test,direct")
	f.writeEnvFile("GOFLAGS=-mod=mod\n")
	u, _ := f.newUI()
	p := u.profiles
	p.selectProfile(profile.PresetChina)
	test.Tap(p.apply)
	if p.preview == nil {
		t.Fatal("Apply opened no diff preview")
	}
	p.preview.Dismiss()
	if got := f.readEnvFile(); got != "GOFLAGS=-mod=mod\n" {
		t.Errorf("a cancelled preview wrote the env file: %q", got)
	}
	pl := profile.NewPlan(p.res, p.profiles[p.index(profile.PresetChina)])
	if !richTextContains(previewContent(pl), "GOPROXY=https://os.example.test") {
		t.Errorf("the preview has no warning for the shadowed GOPROXY")
	}
}

// richTextContains reports whether some rich text under o contains text.
func richTextContains(o fyne.CanvasObject, text string) bool {
	for _, obj := range test.LaidOutObjects(o) {
		if r, ok := obj.(*widget.RichText); ok && strings.Contains(r.String(), text) {
			return true
		}
	}
	return false
}

func TestProfilesRefuseTemplate(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOFLAGS=-mod=mod\n")
	u, _ := f.newUI()
	p := u.profiles
	p.selectProfile(profile.PresetCompany)
	test.Tap(p.apply)
	if p.preview != nil || len(p.outcome.Objects) < 2 {
		t.Errorf("applying the template: preview %v, %d outcome rows; want a refusal inline", p.preview != nil, len(p.outcome.Objects))
	}
	if got := f.readEnvFile(); got != "GOFLAGS=-mod=mod\n" {
		t.Errorf("a refused profile wrote the env file: %q", got)
	}
}

func TestProfilesSaveEditDuplicateRenameDelete(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOPRIVATE=*.home.example.test\n")
	u, _ := f.newUI()
	p := u.profiles
	if p.noSaved.Hidden {
		t.Error("the empty state for saved profiles is hidden with none saved")
	}
	p.onSaveCurrentConfirmed("Home")
	if p.selected != "Home" || p.noSaved.Visible() {
		t.Fatalf("after saving: selected %q, empty state shown %t", p.selected, p.noSaved.Visible())
	}
	q, _ := p.current()
	if c := q.Get("GOPRIVATE"); c.Value != "*.home.example.test" {
		t.Errorf("saved profile has GOPRIVATE %+v", c)
	}

	e := newProfileEditor(p, q)
	e.actions["GOPROXY"].SetSelectedIndex(1)
	e.values["GOPROXY"].SetText("localhost")
	if !e.save.Disabled() || len(e.checks["GOPROXY"].Objects) == 0 {
		t.Errorf("GOPROXY=localhost: save enabled %t, %d problems shown", !e.save.Disabled(), len(e.checks["GOPROXY"].Objects))
	}
	e.values["GOPROXY"].SetText("https://home.example.test,direct")
	test.Tap(e.save)
	if q, _ := p.current(); q.Get("GOPROXY").Value != "https://home.example.test,direct" {
		t.Errorf("edited profile has GOPROXY %+v", q.Get("GOPROXY"))
	}

	p.onDuplicateConfirmed("Home 2")
	p.onRenameConfirmed("Travel")
	if p.index("Home") < 0 || p.index("Travel") < 0 || p.index("Home 2") >= 0 {
		t.Errorf("after duplicate and rename: %v", profileNames(p.profiles))
	}
	p.onDeleteConfirmed()
	if p.index("Travel") >= 0 || p.selected == "Travel" {
		t.Errorf("after delete: %v, selected %q", profileNames(p.profiles), p.selected)
	}
}

func profileNames(ps []profile.Profile) []string {
	var out []string
	for _, q := range ps {
		out = append(out, q.Name)
	}
	return out
}

func TestProfilesSnippet(t *testing.T) {
	f := newFixture(t)
	u, _ := f.newUI()
	p := u.profiles
	p.selectProfile(profile.PresetChina)
	s := p.snippet
	if !strings.Contains(s.text.Text, "export GOPROXY='"+chinaValue("GOPROXY")+"'") {
		t.Errorf("bash snippet = %q", s.text.Text)
	}
	s.format.SetSelected("Command Prompt (cmd)")
	if !strings.Contains(s.text.Text, `@set "GOSUMDB=`) {
		t.Errorf("cmd.exe snippet = %q", s.text.Text)
	}
	s.format.SetSelected("fish")
	if !strings.Contains(s.text.Text, "set -gx GOSUMDB") {
		t.Errorf("fish snippet = %q", s.text.Text)
	}
	s.text.SetText("rm -rf /")
	if !strings.Contains(s.text.Text, "set -gx GOSUMDB") {
		t.Errorf("the snippet text is editable: %q", s.text.Text)
	}
	test.Tap(s.copy)
	if got := u.app.Clipboard().Content(); got != s.shown {
		t.Errorf("clipboard = %q, want the snippet", got)
	}
}

func TestTrayMenuListsProfiles(t *testing.T) {
	test.NewTempApp(t)
	ps := append(profile.Presets(), profile.Profile{Name: "Home"})
	var applied string
	shown, quit := false, false
	m := trayMenu(ps, "Home", func(n string) { applied = n }, func() { shown = true }, func() { quit = true })
	var names []string
	for _, it := range m.Items {
		if !it.IsSeparator && it.Action != nil {
			names = append(names, it.Label)
		}
	}
	want := append(profileNames(ps), "Show Go Mirror", "Quit")
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("tray items = %q, want %q", names, want)
	}
	if !m.Items[0].Disabled || !strings.Contains(m.Items[0].Label, "Home") {
		t.Errorf("first tray item = %+v, want the active profile", m.Items[0])
	}
	for _, it := range m.Items {
		if it.Checked != (it.Label == "Home") {
			t.Errorf("tray item %q checked = %t", it.Label, it.Checked)
		}
	}
	m.Items[3].Action()
	m.Items[len(m.Items)-3].Action()
	if last := m.Items[len(m.Items)-1]; !last.IsQuit {
		t.Errorf("last tray item %q is not marked IsQuit: Fyne would add a second Quit", last.Label)
	} else {
		last.Action()
	}
	if applied != ps[1].Name || !shown || !quit {
		t.Errorf("tray actions: applied %q, shown %t, quit %t", applied, shown, quit)
	}
	if m := trayMenu(ps, "", nil, nil, nil); !strings.Contains(m.Items[0].Label, "No profile") {
		t.Errorf("tray head without an active profile = %q", m.Items[0].Label)
	}
}

// TestTrayFollowsApply checks that the screen rebuilds the tray menu when
// the active profile changes, and that a tray item applies its profile.
func TestTrayFollowsApply(t *testing.T) {
	f := newFixture(t)
	u, _ := f.newUI()
	p := u.profiles
	var menu *fyne.Menu
	p.tray = func() { menu = trayMenu(p.profiles, p.active, p.applyByName, func() {}, func() {}) }
	p.load()
	for _, it := range menu.Items {
		if it.Label == profile.PresetOffline {
			it.Action()
		}
	}
	if !strings.Contains(f.readEnvFile(), "GOPROXY=off\n") || !strings.Contains(menu.Items[0].Label, profile.PresetOffline) {
		t.Errorf("after the tray's Offline: env file %q, tray head %q", f.readEnvFile(), menu.Items[0].Label)
	}
}

// fakeNetwork is a network Source that reports ifs.
func fakeNetwork(ifs *[]network.Interface) network.Source {
	return network.Source{
		Interfaces:   func(context.Context) ([]network.Interface, error) { return *ifs, nil },
		DefaultRoute: func() (*network.Route, error) { return &network.Route{Interface: "eth0", Gateway: "192.0.2.1"}, nil },
	}
}

var (
	atDesk = []network.Interface{{Name: "eth0", Flags: []string{"up"}, Addrs: []string{"192.0.2.10/24"}}}
	atCafe = []network.Interface{{Name: "eth0", Flags: []string{"up"}, Addrs: []string{"198.51.100.7/24"}}}
)

// TestNetworkRuleAppliesOnce ties a profile to the network with automatic
// switching and feeds the screen a watcher's events: the profile is applied
// once for the change, not again while the network stays.
func TestNetworkRuleAppliesOnce(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOFLAGS=-mod=mod\n")
	u, _ := f.newUI()
	p, n := u.profiles, u.profiles.net
	ifs := atDesk
	w := &network.Watcher{Source: fakeNetwork(&ifs), Rules: func() []network.Rule { r, _ := p.rules.Load(); return r }, OnEvent: n.onNetworkChanged}
	w.Poll(context.Background())
	if !strings.Contains(n.summary.Text, "192.0.2.0/24") || !strings.Contains(n.summary.Text, "192.0.2.1") {
		t.Errorf("network summary = %q", n.summary.Text)
	}

	p.selectProfile(profile.PresetChina)
	n.auto.SetChecked(true)
	test.Tap(n.use)
	if len(n.rules) != 1 || !n.rules[0].Auto || n.empty.Visible() {
		t.Fatalf("rules after Use = %+v", n.rules)
	}
	if _, err := os.Stat(filepath.Join(f.dir, "gomirror", network.RulesFile)); err != nil {
		t.Errorf("rules not saved: %v", err)
	}

	ifs = atCafe
	w.Poll(context.Background())
	w.Poll(context.Background())
	ifs = atDesk
	for range 4 {
		w.Poll(context.Background())
	}
	if !strings.Contains(f.readEnvFile(), "GOSUMDB="+chinaValue("GOSUMDB")) {
		t.Errorf("back on the desk network, env file = %q", f.readEnvFile())
	}
	if es, _ := f.svc.History(); len(es) != 1 {
		t.Errorf("%d writes for one network change, want 1", len(es))
	}
}

// TestNetworkRuleSuggests checks that a rule without automatic switching
// shows a notice whose Apply button applies the profile.
func TestNetworkRuleSuggests(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOFLAGS=-mod=mod\n")
	u, _ := f.newUI()
	p, n := u.profiles, u.profiles.net
	fp := network.NewFingerprint(atCafe, nil)
	rule := network.RuleFor(fp, profile.PresetOffline, false)
	n.onNetworkChanged(network.Event{Network: fp, Rule: rule, Matched: true})
	if n.notice == nil {
		t.Fatal("no suggestion shown")
	}
	if got := f.readEnvFile(); got != "GOFLAGS=-mod=mod\n" {
		t.Errorf("a suggestion wrote the env file: %q", got)
	}
	test.Tap(n.noticeApply)
	if n.notice != nil || p.active != profile.PresetOffline || !strings.Contains(f.readEnvFile(), "GOPROXY=off") {
		t.Errorf("after Apply in the notice: notice open %t, active %q, env file %q", n.notice != nil, p.active, f.readEnvFile())
	}
	n.onNetworkChanged(network.Event{Network: fp, Rule: rule, Matched: true})
	if n.notice != nil {
		t.Error("the same network was suggested twice")
	}
}

func TestPresetDescriptionsMatchCore(t *testing.T) {
	for _, q := range profile.Presets() {
		if got := description(q); got != q.Description {
			t.Errorf("en.json description of %q = %q, want core's description %q", q.Name, got, q.Description)
		}
	}
}

// TestProfilesDriftedActiveProfile applies a profile, changes GOPROXY
// behind its back, and checks that the active mark says "modified
// (GOPROXY differs)" with Re-apply and Save as new, and that Re-apply
// restores it.
func TestProfilesDriftedActiveProfile(t *testing.T) {
	f := newFixture(t)
	u, _ := f.newUI()
	p := u.profiles
	p.selectProfile(profile.PresetChina)
	test.Tap(p.apply)
	p.preview.Confirm()
	if p.driftBar.Visible() || strings.Contains(p.title.Text, "modified") {
		t.Fatalf("freshly applied profile marked modified: %q", p.title.Text)
	}
	f.writeEnvFile("GOPROXY=https://other.example.test,direct\nGOSUMDB=" + chinaValue("GOSUMDB") + "\n")
	u.Reload()
	if want := profile.PresetChina + " (active) — modified (GOPROXY differs)"; p.title.Text != want {
		t.Errorf("title after GOPROXY changed = %q, want %q", p.title.Text, want)
	}
	if !p.driftBar.Visible() || !labelsContain(p.driftBar, "GOPROXY no longer matches") {
		t.Error("no drift bar with Re-apply and Save as new")
	}
	p.selectProfile(profile.PresetDefault)
	if p.driftBar.Visible() {
		t.Error("the drift bar shows on a profile that is not the active one")
	}
	test.Tap(findButton(t, p.driftBar, "Re-apply"))
	if p.preview == nil {
		t.Fatal("Re-apply opened no preview")
	}
	p.preview.Confirm()
	if got := f.readEnvFile(); !strings.Contains(got, "GOPROXY="+chinaValue("GOPROXY")+"\n") {
		t.Errorf("env file after Re-apply = %q", got)
	}
	if p.driftBar.Visible() || p.title.Text != profile.PresetChina+" (active)" {
		t.Errorf("after Re-apply: title %q, drift bar shown %t", p.title.Text, p.driftBar.Visible())
	}
}

// TestProfilesSwitchWithoutPreviewWarns switches to a profile from the
// tray (no preview) whose only proxy does not answer: it is applied, and
// the outcome says its proxies failed.
func TestProfilesSwitchWithoutPreviewWarns(t *testing.T) {
	f := newFixture(t)
	f.setDefaultProxy(unreachableURL(t))
	f.writeEnvFile("GOPROXY=off\n")
	u, _ := f.newUI()
	p := u.profiles
	p.selectProfile(profile.PresetDefault)
	p.applyByName(profile.PresetDefault)
	if got := f.readEnvFile(); strings.Contains(got, "GOPROXY") {
		t.Errorf("env file after switching = %q, want GOPROXY removed", got)
	}
	if !labelsContain(p.outcome, "failed a probe just now") {
		t.Errorf("no warning after switching to a profile whose proxy failed: %v", labelTexts(p.outcome))
	}
}
