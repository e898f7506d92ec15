package watch_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/troubleshoot/watch"
	"github.com/gomirror/gomirror/internal/testenv"
)

func start(t *testing.T, files ...string) (<-chan watch.Event, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	events, err := watch.Watch(ctx, files, watch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return events, cancel
}

func next(t *testing.T, events <-chan watch.Event, within time.Duration) watch.Event {
	t.Helper()
	select {
	case ev := <-events:
		return ev
	case <-time.After(within):
		t.Fatalf("no change noticed within %v", within)
	}
	return watch.Event{}
}

// TestOutsideGoEnvW: the real go command writes a new env file (and its
// directory); the change is noticed within a second.
func TestOutsideGoEnvW(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	envFile := filepath.Join(home, "cfg", "go", "env") // no directory yet
	testenv.QuietTelemetry(t, filepath.Join(home, ".config"))
	events, _ := start(t, envFile)

	cmd := exec.Command(gobin, "env", "-w", "GOPROXY=https://mirror.example.test,direct")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "GOENV=" + envFile, "GOTOOLCHAIN=local", "GOFLAGS="}
	begin := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go env -w: %v\n%s", err, out)
	}
	ev := next(t, events, time.Second+time.Since(begin))
	if !slices.Equal(ev.Paths, []string{envFile}) {
		t.Errorf("Paths = %q, want %q", ev.Paths, envFile)
	}
	t.Logf("noticed %v after go env -w started", time.Since(begin))

	// A second write to the now existing file, by go env -w again.
	cmd = exec.Command(gobin, "env", "-w", "GOSUMDB=off")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "GOENV=" + envFile, "GOTOOLCHAIN=local", "GOFLAGS="}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go env -w: %v\n%s", err, out)
	}
	next(t, events, time.Second)
}

// TestBurstIsOneEvent: several writes and an atomic replacement in quick
// succession give one event naming the files.
func TestBurstIsOneEvent(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "env"), filepath.Join(dir, ".zshrc")
	os.WriteFile(a, []byte("GOPROXY=off\n"), 0o666)
	events, _ := start(t, a, b, filepath.Join(dir, "unrelated-but-missing"))
	os.WriteFile(filepath.Join(dir, "other"), []byte("x"), 0o666) // not watched
	for i := range 5 {
		os.WriteFile(b, []byte{byte('a' + i)}, 0o666)
		time.Sleep(20 * time.Millisecond)
	}
	if err := envfile.WriteAtomic(a, []byte("GOPROXY=direct\n"), []byte("GOPROXY=off\n"), true); err != nil {
		t.Fatal(err)
	}
	ev := next(t, events, 2*time.Second)
	if !slices.Equal(ev.Paths, []string{b, a}) && !slices.Equal(ev.Paths, []string{a, b}) {
		t.Errorf("Paths = %q, want both %s and %s", ev.Paths, a, b)
	}
	select {
	case ev := <-events:
		t.Errorf("second event %v for one burst", ev)
	case <-time.After(400 * time.Millisecond):
	}
}

// TestStop: cancelling the context closes the channel.
func TestStop(t *testing.T) {
	events, cancel := start(t, filepath.Join(t.TempDir(), "env"))
	cancel()
	select {
	case _, ok := <-events:
		if ok {
			t.Error("event after cancel")
		}
	case <-time.After(2 * time.Second):
		t.Error("channel not closed after cancel")
	}
}
