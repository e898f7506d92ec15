package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/profile"
)

// TestProbeErrorDetailInChinese is issue 18's "DNS 解析失败: the host name
// does not resolve…": the detail of a failure class is translated too;
// the cause (the system's error) stays as it was.
func TestProbeErrorDetailInChinese(t *testing.T) {
	useLocale(t, "zh_CN")
	e := &probe.Error{Class: probe.ClassDNS, Detail: core.NewText("probe.dns", map[string]string{"Cause": "lookup mirror.example.test: no such host"})}
	e.Message = e.Detail.String()
	got := lastErrorText(probe.Summary{LastError: e})
	if !strings.Contains(got, "DNS 解析失败") || !strings.Contains(got, "主机名无法解析") ||
		!strings.Contains(got, "lookup mirror.example.test: no such host") || strings.Contains(got, "does not resolve") {
		t.Errorf("lastErrorText = %q, want the class and its detail in Chinese", got)
	}
	old := &probe.Error{Class: probe.ClassNetwork, Message: "stored before details had codes"}
	if got := probeDetail(old); got != old.Message {
		t.Errorf("probeDetail(without a code) = %q, want the message as it is", got)
	}
}

// TestPresetNamesInChinese: the presets' shown names are translated, the
// stored names (and a user's profile spelt like one) are not.
func TestPresetNamesInChinese(t *testing.T) {
	useLocale(t, "zh_CN")
	china, _ := profile.Preset(profile.PresetChina)
	if got := profileTitle(china, "", nil); got != "中国大陆" {
		t.Errorf("profileTitle(Mainland China) = %q, want 中国大陆", got)
	}
	if got := profileTitle(china, profile.PresetChina, nil); !strings.Contains(got, "中国大陆") {
		t.Errorf("active title = %q, want the Chinese name", got)
	}
	if china.Name != profile.PresetChina {
		t.Errorf("stored name = %q, want %q", china.Name, profile.PresetChina)
	}
	mine := profile.Profile{Name: profile.PresetOffline}
	if got := profileName(mine); got != profile.PresetOffline {
		t.Errorf("a user's profile named %q shows as %q", mine.Name, got)
	}
	for _, q := range profile.Presets() {
		if got := profileName(q); got == q.Name {
			t.Errorf("preset %q has no Chinese name", q.Name)
		}
	}
}

// TestCatalogueNamesInChinese: the Chinese cloud mirrors show their
// Chinese names in zh, their English ones in en.
func TestCatalogueNamesInChinese(t *testing.T) {
	byID := map[string]mirrors.Mirror{}
	for _, m := range mirrors.Builtin() {
		byID[m.ID] = m
	}
	want := map[string]string{"aliyun": "阿里云", "huaweicloud": "华为云", "tencent": "腾讯云", "baidu": "百度"}
	useLocale(t, "zh_CN")
	for id, name := range want {
		if got := mirrorName(byID[id]); got != name {
			t.Errorf("zh: mirrorName(%s) = %q, want %q", id, got, name)
		}
	}
	useLocale(t, "en_US")
	if got := mirrorName(byID["aliyun"]); got != "Alibaba Cloud" {
		t.Errorf("en: mirrorName(aliyun) = %q, want Alibaba Cloud", got)
	}
}

// TestLanguageChangeOffersRestart: choosing another language than the one
// shown offers "Restart now", which starts the app again and closes this
// instance; choosing the shown one again hides it.
func TestLanguageChangeOffersRestart(t *testing.T) {
	f := newFixture(t)
	u, _ := f.newUI()
	startedLanguage = u.app.Preferences().String(prefLanguage)
	w := test.NewWindow(nil) // the restart closes it; the fixture's window stays
	s := newSettingsDialog(u.app, w)
	relaunched := 0
	s.relaunch = func() error { relaunched++; return nil }
	s.buildUI()
	if !s.restartBtn.Hidden {
		t.Fatalf("Restart now is offered before the language changed")
	}
	shown := s.language.Selected
	s.language.SetSelected("简体中文")
	if s.restartBtn.Hidden || s.restartNote.Hidden {
		t.Fatalf("no Restart now after choosing another language")
	}
	s.language.SetSelected(shown)
	if !s.restartBtn.Hidden {
		t.Errorf("Restart now still offered with the shown language chosen again")
	}
	s.language.SetSelected("简体中文")
	closed := false
	w.SetOnClosed(func() { closed = true })
	test.Tap(s.restartBtn)
	if relaunched != 1 || !closed {
		t.Errorf("Restart now relaunched %d times, closed the window %t; want once and true", relaunched, closed)
	}
}
