package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/private/route"
)

// routeColumns are the translation keys of the requirements table's columns.
var routeColumns = []string{"private.route.col.module", "private.route.col.version", "private.route.col.sources",
	"private.route.col.checksum", "private.route.col.private", "private.route.col.auth"}

// routePanel answers "where will this module come from?" for a typed module
// path and for every requirement of a chosen go.mod or go.work file.
type routePanel struct {
	p *privateScreen

	cfg    route.Config
	routes []route.Route // of the chosen file
	files  int           // numbers the file loads, so only the newest shows

	module  *widget.Entry
	details *fyne.Container
	pick    *widget.Button
	file    *widget.Label
	table   *widget.Table
}

func newRoutePanel(p *privateScreen) *routePanel { return &routePanel{p: p} }

// buildUI puts the module box above the requirements table.
func (rp *routePanel) buildUI() fyne.CanvasObject {
	rp.module = widget.NewEntry()
	rp.module.PlaceHolder = lang.L("private.route.placeholder")
	rp.module.OnChanged = rp.onModuleChanged
	rp.details = container.NewVBox(wrapped(lang.L("private.route.hint"), widget.MediumImportance))
	rp.pick = widget.NewButtonWithIcon(lang.L("private.route.pick"), theme.FolderOpenIcon(), rp.onPickTapped)
	rp.file = widget.NewLabel(lang.L("private.route.nofile"))
	rp.file.Truncation = fyne.TextTruncateEllipsis
	rp.table = widget.NewTableWithHeaders(rp.tableSize, newRouteCell, rp.updateRouteCell)
	rp.table.ShowHeaderColumn = false
	rp.table.CreateHeader = newRouteCell
	rp.table.UpdateHeader = rp.updateRouteHeader
	rp.table.OnSelected = rp.onRequirementSelected
	for i, w := range []float32{300, 110, 320, 150, 70, 200} {
		rp.table.SetColumnWidth(i, w)
	}
	ask := widget.NewLabelWithStyle(lang.L("private.route.ask"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := newBorder(container.NewVBox(ask, rp.module), nil, nil, nil, container.NewVScroll(rp.details))
	bar := container.NewBorder(nil, nil, rp.pick, nil, rp.file)
	split := container.NewVSplit(top, newBorder(bar, nil, nil, nil, rp.table))
	split.Offset = 0.62
	return split
}

// show takes the new configuration and explains the typed module again.
func (rp *routePanel) show() {
	rp.cfg = rp.p.data.cfg
	rp.onModuleChanged(rp.module.Text)
}

// onModuleChanged explains the typed module path at once: the explanation
// is pure computation.
func (rp *routePanel) onModuleChanged(text string) {
	text = strings.TrimSpace(text)
	if rp.p.res == nil {
		return
	}
	if text == "" {
		rp.details.Objects = []fyne.CanvasObject{wrapped(lang.L("private.route.hint"), widget.MediumImportance)}
		rp.details.Refresh()
		return
	}
	rp.showRoute(route.Explain(rp.cfg, text))
}

// showRoute fills the details box with r.
func (rp *routePanel) showRoute(r route.Route) {
	rp.details.Objects = routeDetails(r)
	rp.details.Refresh()
}

// routeDetails lays out a route: a summary, the sources in order, the
// checksum check, the credentials and every step with its cause.
func routeDetails(r route.Route) []fyne.CanvasObject {
	head := r.Module
	if r.Version != "" {
		head += " " + r.Version
	}
	objs := []fyne.CanvasObject{widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	if r.Error != "" {
		objs = append(objs, wrapped(textOf(r.ErrorCode, r.ErrorArgs, r.Error), widget.DangerImportance))
	}
	objs = append(objs, formRows(
		lang.L("private.route.sources"), routeSources(r.Sources),
		lang.L("private.route.checksum"), checksumText(r.Checksum),
		lang.L("private.route.flags"), flagsText(r),
		lang.L("private.route.auth"), authText(r.Auth),
	))
	objs = append(objs, widget.NewLabelWithStyle(lang.L("private.route.steps"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, s := range r.Steps {
		objs = append(objs, stepRow(s))
	}
	return objs
}

// formRows is a two-column form of key, value pairs.
func formRows(kv ...string) fyne.CanvasObject {
	f := widget.NewForm()
	for i := 0; i+1 < len(kv); i += 2 {
		f.Append(kv[i], wrapped(kv[i+1], widget.MediumImportance))
	}
	return f
}

// stepRow shows one step with the setting and pattern that caused it.
func stepRow(s route.Step) fyne.CanvasObject {
	cause := s.Var
	if s.Pattern != "" {
		cause += " " + s.Pattern
	}
	text := wrapped(textOf(s.Code, s.Args, s.Text), widget.MediumImportance)
	if cause == "" {
		return text
	}
	tag := widget.NewLabelWithStyle(cause, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	tag.Importance = widget.LowImportance
	return container.NewVBox(tag, text)
}

// routeSources lists the sources in order with each link's fallback rule.
func routeSources(ss []route.Source) string {
	if len(ss) == 0 {
		return lang.L("private.route.none")
	}
	var lines []string
	for i, s := range ss {
		name := s.URL
		switch s.Kind {
		case route.KindDirect:
			name = lang.L("private.route.direct")
		case route.KindOff:
			name = lang.L("private.route.off")
		}
		line := fmt.Sprintf("%d. %s", i+1, name)
		switch s.Fallback {
		case route.FallbackNotFound:
			line += " — " + lang.L("private.route.notfound")
		case route.FallbackAnyError:
			line += " — " + lang.L("private.route.anyerror")
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// checksumText says whether the checksum database verifies the module.
func checksumText(c route.Checksum) string {
	switch {
	case c.Error != "":
		return lang.L("private.route.sumfails", map[string]any{"Error": c.Error})
	case !c.Verified:
		return lang.L("private.route.notverified")
	}
	return lang.L("private.route.verified", map[string]any{"DB": c.DB})
}

// flagsText says whether the module is private and insecure.
func flagsText(r route.Route) string {
	var out []string
	if r.Private {
		out = append(out, lang.L("private.route.private"))
	}
	if r.Insecure {
		out = append(out, lang.L("private.route.insecure"))
	}
	if len(out) == 0 {
		return lang.L("private.route.public")
	}
	return strings.Join(out, ", ")
}

// authText lists the credential prefixes that would be sent.
func authText(auth []string) string {
	if len(auth) == 0 {
		return lang.L("private.route.none")
	}
	return strings.Join(auth, ", ")
}

// onPickTapped opens a file dialog for a go.mod or go.work file.
func (rp *routePanel) onPickTapped() {
	d := dialog.NewFileOpen(rp.onFileChosen, rp.p.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".mod", ".work"}))
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// onFileChosen explains the chosen file's requirements.
func (rp *routePanel) onFileChosen(f fyne.URIReadCloser, err error) {
	if err != nil {
		showError(rp.p.win, err)
		return
	}
	if f == nil {
		return
	}
	f.Close()
	rp.explainFile(f.URI().Path())
}

// explainFile explains every requirement of path off the UI goroutine, so
// that a file with hundreds of requirements does not freeze the window.
func (rp *routePanel) explainFile(path string) {
	rp.files++
	n, cfg := rp.files, rp.cfg
	rp.file.SetText(lang.L("private.route.reading", map[string]any{"File": path}))
	rp.p.run(func() func() {
		routes, err := route.ExplainFile(cfg, path)
		return func() {
			if n == rp.files {
				rp.showFile(path, routes, err)
			}
		}
	})
}

// showFile fills the table with a file's routes.
func (rp *routePanel) showFile(path string, routes []route.Route, err error) {
	if err != nil {
		rp.file.SetText(path)
		showError(rp.p.win, err)
		return
	}
	rp.routes = routes
	rp.file.SetText(lang.L("private.route.file", map[string]any{"File": path, "Count": len(routes)}))
	rp.table.UnselectAll()
	rp.table.Refresh()
}

// tableSize is the number of requirements and columns.
func (rp *routePanel) tableSize() (int, int) { return len(rp.routes), len(routeColumns) }

// newRouteCell is a table cell: one truncated line.
func newRouteCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// updateRouteHeader shows a column's title.
func (rp *routePanel) updateRouteHeader(id widget.TableCellID, obj fyne.CanvasObject) {
	l := obj.(*widget.Label)
	l.TextStyle.Bold = true
	if id.Row < 0 && id.Col >= 0 && id.Col < len(routeColumns) {
		l.SetText(lang.L(routeColumns[id.Col]))
	}
}

// updateRouteCell shows one cell of a requirement's row.
func (rp *routePanel) updateRouteCell(id widget.TableCellID, obj fyne.CanvasObject) {
	if id.Row < 0 || id.Row >= len(rp.routes) {
		return
	}
	obj.(*widget.Label).SetText(routeCell(rp.routes[id.Row], id.Col))
}

// routeCell is the text of one column of a requirement's row.
func routeCell(r route.Route, col int) string {
	switch col {
	case 0:
		return r.Module
	case 1:
		return r.Version
	case 2:
		return strings.ReplaceAll(routeSources(r.Sources), "\n", "  ")
	case 3:
		return checksumText(r.Checksum)
	case 4:
		if r.Private {
			return lang.L("private.route.yes")
		}
		return ""
	}
	return authText(r.Auth)
}

// onRequirementSelected shows the selected requirement's steps above.
func (rp *routePanel) onRequirementSelected(id widget.TableCellID) {
	if id.Row >= 0 && id.Row < len(rp.routes) {
		rp.showRoute(rp.routes[id.Row])
	}
}
