package ui

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin/shell"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
)

// downloadURL is where Go is downloaded from.
const downloadURL = "https://go.dev/dl/"

// overviewScreen lists every managed setting with its effective value and
// source, and shows the selected one in a detail panel.
type overviewScreen struct {
	svc       *service.Service
	win       fyne.Window
	run       runner
	reloadAll func() // reloads every screen
	// rcRead receives the shell startup files each inspection of the
	// terminal context read, so that changes to them reload the app.
	rcRead func(files []string)

	res      *resolve.Resolution
	problems []core.Problem
	selected widget.ListItemID // index in res.Settings; -1 for none
	// visible lists the indices in res.Settings the list shows: those that
	// match the search and, with changedOnly, are set by you.
	visible     []int
	search      *widget.Entry
	changedOnly *widget.Check
	loads       latest // numbers the loads, so that only the newest is shown

	install *fyne.Container // the Go installation, or how to install Go
	counts  map[core.Severity]*widget.Label
	reload  *widget.Button
	check   *widget.Button
	list    *widget.List
	detail  *detailPanel

	contexts *contextState // a new terminal's and desktop apps' views
}

// newOverviewScreen makes the overview; reloadAll reloads every screen, after
// a write or when the user asks.
func newOverviewScreen(svc *service.Service, win fyne.Window, run runner, reloadAll func()) *overviewScreen {
	o := &overviewScreen{svc: svc, win: win, run: run, reloadAll: reloadAll, selected: -1}
	o.detail = newDetailPanel(svc, win, run, reloadAll)
	o.contexts = &contextState{cache: &shell.Cache{}}
	o.contexts.bar = newContextsBar(o.onContextChanged, newProcessesDialog(svc, win, run).open)
	o.contexts.bar.onGoPath = o.onGoPathTapped
	return o
}

// buildUI lays out the header above a split of list and detail panel.
func (o *overviewScreen) buildUI() fyne.CanvasObject {
	o.install = container.NewVBox(widget.NewLabel(lang.L("overview.loading")))
	o.reload = widget.NewButtonWithIcon(lang.L("overview.reload"), theme.ViewRefreshIcon(), o.onReloadTapped)
	o.list = widget.NewList(o.listLength, newSettingItem, o.updateSettingItem)
	o.list.OnSelected = o.onSettingRowSelected
	o.search = widget.NewEntry()
	o.search.SetPlaceHolder(lang.L("overview.search"))
	o.search.OnChanged = func(string) { o.onFilterChanged() }
	o.changedOnly = widget.NewCheck(lang.L("overview.changedonly"), func(bool) { o.onFilterChanged() })
	left := newBorder(container.NewVBox(o.search, o.changedOnly), nil, nil, nil, o.list)
	split := container.NewHSplit(left, o.detail.content())
	split.Offset = 0.36
	o.check = widget.NewButtonWithIcon(lang.L("overview.check"), theme.ConfirmIcon(), o.onCheckTapped)
	tools := container.NewVBox(container.NewHBox(o.summary(), o.reload), container.NewHBox(layout.NewSpacer(), o.check))
	top := newBorder(nil, nil, nil, tools, o.install)
	return newBorder(container.NewVBox(top, o.contexts.bar.box, widget.NewSeparator()), nil, nil, nil, split)
}

// summary is the count of diagnostics by severity.
func (o *overviewScreen) summary() fyne.CanvasObject {
	o.counts = map[core.Severity]*widget.Label{}
	objs := []fyne.CanvasObject{widget.NewLabel(lang.L("overview.diagnostics"))}
	for _, s := range []core.Severity{core.SeverityError, core.SeverityWarning, core.SeverityInfo} {
		o.counts[s] = widget.NewLabel("0")
		objs = append(objs, widget.NewIcon(severityIcon(s)), o.counts[s])
	}
	return container.NewHBox(objs...)
}

// onReloadTapped resolves the settings and reads the history again.
func (o *overviewScreen) onReloadTapped() { o.reloadAll() }

// load resolves and diagnoses off the UI goroutine and shows the result.
func (o *overviewScreen) load() {
	n := o.loads.next()
	o.run(func() func() {
		r := o.svc.Resolve()
		ps := o.svc.Doctor(r)
		return func() {
			if o.loads.current(n) {
				o.show(r, ps)
				o.startInspect(n)
			}
		}
	})
}

// show displays a resolution and its problems.
func (o *overviewScreen) show(r *resolve.Resolution, ps []core.Problem) {
	o.res, o.problems = r, ps
	o.showInstall()
	n := countBySeverity(ps)
	for s, l := range o.counts {
		l.SetText(fmt.Sprint(n[s]))
	}
	o.filter()
	if o.selected < 0 {
		if len(o.visible) > 0 {
			o.list.Select(0)
		}
		return
	}
	o.onSettingSelected(o.selected)
}

func (o *overviewScreen) listLength() int { return len(o.visible) }

// filter computes the rows shown and refreshes the list, keeping the
// selected setting selected when it is shown.
func (o *overviewScreen) filter() {
	o.visible = o.visible[:0]
	if o.res != nil {
		q := strings.ToLower(strings.TrimSpace(o.search.Text))
		for i, st := range o.res.Settings {
			match := q == "" || strings.Contains(strings.ToLower(st.Name+" "+st.Value), q)
			changed := st.Source == core.SourceEnvFile || st.Source == core.SourceProcessEnv
			if match && (!o.changedOnly.Checked || changed) {
				o.visible = append(o.visible, i)
			}
		}
	}
	o.list.Refresh()
	o.list.UnselectAll()
	if row := slices.Index(o.visible, int(o.selected)); row >= 0 {
		o.list.Select(row)
	}
}

// onFilterChanged shows the settings that match the search and the
// "changed only" filter.
func (o *overviewScreen) onFilterChanged() {
	o.filter()
	if len(o.visible) > 0 && !slices.Contains(o.visible, int(o.selected)) {
		o.list.Select(0)
	}
}

// onSettingRowSelected opens the setting of list row id.
func (o *overviewScreen) onSettingRowSelected(id widget.ListItemID) {
	if id >= 0 && id < len(o.visible) {
		o.onSettingSelected(o.visible[id])
	}
}

// onSettingSelected opens the selected setting in the detail panel.
func (o *overviewScreen) onSettingSelected(id widget.ListItemID) {
	if o.res == nil || id < 0 || id >= len(o.res.Settings) {
		return
	}
	o.selected = id
	s := o.res.Settings[id]
	o.detail.show(o.res, s, problemsFor(o.problems, s.Name))
	o.detail.origins.show(o.contexts.report, s.Name)
}

// selectSetting selects the setting called name, clearing a filter that
// hides it.
func (o *overviewScreen) selectSetting(name string) {
	if o.res == nil {
		return
	}
	i := slices.IndexFunc(o.res.Settings, func(s core.Setting) bool { return s.Name == name })
	if i < 0 {
		return
	}
	if !slices.Contains(o.visible, i) {
		o.search.SetText("")
		o.changedOnly.SetChecked(false)
	}
	if row := slices.Index(o.visible, i); row >= 0 {
		o.list.Select(row)
	}
}

// settingItem is one row of the settings list: name, source, value, and the
// icon of the setting's worst problem.
type settingItem struct {
	widget.BaseWidget
	name, source, value *widget.Label
	icon                *widget.Icon
}

func newSettingItem() fyne.CanvasObject {
	it := &settingItem{
		name:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		source: widget.NewLabel(""),
		value:  widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}),
		icon:   widget.NewIcon(nil),
	}
	it.source.Importance = widget.LowImportance
	it.value.Truncation = fyne.TextTruncateEllipsis
	it.ExtendBaseWidget(it)
	return it
}

// CreateRenderer implements fyne.Widget.
func (it *settingItem) CreateRenderer() fyne.WidgetRenderer {
	head := container.NewBorder(nil, nil, it.name, it.icon, it.source)
	return widget.NewSimpleRenderer(container.NewVBox(head, it.value))
}

func (o *overviewScreen) updateSettingItem(id widget.ListItemID, obj fyne.CanvasObject) {
	if id >= len(o.visible) {
		return
	}
	it := obj.(*settingItem)
	s := o.res.Settings[o.visible[id]]
	it.name.SetText(s.Name)
	it.source.SetText(sourceName(s.Source))
	it.value.SetText(layerValueText(core.Layer{Set: true, Value: s.Value}))
	if w := worst(problemsFor(o.problems, s.Name)); w != "" {
		it.icon.SetResource(severityIcon(w))
	} else {
		it.icon.SetResource(nil)
	}
	it.Refresh() // lay the row out again for the new texts
}

// showInstall shows the Go installation, or how to install Go.
func (o *overviewScreen) showInstall() {
	g := o.res.Goroot
	if !g.Installed() {
		o.install.Objects = []fyne.CanvasObject{onboarding(o.res.GOOS)}
		o.install.Refresh()
		return
	}
	version := g.Version
	if version == "" {
		version = lang.L("install.unknownversion")
	}
	f := o.res.EnvFile
	file := fileStateName(f.State)
	if f.Path != "" {
		file = lang.L("install.envfile.state", map[string]any{"Path": f.Path, "State": file})
	}
	form := container.New(layout.NewFormLayout(),
		formKey(lang.L("install.go")), formValue(version),
		formKey("GOROOT"), formValue(g.Path),
		formKey(lang.L("install.envfile")), formValue(file))
	o.install.Objects = []fyne.CanvasObject{form}
	if g.Error != "" {
		o.install.Objects = append(o.install.Objects, outcome(uiLang.Error(g.Err), widget.WarningImportance, nil)...)
	}
	o.install.Refresh()
}

func formKey(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

func formValue(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// onboarding explains how to install Go, with the line for goos in bold.
func onboarding(goos string) fyne.CanvasObject {
	u, _ := url.Parse(downloadURL)
	intro := widget.NewLabel(lang.L("onboard.intro"))
	intro.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{intro, widget.NewHyperlink(lang.L("onboard.download"), u)}
	for _, os := range []struct{ goos, key string }{
		{"windows", "onboard.windows"}, {"darwin", "onboard.macos"}, {"linux", "onboard.debian"},
	} {
		l := widget.NewLabel(lang.L(os.key))
		l.Wrapping, l.TextStyle.Bold = fyne.TextWrapWord, os.goos == goos
		objs = append(objs, l)
	}
	after := widget.NewLabel(lang.L("onboard.after"))
	after.Wrapping = fyne.TextWrapWord
	objs = append(objs, after)
	return widget.NewCard(lang.L("onboard.title"), "", container.NewVBox(objs...))
}

// onCheckTapped compares the shown values with the real go env -json, in the
// background, and reports any disagreement.
func (o *overviewScreen) onCheckTapped() {
	o.check.Disable()
	r := o.res
	o.run(func() func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		ds, err := o.svc.CrossCheck(ctx, r)
		return func() {
			o.check.Enable()
			o.showCheck(ds, err)
		}
	})
}

// showCheck reports the cross-check's outcome in a dialog.
func (o *overviewScreen) showCheck(ds []service.Disagreement, err error) {
	title := lang.L("overview.check.title")
	switch {
	case err != nil:
		showError(o.win, fmt.Errorf("%s: %w", lang.L("overview.check.failed"), err))
	case len(ds) == 0:
		showInformation(title, lang.L("overview.check.agree"), o.win)
	default:
		var b strings.Builder
		b.WriteString(lang.L("overview.check.disagree"))
		for _, d := range ds {
			b.WriteString("\n" + lang.X("overview.check.row", "{{.Var}}: Go Mirror {{.Ours}}, go {{.Go}}",
				map[string]any{"Var": d.Var, "Ours": fmt.Sprintf("%q", d.Ours), "Go": fmt.Sprintf("%q", d.Go)}))
		}
		showInformation(title, b.String(), o.win)
	}
}
