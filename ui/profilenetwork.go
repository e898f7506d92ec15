package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/network"
	"github.com/gomirror/gomirror/core/profile"
)

// networkPanel shows the network the machine is on, ties the selected
// profile to it, lists the rules, and acts on network changes: it suggests
// the rule's profile, or applies it when the user opted in.
type networkPanel struct {
	p       *profilesScreen
	fp      *network.Fingerprint // nil until the watcher reports
	rules   []network.Rule
	handled string // ID of the network whose rule was acted on last

	summary *widget.Label
	matched *widget.Label
	auto    *widget.Check
	use     *widget.Button
	list    *fyne.Container
	empty   *widget.Label

	notice      *widget.PopUp // the open suggestion, if any
	noticeApply *widget.Button
}

// newNetworkPanel makes the network panel of p.
func newNetworkPanel(p *profilesScreen) *networkPanel {
	return &networkPanel{p: p}
}

// content lays out the network, the rule controls and the rules.
func (n *networkPanel) content() fyne.CanvasObject {
	n.summary = widget.NewLabel(lang.L("profiles.net.detecting"))
	n.summary.Wrapping = fyne.TextWrapWord
	n.matched = widget.NewLabel("")
	n.matched.Wrapping = fyne.TextWrapWord
	n.auto = widget.NewCheck(lang.L("profiles.net.auto"), nil)
	n.use = widget.NewButtonWithIcon(lang.L("profiles.net.usenone"), theme.ContentAddIcon(), n.onUseTapped)
	n.use.Disable()
	n.list = container.NewVBox()
	n.empty = widget.NewLabel(lang.L("profiles.net.norules"))
	n.empty.Importance, n.empty.Wrapping = widget.LowImportance, fyne.TextWrapWord
	rules := widget.NewLabelWithStyle(lang.L("profiles.net.rules"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(n.summary, n.matched, container.New(layout.NewRowWrapLayout(), n.use, n.auto), rules, n.list, n.empty)
}

// showNetwork displays fp and the rule that matches it.
func (n *networkPanel) showNetwork(fp network.Fingerprint) {
	n.fp = &fp
	n.summary.SetText(networkText(fp))
	n.showMatch()
	n.showProfiles()
}

// networkText describes fp: its subnets, gateway and VPN (core's
// Fingerprint.Summary, which gomirrorctl network shows too).
func networkText(fp network.Fingerprint) string { return fp.Summary(uiLang) }

// showMatch says which rule matches the current network.
func (n *networkPanel) showMatch() {
	if n.fp == nil {
		return
	}
	r, ok := network.Decide(n.rules, *n.fp)
	if !ok {
		n.matched.SetText(lang.L("profiles.net.nomatch"))
		return
	}
	n.matched.SetText(lang.L("profiles.net.match", map[string]any{"Profile": r.Profile, "How": ruleHow(r)}))
}

// ruleHow says whether a rule suggests or applies its profile.
func ruleHow(r network.Rule) string {
	if r.Auto {
		return lang.L("profiles.net.how.auto")
	}
	return lang.L("profiles.net.how.suggest")
}

// showProfiles updates the "use the selected profile here" button.
func (n *networkPanel) showProfiles() {
	if n.use == nil {
		return
	}
	name := n.p.selected
	if name == "" {
		n.use.SetText(lang.L("profiles.net.usenone"))
	} else {
		n.use.SetText(lang.L("profiles.net.use", map[string]any{"Name": name}))
	}
	enable(n.use, name != "" && n.fp != nil && n.fp.ID != network.Offline)
}

// showRules lists the rules, or the empty state.
func (n *networkPanel) showRules(rules []network.Rule) {
	n.rules = rules
	n.list.Objects = nil
	for _, r := range rules {
		n.list.Objects = append(n.list.Objects, n.ruleRow(r))
	}
	n.list.Refresh()
	n.empty.Hidden = len(rules) > 0
	n.empty.Refresh()
	n.showMatch()
}

// ruleRow is one rule: its network, its profile, how, and a delete button.
func (n *networkPanel) ruleRow(r network.Rule) fyne.CanvasObject {
	text := widget.NewLabel(lang.L("profiles.net.rule", map[string]any{"Network": r.Name, "Profile": r.Profile, "How": ruleHow(r)}))
	text.Wrapping = fyne.TextWrapWord
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { n.onRemoveTapped(r) })
	del.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, del, text)
}

// onUseTapped makes the selected profile the one for this network.
func (n *networkPanel) onUseTapped() {
	if n.fp == nil || n.p.selected == "" {
		return
	}
	n.save(network.PutRule(n.rules, network.RuleFor(*n.fp, n.p.selected, n.auto.Checked)))
}

// onRemoveTapped deletes a rule.
func (n *networkPanel) onRemoveTapped(r network.Rule) {
	n.save(network.RemoveRule(n.rules, r))
}

// save stores the rules off the UI goroutine and shows them.
func (n *networkPanel) save(rules []network.Rule) {
	if n.p.dirErr != nil {
		showError(n.p.win, n.p.dirErr)
		return
	}
	rs := n.p.rules
	n.p.run(func() func() {
		err := rs.Save(rules)
		return func() {
			if err != nil {
				showError(n.p.win, err)
				return
			}
			n.showRules(rules)
		}
	})
}

// watch starts a network watcher on src that stops when the app does.
// Its events reach onNetworkChanged on the UI goroutine.
func (n *networkPanel) watch(src network.Source) {
	ctx, cancel := context.WithCancel(context.Background())
	n.p.app.Lifecycle().SetOnStopped(cancel)
	rs := n.p.rules
	w := &network.Watcher{
		Source:  src,
		Rules:   func() []network.Rule { return loadRules(rs) },
		OnEvent: func(ev network.Event) { fyne.Do(func() { n.onNetworkChanged(ev) }) },
	}
	go w.Run(ctx)
}

// loadRules returns the rules in rs, none if it has no directory or the
// file cannot be read (the screen shows that error).
func loadRules(rs network.RuleStore) []network.Rule {
	if rs.Dir == "" {
		return nil
	}
	rules, _ := rs.Load()
	return rules
}

// onNetworkChanged shows the new network and acts on its rule once: it
// applies the profile if the user opted in, else suggests it unless the
// settings already match it.
func (n *networkPanel) onNetworkChanged(ev network.Event) {
	n.showNetwork(ev.Network)
	if !ev.Matched || ev.Network.ID == n.handled {
		return
	}
	n.handled = ev.Network.ID
	if ev.Apply {
		n.p.applyByName(ev.Rule.Profile)
		return
	}
	if i := n.p.index(ev.Rule.Profile); i >= 0 && n.p.res != nil && profile.Matches(n.p.res, n.p.profiles[i]) {
		return
	}
	n.suggest(ev.Rule)
}

// noticeWidth is the width of the suggestion notice.
const noticeWidth = 380

// suggest shows a non-modal notice in the window's corner offering to
// apply the rule's profile.
func (n *networkPanel) suggest(r network.Rule) {
	n.hideNotice()
	msg := widget.NewLabel(lang.L("profiles.net.suggest", map[string]any{"Network": r.Name, "Profile": r.Profile}))
	msg.Wrapping = fyne.TextWrapWord
	n.noticeApply = widget.NewButtonWithIcon(lang.L("profiles.apply"), theme.ConfirmIcon(), func() { n.onSuggestionApplied(r.Profile) })
	n.noticeApply.Importance = widget.HighImportance
	later := widget.NewButton(lang.L("profiles.net.later"), n.hideNotice)
	box := container.NewVBox(msg, container.NewHBox(layout.NewSpacer(), later, n.noticeApply))
	box.Resize(fyne.NewSize(noticeWidth, box.MinSize().Height)) // wrap the message at the notice's width
	c := n.p.win.Canvas()
	n.notice = widget.NewPopUp(container.NewGridWrap(fyne.NewSize(noticeWidth, box.MinSize().Height), box), c)
	size := n.notice.MinSize()
	pad := theme.Padding() * 4
	n.notice.ShowAtPosition(fyne.NewPos(c.Size().Width-size.Width-pad, c.Size().Height-size.Height-pad))
}

// onSuggestionApplied applies the suggested profile.
func (n *networkPanel) onSuggestionApplied(name string) {
	n.hideNotice()
	n.p.applyByName(name)
}

// hideNotice closes the suggestion, if one is open.
func (n *networkPanel) hideNotice() {
	if n.notice != nil {
		n.notice.Hide()
		n.notice = nil
	}
}
