package profile_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/gomirror/gomirror/core/profile"
)

// trickyProfile has values with every character the snippet formats quote.
func trickyProfile() profile.Profile {
	p := profile.Profile{Name: `It's "tricky"`, Credentials: []string{"athens.office.test"}}
	p.SetValue("GOPROXY", "https://a.example.test|https://b.example.test,direct")
	p.SetValue("GOPRIVATE", "a.test, b.test,*.c.test")
	p.SetValue("GOAUTH", `git /srv/it's $HOME "dir";netrc`)
	p.SetValue("GOFLAGS", "-tags=a,b -ldflags=-X=main.v=`x` \\n ${{ x }} \u2019quoted\u2018 $(id)")
	p.SetValue("GOSUMDB", "")
	p.UnsetKey("GOTOOLCHAIN")
	p.UnsetKey("GOINSECURE")
	return p
}

// want maps each key of trickyProfile to what a shell should see.
func wantEnv(p profile.Profile) map[string]string {
	m := map[string]string{}
	for _, k := range profile.Keys {
		switch c := p.Get(k); c.Action {
		case profile.Set:
			m[k] = c.Value
		case profile.Unset:
			m[k] = "<unset>"
		}
	}
	return m
}

var shellReaders = map[string][]string{
	"bash": {"bash", "--norc", "--noprofile", "-c", `. "$1"; for k in $2; do if [ -n "${!k+x}" ]; then printf '%s\0' "${!k}"; else printf '<unset>\0'; fi; done`, "sh"},
	"zsh":  {"zsh", "-f", "-c", `. "$1"; for k in ${=2}; do if (( ${+parameters[$k]} )); then printf '%s\0' "${(P)k}"; else printf '<unset>\0'; fi; done`, "sh"},
	"fish": {"fish", "--no-config", "-c", `source $argv[1]; for k in (string split ' ' $argv[2]); if set -q $k; printf '%s\0' $$k; else; printf '<unset>\0'; end; end`},
	"pwsh": {"pwsh", "-NoProfile", "-NonInteractive", "-Command", `. $args[0]; foreach ($k in $args[1].Split(' ')) { $v = [Environment]::GetEnvironmentVariable($k); if ($null -eq $v) { [Console]::Out.Write('<unset>' + [char]0) } else { [Console]::Out.Write($v + [char]0) } }`},
}

var shellFormats = map[string]profile.Format{"bash": profile.Bash, "zsh": profile.Bash, "fish": profile.Fish, "pwsh": profile.PowerShell}

// TestSnippetsInRealShells sources each shell snippet in the real shell and
// reads the variables back.
func TestSnippetsInRealShells(t *testing.T) {
	p := trickyProfile()
	want := wantEnv(p)
	var keys []string
	for _, k := range profile.Keys {
		if _, ok := want[k]; ok {
			keys = append(keys, k)
		}
	}
	for shell, argv := range shellReaders {
		t.Run(shell, func(t *testing.T) {
			if _, err := exec.LookPath(argv[0]); err != nil {
				t.Skipf("%s is not installed", argv[0])
			}
			snip, err := profile.Snippet(p, shellFormats[shell])
			must(t, err)
			file := filepath.Join(t.TempDir(), "snippet")
			must(t, os.WriteFile(file, []byte(snip), 0o644))
			out := runShell(t, argv, file, keys, "GOTOOLCHAIN=local", "GOINSECURE=x.test")
			got := strings.Split(strings.TrimSuffix(out, "\x00"), "\x00")
			if len(got) != len(keys) {
				t.Fatalf("%s printed %q for %v\nsnippet:\n%s", shell, got, keys, snip)
			}
			for i, k := range keys {
				if got[i] != want[k] {
					t.Errorf("%s: %s = %q, want %q\nsnippet:\n%s", shell, k, got[i], want[k], snip)
				}
			}
		})
	}
}

func runShell(t *testing.T, argv []string, file string, keys []string, env ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], append(argv[1:], file, strings.Join(keys, " "))...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}, env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", argv[0], err, stderr.Bytes())
	}
	return string(out)
}

func TestSnippetGitHubActions(t *testing.T) {
	p := trickyProfile()
	snip, err := profile.Snippet(p, profile.GitHubActions)
	must(t, err)
	var doc struct{ Env map[string]string }
	if err := yaml.Unmarshal([]byte(snip), &doc); err != nil {
		t.Fatalf("not YAML: %v\n%s", err, snip)
	}
	for k, w := range wantEnv(p) {
		if w == "<unset>" {
			w = "" // empty counts as unset for the go command
		}
		w = strings.ReplaceAll(w, "${{", "${{ '${{' }}") // what Actions evaluates back to ${{
		if got := doc.Env[k]; got != w {
			t.Errorf("%s = %q, want %q", k, got, w)
		}
	}
}

func TestSnippetDockerfile(t *testing.T) {
	p := trickyProfile()
	snip, err := profile.Snippet(p, profile.Dockerfile)
	must(t, err)
	got := map[string]string{}
	for _, line := range strings.Split(snip, "\n") {
		if rest, ok := strings.CutPrefix(line, "ENV "); ok {
			k, v, _ := strings.Cut(rest, "=")
			got[k] = unquoteDocker(t, v)
		}
	}
	for k, w := range wantEnv(p) {
		if w == "<unset>" {
			w = ""
		}
		if got[k] != w {
			t.Errorf("%s = %q, want %q\n%s", k, got[k], w, snip)
		}
	}
}

// unquoteDocker reads a double-quoted word as BuildKit's shell lexer does
// with the default escape character: \ escapes only ", $ and \.
func unquoteDocker(t *testing.T, s string) string {
	t.Helper()
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		t.Fatalf("not double-quoted: %s", s)
	}
	var b strings.Builder
	in := s[1 : len(s)-1]
	for i := 0; i < len(in); i++ {
		c := in[i]
		switch {
		case c == '\\' && i+1 < len(in) && strings.IndexByte(`"$\`, in[i+1]) >= 0:
			i++
			b.WriteByte(in[i])
		case c == '"' || c == '$':
			t.Fatalf("unescaped %c in %s", c, s)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func TestSnippetLeavesSecretsOut(t *testing.T) {
	p := trickyProfile()
	for _, f := range profile.Formats {
		if f == profile.Cmd {
			continue // refuses trickyProfile's GOAUTH; TestSnippetCmd
		}
		snip, err := profile.Snippet(p, f)
		must(t, err)
		if !strings.Contains(snip, "athens.office.test (not included") {
			t.Errorf("%s: no credentials note:\n%s", f, snip)
		}
	}
	p.SetValue("GOPROXY", "https://u:pw@a.example.test")
	if _, err := profile.Snippet(p, profile.Bash); err == nil {
		t.Error("Snippet rendered a password")
	}
	if _, err := profile.Snippet(p, "tcsh"); err == nil {
		t.Error("Snippet accepted an unknown format")
	}
}

// TestSnippetCmd checks the cmd.exe snippet: @set "K=V" keeps & | < > ^ !
// and spaces literal, @set "K=" removes a variable, comments are @rem lines
// (@ keeps a .cmd file from echoing them),
// and a value with " or % is refused. scripts/windows-stage.sh runs the
// snippet in Wine's cmd.exe and reads the values back with go env.
func TestSnippetCmd(t *testing.T) {
	p := profile.Profile{Name: "cmd", Credentials: []string{"git.example.test"}}
	p.SetValue("GOPROXY", "https://a.example.test|https://b.example.test,direct")
	p.SetValue("GOFLAGS", "-tags=a&b -ldflags=<x>^y!z")
	p.UnsetKey("GOTOOLCHAIN")
	snip, err := profile.Snippet(p, profile.Cmd)
	must(t, err)
	want := `@rem Go Mirror profile "cmd"
@rem Needs credentials for git.example.test (not included: set them up in Go Mirror or your CI secrets).
@set "GOPROXY=https://a.example.test|https://b.example.test,direct"
@set "GOFLAGS=-tags=a&b -ldflags=<x>^y!z"
@set "GOTOOLCHAIN="
`
	if snip != want {
		t.Errorf("Snippet(cmd) =\n%s\nwant\n%s", snip, want)
	}
	for _, v := range []string{`git "C:\\Program Files\\h.exe"`, "https://a.example.test/%41"} {
		p.SetValue("GOAUTH", v)
		if _, err := profile.Snippet(p, profile.Cmd); err == nil {
			t.Errorf("Snippet(cmd) accepted GOAUTH=%q", v)
		}
	}
}
