package procs

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core"
)

// startAs starts sleep under another name with env, and stops it when the
// test ends.
func startAs(t *testing.T, name string, env []string) *exec.Cmd {
	t.Helper()
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep command")
	}
	link := filepath.Join(t.TempDir(), name)
	if err := os.Symlink(sleep, link); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(link, "30")
	cmd.Env = env
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd
}

func find(ps []Process, pid int) (Process, bool) {
	for _, p := range ps {
		if int(p.PID) == pid {
			return p, true
		}
	}
	return Process{}, false
}

func TestListReportsAChildWithAStaleGOPROXY(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the child's name is set through a symlink, which only Linux reports as the process name")
	}
	stale := startAs(t, "gopls", []string{"PATH=/usr/bin:/bin", "GOPROXY=https://stale.example.test"})
	fresh := startAs(t, "dlv", []string{"PATH=/usr/bin:/bin", "GOPROXY=https://new.example.test,direct"})
	unset := startAs(t, "go", []string{"PATH=/usr/bin:/bin"})
	time.Sleep(50 * time.Millisecond) // let exec complete, so the name is set
	q := Query{Want: map[string]string{"GOPROXY": "https://new.example.test,direct"}}
	ps, err := List(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	p, ok := find(ps, stale.Process.Pid)
	if !ok {
		t.Fatalf("List did not report the gopls child (PID %d)", stale.Process.Pid)
	}
	if p.State != StateStale || p.Kind != KindGopls || len(p.Mismatches) != 1 || p.Mismatches[0].Has != "https://stale.example.test" {
		t.Errorf("gopls child = %+v, want stale with GOPROXY=https://stale.example.test", p)
	}
	if p.Hint == "" || p.Reason == "" {
		t.Errorf("gopls child has no hint or reason: %+v", p)
	}
	for _, c := range []*exec.Cmd{fresh, unset} {
		if p, ok := find(ps, c.Process.Pid); !ok || p.State != StateOK {
			t.Errorf("child %d = %+v (found %v), want state ok", c.Process.Pid, p, ok)
		}
	}

	// Every child started before a later change is stale.
	q.Since = time.Now().Add(time.Minute)
	ps, _ = List(context.Background(), q)
	if p, _ := find(ps, fresh.Process.Pid); p.State != StateStale || !p.StartedBefore {
		t.Errorf("with Since in the future: dlv child = %+v, want stale, started before", p)
	}
}

func TestClassify(t *testing.T) {
	env := func(kv ...string) func() ([]string, error) { return func() ([]string, error) { return kv, nil } }
	denied := func() ([]string, error) {
		return nil, &fs.PathError{Op: "open", Path: "/proc/9/environ", Err: fs.ErrPermission}
	}
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	infos := []info{
		{pid: 10, ppid: 1, name: "nvim", created: t0, environ: env("GOPROXY=https://old.example.test")},
		{pid: 11, ppid: 10, name: "gopls", created: t0.Add(time.Second), environ: env("GOPROXY=https://old.example.test")},
		{pid: 12, ppid: 1, name: "vim", created: t0, environ: env("A=1")},                 // no gopls: not listed
		{pid: 13, ppid: 1, name: "code", cmdline: "code --type=renderer", environ: env()}, // helper: not listed
		{pid: 14, ppid: 1, name: "Electron", exe: "/Applications/Visual Studio Code.app/Contents/MacOS/Electron", created: t0.Add(2 * time.Second), environ: denied},
		{pid: 15, ppid: 1, name: "goland", created: t0.Add(3 * time.Second), environ: env()},
		{pid: 16, ppid: 1, name: "bash", environ: env()},
	}
	ps := classify(infos, Query{Want: map[string]string{"GOPROXY": "https://new.example.test"}})
	want := []struct {
		pid   int32
		kind  Kind
		state State
	}{
		{10, KindNeovim, StateStale}, {11, KindGopls, StateStale},
		{14, KindVSCode, StateUnknown}, {15, KindGoLand, StateUnknown},
	}
	if len(ps) != len(want) {
		t.Fatalf("classify returned %d processes, want %d: %+v", len(ps), len(want), ps)
	}
	for i, w := range want {
		if p := ps[i]; p.PID != w.pid || p.Kind != w.kind || p.State != w.state {
			t.Errorf("process %d = PID %d %s %s, want PID %d %s %s", i, p.PID, p.Kind, p.State, w.pid, w.kind, w.state)
		}
	}
	if r := ps[2].Reason; !strings.Contains(r, "cannot read the environment") {
		t.Errorf("reason for a hidden environment = %q, want it to say so", r)
	}
}

// TestVerdictTexts checks each reason's English, which the CLI prints, and
// that it is the core snippet the GUI translates.
func TestVerdictTexts(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	p := Process{PID: 7, Name: "gopls", Started: t0}
	stale := p
	stale.Mismatches = []Mismatch{{Var: "GOPROXY", Has: "off", Want: "https://a.example.test"}, {Var: "GOSUMDB"}}
	before := p
	before.StartedBefore = true
	for _, tt := range []struct {
		p     Process
		err   error
		state State
		want  string
	}{
		{stale, nil, StateStale, `gopls (PID 7) still has GOPROXY=off in its environment; the effective value is now "https://a.example.test" (and 1 more variables differ).`},
		{before, nil, StateStale, "gopls (PID 7) started at 2026-01-02 03:04:05, before the last change at 2026-01-02 04:04:05, so it may still use the old settings."},
		{p, fs.ErrPermission, StateUnknown, "Go Mirror cannot read the environment of gopls (PID 7): permission denied. It usually belongs to another user or is protected by the operating system; if it was started before your change, restart it to be sure."},
		{p, errEmptyEnviron, StateUnknown, "Go Mirror cannot read the environment of gopls (PID 7): the operating system returned an empty environment. It usually belongs to another user or is protected by the operating system; if it was started before your change, restart it to be sure."},
		{p, nil, StateOK, "gopls (PID 7) has the current values."},
	} {
		state, code, args := verdict(tt.p, t0.Add(time.Hour), tt.err)
		if got := core.Snippet(code, args); state != tt.state || got != tt.want {
			t.Errorf("verdict = %s, %q; want %s, %q", state, got, tt.state, tt.want)
		}
	}
	if got := Hint(KindVSCode); !strings.HasPrefix(got, "Quit the editor completely") || HintCode(KindCursor) != "procs.hint.editor" {
		t.Errorf("Hint(vscode) = %q, HintCode(cursor) = %q", got, HintCode(KindCursor))
	}
}

// TestHintCodeFor checks that only macOS gets the Dock sentence.
func TestHintCodeFor(t *testing.T) {
	tests := []struct {
		goos string
		k    Kind
		want string
	}{
		{"windows", KindVSCode, "procs.hint.editor"},
		{"windows", KindGoLand, "procs.hint.goland"},
		{"linux", KindCursor, "procs.hint.editor"},
		{"darwin", KindVSCode, "procs.hint.editor-macos"},
		{"darwin", KindGoLand, "procs.hint.goland-macos"},
		{"darwin", KindGopls, "procs.hint.gopls"},
	}
	for _, tt := range tests {
		if got := hintCodeFor(tt.goos, tt.k); got != tt.want {
			t.Errorf("hintCodeFor(%s, %s) = %q, want %q", tt.goos, tt.k, got, tt.want)
		}
		if text := core.Snippet(hintCodeFor(tt.goos, tt.k), nil); text == "" || strings.Contains(text, "macOS") != (tt.goos == "darwin" && tt.k != KindGopls) {
			t.Errorf("hint for %s on %s = %q", tt.k, tt.goos, text)
		}
	}
}
