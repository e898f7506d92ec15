//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// concurrentKeys are distinct keys with valid values, one per concurrent
// writer.
var concurrentKeys = []string{
	"GOPROXY=https://c.example.test,direct", "GOSUMDB=off", "GOPRIVATE=a.example.test",
	"GONOPROXY=b.example.test", "GONOSUMDB=c.example.test", "GOINSECURE=d.example.test",
	"GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOVCS=*:git", "CGO_ENABLED=0",
	"GOAMD64=v2", "GO386=sse2", "GOBIN=/tmp/gobin", "CC=gcc", "CXX=g++",
	"GOAUTH=netrc",
}

// TestConcurrentSetsLoseNothing runs one gomirrorctl set per key at the same
// time, many rounds over: every process that says it wrote must find its
// value in the file at the end, and none is refused, since no two touch the
// same key.
func TestConcurrentSetsLoseNothing(t *testing.T) {
	t.Parallel()
	rounds := 8
	if testing.Short() {
		rounds = 2
	}
	lost, refused := 0, 0
	for round := range rounds {
		s := newSandbox(t)
		results := make([]result, len(concurrentKeys))
		var wg sync.WaitGroup
		for i, kv := range concurrentKeys {
			wg.Go(func() { results[i] = s.ctl("set", kv) })
		}
		wg.Wait()
		data, _ := s.readEnvFile()
		for i, kv := range concurrentKeys {
			switch r := results[i]; {
			case r.code != 0:
				refused++
				t.Errorf("round %d: set %s: %v", round, kv, r)
			case !strings.Contains(string(data), kv+"\n"):
				lost++
				t.Errorf("round %d: set %s exited 0 but the file lacks it:\n%s", round, kv, data)
			}
		}
		if h := s.ctl("history", "--json"); strings.Count(h.stdout, `"summary"`) != len(concurrentKeys) {
			t.Errorf("round %d: history has %d entries, want %d", round, strings.Count(h.stdout, `"summary"`), len(concurrentKeys))
		}
	}
	t.Logf("%d rounds of %d concurrent writers: %d lost updates, %d refusals", rounds, len(concurrentKeys), lost, refused)
}

// TestConcurrentSetsOfOneKeyRefuseOrWin: writers of the same key either win
// or are refused naming the key; the last one to write is the value in the
// file.
func TestConcurrentSetsOfOneKey(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.writeEnvFile("GOPROXY=https://start.example.test\n")
	const n = 8
	results := make([]result, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { results[i] = s.ctl("set", fmt.Sprintf("GOPROXY=https://w%d.example.test", i)) })
	}
	wg.Wait()
	data, _ := s.readEnvFile()
	for i, r := range results {
		if r.code != 0 && r.code != 2 {
			t.Errorf("writer %d: %v", i, r)
		}
	}
	if !strings.HasPrefix(string(data), "GOPROXY=https://w") {
		t.Errorf("file = %q, want one writer's value", data)
	}
}

// TestRaceWithGoEnvW runs gomirrorctl set against the real go env -w of
// another key. The go command takes no lock, so an update can still be lost
// in the moment after a rename; the test counts how often, and checks that
// gomirrorctl said so whenever its own value was gone right after its write.
func TestRaceWithGoEnvW(t *testing.T) {
	t.Parallel()
	rounds := 20
	if testing.Short() {
		rounds = 4
	}
	goBin := filepath.Join(realGoroot, "bin", "go")
	oursLost, goLost, warned := 0, 0, 0
	for range rounds {
		s := newSandbox(t)
		s.writeEnvFile("GOFLAGS=-mod=mod\n")
		var ours, theirs result
		var wg sync.WaitGroup
		wg.Go(func() { ours = s.ctl("set", "GOPRIVATE=ours.example.test") })
		wg.Go(func() { theirs = s.exec(goBin, "env", "-w", "GONOSUMDB=theirs.example.test") })
		wg.Wait()
		data, _ := s.readEnvFile()
		if ours.code != 0 && ours.code != 2 || theirs.code != 0 {
			t.Fatalf("ours: %v\ntheirs: %v", ours, theirs)
		}
		if strings.Contains(ours.stderr, "no longer has the value just written") {
			warned++
		}
		if ours.code == 0 && !strings.Contains(string(data), "GOPRIVATE=ours.example.test\n") {
			oursLost++
		}
		if !strings.Contains(string(data), "GONOSUMDB=theirs.example.test\n") {
			goLost++
		}
	}
	t.Logf("%d rounds against go env -w: gomirrorctl's update lost %d times (warned %d), go's lost %d times", rounds, oursLost, warned, goLost)
}

// TestSpecialFiles: a device, a named pipe or an endless device as the env
// file (or what it links to) is never replaced and never hangs or exhausts
// memory; reading /dev/null agrees with go env.
func TestSpecialFiles(t *testing.T) {
	t.Parallel()
	t.Run("GOENV=/dev/null reads as empty", func(t *testing.T) {
		s := newSandbox(t, "GOENV=/dev/null")
		r := s.ctl("env", "--json", "GOPROXY")
		mustSucceed(t, r, "env")
		if got, want := s.envJSON("GOPROXY").Vars["GOPROXY"].Value, s.goEnv("GOPROXY")["GOPROXY"]; got != want {
			t.Errorf("env GOPROXY = %q, go env = %q", got, want)
		}
	})
	t.Run("named pipe", func(t *testing.T) {
		s := newSandbox(t)
		fifo := filepath.Join(s.home, "env.fifo")
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		s.extra = append(s.extra, "GOENV="+fifo)
		for _, args := range [][]string{{"env"}, {"doctor"}, {"set", "GOPROXY=https://x.example.test"}} {
			r := timed(t, s, args...)
			if args[0] == "set" && r.code != 2 {
				t.Errorf("set with a named pipe as GOENV: want exit 2, got %v", r)
			}
		}
		if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("the named pipe was replaced: %v %v", fi.Mode(), err)
		}
	})
	t.Run("endless device", func(t *testing.T) {
		s := newSandbox(t, "GOENV=/dev/zero")
		timed(t, s, "env")
		if r := timed(t, s, "set", "GOPROXY=https://x.example.test"); r.code != 2 {
			t.Errorf("set with GOENV=/dev/zero: want exit 2, got %v", r)
		}
		s.extra = nil
		if r := timed(t, s, "profile", "import", "/dev/zero"); r.code != 2 || !strings.Contains(r.stderr, "larger than 16 MiB") {
			t.Errorf("profile import /dev/zero: %v", r)
		}
		if r := timed(t, s, "route", "--modfile", "/dev/zero"); r.code != 2 || !strings.Contains(r.stderr, "larger than 16 MiB") {
			t.Errorf("route --modfile /dev/zero: %v", r)
		}
	})
	t.Run("character device", func(t *testing.T) {
		s := newSandbox(t)
		dev := filepath.Join(s.home, "null")
		// A device of our own (as /dev/null: 1,3), so that a failure here
		// cannot break the system's /dev/null.
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, int(1<<8|3)); err != nil {
			t.Skipf("mknod needs root: %v", err)
		}
		link := filepath.Join(s.home, "env-link")
		if err := os.Symlink(dev, link); err != nil {
			t.Fatal(err)
		}
		for _, goenv := range []string{dev, link} {
			s.extra = []string{"GOENV=" + goenv}
			r := timed(t, s, "set", "GOPROXY=https://x.example.test")
			if r.code != 2 || !strings.Contains(r.stderr, "character device") {
				t.Errorf("set with GOENV=%s: want exit 2 naming a character device, got %v", goenv, r)
			}
			if fi, err := os.Stat(dev); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
				t.Fatalf("the device was replaced: %v %v", fi, err)
			}
		}
	})
}

// timed runs gomirrorctl in s and fails the test if it takes over 20 s (a
// hang on a named pipe) or dies of memory exhaustion.
func timed(t *testing.T, s *sandbox, args ...string) result {
	t.Helper()
	cmd := exec.Command(ctlBin, args...)
	cmd.Env, cmd.Dir = s.environ(), s.home
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("gomirrorctl %s hung", strings.Join(args, " "))
	}
	r := result{cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()}
	if strings.Contains(r.stderr, "out of memory") {
		t.Errorf("gomirrorctl %s: %v", strings.Join(args, " "), r)
	}
	return r
}

// nobody is the user the permission tests run gomirrorctl as when the tests
// run as root (as in CI), since root may write any file.
const nobody = 65534

// asUser runs gomirrorctl in s as an unprivileged user: itself if the tests
// do not run as root, else nobody, after giving nobody s's directories.
func asUser(t *testing.T, s *sandbox, args ...string) result {
	t.Helper()
	cmd := exec.Command(ctlBin, args...)
	cmd.Env, cmd.Dir = s.environ(), s.home
	if os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	return result{cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()}
}

// giveAway makes the sandbox's directories reachable and owned by nobody
// when running as root; files keep their owner unless listed in keep.
func giveAway(t *testing.T, s *sandbox) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	for d := filepath.Dir(s.home); d != "/" && d != os.TempDir(); d = filepath.Dir(d) {
		os.Chmod(d, 0o755)
	}
	filepath.Walk(filepath.Dir(s.home), func(p string, fi os.FileInfo, err error) error {
		if err == nil {
			os.Lchown(p, nobody, nobody)
		}
		return nil
	})
}

// TestPermissions: a read-only env file, and one owned by another user in a
// writable directory, are left alone with exit 2, as go env -w leaves them.
func TestPermissions(t *testing.T) {
	t.Parallel()
	t.Run("read-only", func(t *testing.T) {
		s := newSandbox(t)
		s.writeEnvFile("GOFLAGS=-mod=mod\n")
		giveAway(t, s)
		if err := os.Chmod(s.envFile(), 0o444); err != nil {
			t.Fatal(err)
		}
		r := asUser(t, s, "set", "GOPROXY=https://x.example.test")
		if r.code != 2 || !strings.Contains(r.stderr, "read-only (mode 0444)") {
			t.Errorf("set on a 0444 file: want exit 2 saying it is read-only, got %v", r)
		}
		if data, _ := s.readEnvFile(); string(data) != "GOFLAGS=-mod=mod\n" {
			t.Errorf("the read-only file changed: %q", data)
		}
		if fi, _ := os.Stat(s.envFile()); fi.Mode().Perm() != 0o444 {
			t.Errorf("mode = %v, want 0444", fi.Mode())
		}
	})
	t.Run("another owner", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("making a file of another user needs root")
		}
		s := newSandbox(t)
		s.writeEnvFile("GOFLAGS=-mod=mod\n")
		giveAway(t, s)
		if err := os.Chown(s.envFile(), nobody-1, nobody-1); err != nil {
			t.Fatal(err)
		}
		os.Chmod(s.envFile(), 0o666)
		r := asUser(t, s, "set", "GOPROXY=https://x.example.test")
		if r.code != 2 || !strings.Contains(r.stderr, "belongs to another user") {
			t.Errorf("set on another user's file: want exit 2, got %v", r)
		}
		if fi, _ := os.Stat(s.envFile()); fi.Sys().(*syscall.Stat_t).Uid != nobody-1 {
			t.Errorf("the file changed owner")
		}
	})
}

// TestWritesAreRecordedFirst: when the history cannot be written, neither
// is the env file; a damaged history entry is named as such by undo.
func TestWritesAreRecordedFirst(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.writeEnvFile("GOFLAGS=-mod=mod\n")
	hist := filepath.Join(s.xdg, "gomirror", "history")
	os.MkdirAll(filepath.Dir(hist), 0o700)
	if err := os.WriteFile(hist, []byte("not a directory"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := s.ctl("set", "GOPROXY=https://x.example.test")
	if r.code == 0 || !strings.Contains(r.stderr, "Nothing was written") {
		t.Errorf("set with an unwritable history: want a failure saying nothing was written, got %v", r)
	}
	if data, _ := s.readEnvFile(); string(data) != "GOFLAGS=-mod=mod\n" {
		t.Errorf("the env file changed although the history could not record it: %q", data)
	}
	os.Remove(hist)

	mustSucceed(t, s.ctl("set", "GOPROXY=https://x.example.test"), "set")
	mustSucceed(t, s.ctl("set", "GOSUMDB=off"), "set")
	entries, _ := filepath.Glob(filepath.Join(hist, "*.json"))
	if len(entries) != 2 {
		t.Fatalf("history entries = %v, want 2", entries)
	}
	newest := entries[len(entries)-1]
	data, _ := os.ReadFile(newest)
	os.WriteFile(newest, data[:len(data)/2], 0o600) // truncated, as by a full disk
	r = s.ctl("undo")
	if r.code != 2 || !strings.Contains(r.stderr, "is damaged") || !strings.Contains(r.stderr, newest) {
		t.Errorf("undo over a truncated entry: want exit 2 naming the damaged file, got %v", r)
	}
	os.WriteFile(newest, data, 0o600) // restored from a backup
	mustSucceed(t, s.ctl("undo"), "undo after restoring the damaged entry")
	if data, _ := s.readEnvFile(); string(data) != "GOFLAGS=-mod=mod\nGOPROXY=https://x.example.test\n" {
		t.Errorf("after undo the file is %q", data)
	}
}
