package ui

import (
	"context"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/core/origin/diag"
	"github.com/gomirror/gomirror/core/origin/fix"
	"github.com/gomirror/gomirror/core/origin/inspect"
	"github.com/gomirror/gomirror/core/origin/shell"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
)

// inspectTimeout bounds one inspection in the background; the login shell
// has its own, shorter timeout.
const inspectTimeout = time.Minute

// contextsBar sits above the settings list. While the login shell runs it
// shows progress; then it says whether a new terminal and apps started
// from the desktop see the same values, lets the user choose which of the
// two the list shows, and opens the list of running processes.
type contextsBar struct {
	box      *fyne.Container
	progress *fyne.Container // activity and "Reading your login shell…"
	activity *widget.Activity
	stop     *widget.Button // cancels the login shell
	banner   *widget.Label
	goPath   *widget.Button  // appends go's directory to PATH in the login file
	row      *fyne.Container // the choice and the processes button
	choice   *widget.RadioGroup
	procs    *widget.Button

	onChanged func(origin.Context) // on the UI goroutine
	onCancel  func()               // cancels the running inspection
	onGoPath  func()               // plans the terminal-go-missing fix
}

// contextLabel is the translated name of a context, as the choice shows it.
func contextLabel(c origin.Context) string {
	if c == origin.Terminal {
		return lang.L("contexts.terminal")
	}
	return lang.L("contexts.desktop")
}

func newContextsBar(onChanged func(origin.Context), onProcesses func()) *contextsBar {
	b := &contextsBar{onChanged: onChanged}
	b.activity = widget.NewActivity()
	b.stop = widget.NewButtonWithIcon(lang.L("contexts.cancel"), theme.CancelIcon(), b.onCancelTapped)
	b.progress = container.NewHBox(b.activity, widget.NewLabel(lang.L("contexts.reading")), b.stop)
	b.banner = widget.NewLabel("")
	b.banner.Wrapping, b.banner.Hidden = fyne.TextWrapWord, true
	b.choice = widget.NewRadioGroup([]string{contextLabel(origin.Desktop), contextLabel(origin.Terminal)}, b.onChoiceChanged)
	b.choice.Horizontal, b.choice.Required = true, true
	b.choice.SetSelected(contextLabel(origin.Desktop))
	b.procs = widget.NewButtonWithIcon(lang.L("contexts.processes"), theme.ComputerIcon(), onProcesses)
	b.goPath = widget.NewButtonWithIcon("", theme.ContentAddIcon(), b.onGoPathTapped)
	b.goPath.Importance, b.goPath.Hidden = widget.HighImportance, true
	b.row = container.New(newEdgeWrapLayout(), b.choice, b.procs) // the button at the right edge, or below the choice in a narrow window
	b.row.Hide()
	b.box = container.NewVBox(b.progress, b.banner, container.NewHBox(b.goPath), b.row)
	b.box.Hide()
	return b
}

// onChoiceChanged reports the context the user chose.
func (b *contextsBar) onChoiceChanged(label string) {
	if b.onChanged == nil {
		return
	}
	if label == contextLabel(origin.Terminal) {
		b.onChanged(origin.Terminal)
		return
	}
	b.onChanged(origin.Desktop)
}

// onCancelTapped stops reading the login shell; the bar then says why
// there is no terminal context.
func (b *contextsBar) onCancelTapped() {
	if b.onCancel != nil {
		b.onCancel()
	}
}

// onGoPathTapped plans adding go's directory to the login file's PATH.
func (b *contextsBar) onGoPathTapped() {
	if b.onGoPath != nil {
		b.onGoPath()
	}
}

// setBusy shows the progress while the login shell runs.
func (b *contextsBar) setBusy(busy bool) {
	if busy {
		b.box.Show()
		b.progress.Show()
		b.activity.Start()
		return
	}
	b.activity.Stop()
	b.progress.Hide()
}

// show reports r: the differing variables, or why there is no terminal
// context, and how many processes hold old values.
func (b *contextsBar) show(r *inspect.Report, ps []core.Problem) {
	b.setBusy(false)
	b.box.Show()
	b.banner.Show()
	b.row.Show()
	vars := differing(r)
	goMissing, hasGoMissing := firstWithCode(ps, diag.CodeTerminalGoMissing)
	if hasGoMissing {
		vars = slices.DeleteFunc(vars, func(v string) bool { return v == "GOROOT" })
	}
	b.choice.Hidden = r.Terminal.Resolution == nil || len(vars) == 0
	b.goPath.Hidden = !hasGoMissing
	var lines []string
	if hasGoMissing {
		msg, _ := problemText(goMissing)
		lines = append(lines, msg)
		b.goPath.SetText(lang.L("contexts.gopath.fix", map[string]any{"File": goMissing.Args["RCFile"]}))
	}
	switch {
	case r.Terminal.Resolution == nil:
		lines = append(lines, lang.L("contexts.noterminal", map[string]any{"Error": terminalError(r.Terminal)}))
		b.banner.Importance = widget.MediumImportance
	case len(vars) > 0:
		lines = append(lines, lang.L("contexts.differ", map[string]any{"Vars": strings.Join(vars, ", ")}))
		if only := varsWithCode(ps, diag.CodeSessionOnly); len(only) > 0 {
			lines = append(lines, lang.L("contexts.relogin", map[string]any{"Vars": strings.Join(only, ", ")}))
		}
		b.banner.Importance = widget.WarningImportance
	case hasGoMissing:
		b.banner.Importance = widget.WarningImportance
	default:
		lines = append(lines, lang.L("contexts.same"))
		b.banner.Importance = widget.SuccessImportance
	}
	b.banner.SetText(strings.Join(lines, "\n"))
	b.procs.SetText(lang.L("contexts.processes.count", map[string]any{"Count": countCode(ps, diag.CodeStaleProcess)}))
	b.box.Refresh()
}

// chosen is the context the user chose.
func (b *contextsBar) chosen() origin.Context {
	if b.choice.Selected == contextLabel(origin.Terminal) && !b.choice.Hidden {
		return origin.Terminal
	}
	return origin.Desktop
}

// differing lists the variables whose effective value differs between
// the contexts.
func differing(r *inspect.Report) []string {
	var out []string
	for _, d := range r.Diff {
		if d.Effective() {
			out = append(out, d.Var)
		}
	}
	return out
}

// firstWithCode returns the first problem with code.
func firstWithCode(ps []core.Problem, code string) (core.Problem, bool) {
	for _, p := range ps {
		if p.Code == code {
			return p, true
		}
	}
	return core.Problem{}, false
}

// varsWithCode lists the variables of the problems with code, in order.
func varsWithCode(ps []core.Problem, code string) []string {
	var out []string
	for _, p := range ps {
		if p.Code == code {
			out = append(out, p.Var)
		}
	}
	return out
}

func countCode(ps []core.Problem, code string) int {
	n := 0
	for _, p := range ps {
		if p.Code == code {
			n++
		}
	}
	return n
}

// contextState is what the overview knows of the contexts: the last
// inspection and the resolutions and problems of each context.
type contextState struct {
	bar    *contextsBar
	cache  *shell.Cache
	report *inspect.Report
	n      int // the load the report belongs to

	own         *resolve.Resolution // the app's own environment's
	ownProblems []core.Problem
	terminal    []core.Problem // diagnostics of the terminal resolution
	origins     []core.Problem // findings about contexts, rc files, processes
}

// inspection is the outcome of one background inspection.
type inspection struct {
	report            *inspect.Report
	origins, terminal []core.Problem
}

// runInspect inspects the contexts of svc and diagnoses them, until ctx is
// done. It runs the login shell: call it off the UI goroutine.
func runInspect(ctx context.Context, svc *service.Service, cache *shell.Cache) inspection {
	r := svc.Inspect(ctx, service.InspectOptions{Cache: cache})
	in := inspection{report: r, origins: svc.OriginProblems(ctx, r)}
	if r.Terminal.Resolution != nil {
		in.terminal = svc.Doctor(r.Terminal.Resolution)
	}
	return in
}

// startInspect inspects the contexts in the background after load n
// showed the app's own resolution.
func (o *overviewScreen) startInspect(n int) {
	cs := o.contexts
	cs.own, cs.ownProblems = o.res, o.problems
	if !o.svc.Inspectable() {
		return
	}
	cs.bar.setBusy(true)
	ctx, cancel := context.WithTimeout(context.Background(), inspectTimeout)
	cs.bar.onCancel = cancel
	o.run(func() func() {
		defer cancel()
		in := runInspect(ctx, o.svc, cs.cache)
		return func() { o.onInspected(n, in) }
	})
}

// onInspected shows an inspection, unless a newer load started since.
func (o *overviewScreen) onInspected(n int, in inspection) {
	if !o.loads.current(n) {
		return
	}
	cs := o.contexts
	cs.report, cs.n, cs.origins, cs.terminal = in.report, n, in.origins, in.terminal
	if o.rcRead != nil {
		o.rcRead(in.report.Terminal.Files)
	}
	cs.bar.show(in.report, in.origins)
	o.showChosen()
}

// onGoPathTapped previews the line that adds the directory of go to PATH
// in the login file, as the other rc-file fixes do.
func (o *overviewScreen) onGoPathTapped() {
	r := o.contexts.report
	if r == nil {
		return
	}
	o.detail.origins.planFix(func() (*fix.Plan, error) { return o.svc.PlanGoOnPath(r) })
}

// onContextChanged shows the settings as the chosen context sees them.
func (o *overviewScreen) onContextChanged(origin.Context) {
	if o.contexts.report != nil {
		o.showChosen()
	}
}

// showChosen shows the resolution and problems of the chosen context.
func (o *overviewScreen) showChosen() {
	cs := o.contexts
	r, ps := cs.own, cs.ownProblems
	if cs.bar.chosen() == origin.Terminal {
		r, ps = cs.report.Terminal.Resolution, cs.terminal
	}
	o.show(r, append(append([]core.Problem{}, ps...), cs.origins...))
}

// terminalError is why the terminal context could not be built, in the
// user's language.
func terminalError(c inspect.Context) string {
	if c.Err != nil {
		return uiLang.Error(c.Err)
	}
	return c.Error
}
