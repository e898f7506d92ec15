package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/network"
	"github.com/gomirror/gomirror/core/profile"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
)

// profilesScreen lists the profiles (presets and the user's), shows the
// selected one, applies it after a diff preview, edits, copies, renames and
// deletes profiles, ties profiles to networks and renders snippets. It also
// keeps the system tray menu and reacts to network changes.
type profilesScreen struct {
	app     fyne.App
	svc     *service.Service
	win     fyne.Window
	run     runner
	written func() // reloads every screen after a write

	store    profile.Store
	rules    network.RuleStore
	dirErr   error // why there is no config dir, if there is none
	res      *resolve.Resolution
	profiles []profile.Profile
	active   string
	drift    []string // keys where the env file no longer matches the active profile
	selected string   // name of the profile on display
	loads    latest   // numbers the loads, so that only the newest is shown
	tray     func()   // rebuilds the tray menu; nil without a tray

	list    *widget.List
	noSaved *widget.Label
	title   *widget.Label
	desc    *widget.Label
	choices *fyne.Container
	creds   *widget.Label
	apply   *widget.Button
	edit    *widget.Button
	rename  *widget.Button
	dup     *widget.Button
	del     *widget.Button
	save    *widget.Button // saves the current settings as a new profile
	outcome *fyne.Container
	// outcomeFor is the profile the outcome is about: it is cleared when
	// another profile is shown, or when applying it is no longer true
	// (undone, or the settings drifted).
	outcomeFor string
	// driftBar says the active profile was modified since it was applied,
	// with Re-apply and Save as new; shown on the active profile only.
	driftBar  *fyne.Container
	driftText *widget.Label
	preview   *dialog.ConfirmDialog // the open diff preview, if any
	failed    bool                  // the open preview warned that its proxies failed
	// checkChain probes a GOPROXY value before a profile is applied (tests
	// keep it to loopback).
	checkChain func(context.Context, *resolve.Resolution, string) mirrors.ChainReach

	net     *networkPanel
	snippet *snippetPanel
}

// newProfilesScreen makes the profiles screen; written reloads every screen.
func newProfilesScreen(a fyne.App, svc *service.Service, win fyne.Window, run runner, written func()) *profilesScreen {
	p := &profilesScreen{app: a, svc: svc, win: win, run: run, written: written, checkChain: mirrors.CheckGOPROXY}
	dir, err := svc.ConfigDir() // "" with err: nothing is read or written
	p.store, p.rules, p.dirErr = profile.Store{Dir: dir}, network.RuleStore{Dir: dir}, err
	p.net = newNetworkPanel(p)
	p.snippet = newSnippetPanel(a)
	return p
}

// buildUI lays out the list of profiles beside the selected profile.
func (p *profilesScreen) buildUI() fyne.CanvasObject {
	p.list = widget.NewList(func() int { return len(p.profiles) }, newProfileItem, p.updateProfileItem)
	p.list.OnSelected = p.onProfileSelected
	p.noSaved = widget.NewLabel(lang.L("profiles.nosaved"))
	p.noSaved.Wrapping, p.noSaved.Importance = fyne.TextWrapWord, widget.LowImportance
	p.save = widget.NewButtonWithIcon(lang.L("profiles.savecurrent"), theme.DocumentSaveIcon(), p.onSaveCurrentTapped)
	left := newBorder(nil, p.noSaved, nil, nil, p.list)
	split := container.NewHSplit(left, p.detail())
	split.Offset = 0.3
	title := widget.NewLabelWithStyle(lang.L("nav.profiles"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// Saving the current settings makes a new profile: it sits in the
	// screen's header, so that Tab goes from the list to Apply and the
	// selected profile's other actions.
	head := newBorder(nil, nil, title, p.save)
	return newBorder(container.NewVBox(head, widget.NewSeparator()), nil, nil, nil, split)
}

// detail is the right-hand side: the profile, the network and the snippet.
func (p *profilesScreen) detail() fyne.CanvasObject {
	p.title = widget.NewLabelWithStyle(lang.L("profiles.none"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.SizeName = theme.SizeNameSubHeadingText
	p.desc = widget.NewLabel("")
	p.desc.Wrapping = fyne.TextWrapWord
	p.choices = container.New(layout.NewFormLayout())
	p.creds = widget.NewLabel("")
	p.creds.Wrapping, p.creds.Hidden = fyne.TextWrapWord, true
	p.apply = widget.NewButtonWithIcon(lang.L("profiles.apply"), theme.ConfirmIcon(), p.onApplyTapped)
	p.apply.Importance = widget.HighImportance
	p.edit = widget.NewButtonWithIcon(lang.L("profiles.edit"), theme.DocumentCreateIcon(), p.onEditTapped)
	p.rename = widget.NewButtonWithIcon(lang.L("profiles.rename"), theme.ContentRedoIcon(), p.onRenameTapped)
	p.dup = widget.NewButtonWithIcon(lang.L("profiles.duplicate"), theme.ContentCopyIcon(), p.onDuplicateTapped)
	p.del = widget.NewButtonWithIcon(lang.L("profiles.delete"), theme.DeleteIcon(), p.onDeleteTapped)
	p.outcome = container.NewVBox()
	p.driftBar = p.newDriftBar()
	p.setButtons()
	body := container.NewVBox(
		p.title, p.driftBar, p.desc, container.New(layout.NewRowWrapLayout(), p.apply, p.edit, p.rename, p.dup, p.del), p.outcome,
		p.choices, p.creds,
		heading(lang.L("profiles.network")), p.net.content(),
		heading(lang.L("profiles.snippet")), p.snippet.content(),
	)
	return container.NewVScroll(container.NewPadded(body))
}

// load reads the profiles and the rules and resolves the settings off the
// UI goroutine, then shows them.
func (p *profilesScreen) load() {
	n, st, rs, dirErr := p.loads.next(), p.store, p.rules, p.dirErr
	p.run(func() func() {
		r := p.svc.Resolve()
		ps, active, err := profile.Presets(), "", dirErr
		var rules []network.Rule
		var rerr error
		if dirErr == nil { // without a config dir, only the presets
			ps, active, err = st.All()
			rules, rerr = rs.Load()
		}
		return func() {
			if p.loads.current(n) {
				p.show(r, ps, active, firstErr(err, rerr))
				p.net.showRules(rules)
			}
		}
	})
}

// firstErr returns the first non-nil error of errs.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// show displays the profiles and keeps the selection.
func (p *profilesScreen) show(r *resolve.Resolution, ps []profile.Profile, active string, err error) {
	if err != nil {
		showError(p.win, err)
	}
	p.res, p.profiles, p.active = r, ps, active
	p.drift = nil
	if i := p.index(active); i >= 0 {
		p.drift = profile.Drift(r, ps[i])
	}
	if p.outcomeFor != "" && (p.outcomeFor != active || len(p.drift) > 0) {
		p.setOutcome(nil) // "Applied X" is no longer true
	}
	p.noSaved.Hidden = slices.ContainsFunc(ps, func(q profile.Profile) bool { return !q.Preset })
	p.noSaved.Refresh()
	p.list.Refresh()
	p.net.showProfiles()
	if p.tray != nil {
		p.tray()
	}
	i := p.index(p.selected)
	if i < 0 {
		i = max(0, p.index(active)) // the active profile, else the first
	}
	if i < len(ps) {
		p.list.Select(i)
		p.onProfileSelected(i)
		return
	}
	p.selected = ""
	p.showProfile(nil)
}

// index returns the position of the profile called name, or -1.
func (p *profilesScreen) index(name string) int {
	return slices.IndexFunc(p.profiles, func(q profile.Profile) bool { return q.Name == name })
}

// current returns the profile on display.
func (p *profilesScreen) current() (profile.Profile, bool) {
	if i := p.index(p.selected); i >= 0 {
		return p.profiles[i], true
	}
	return profile.Profile{}, false
}

// selectProfile selects the profile called name.
func (p *profilesScreen) selectProfile(name string) {
	if i := p.index(name); i >= 0 {
		p.list.Select(i)
	}
}

// onProfileSelected shows the selected profile.
func (p *profilesScreen) onProfileSelected(id widget.ListItemID) {
	if id < 0 || id >= len(p.profiles) {
		return
	}
	p.selected = p.profiles[id].Name
	q := p.profiles[id]
	p.showProfile(&q)
}

// showProfile fills the detail with q, or the empty state for nil.
func (p *profilesScreen) showProfile(q *profile.Profile) {
	if q == nil || q.Name != p.outcomeFor {
		p.setOutcome(nil) // about another profile
	}
	p.choices.Objects = nil
	p.creds.Hidden = true
	if q == nil {
		p.title.SetText(lang.L("profiles.none"))
		p.desc.SetText(lang.L("profiles.select"))
	} else {
		p.title.SetText(profileTitle(*q, p.active, p.drift))
		p.desc.SetText(description(*q))
		p.choices.Objects = choiceRows(*q)
		p.creds.SetText(lang.L("profiles.credentials", map[string]any{"Hosts": joinComma(q.Credentials)}))
		p.creds.Hidden = len(q.Credentials) == 0
	}
	p.choices.Refresh()
	p.creds.Refresh()
	p.showDrift(q)
	p.setButtons()
	p.net.showProfiles()
	p.snippet.show(q)
}

// description is q's description in the user's language: a preset's is
// translated, with core's English as the fallback.
func description(q profile.Profile) string { return profile.ShownDescription(uiLang, q) }

// profileTitle is a profile's name, marked when it is the active one, and
// as modified when the keys in drift no longer match it.
func profileTitle(q profile.Profile, active string, drift []string) string {
	if q.Name == active && len(drift) > 0 {
		return lang.L("profiles.modifiedtitle", map[string]any{"Name": profileName(q), "Keys": joinComma(drift)})
	}
	if q.Name == active {
		return lang.L("profiles.activetitle", map[string]any{"Name": profileName(q)})
	}
	return profileName(q)
}

// choiceRows are the form rows of a profile's choices, one per key.
func choiceRows(q profile.Profile) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, k := range profile.Keys {
		key := widget.NewLabelWithStyle(k, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		value := widget.NewLabel(choiceText(q.Get(k)))
		value.Truncation = fyne.TextTruncateEllipsis
		switch q.Get(k).Action {
		case profile.Set:
			value.TextStyle.Monospace = true
		case profile.Leave:
			value.Importance = widget.LowImportance
		}
		objs = append(objs, key, value)
	}
	return objs
}

// choiceText describes a choice: the value, "unset" or "leave as is".
func choiceText(c profile.Choice) string {
	switch c.Action {
	case profile.Set:
		return c.Value
	case profile.Unset:
		return lang.L("profiles.choice.unset")
	}
	return lang.L("profiles.choice.leave")
}

// setButtons enables what the profile on display allows: presets can be
// applied and copied, not edited, renamed or deleted.
func (p *profilesScreen) setButtons() {
	q, ok := p.current()
	enable(p.apply, ok)
	enable(p.dup, ok)
	for _, b := range []*widget.Button{p.edit, p.rename, p.del} {
		enable(b, ok && !q.Preset)
	}
}

// setOutcome replaces what is shown under the buttons; it is about the
// profile on display.
func (p *profilesScreen) setOutcome(objs []fyne.CanvasObject) {
	p.outcomeFor = ""
	if len(objs) > 0 {
		p.outcomeFor = p.selected
	}
	p.outcome.Objects = objs
	p.outcome.Refresh()
}

// profileItem is one row of the profile list: a mark for the active
// profile, its name, and whether it is a preset.
type profileItem struct {
	widget.BaseWidget
	mark *widget.Icon
	name *widget.Label
	kind *widget.Label
}

// newProfileItem makes an empty row of the list.
func newProfileItem() fyne.CanvasObject {
	it := &profileItem{mark: widget.NewIcon(nil), name: widget.NewLabel(""), kind: widget.NewLabel("")}
	it.name.Truncation = fyne.TextTruncateEllipsis
	it.kind.Importance = widget.LowImportance
	it.ExtendBaseWidget(it)
	return it
}

// CreateRenderer implements fyne.Widget.
func (it *profileItem) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, it.mark, it.kind, it.name))
}

// updateProfileItem fills row id of the list.
func (p *profilesScreen) updateProfileItem(id widget.ListItemID, obj fyne.CanvasObject) {
	q, it := p.profiles[id], obj.(*profileItem)
	it.name.SetText(profileName(q))
	it.name.TextStyle.Bold = q.Name == p.active
	it.mark.SetResource(nil)
	it.kind.SetText("")
	switch {
	case q.Name == p.active && len(p.drift) > 0:
		it.mark.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
		it.kind.SetText(lang.L("profiles.modified"))
	case q.Name == p.active:
		it.mark.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	}
	if q.Preset && it.kind.Text == "" {
		it.kind.SetText(lang.L("profiles.preset"))
	}
	it.Refresh()
}

// newDriftBar makes the bar shown on the active profile once the settings
// drifted from it: what differs, Re-apply and Save as new.
func (p *profilesScreen) newDriftBar() *fyne.Container {
	p.driftText = wrapped("", widget.WarningImportance)
	reapply := widget.NewButtonWithIcon(lang.L("profiles.reapply"), theme.ViewRefreshIcon(), p.onReapplyTapped)
	saveNew := widget.NewButtonWithIcon(lang.L("profiles.saveasnew"), theme.DocumentSaveIcon(), p.onSaveCurrentTapped)
	bar := container.NewVBox(p.driftText, container.New(layout.NewRowWrapLayout(), reapply, saveNew))
	bar.Hide()
	return bar
}

// showDrift shows the drift bar when q is the active profile and the env
// file no longer matches it.
func (p *profilesScreen) showDrift(q *profile.Profile) {
	if q == nil || q.Name != p.active || len(p.drift) == 0 {
		p.driftBar.Hide()
		return
	}
	p.driftText.SetText(lang.L("profiles.drift", map[string]any{"Name": presetName(q.Name), "Keys": joinComma(p.drift)}))
	p.driftBar.Show()
}

// onReapplyTapped applies the active profile again, after the preview.
func (p *profilesScreen) onReapplyTapped() {
	p.selectProfile(p.active)
	p.onApplyTapped()
}
