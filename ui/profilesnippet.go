package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/profile"
)

// snippetFormats are the snippet formats with their names, in display
// order; the names are product names, not translated.
var snippetFormats = []struct {
	format profile.Format
	label  string
}{
	{profile.Bash, "bash / zsh"},
	{profile.PowerShell, "PowerShell"},
	{profile.Cmd, "Command Prompt (cmd)"},
	{profile.Fish, "fish"},
	{profile.Dockerfile, "Dockerfile"},
	{profile.GitHubActions, "GitHub Actions (env:)"},
}

// snippetPanel renders the selected profile for a shell, a Dockerfile or a
// CI job, in a read-only text with a copy button.
type snippetPanel struct {
	app   fyne.App
	prof  *profile.Profile
	shown string // the snippet on display

	format *widget.Select
	text   *widget.Entry
	copy   *widget.Button
	err    *widget.Label
}

// newSnippetPanel makes the snippet panel; a is for the clipboard.
func newSnippetPanel(a fyne.App) *snippetPanel { return &snippetPanel{app: a} }

// content lays out the format select, the text and the copy button.
func (s *snippetPanel) content() fyne.CanvasObject {
	labels := make([]string, len(snippetFormats))
	for i, f := range snippetFormats {
		labels[i] = f.label
	}
	s.format = widget.NewSelect(labels, func(string) { s.render() })
	s.text = widget.NewMultiLineEntry()
	s.text.TextStyle.Monospace = true
	s.text.SetMinRowsVisible(6)
	s.text.OnChanged = s.onTextChanged
	s.copy = widget.NewButtonWithIcon(lang.L("profiles.snippet.copy"), theme.ContentCopyIcon(), s.onCopyTapped)
	s.err = widget.NewLabel("")
	s.err.Wrapping, s.err.Importance, s.err.Hidden = fyne.TextWrapWord, widget.DangerImportance, true
	intro := widget.NewLabel(lang.L("profiles.snippet.intro"))
	intro.Wrapping = fyne.TextWrapWord
	s.format.SetSelectedIndex(0)
	return container.NewVBox(intro, container.NewBorder(nil, nil, nil, s.copy, s.format), s.text, s.err)
}

// show renders q, or clears the panel for nil.
func (s *snippetPanel) show(q *profile.Profile) {
	s.prof = q
	s.render()
}

// render shows the snippet of the profile in the selected format.
func (s *snippetPanel) render() {
	if s.text == nil {
		return
	}
	s.shown, s.err.Hidden = "", true
	if i := s.format.SelectedIndex(); s.prof != nil && i >= 0 {
		text, err := profile.Snippet(*s.prof, snippetFormats[i].format)
		if err != nil {
			s.err.SetText(errorText(err))
			s.err.Hidden = false
		}
		s.shown = text
	}
	s.text.SetText(s.shown)
	s.err.Refresh()
	enable(s.copy, s.shown != "")
}

// onTextChanged keeps the text read-only while leaving it selectable: an
// edit is undone at once.
func (s *snippetPanel) onTextChanged(text string) {
	if text != s.shown {
		s.text.SetText(s.shown)
	}
}

// onCopyTapped puts the snippet on the clipboard.
func (s *snippetPanel) onCopyTapped() {
	s.app.Clipboard().SetContent(s.shown)
}
