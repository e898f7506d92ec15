package ui

import (
	"errors"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/goauth"
	"github.com/gomirror/gomirror/core/private/netrc"
	"github.com/gomirror/gomirror/core/private/route"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
)

// keyringTimeout bounds each keyring call, so that a locked keyring waiting
// for a prompt that is never shown cannot hang the screen.
const keyringTimeout = 5 * time.Second

// probeAccount is the keyring account read to learn whether the keyring
// answers at all; it never holds a secret.
const probeAccount = "gomirror-availability-check"

// privateScreen is the Private modules screen: the pattern lists, the route
// explainer, the credentials in the OS keyring and the helpers that serve
// them to the go command and git.
type privateScreen struct {
	svc     *service.Service
	win     fyne.Window
	run     runner
	written func() // reloads every screen after a write
	keyring cred.Keyring
	// helper returns the path of gomirrorctl, the program GOAUTH and git run.
	helper func() (string, error)

	res        *resolve.Resolution
	store      *cred.Store
	data       privateData
	keyringErr error
	loads      latest

	root         *fyne.Container // the screen: header above the tabs
	keyringPanel *fyne.Container
	tabs         *container.AppTabs
	patterns     *patternsPanel
	routes       *routePanel
	creds        *credPanel
	helpers      *helpersPanel
}

// newPrivateScreen makes the screen with the OS keyring; written reloads
// every screen after a write.
func newPrivateScreen(svc *service.Service, win fyne.Window, run runner, written func()) *privateScreen {
	p := &privateScreen{svc: svc, win: win, run: run, written: written,
		keyring: cred.OSKeyring{Timeout: keyringTimeout}, helper: helperPath}
	p.patterns = newPatternsPanel(p)
	p.routes = newRoutePanel(p)
	p.creds = newCredPanel(p)
	p.helpers = newHelpersPanel(p)
	return p
}

// buildUI lays out the keyring error panel above one tab per task, and
// loads the screen.
func (p *privateScreen) buildUI() fyne.CanvasObject {
	p.keyringPanel = container.NewVBox()
	p.keyringPanel.Hide()
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("private.tab.patterns"), theme.ListIcon(), p.patterns.buildUI()),
		container.NewTabItemWithIcon(lang.L("private.tab.route"), theme.SearchIcon(), p.routes.buildUI()),
		container.NewTabItemWithIcon(lang.L("private.tab.creds"), theme.LoginIcon(), p.creds.buildUI()),
		container.NewTabItemWithIcon(lang.L("private.tab.helpers"), theme.SettingsIcon(), p.helpers.buildUI()),
	)
	p.tabs.OnSelected = p.onTabSelected
	title := widget.NewLabelWithStyle(lang.L("nav.private"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.root = newBorder(container.NewVBox(title, p.keyringPanel), nil, nil, nil, p.tabs)
	p.load()
	return p.root
}

// onTabSelected reloads, so that each tab shows what other screens wrote.
func (p *privateScreen) onTabSelected(*container.TabItem) { p.load() }

// load resolves the settings and reads the credential index off the UI
// goroutine, then checks the keyring separately, since that may wait.
func (p *privateScreen) load() {
	n := p.loads.next()
	p.run(func() func() {
		d := p.read()
		return func() {
			if p.loads.current(n) {
				p.show(d)
			}
		}
	})
	p.checkKeyring()
}

// privateData is what the screen shows, read off the UI goroutine. None of
// it holds a secret.
type privateData struct {
	res     *resolve.Resolution
	store   *cred.Store
	cfg     route.Config
	entries []cred.Entry
	netrc   string        // the .netrc file the go command reads
	machine []netrc.Entry // its entries the go command uses
	errs    []error
}

// read resolves the settings and reads the credential index and .netrc.
func (p *privateScreen) read() privateData {
	d := privateData{res: p.svc.Resolve()}
	store, err := p.newStore()
	if err != nil {
		d.errs = append(d.errs, err)
	} else {
		d.store = store
		d.entries, err = store.List()
		d.errs = append(d.errs, err)
	}
	var notes []error
	d.cfg, notes = route.Load(d.res, d.store)
	for _, n := range notes {
		fyne.LogError("Go Mirror", n)
	}
	d.netrc, d.machine, err = readNetrc(d.res)
	d.errs = append(d.errs, err)
	return d
}

// readNetrc returns the .netrc the go command reads and its effective
// entries; a missing file has none.
func readNetrc(r *resolve.Resolution) (string, []netrc.Entry, error) {
	path, err := netrc.Path(r.OSEnv, r.GOOS, isFile)
	if err != nil {
		return "", nil, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return path, nil, nil
	}
	if err != nil {
		return path, nil, err
	}
	return path, netrc.Effective(netrc.Parse(string(data))), nil
}

// newStore is the credential store in Go Mirror's configuration directory.
func (p *privateScreen) newStore() (*cred.Store, error) {
	dir, err := p.svc.ConfigDir()
	if err != nil {
		return nil, err
	}
	return &cred.Store{Dir: dir, Keyring: p.keyring}, nil
}

// show hands newly read data to every panel.
func (p *privateScreen) show(d privateData) {
	if err := errors.Join(d.errs...); err != nil {
		showError(p.win, err)
	}
	p.data, p.res, p.store = d, d.res, d.store
	p.patterns.show(d.res)
	p.routes.show()
	p.creds.show()
	p.helpers.show()
}

// checkKeyring asks the keyring for an entry that does not exist, in the
// background, and shows the error panel if it does not answer "not found".
func (p *privateScreen) checkKeyring() {
	k := p.keyring
	p.run(func() func() {
		err := keyringStatus(k)
		return func() { p.showKeyring(err) }
	})
}

// keyringStatus returns nil if the keyring answers, or its error.
func keyringStatus(k cred.Keyring) error {
	_, err := k.Get(cred.Service, probeAccount)
	if err == nil || errors.Is(err, cred.ErrNotFound) {
		return nil
	}
	return err
}

// showKeyring shows or hides the keyring error panel.
func (p *privateScreen) showKeyring(err error) {
	p.keyringErr = err
	p.creds.setKeyringOK(err == nil)
	p.helpers.setKeyringOK(err == nil)
	if err == nil {
		p.keyringPanel.Hide()
	} else {
		p.keyringPanel.Objects = []fyne.CanvasObject{keyringErrorCard(err)}
		p.keyringPanel.Show()
	}
	p.root.Refresh() // lay the header out again for the panel's new height
}

// keyringErrorCard explains that credentials cannot be stored or read.
func keyringErrorCard(err error) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(lang.L("private.keyring.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Importance = widget.DangerImportance
	// One line each, truncated rather than wrapped: a wrapped label's height
	// depends on its width, which the header above the tabs may not know yet.
	detail := widget.NewLabel(keyringMessage(err))
	detail.Truncation = fyne.TextTruncateEllipsis
	hint := widget.NewLabel(lang.L("private.keyring.hint"))
	hint.Truncation, hint.Importance = fyne.TextTruncateEllipsis, widget.LowImportance
	icon := widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon()))
	body := container.NewBorder(nil, nil, container.NewVBox(icon), nil, container.NewVBox(head, detail, hint))
	return container.NewVBox(body, widget.NewSeparator())
}

// keyringMessage is the translated explanation of a keyring error.
func keyringMessage(err error) string {
	for key, kind := range map[string]error{
		"private.keyring.nobus": cred.ErrNoSessionBus, "private.keyring.nosvc": cred.ErrNoSecretSvc,
		"private.keyring.locked": cred.ErrLocked, "private.keyring.timeout": cred.ErrTimeout,
		"private.keyring.unsupported": cred.ErrUnsupported,
	} {
		if errors.Is(err, kind) {
			return lang.L(key)
		}
	}
	return uiLang.Error(err)
}

// reportError shows err in a dialog, and a keyring error in the error
// panel too.
func (p *privateScreen) reportError(err error) {
	p.reportKeyring(err)
	showError(p.win, err)
}

// reportKeyring shows a keyring error in the error panel.
func (p *privateScreen) reportKeyring(err error) {
	var ke *cred.KeyringError
	if errors.As(err, &ke) && !errors.Is(err, cred.ErrNotFound) {
		p.showKeyring(err)
	}
}

// onWritten reloads this screen and the others after a write.
func (p *privateScreen) onWritten() {
	p.load()
	p.written()
}

// helperPath finds the gomirrorctl binary to use as a helper, with a
// translated error when there is none.
func helperPath() (string, error) {
	p, err := goauth.FindHelper()
	if errors.Is(err, goauth.ErrHelperNotFound) {
		return "", errors.New(lang.L("private.helper.missing"))
	}
	return p, err
}

// isFile reports whether a regular file exists at p.
func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}
