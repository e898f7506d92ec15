package envfile

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/gomirror/gomirror/internal/testenv"
)

// goBin returns the real go command (go test puts $GOROOT/bin first in
// PATH), skipping the test if there is none.
func goBin(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the real go command")
	}
	bin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	return bin
}

// goEnvCmd returns a "go env args..." command whose whole environment lives
// in home: it never sees the real user's files, the network or a toolchain
// switch (go env -w/-u never download). envFile is the GOENV file it edits.
func goEnvCmd(bin, home, envFile string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, append([]string{"env"}, args...)...)
	cmd.Dir = home
	cmd.Env = []string{
		"HOME=" + home,
		"USERPROFILE=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"AppData=" + filepath.Join(home, "config"),
		"GOENV=" + envFile,
		"GOCACHE=" + filepath.Join(home, "cache"),
		"PATH=" + filepath.Dir(bin),
		"GOFLAGS=",
		"GOTOOLCHAIN=local",
	}
	return cmd
}

// newGoHome returns a temp home for go env runs, with telemetry off so that
// no go process or child keeps writing there after the test ends.
func newGoHome(t testing.TB) string {
	t.Helper()
	home := t.TempDir()
	testenv.QuietTelemetry(t, filepath.Join(home, "config"))
	return home
}

// runGoEnv runs go env args on envFile and fails the test on any error or
// warning.
func runGoEnv(t testing.TB, bin, home, envFile string, args ...string) {
	t.Helper()
	cmd := goEnvCmd(bin, home, envFile, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("go env %q: %v\n%s", args, err, stderr.Bytes())
	}
}

// realEdit returns what the real go env args writes when the env file holds
// data.
func realEdit(t *testing.T, bin string, data []byte, args []string) []byte {
	t.Helper()
	home := newGoHome(t)
	envFile := filepath.Join(home, "goenv")
	if err := os.WriteFile(envFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	runGoEnv(t, bin, home, envFile, args...)
	out, err := os.ReadFile(envFile)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
