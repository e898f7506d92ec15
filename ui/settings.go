package ui

import (
	"image/color"
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"

	"github.com/gomirror/gomirror/assets"
)

// Preference keys of the settings dialog and the window.
const (
	prefTheme    = "theme"    // "", "light" or "dark"
	prefLanguage = "language" // "", "en" or "zh-Hans"
	prefWidth    = "windowWidth"
	prefHeight   = "windowHeight"
)

// themeValues and languageValues are the stored values of the options, in
// the order the dialog offers them; "" follows the system.
var (
	themeValues    = []string{"", "light", "dark"}
	languageValues = []string{"", "en", "zh-Hans"}
)

// languageLocales are the locale variables that select a language.
var languageLocales = map[string]string{"en": "en_US.UTF-8", "zh-Hans": "zh_CN.UTF-8"}

// appTheme is the default theme, forced to one variant (light or dark)
// when forced, with a visible focus ring, keyboard focus on list rows that
// shows, and borders of entries, unticked check boxes and radios that
// stand out from the background.
type appTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
	forced  bool
}

// Color implements fyne.Theme.
func (t appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced {
		v = t.variant
	}
	light := v == theme.VariantLight
	switch n {
	case theme.ColorNameFocus:
		// The primary colour two thirds of the way to the foreground: a
		// ring of the primary colour itself vanished on a primary button
		// (Apply, Save).
		r, g, b, _ := t.Theme.Color(theme.ColorNamePrimary, v).RGBA()
		fr, fg, fb, _ := t.Theme.Color(theme.ColorNameForeground, v).RGBA()
		mid := func(a, b uint32) uint8 { return uint8((a>>8 + 2*(b>>8)) / 3) }
		alpha := uint8(0x70)
		if light { // darker over a light button and the primary colour alike
			alpha = 0xb8
		}
		return color.NRGBA{R: mid(r, fr), G: mid(g, fg), B: mid(b, fb), A: alpha}
	case theme.ColorNameHover: // also marks the list row with the keyboard focus
		if light {
			return color.NRGBA{A: 0x1c}
		}
		return color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x1f}
	case theme.ColorNameInputBorder:
		if light {
			return color.NRGBA{R: 0x8c, G: 0x8c, B: 0x8c, A: 0xff}
		}
		return color.NRGBA{R: 0x70, G: 0x70, B: 0x74, A: 0xff}
	}
	return t.Theme.Color(n, v)
}

// applyTheme makes a use the theme stored as name: "light", "dark", or
// the system's variant.
func applyTheme(a fyne.App, name string) {
	switch name {
	case "light":
		a.Settings().SetTheme(appTheme{theme.DefaultTheme(), theme.VariantLight, true})
	case "dark":
		a.Settings().SetTheme(appTheme{theme.DefaultTheme(), theme.VariantDark, true})
	default:
		a.Settings().SetTheme(appTheme{Theme: theme.DefaultTheme()})
	}
}

// loadTranslations loads the translations in the language stored in
// prefs; a chosen language takes effect at the next start. Fyne's lang
// package shows the translation closest to the system's locales, so on
// Linux and the BSDs the chosen language is passed to it through the
// locale variables while it loads (Fyne's own dialogs follow it too), and
// everywhere the chosen language's messages are also added under the
// system's locales (see preferLanguage): Windows and macOS do not read
// those variables.
func loadTranslations(prefs fyne.Preferences) {
	choice := prefs.String(prefLanguage)
	startedLanguage = choice
	restore := forceLocale(languageLocales[choice])
	defer restore()
	if err := assets.LoadTranslations(); err != nil {
		fyne.LogError("loading translations", err)
	}
	if choice != "" {
		preferLanguage(choice, systemLocales())
	}
}

// preferLanguage makes Fyne show Go Mirror's messages in the language tag
// whatever the system's locales: it adds the language's messages under
// each of them, and Fyne's pick of the closest translation then finds
// them. Fyne's own messages keep their system language where the locale
// variables were not honoured.
func preferLanguage(tag string, locales []string) {
	data, err := assets.Translation(tag)
	if err != nil {
		fyne.LogError("loading the chosen language", err)
		return
	}
	for _, l := range locales {
		if _, err := language.Parse(l); err != nil || l == tag {
			continue // "C" and the like, or the language itself
		}
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(l)); err != nil {
			fyne.LogError("preferring "+tag+" over "+l, err)
		}
	}
}

// systemLocales are the locales the user's system prefers, as Fyne reads
// them, most preferred first.
func systemLocales() []string {
	ls, err := locale.GetLocales()
	if err != nil {
		return nil
	}
	return ls
}

// forceLocale sets the locale variables to loc until restore is called;
// it does nothing for an empty loc or where the variables are not read.
func forceLocale(loc string) (restore func()) {
	if loc == "" || runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return func() {}
	}
	vars := []string{"LANGUAGE", "LC_ALL"}
	old := map[string]*string{}
	for _, k := range vars {
		if v, ok := os.LookupEnv(k); ok {
			old[k] = &v
		}
		os.Setenv(k, loc)
	}
	return func() {
		for _, k := range vars {
			if v := old[k]; v != nil {
				os.Setenv(k, *v)
			} else {
				os.Unsetenv(k)
			}
		}
	}
}

// settingsDialog edits the theme and the language.
type settingsDialog struct {
	app      fyne.App
	win      fyne.Window
	theme    *widget.RadioGroup
	language *widget.RadioGroup

	restartBtn  *widget.Button // "Restart now", after a language change
	restartNote *widget.Label
	relaunch    func() error // starts the app again; relaunch, or a test's
}

func newSettingsDialog(a fyne.App, w fyne.Window) *settingsDialog {
	return &settingsDialog{app: a, win: w, relaunch: relaunch}
}

// open shows the dialog with the stored choices selected.
func (s *settingsDialog) open() {
	d := dialog.NewCustom(lang.L("settings.title"), lang.L("settings.close"), s.buildUI(), s.win)
	showDialog(s.win, d, d.Hide, nil)
}

// buildUI is a form of the two choices with their notes.
func (s *settingsDialog) buildUI() fyne.CanvasObject {
	prefs := s.app.Preferences()
	s.theme = newChoice([]string{lang.L("settings.system"), lang.L("settings.light"), lang.L("settings.dark")},
		themeValues, prefs.String(prefTheme), s.onThemeChanged)
	s.language = newChoice([]string{lang.L("settings.system"), "English", "简体中文"},
		languageValues, prefs.String(prefLanguage), s.onLanguageChanged)
	form := container.New(layout.NewFormLayout(),
		formKey(lang.L("settings.theme")), s.theme,
		formKey(lang.L("settings.language")), s.language)
	restart := s.newRestartButton()
	return container.NewVBox(form,
		wrapped(lang.L("settings.language.note"), widget.LowImportance),
		s.restartNote, container.NewHBox(restart),
		wrapped(lang.L("settings.keys.note"), widget.LowImportance))
}

// newChoice is a horizontal radio group of labels, with the label of the
// stored value selected; changed receives the chosen label.
func newChoice(labels, values []string, stored string, changed func(string)) *widget.RadioGroup {
	g := widget.NewRadioGroup(labels, nil)
	g.Horizontal, g.Required = true, true
	g.Selected = labels[0]
	for i, v := range values {
		if v == stored {
			g.Selected = labels[i]
		}
	}
	g.OnChanged = changed
	return g
}

// valueOf returns the value of the selected label of g.
func valueOf(g *widget.RadioGroup, values []string) string {
	for i, l := range g.Options {
		if l == g.Selected {
			return values[i]
		}
	}
	return ""
}

// onThemeChanged stores the theme and applies it at once.
func (s *settingsDialog) onThemeChanged(string) {
	v := valueOf(s.theme, themeValues)
	s.app.Preferences().SetString(prefTheme, v)
	applyTheme(s.app, v)
}

// onLanguageChanged stores the language for the next start.
func (s *settingsDialog) onLanguageChanged(string) {
	s.app.Preferences().SetString(prefLanguage, valueOf(s.language, languageValues))
	s.showRestart()
}
