package shell

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/shirou/gopsutil/v4/process"

	"github.com/gomirror/gomirror/core/origin"
)

// needShell returns the path of a shell, skipping the test if it is not
// installed.
func needShell(t *testing.T, name string) Shell {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("login shells are tested on Unix")
	}
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (apt-get install -y %s); skipping its tests", name, name)
	}
	return Shell{Path: p, Kind: origin.KindOf(name)}
}

// home makes a temporary home directory holding files (relative names).
func home(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// env is a fully constructed starting environment: nothing of the real
// user's leaks in.
func env(home string) []string {
	return []string{"HOME=" + home, "PATH=/usr/local/bin:/usr/bin:/bin", "USER=gomirror-test",
		"LOGNAME=gomirror-test", "LANG=C", "TERM=dumb", "XDG_CONFIG_HOME=" + filepath.Join(home, ".config")}
}

func TestRunCapturesDespiteBannersAndStdin(t *testing.T) {
	const noisy = "echo 'banner: Welcome!'; printf 'GOPROXY=https://fake.example.test\\0'; read answer; echo \"read:$answer\"\n"
	cases := []struct {
		shell string
		files map[string]string
	}{
		{"bash", map[string]string{".bash_profile": noisy + "export GOPROXY=https://bash.example.test,direct\n"}},
		{"zsh", map[string]string{".zshrc": noisy + "export GOPROXY=https://zsh.example.test,direct\n"}},
		{"dash", map[string]string{".profile": noisy + "export GOPROXY=https://dash.example.test,direct\n"}},
		{"fish", map[string]string{".config/fish/config.fish": "echo 'banner: Welcome!'\nread answer\nset -gx GOPROXY https://fish.example.test,direct\n"}},
	}
	for _, c := range cases {
		t.Run(c.shell, func(t *testing.T) {
			sh := needShell(t, c.shell)
			h := home(t, c.files)
			cp, err := Run(context.Background(), sh, Options{Env: env(h)})
			if err != nil {
				t.Fatal(err)
			}
			got := origin.EnvMap(cp.Env, runtime.GOOS)
			want := "https://" + c.shell + ".example.test,direct"
			if got["GOPROXY"] != want {
				t.Errorf("GOPROXY = %q, want %q", got["GOPROXY"], want)
			}
			if got["HOME"] != h {
				t.Errorf("HOME = %q, want %q", got["HOME"], h)
			}
		})
	}
}

// processesWith returns the PIDs of processes whose command line contains
// arg, as gopsutil sees them.
func processesWith(t *testing.T, arg string) []int32 {
	t.Helper()
	ps, err := process.Processes()
	if err != nil {
		t.Fatalf("listing processes: %v", err)
	}
	var pids []int32
	for _, p := range ps {
		if cmd, err := p.Cmdline(); err == nil && strings.Contains(cmd, arg) {
			pids = append(pids, p.Pid)
		}
	}
	return pids
}

// gone waits briefly for every process with arg in its command line to
// disappear (a killed process may take a moment to be reaped by init).
func gone(t *testing.T, arg string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for len(processesWith(t, arg)) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("processes left behind: %v run %q", processesWith(t, arg), arg)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestRunTimesOutAndKillsTheGroup(t *testing.T) {
	sh := needShell(t, "bash")
	const marker = "987651"
	h := home(t, map[string]string{".bash_profile": "sleep " + marker + " & sleep 1" + marker + "\n"})
	start := time.Now()
	_, err := Run(context.Background(), sh, Options{Env: env(h), Timeout: 500 * time.Millisecond})
	var te *TimeoutError
	if !errors.As(err, &te) {
		t.Fatalf("Run error = %v, want a *TimeoutError", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Run took %s after a 500ms timeout", d)
	}
	if !strings.Contains(err.Error(), "did not finish within 500ms") {
		t.Errorf("error = %q, want it to say what happened", err)
	}
	gone(t, "sleep "+marker)
	gone(t, "sleep 1"+marker)
}

func TestRunKillsBackgroundJobsOnExit(t *testing.T) {
	sh := needShell(t, "bash")
	const marker = "987652"
	h := home(t, map[string]string{".bash_profile": "sleep " + marker + " &\nexport GOFLAGS=-mod=mod\n"})
	cp, err := Run(context.Background(), sh, Options{Env: env(h), Timeout: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if got := origin.EnvMap(cp.Env, "")["GOFLAGS"]; got != "-mod=mod" {
		t.Errorf("GOFLAGS = %q, want -mod=mod", got)
	}
	gone(t, "sleep "+marker)
}

func TestRunReportsAShellThatPrintsNothing(t *testing.T) {
	sh := needShell(t, "bash")
	h := home(t, map[string]string{".bash_profile": "exit 3\n"})
	_, err := Run(context.Background(), sh, Options{Env: env(h)})
	if err == nil || !strings.Contains(err.Error(), "did not print its environment") {
		t.Fatalf("Run error = %v, want a capture error", err)
	}
}

func TestCacheInvalidatesWhenAnRCFileChanges(t *testing.T) {
	sh := needShell(t, "bash")
	h := home(t, map[string]string{".bash_profile": "export GOPROXY=https://one.example.test\n"})
	rc := filepath.Join(h, ".bash_profile")
	watched := []string{rc, filepath.Join(h, ".profile")}
	c := &Cache{Dir: filepath.Join(h, "cache")}
	o := Options{Env: env(h)}
	first, hit, err := c.Run(context.Background(), sh, o, watched)
	if err != nil || hit {
		t.Fatalf("first Run: hit=%v err=%v, want a miss", hit, err)
	}
	if _, hit, _ = c.Run(context.Background(), sh, o, watched); !hit {
		t.Error("second Run missed the cache")
	}
	// A second Cache on the same directory (another CLI run) hits the disk.
	if cp, hit, _ := (&Cache{Dir: c.Dir}).Run(context.Background(), sh, o, watched); !hit || len(cp.Env) != len(first.Env) {
		t.Errorf("disk cache: hit=%v, want a hit with the same environment", hit)
	}
	os.WriteFile(rc, []byte("export GOPROXY=https://two.example.test\n"), 0o644)
	cp, hit, err := c.Run(context.Background(), sh, o, watched)
	if err != nil || hit {
		t.Fatalf("after editing: hit=%v err=%v, want a miss", hit, err)
	}
	if got := origin.EnvMap(cp.Env, "")["GOPROXY"]; got != "https://two.example.test" {
		t.Errorf("GOPROXY after editing = %q", got)
	}
	if fi, err := os.Stat(c.file(sh)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("disk entry: %v, mode %v; want mode 0600", err, fi.Mode().Perm())
	}
}

func TestFind(t *testing.T) {
	passwd := []byte("root:x:0:0:root:/root:/bin/bash\nann:x:1000:1000::/home/ann:/usr/bin/fish\nbob:x:1001:1001::/home/bob:/usr/sbin/nologin\n")
	read := func(string) ([]byte, error) { return passwd, nil }
	dscl := func(string, ...string) ([]byte, error) { return []byte("UserShell: /bin/zsh\n"), nil }
	cases := []struct {
		name string
		f    Finder
		want Shell
	}{
		{"SHELL", Finder{Env: []string{"SHELL=/bin/zsh"}, GOOS: "linux", Username: "ann", ReadFile: read},
			Shell{"/bin/zsh", origin.Zsh, "SHELL"}},
		{"passwd", Finder{Env: []string{}, GOOS: "linux", Username: "ann", ReadFile: read},
			Shell{"/usr/bin/fish", origin.Fish, "passwd"}},
		{"nologin", Finder{Env: []string{}, GOOS: "linux", Username: "bob", ReadFile: read},
			Shell{"/bin/sh", origin.Sh, "default"}},
		{"dscl", Finder{Env: []string{"SHELL=relative"}, GOOS: "darwin", Username: "ann", ReadFile: read, Output: dscl},
			Shell{"/bin/zsh", origin.Zsh, "dscl"}},
	}
	for _, c := range cases {
		got, err := c.f.Find()
		if err != nil || got != c.want {
			t.Errorf("%s: Find() = %+v, %v; want %+v", c.name, got, err, c.want)
		}
	}
}

func TestRunErrors(t *testing.T) {
	sh := needShell(t, "bash")
	h := home(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, sh, Options{Env: env(h)}); !errors.Is(err, context.Canceled) {
		t.Errorf("Run with a canceled context: %v, want context.Canceled", err)
	}
	missing := Shell{Path: filepath.Join(h, "no-such-shell"), Kind: origin.Bash}
	if _, err := Run(context.Background(), missing, Options{Env: env(h)}); err == nil || !strings.Contains(err.Error(), "no-such-shell") {
		t.Errorf("Run of a missing shell: %v, want an error naming it", err)
	}
	if _, err := Run(context.Background(), Shell{Path: "/bin/nu"}, Options{Env: env(h)}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("Run of an unknown kind: %v, want ErrUnsupported", err)
	}
}
