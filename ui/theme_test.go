package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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

// over returns c drawn over the opaque bg.
func over(c, bg color.Color) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(n.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*a + float64(y)*(1-a) + 0.5) }
	return color.NRGBA{R: mix(n.R, b.R), G: mix(n.G, b.G), B: mix(n.B, b.B), A: 0xff}
}

// TestAppThemeFocusShowsOnPrimaryButtons checks that the focus shows on a
// button of high importance (Apply, Save), whose background is the primary
// colour, and on an ordinary one.
func TestAppThemeFocusShowsOnPrimaryButtons(t *testing.T) {
	for name, variant := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		th := appTheme{Theme: theme.DefaultTheme(), variant: variant, forced: true}
		focus := th.Color(theme.ColorNameFocus, variant)
		for _, bgName := range []fyne.ThemeColorName{theme.ColorNamePrimary, theme.ColorNameButton} {
			bg := over(th.Color(bgName, variant), th.Color(theme.ColorNameBackground, variant))
			c := contrast(over(focus, bg), bg)
			t.Logf("%s on %s: %.2f:1", name, bgName, c)
			if c < 1.3 {
				t.Errorf("%s: a focused button on %s differs from an unfocused one by %.2f:1, want at least 1.3:1", name, bgName, c)
			}
		}
	}
}
