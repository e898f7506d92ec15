package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
)

// severityIcon is the coloured icon of a severity.
func severityIcon(s core.Severity) fyne.Resource {
	switch s {
	case core.SeverityError:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case core.SeverityWarning:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	}
	return theme.NewPrimaryThemedResource(theme.InfoIcon())
}

// problemRow shows one problem: its severity icon beside its translated
// message and fix and its place, as paragraphs of one rich text so that they
// wrap together.
func problemRow(p core.Problem) fyne.CanvasObject {
	icon := widget.NewIcon(severityIcon(p.Severity))
	message, fix := problemText(p)
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: message, Style: widget.RichTextStyleParagraph}}
	if fix != "" {
		style := widget.RichTextStyleParagraph
		style.TextStyle.Italic = true
		segs = append(segs, &widget.TextSegment{Text: fix, Style: style})
	}
	if p.File != "" {
		style := widget.RichTextStyleParagraph
		style.ColorName, style.SizeName = theme.ColorNameDisabled, theme.SizeNameCaptionText
		segs = append(segs, &widget.TextSegment{Text: layerWhere(core.Layer{File: p.File, Line: p.Line}), Style: style})
	}
	text := widget.NewRichText(segs...)
	text.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, container.NewVBox(icon), nil, text)
}

// problemRows shows ps, or nothing when ps is empty.
func problemRows(ps []core.Problem) []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(ps))
	for i, p := range ps {
		objs[i] = problemRow(p)
	}
	return objs
}

// countBySeverity counts ps by severity.
func countBySeverity(ps []core.Problem) map[core.Severity]int {
	n := map[core.Severity]int{}
	for _, p := range ps {
		n[p.Severity]++
	}
	return n
}

// problemsFor returns the problems about the variable name.
func problemsFor(ps []core.Problem, name string) []core.Problem {
	var out []core.Problem
	for _, p := range ps {
		if p.Var == name {
			out = append(out, p)
		}
	}
	return out
}

// worst returns the most severe of ps, or "" for none.
func worst(ps []core.Problem) core.Severity {
	var w core.Severity
	for _, p := range ps {
		switch {
		case p.Severity == core.SeverityError:
			return p.Severity
		case p.Severity == core.SeverityWarning, w == "":
			w = p.Severity
		}
	}
	return w
}
