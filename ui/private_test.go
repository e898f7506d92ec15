package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/cred"
)

// init replaces the OS keyring with go-keyring's in-memory mock for every
// test of the package, so that no test, including those that build the
// whole window, can reach the user's keyring.
func init() { keyring.MockInit() }

// fakeKeyring is an in-memory cred.Keyring; with err set, every call fails
// with it.
type fakeKeyring struct {
	secrets map[string]string
	err     error
}

func newFakeKeyring() *fakeKeyring { return &fakeKeyring{secrets: map[string]string{}} }

func (k *fakeKeyring) Set(service, account, secret string) error {
	if k.err != nil {
		return k.err
	}
	k.secrets[service+"/"+account] = secret
	return nil
}

func (k *fakeKeyring) Get(service, account string) (string, error) {
	if k.err != nil {
		return "", k.err
	}
	s, ok := k.secrets[service+"/"+account]
	if !ok {
		return "", &cred.KeyringError{Op: "get", Kind: cred.ErrNotFound}
	}
	return s, nil
}

func (k *fakeKeyring) Delete(service, account string) error {
	if k.err != nil {
		return k.err
	}
	delete(k.secrets, service+"/"+account)
	return nil
}

const uiSecret = "ui-secret-7Hk2"

// newPrivateScreenFixture shows the Private modules screen alone, with
// keyring k and a made-up helper path with a space.
func newPrivateScreenFixture(t *testing.T, k cred.Keyring, envFile string) (*fixture, *privateScreen, fyne.Window) {
	t.Helper()
	f := newFixture(t)
	if envFile != "" {
		f.writeEnvFile(envFile)
	}
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	p := newPrivateScreen(f.svc, w, inline, func() {})
	p.keyring = k
	p.helper = func() (string, error) { return "/opt/go mirror/gomirrorctl", nil }
	w.SetContent(p.buildUI())
	w.Resize(fyne.NewSize(1100, 760))
	return f, p, w
}

func TestPrivateRouteOfTypedModule(t *testing.T) {
	_, p, _ := newPrivateScreenFixture(t, newFakeKeyring(), "GOPRIVATE=*.corp.example.test\n")
	test.Type(p.routes.module, "git.corp.example.test/team/lib")
	d := p.routes.details
	for _, want := range []string{"git.corp.example.test/team/lib", lang.L("private.route.notverified"), "*.corp.example.test"} {
		if !labelsContain(d, want) {
			t.Errorf("the route box does not show %q", want)
		}
	}
	if !labelsContain(d, "1. "+lang.L("private.route.direct")) {
		t.Error("the route box does not show a direct fetch as the only source")
	}

	p.routes.module.SetText("public.example.test/lib")
	if !labelsContain(d, "1. https://proxy.example.test — "+lang.L("private.route.notfound")) || !labelsContain(d, "2. "+lang.L("private.route.direct")) {
		t.Error("a public module does not show the proxy, then direct")
	}
}

func TestPrivatePatternWithSpaceIsRefusedInline(t *testing.T) {
	f, p, _ := newPrivateScreenFixture(t, newFakeKeyring(), "GOPRIVATE=a.example.test\n")
	e := p.patterns.editor("GOPRIVATE")
	if len(e.entries) != 1 || e.entries[0].Text != "a.example.test" {
		t.Fatalf("GOPRIVATE editor shows %d patterns, want a.example.test", len(e.entries))
	}
	if !strings.Contains(e.source.Text, sourceName(core.SourceEnvFile)) {
		t.Errorf("source = %q, want the env file", e.source.Text)
	}
	test.Tap(e.add)
	test.Type(e.entries[1], " b.example.test")
	if !e.save.Disabled() {
		t.Error("Save is enabled for a pattern with a space")
	}
	if len(e.problems.Objects) == 0 {
		t.Error("no inline problem for a pattern with a space")
	}
	e.entries[1].SetText("b.example.test")
	if e.save.Disabled() {
		t.Fatal("Save stays disabled for a valid list")
	}
	test.Tap(e.save)
	if got := f.readEnvFile(); !strings.Contains(got, "GOPRIVATE=a.example.test,b.example.test") {
		t.Errorf("env file after Save:\n%s", got)
	}
}

func TestPrivateAddCredentialListsItMasked(t *testing.T) {
	k := newFakeKeyring()
	f, p, w := newPrivateScreenFixture(t, k, "")
	c := p.creds
	c.prefix.SetText("git.corp.example.test/team")
	c.user.SetText("alice")
	c.secret.SetText(uiSecret)
	test.Tap(c.save)
	if k.secrets[cred.Service+"/git.corp.example.test/team"] != uiSecret {
		t.Fatal("the secret did not reach the keyring")
	}
	if !labelsContain(c.rows, "git.corp.example.test/team") || !labelsContain(c.rows, "alice · "+secretMask) {
		t.Error("the credentials list does not show the new credential, masked")
	}
	if c.secret.Text != "" {
		t.Error("the secret entry keeps the secret after saving")
	}
	if labelsContain(w.Content(), uiSecret) {
		t.Error("the secret is shown on screen")
	}
	checkNoFileHas(t, f.dir, uiSecret)
	if !strings.Contains(p.helpers.gitCommands.Text, "credential.https://git.corp.example.test.helper") {
		t.Errorf("git setup preview = %q", p.helpers.gitCommands.Text)
	}
}

func TestPrivateKeyringErrorRenders(t *testing.T) {
	k := newFakeKeyring()
	k.err = &cred.KeyringError{Op: "get", Kind: cred.ErrNoSessionBus, Err: fmt.Errorf("dial unix /nonexistent: connect: no such file or directory")}
	f, p, _ := newPrivateScreenFixture(t, k, "")
	if !p.keyringPanel.Visible() || !labelsContain(p.keyringPanel, lang.L("private.keyring.nobus")) {
		t.Fatal("the keyring error panel is not shown")
	}
	c := p.creds
	c.prefix.SetText("git.corp.example.test")
	c.user.SetText("alice")
	c.secret.SetText(uiSecret)
	if !c.save.Disabled() {
		t.Error("Save to keyring is enabled without a keyring")
	}
	c.onSaveTapped() // as if the keyring failed only now
	if !labelsContain(c.outcome, "D-Bus") || labelsContain(c.rows, "git.corp.example.test") {
		t.Error("storing without a keyring did not fail visibly, or listed the credential")
	}
	checkNoFileHas(t, f.dir, uiSecret)
}

func TestPrivateInstallGOAUTH(t *testing.T) {
	f, p, _ := newPrivateScreenFixture(t, newFakeKeyring(), "")
	test.Tap(p.helpers.install)
	if got := f.readEnvFile(); !strings.Contains(got, `"/opt/go mirror/gomirrorctl" goauth;netrc`) {
		t.Errorf("env file after installing the helper:\n%s", got)
	}
	if p.helpers.goauthState.Text != lang.L("private.goauth.on") {
		t.Errorf("GOAUTH state = %q after installing", p.helpers.goauthState.Text)
	}
}

func TestPrivateGoModTable(t *testing.T) {
	f, p, _ := newPrivateScreenFixture(t, newFakeKeyring(), "GOPRIVATE=git.corp.example.test\n")
	var b strings.Builder
	b.WriteString("module m.example.test\n\ngo 1.22\n\nrequire (\n")
	for i := range 300 {
		fmt.Fprintf(&b, "\tgit.corp.example.test/m%d v1.0.%d\n", i, i)
	}
	b.WriteString(")\n")
	mod := filepath.Join(f.dir, "go.mod")
	f.write(mod, b.String(), 0o644)
	p.routes.explainFile(mod)
	if rows, cols := p.routes.tableSize(); rows != 300 || cols != len(routeColumns) {
		t.Fatalf("table size = %d×%d, want 300×%d", rows, cols, len(routeColumns))
	}
	if got := routeCell(p.routes.routes[299], 0); got != "git.corp.example.test/m299" {
		t.Errorf("last row module = %q", got)
	}
	p.routes.onRequirementSelected(widget.TableCellID{Row: 5})
	if !labelsContain(p.routes.details, "git.corp.example.test/m5 v1.0.5") {
		t.Error("selecting a requirement does not show its route")
	}
}

// checkNoFileHas fails if any file under dir contains s.
func checkNoFileHas(t *testing.T, dir, s string) {
	t.Helper()
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			if data, _ := os.ReadFile(path); strings.Contains(string(data), s) {
				t.Errorf("%s contains the secret", path)
			}
		}
		return nil
	})
}
