package ui

import (
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/troubleshoot"
)

// findingView shows one finding of the Troubleshoot screen: severity, code
// and setting, the failing lines in monospace, the setting's layer, the
// translated message and fix, and Apply fix with its outcome and Undo.
type findingView struct {
	f       troubleshoot.Finding
	apply   *widget.Button
	undo    *widget.Button
	outcome *fyne.Container
	body    *fyne.Container
}

// newFindingView makes the view of f; its buttons call t's handlers.
func newFindingView(t *troubleshootScreen, f troubleshoot.Finding) *findingView {
	v := &findingView{f: f, outcome: container.NewVBox()}
	v.apply = widget.NewButtonWithIcon(lang.L("ts.apply"), theme.ConfirmIcon(), func() { t.onApplyTapped(v) })
	v.apply.Importance = widget.HighImportance
	v.undo = widget.NewButtonWithIcon(lang.L("edit.undo"), theme.ContentUndoIcon(), func() { t.onUndoTapped(v) })
	v.undo.Hide()
	v.body = container.NewVBox(v.header(), failingLines(f.Lines, f.Quoted))
	if where := findingLayer(f); where != "" {
		v.body.Add(captionLabel(where))
	}
	v.body.Add(v.explanation())
	if f.HasFix() {
		edit := widget.NewLabel(lang.L("ts.edit", map[string]any{"Edit": editText(f.Set, f.Unset)}))
		edit.Wrapping = fyne.TextWrapWord
		v.body.Add(container.NewBorder(nil, nil, nil, container.NewHBox(v.apply, v.undo), edit))
	}
	v.body.Add(v.outcome)
	return v
}

// object is the view with a separator under it.
func (v *findingView) object() fyne.CanvasObject {
	return container.NewVBox(v.body, widget.NewSeparator())
}

// header is the severity icon, the code and the setting.
func (v *findingView) header() fyne.CanvasObject {
	text := v.f.Code
	if v.f.Var != "" {
		text = v.f.Var + " · " + text
	}
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewHBox(widget.NewIcon(severityIcon(v.f.Severity)), l)
}

// explanation is the translated message and, in italics, the fix.
func (v *findingView) explanation() fyne.CanvasObject {
	message, fix := problemText(v.f.Problem)
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: message, Style: widget.RichTextStyleParagraph}}
	if fix != "" {
		style := widget.RichTextStyleParagraph
		style.TextStyle.Italic = true
		segs = append(segs, &widget.TextSegment{Text: fix, Style: style})
	}
	text := widget.NewRichText(segs...)
	text.Wrapping = fyne.TextWrapWord
	return text
}

// setOutcome replaces what is shown under the finding.
func (v *findingView) setOutcome(objs []fyne.CanvasObject) {
	v.outcome.Objects = objs
	v.outcome.Refresh()
}

// failingLines shows output lines in monospace, wrapped anywhere; the
// lines the finding rests on (quoted) are highlighted in the error colour
// (monospace has no bold face in every theme).
func failingLines(lines, quoted []string) fyne.CanvasObject {
	var segs []widget.RichTextSegment
	for _, l := range lines {
		l = strings.TrimRight(strings.ReplaceAll(l, "\r", ""), "\n")
		style := widget.RichTextStyleCodeBlock
		if isQuoted(l, quoted) {
			style.ColorName = theme.ColorNameError
		}
		segs = append(segs, &widget.TextSegment{Text: l, Style: style})
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapBreak
	return rt
}

// isQuoted reports whether line is one of the finding's quoted lines.
func isQuoted(line string, quoted []string) bool {
	return slices.Contains(quoted, strings.TrimSpace(line))
}

// findingLayer says which value of which layer is responsible, and where.
func findingLayer(f troubleshoot.Finding) string {
	if f.Layer == nil || f.Var == "" {
		return ""
	}
	where := sourceName(f.Layer.Source)
	if w := layerWhere(*f.Layer); w != "" {
		where += " · " + w
	}
	return lang.L("ts.setting", map[string]any{"Var": f.Var, "Value": f.Layer.Value, "Layer": where})
}

// captionLabel is a label that wraps.
func captionLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// editText describes a suggested edit of the env file.
func editText(set map[string]string, unset []string) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(set)) {
		parts = append(parts, lang.L("ts.edit.set", map[string]any{"Key": k, "Value": set[k]}))
	}
	for _, k := range unset {
		parts = append(parts, lang.L("ts.edit.unset", map[string]any{"Key": k}))
	}
	return strings.Join(parts, ", ")
}
