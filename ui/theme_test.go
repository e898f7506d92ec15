package ui

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/gomirror/gomirror/core/mirrors/probe"
)

// luminance is the relative luminance of c (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of a and b.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// TestAppThemeFocusAndBorders checks that in both variants the borders of
// unticked boxes and radios reach 3:1 against the background (WCAG's
// minimum for controls) and the focus ring is stronger than Fyne's.
func TestAppThemeFocusAndBorders(t *testing.T) {
	for name, variant := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		th := appTheme{Theme: theme.DefaultTheme(), variant: variant, forced: true}
		bg := th.Color(theme.ColorNameBackground, th.variant)
		if c := contrast(th.Color(theme.ColorNameInputBorder, th.variant), bg); c < 3 {
			t.Errorf("%s: input border contrast %.2f:1, want at least 3:1", name, c)
		}
		_, _, _, a := th.Color(theme.ColorNameFocus, th.variant).RGBA()
		_, _, _, fa := theme.DefaultTheme().Color(theme.ColorNameFocus, th.variant).RGBA()
		if a <= fa {
			t.Errorf("%s: focus alpha %d, not above Fyne's %d", name, a>>8, fa>>8)
		}
	}
}

// TestLanguageChangeOffersRestart checks that choosing another language
// offers Restart now, which restarts the app.
func TestLanguageChangeOffersRestart(t *testing.T) {
	f := newFixture(t)
	u, w := f.newUI()
	s := newSettingsDialog(u.app, w)
	restarted := false
	s.restart = func() { restarted = true }
	s.buildUI()
	if s.restartBt.Visible() {
		t.Fatal("Restart now shows before the language changed")
	}
	s.language.SetSelected("简体中文")
	if !s.restartBt.Visible() {
		t.Fatal("no Restart now after the language changed")
	}
	test.Tap(s.restartBt)
	if !restarted {
		t.Error("Restart now did not restart")
	}
	u.app.Preferences().SetString(prefLanguage, "")
}

// TestProbeErrorsInChinese checks that a probe error's details are in
// Chinese in Chinese, and core's own message in English.
func TestProbeErrorsInChinese(t *testing.T) {
	s := probe.Summary{LastError: &probe.Error{Class: probe.ClassDNS, Message: "the host name does not resolve"}}
	if got := lastErrorText(s); !strings.Contains(got, "the host name does not resolve") {
		t.Errorf("in English the error reads %q", got)
	}
	useLocale(t, "zh_CN")
	if got := lastErrorText(s); !strings.Contains(got, "主机名无法解析") || strings.Contains(got, "does not resolve") {
		t.Errorf("in Chinese the error reads %q", got)
	}
}
