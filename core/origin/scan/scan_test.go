package scan

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core/origin"
)

// files is an in-memory file system for Options.ReadFile and Glob.
type files map[string]string

func (f files) read(name string) ([]byte, error) {
	if s, ok := f[name]; ok {
		return []byte(s), nil
	}
	return nil, fs.ErrNotExist
}

func (f files) glob(pattern string) ([]string, error) {
	var out []string
	for name := range f {
		if ok, _ := path.Match(pattern, name); ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out, nil
}

// summary renders assignments as "file:line var=value (form)" lines.
func summary(as []origin.Assignment) string {
	var b strings.Builder
	for _, a := range as {
		fmt.Fprintf(&b, "%s:%02d %s", path.Base(a.File), a.Line, a.Var)
		switch {
		case a.Unset:
			b.WriteString(" unset")
		case !a.Exact:
			b.WriteString("=?")
		default:
			b.WriteString("=" + a.Value)
		}
		b.WriteString(" (" + a.Form + ")\n")
	}
	return b.String()
}

var scanCases = []struct {
	name  string
	kind  origin.ShellKind
	env   []string
	files files
	want  string
}{
	{"bash forms", origin.Bash, []string{"GOAUTH=netrc"}, files{
		"/h/.bash_profile": `# comment export GOPROXY=no
export GOPROXY=https://a.example.test,direct  # trailing
GOSUMDB='sum.example.test'; export GOSUMDB
declare -x GOFLAGS="-mod=mod" GOPRIVATE=$HOME/x
typeset -gx GOINSECURE=${HOME}/y
GOAUTH=off
export GOTOOLCHAIN=$(cat /v) GOENV=` + "`x`" + `
unset -v GONOSUMDB
export -n GOVCS
[ -f ~/.bashrc ] && . ~/.bashrc
`,
		"/h/.bashrc": `if [ -f "$HOME/more" ]; then source "$HOME/more"; fi
local GOPATH=/nope
FOO=1 env
cat <<EOF
export GOMODCACHE=/heredoc
EOF
cat <<< here-string
export GOINSECURE=after
`,
		"/h/more":     "export GOMODCACHE=/cache \\\n  GOPATH=/gp\n",
		"/h/.profile": "export GOPROXY=ignored-because-bash_profile-exists\n",
	}, `.bash_profile:02 GOPROXY=https://a.example.test,direct (export)
.bash_profile:03 GOSUMDB=sum.example.test (export)
.bash_profile:04 GOFLAGS=-mod=mod (declare -x)
.bash_profile:04 GOPRIVATE=/h/x (declare -x)
.bash_profile:05 GOINSECURE=/h/y (typeset -x)
.bash_profile:06 GOAUTH=off (assignment to an exported variable)
.bash_profile:07 GOTOOLCHAIN=? (export)
.bash_profile:07 GOENV=? (export)
.bash_profile:08 GONOSUMDB unset (unset)
.bash_profile:09 GOVCS unset (export -n)
more:01 GOMODCACHE=/cache (export)
more:01 GOPATH=/gp (export)
.bashrc:08 GOINSECURE=after (export)
`},
	{"bash structure", origin.Bash, nil, files{
		"/h/.bash_profile": "go_env() {\n  export GOPROXY=fn\n}\nnever() { export GOSUMDB=no; }\nexport GOFLAGS=\"a\nb\"\ndone )\nexport GOVCS=after-a-bad-line\nsource ~/.bashrc\n",
		"/h/.bashrc":       "go_env\necho $(export GOAUTH=subshell)\n",
	}, `.bash_profile:05 GOFLAGS=a
b (export)
.bash_profile:08 GOVCS=after-a-bad-line (export)
.bash_profile:02 GOPROXY=fn (export)
`},
	{"zsh order and ZDOTDIR", origin.Zsh, nil, files{
		"/h/.zshenv":   "export ZDOTDIR=$HOME/z\nexport GOPROXY=env\n",
		"/h/z/.zshrc":  "setopt allexport\nGOSUMDB=off\nunsetopt allexport\nGOFLAGS=x\n",
		"/h/.zshrc":    "export GOPROXY=not-read\n",
		"/h/z/.zlogin": "export GOPROXY=login\n",
	}, `.zshenv:01 ZDOTDIR=/h/z (export)
.zshenv:02 GOPROXY=env (export)
.zshrc:02 GOSUMDB=off (assignment to an exported variable)
.zlogin:01 GOPROXY=login (export)
`},
	{"fish", origin.Fish, nil, files{
		"/h/.config/fish/fish_variables": "# This file contains fish universal variable definitions.\nSETUVAR --export GOPRIVATE:corp\\x2eexample\\x2etest\nSETUVAR fish_greeting:hi\nSETUVAR --export --path GOMODCACHE:/a\\x1e/b\nSETUVAR --export GOVCS:a\\x20b\n",
		"/h/.config/fish/conf.d/go.fish": "set -gx GOPROXY https://a.example.test,direct\n",
		"/etc/fish/conf.d/go.fish":       "set -gx GOPROXY hidden-by-user-file\n",
		"/etc/fish/conf.d/aa.fish":       "set --export --global GOFLAGS -mod=mod\n",
		"/h/.config/fish/config.fish":    "if status is-interactive\n  set -x GOPATH $HOME/go /opt/go\nend\nset -e GONOSUMDB\nsource ~/.config/fish/more.fish\n",
		"/h/.config/fish/more.fish":      "set -gx GOSUMDB (cat x)\nset GOPROXY 'direct'\n",
	}, `fish_variables:02 GOPRIVATE=corp.example.test (set -Ux)
fish_variables:04 GOMODCACHE=/a:/b (set -Ux)
fish_variables:05 GOVCS=a b (set -Ux)
aa.fish:01 GOFLAGS=-mod=mod (set -x)
go.fish:01 GOPROXY=https://a.example.test,direct (set -x)
config.fish:02 GOPATH=/h/go:/opt/go (set -x)
config.fish:04 GONOSUMDB unset (set -e)
more.fish:01 GOSUMDB=? (set -x)
more.fish:02 GOPROXY=direct (set)
`},
	{"sh and ENV", origin.Sh, nil, files{
		"/etc/profile":         "export GOPROXY=etc\n",
		"/etc/profile.d/go.sh": "export GOSUMDB=profiled\n",
		"/h/.profile":          "ENV=$HOME/.shrc; export ENV\n",
		"/h/.shrc":             "export GOPROXY=shrc\n",
	}, `profile:01 GOPROXY=etc (export)
go.sh:01 GOSUMDB=profiled (export)
.profile:01 ENV=/h/.shrc (export)
.shrc:01 GOPROXY=shrc (export)
`},
	{"csh", origin.Csh, nil, files{
		"/h/.cshrc": "setenv GOPROXY \"https://c.example.test\"\nunsetenv GOSUMDB\n",
	}, `.cshrc:01 GOPROXY=https://c.example.test (setenv)
.cshrc:02 GOSUMDB unset (unsetenv)
`},
	{"pwsh", origin.Pwsh, nil, files{
		"/h/.profile": "export GOPRIVATE=corp.example.test\n",
		"/h/.config/powershell/Microsoft.PowerShell_profile.ps1": "$env:GOPROXY = 'https://p.example.test'\n$Env:GOSUMDB=\"off\"  # comment\nRemove-Item Env:GONOSUMDB\n$env:GOFLAGS = $(x)\n",
	}, `.profile:01 GOPRIVATE=corp.example.test (export)
Microsoft.PowerShell_profile.ps1:01 GOPROXY=https://p.example.test ($env:)
Microsoft.PowerShell_profile.ps1:02 GOSUMDB=off ($env:)
Microsoft.PowerShell_profile.ps1:03 GONOSUMDB unset (Remove-Item Env:)
Microsoft.PowerShell_profile.ps1:04 GOFLAGS=? ($env:)
`},
}

func TestScan(t *testing.T) {
	for _, c := range scanCases {
		t.Run(c.name, func(t *testing.T) {
			res := Scan(Options{Kind: c.kind, Home: "/h", Env: c.env, GOOS: "linux", ReadFile: c.files.read, Glob: c.files.glob})
			if got := summary(res.Assignments); got != c.want {
				t.Errorf("Scan(%s) assignments:\n%s\nwant:\n%s", c.kind, got, c.want)
			}
		})
	}
}

func TestScanWatchesMissingCandidates(t *testing.T) {
	f := files{"/h/.profile": "export GOPROXY=x\n"}
	res := Scan(Options{Kind: origin.Bash, Home: "/h", ReadFile: f.read, Glob: f.glob})
	for _, want := range []string{"/h/.bash_profile", "/h/.bash_login", "/h/.profile", "/etc/profile"} {
		if !slices.Contains(res.Watched, want) {
			t.Errorf("Watched = %v, missing %s", res.Watched, want)
		}
	}
	if len(res.Read) != 1 || res.Read[0] != "/h/.profile" {
		t.Errorf("Read = %v, want [/h/.profile]", res.Read)
	}
}

// FuzzScan checks that no input makes the scanner panic or loop.
func FuzzScan(f *testing.F) {
	for _, c := range scanCases {
		for _, text := range c.files {
			f.Add(string(c.kind), text)
		}
	}
	f.Fuzz(func(t *testing.T, kind, text string) {
		fsys := files{"/h/.profile": text, "/h/.bash_profile": text, "/h/.zshrc": text,
			"/h/.config/fish/config.fish": text, "/h/.cshrc": text,
			"/h/.config/powershell/Microsoft.PowerShell_profile.ps1": text}
		Scan(Options{Kind: origin.ShellKind(kind), Home: "/h", ReadFile: fsys.read, Glob: fsys.glob})
	})
}
