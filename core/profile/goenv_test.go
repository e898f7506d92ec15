package profile_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core/profile"
	"github.com/gomirror/gomirror/internal/testenv"
)

// TestSnippetGoEnv sources the bash and fish snippets in real shells and
// checks that the real go env reports the profile's values.
func TestSnippetGoEnv(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	p := profile.Profile{Name: "Team"}
	p.SetValue("GOPROXY", "https://a.example.test|https://b.example.test,direct")
	p.SetValue("GOSUMDB", "sum.example.test")
	p.SetValue("GOPRIVATE", "*.corp.test,git.example.test/team")
	p.SetValue("GONOSUMDB", "none")
	p.SetValue("GOAUTH", "git /srv/it's here;netrc")
	p.SetValue("GOFLAGS", "-mod=mod -tags=a,b")
	p.SetValue("GOTOOLCHAIN", "local")
	p.UnsetKey("GOINSECURE")
	runners := map[string]func(file string) []string{
		"bash": func(f string) []string {
			return []string{"bash", "--norc", "-c", `. "$1" && exec go env -json $2`, "sh", f}
		},
		"fish": func(f string) []string {
			return []string{"fish", "--no-config", "-c", `source $argv[1]; and go env -json (string split ' ' $argv[2])`, f}
		},
	}
	formats := map[string]profile.Format{"bash": profile.Bash, "fish": profile.Fish}
	for shell, argv := range runners {
		t.Run(shell, func(t *testing.T) {
			if _, err := exec.LookPath(shell); err != nil {
				t.Skipf("%s is not installed", shell)
			}
			snip, err := profile.Snippet(p, formats[shell])
			must(t, err)
			file := filepath.Join(t.TempDir(), "snippet")
			must(t, os.WriteFile(file, []byte(snip), 0o644))
			got := goEnvAfter(t, append(argv(file), "GOPROXY GOSUMDB GOPRIVATE GONOPROXY GONOSUMDB GOAUTH GOFLAGS GOTOOLCHAIN GOINSECURE"), filepath.Dir(goBin))
			for _, k := range profile.Keys {
				want := p.Get(k).Value
				if k == "GONOPROXY" {
					want = p.Get("GOPRIVATE").Value // follows GOPRIVATE
				}
				if got[k] != want {
					t.Errorf("go env %s = %q, want %q", k, got[k], want)
				}
			}
		})
	}
}

func goEnvAfter(t *testing.T, argv []string, goDir string) map[string]string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	home := t.TempDir()
	// With telemetry on, go starts a background process that may still be
	// writing under HOME when the test removes it.
	testenv.QuietTelemetry(t, filepath.Join(home, ".config"))
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Env = []string{"PATH=" + goDir + ":/usr/bin:/bin", "HOME=" + home, "GOENV=" + filepath.Join(home, "goenv"),
		"GOCACHE=" + filepath.Join(home, "cache"), "GOINSECURE=old.example.test", "GOTOOLCHAIN=local"}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %v\n%s", argv[:2], err, out)
	}
	m := map[string]string{}
	must(t, json.Unmarshal(out, &m))
	return m
}
