package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/private/pattern"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
)

// patternsPanel edits GOPRIVATE, GONOPROXY, GONOSUMDB and GOINSECURE.
type patternsPanel struct {
	p       *privateScreen
	editors []*patternEditor
}

func newPatternsPanel(p *privateScreen) *patternsPanel {
	pp := &patternsPanel{p: p}
	for _, v := range pattern.Vars {
		pp.editors = append(pp.editors, newPatternEditor(p, v))
	}
	return pp
}

// buildUI puts the four editors in two columns.
func (pp *patternsPanel) buildUI() fyne.CanvasObject {
	var cards []fyne.CanvasObject
	for _, e := range pp.editors {
		cards = append(cards, e.buildUI())
	}
	return container.NewVScroll(container.NewGridWithColumns(2, cards...))
}

// show analyses the lists as resolved in r.
func (pp *patternsPanel) show(r *resolve.Resolution) {
	lists := pattern.Analyze(r)
	for i, e := range pp.editors {
		e.show(r, lists[i])
	}
}

// editor returns the editor of key.
func (pp *patternsPanel) editor(key string) *patternEditor {
	for _, e := range pp.editors {
		if e.key == key {
			return e
		}
	}
	return nil
}

// patternEditor is one pattern list: an entry per pattern, the layer the
// list comes from, inline problems and a Save button.
type patternEditor struct {
	p   *privateScreen
	key string

	res      *resolve.Resolution
	original string // the value the editor started from

	source   *widget.Label
	rows     *fyne.Container
	entries  []*widget.Entry
	add      *widget.Button
	problems *fyne.Container
	save     *widget.Button
	outcome  *fyne.Container
}

func newPatternEditor(p *privateScreen, key string) *patternEditor {
	return &patternEditor{p: p, key: key}
}

// buildUI creates the editor's card.
func (e *patternEditor) buildUI() fyne.CanvasObject {
	e.source = widget.NewLabel("")
	e.source.Wrapping, e.source.Importance = fyne.TextWrapWord, widget.LowImportance
	e.rows = container.NewVBox()
	e.add = widget.NewButtonWithIcon(lang.L("private.pattern.add"), theme.ContentAddIcon(), e.onAddTapped)
	e.problems = container.NewVBox()
	e.save = widget.NewButtonWithIcon(lang.L("edit.save"), theme.DocumentSaveIcon(), e.onSaveTapped)
	e.save.Importance = widget.HighImportance
	e.save.Disable()
	e.outcome = container.NewVBox()
	// The explanation wraps, unlike a card's subtitle, so that two columns
	// fit a narrow window.
	doc := wrapped(lang.L(patternDocKey(e.key)), widget.MediumImportance)
	body := container.NewVBox(doc, e.source, e.rows, container.NewHBox(e.add, e.save), e.problems, e.outcome)
	return widget.NewCard(e.key, "", body)
}

// patternDocKey is the translation key of a pattern variable's subtitle.
func patternDocKey(key string) string {
	switch key {
	case "GOPRIVATE":
		return "private.pattern.doc.private"
	case "GONOPROXY":
		return "private.pattern.doc.noproxy"
	case "GONOSUMDB":
		return "private.pattern.doc.nosumdb"
	}
	return "private.pattern.doc.insecure"
}

// show starts editing list, the value resolved in r.
func (e *patternEditor) show(r *resolve.Resolution, l pattern.List) {
	e.res = r
	e.source.SetText(listSource(l))
	e.original = l.Value
	var ps []string
	if l.FollowsGOPRIVATE {
		e.original, ps = "", nil
	} else {
		ps = pattern.Split(l.Value)
	}
	e.entries = nil
	e.rows.Objects = nil
	for _, text := range ps {
		e.addRow(text)
	}
	e.rows.Refresh()
	e.validate()
}

// listSource says where the list comes from.
func listSource(l pattern.List) string {
	if l.FollowsGOPRIVATE {
		return lang.L("private.pattern.follows")
	}
	if l.Value == "" {
		return lang.L("private.pattern.unset")
	}
	where := sourceName(l.Source)
	if l.File != "" {
		where += " · " + layerWhere(core.Layer{File: l.File, Line: l.Line})
	}
	return lang.L("private.pattern.from", map[string]any{"Source": where})
}

// addRow appends an entry for one pattern with its remove button.
func (e *patternEditor) addRow(text string) *widget.Entry {
	en := widget.NewEntry()
	en.SetText(text)
	en.PlaceHolder = "*.corp.example.test/team"
	en.OnChanged = func(string) { e.validate() }
	e.entries = append(e.entries, en)
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.onRemoveTapped(en) })
	e.rows.Add(container.NewBorder(nil, nil, nil, remove, en))
	return en
}

// onAddTapped adds an empty pattern and focuses it.
func (e *patternEditor) onAddTapped() {
	en := e.addRow("")
	e.validate()
	if c := e.p.win.Canvas(); c != nil {
		c.Focus(en)
	}
}

// onRemoveTapped removes the pattern edited in en.
func (e *patternEditor) onRemoveTapped(en *widget.Entry) {
	i := slices.Index(e.entries, en)
	if i < 0 {
		return
	}
	e.entries = slices.Delete(e.entries, i, i+1)
	e.rows.Objects = slices.Delete(e.rows.Objects, i, i+1)
	e.rows.Refresh()
	e.validate()
}

// value joins the non-empty patterns as written.
func (e *patternEditor) value() string {
	var ps []string
	for _, en := range e.entries {
		if en.Text != "" {
			ps = append(ps, en.Text)
		}
	}
	return pattern.Join(ps)
}

// validate analyses the edited value and enables Save for a changed value
// without errors.
func (e *patternEditor) validate() {
	if e.res == nil {
		return
	}
	l := pattern.AnalyzeValue(e.res, e.key, e.value())
	ps := l.AllProblems()
	e.problems.Objects = problemRows(ps)
	e.problems.Refresh()
	enable(e.save, len(core.Errors(ps)) == 0 && e.value() != e.original)
}

// onSaveTapped writes the list, or unsets it when it is empty.
func (e *patternEditor) onSaveTapped() {
	if e.save.Disabled() {
		return
	}
	base, key, value := e.res, e.key, e.value()
	e.save.Disable()
	e.p.run(func() func() {
		var res *service.WriteResult
		var err error
		if value == "" {
			res, err = e.p.svc.WithSource(history.SourcePrivate).Unset(base, []string{key})
		} else {
			res, err = e.p.svc.WithSource(history.SourcePrivate).Set(base, []core.Assignment{{Key: key, Value: value}})
		}
		return func() { e.onSaved(res, err) }
	})
}

// onSaved shows the write's outcome and reloads.
func (e *patternEditor) onSaved(res *service.WriteResult, err error) {
	e.outcome.Objects = writeOutcome(res, err)
	e.outcome.Refresh()
	if err == nil {
		e.p.onWritten()
		return
	}
	e.validate()
}
