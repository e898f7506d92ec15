package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/profile"
)

// TestIssueScreenshots saves screenshots of the fixed behaviours, rendered
// by Fyne's test driver with the default theme, in English and Simplified
// Chinese, into $GOMIRROR_SHOTS (skipped when it is not set).
func TestIssueScreenshots(t *testing.T) {
	dir := os.Getenv("GOMIRROR_SHOTS")
	if dir == "" {
		t.Skip("GOMIRROR_SHOTS is not set")
	}
	for _, loc := range []struct{ suffix, locale string }{{"", "en_US"}, {"-zh-Hans", "zh_CN"}} {
		t.Run(loc.locale, func(t *testing.T) {
			useLocale(t, loc.locale)
			shotOnboarding(t, filepath.Join(dir, "assistant"+loc.suffix+".png"))
			shotProfilesAndHistory(t, dir, loc.suffix)
			shotRefusal(t, filepath.Join(dir, "refusal"+loc.suffix+".png"))
		})
	}
}

// save writes w's canvas to name.
func save(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	size := w.Canvas().Size()
	w.Resize(size.AddWidthHeight(1, 1)) // lay everything out again, overlays too
	w.Resize(size)
	for _, o := range w.Canvas().Overlays().List() {
		o.Refresh()
	}
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

func shotOnboarding(t *testing.T, name string) {
	f := newFixture(t)
	f.addFakeMirrors()
	f.setDefaultProxy(unreachableURL(t))
	f.fakeGoDownloads("v1.1.0")
	o, q, _ := f.newOnboardUI()
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	failChina(t, o)
	test.Tap(o.next)
	q.until(10*time.Second, func() bool { return o.check.done })
	test.Tap(o.next)
	measured(t, o, q)
	save(t, o.win, name)
	o.scroll.ScrollToBottom()
	save(t, o.win, name[:len(name)-4]+"-preview.png")
	test.Tap(o.next)
	o.scroll.ScrollToBottom()
	save(t, o.win, name[:len(name)-4]+"-proof.png")
}

func shotProfilesAndHistory(t *testing.T, dir, suffix string) {
	f := newFixture(t)
	f.writeEnvFile("GOFLAGS=-mod=mod\n")
	u, w := f.newUI()
	u.app.Settings().SetTheme(theme.DefaultTheme())
	w.Resize(fyne.NewSize(1000, 680))
	p := u.profiles
	u.nav.Select(mustScreen(t, u, "nav.profiles"))
	p.selectProfile(profile.PresetChina)
	test.Tap(p.apply)
	p.preview.Confirm()
	save(t, w, filepath.Join(dir, "notice"+suffix+".png"))
	f.writeEnvFile("GOFLAGS=-mod=mod\nGOPROXY=https://other.example.test,direct\nGOSUMDB=sum.golang.google.cn\n")
	u.notice.hide()
	u.Reload()
	save(t, w, filepath.Join(dir, "drift"+suffix+".png"))

	dead := unreachableURL(t)
	f.setDefaultProxy(dead)
	p.selectProfile(profile.PresetDefault)
	test.Tap(p.apply)
	save(t, w, filepath.Join(dir, "apply-anyway"+suffix+".png"))
	typeKey(w, fyne.KeyEscape)

	u.nav.Select(mustScreen(t, u, "nav.history"))
	set := func(source, key, value string) {
		if _, err := f.svc.WithSource(source).Set(f.svc.Resolve(), []core.Assignment{{Key: key, Value: value}}); err != nil {
			t.Fatal(err)
		}
	}
	set(history.SourceAssistant, "GOSUMDB", "sum.golang.google.cn")
	set(history.SourceChainBuilder, "GOPROXY", "https://fast.example.test|https://other.example.test,direct")
	u.Reload()
	for i, e := range u.history.entries {
		if e.Source == history.ProfileSource(profile.PresetChina) && !e.Undo {
			u.history.list.Select(i)
			break
		}
	}
	test.Tap(u.history.revert)
	save(t, w, filepath.Join(dir, "history-revert"+suffix+".png"))
	u.history.list.Select(0)
	save(t, w, filepath.Join(dir, "history"+suffix+".png"))

	typeKey(w, fyne.KeyF1)
	save(t, w, filepath.Join(dir, "shortcuts"+suffix+".png"))
	typeKey(w, fyne.KeyEscape)
}

// shotRefusal shows a value the go command would reject, typed into the
// Overview: the refusal and its fix, in the catalogue's words.
func shotRefusal(t *testing.T, name string) {
	f := newFixture(t)
	f.writeEnvFile("GOFLAGS=-mod=mod\n")
	u, w := f.newUI()
	u.app.Settings().SetTheme(theme.DefaultTheme())
	w.Resize(fyne.NewSize(1000, 680))
	d := u.overview.detail
	u.overview.selectSetting("GOPROXY")
	d.entry.SetText("")
	test.Type(d.entry, "localhost")
	if len(core.Errors(d.checked)) == 0 {
		t.Fatalf("GOPROXY=localhost is not refused: %v", d.checked)
	}
	w.Canvas().Focus(d.entry)
	scrollIntoView(w.Canvas(), d.validation)
	save(t, w, name)
}
