package shell

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
)

// Finder finds a user's login shell. The zero value inspects the running
// user and system; tests fill in the fields.
type Finder struct {
	Env      []string // the environment; os.Environ() if nil
	GOOS     string   // runtime.GOOS if empty
	Username string   // the current user's if empty
	// ReadFile reads /etc/passwd; os.ReadFile if nil.
	ReadFile func(name string) ([]byte, error)
	// Output runs a command (dscl on macOS); exec with a 2 s timeout if nil.
	Output func(name string, args ...string) ([]byte, error)
	// LookPath finds PowerShell on Windows; exec.LookPath if nil.
	LookPath func(file string) (string, error)
}

// Find returns the running user's login shell.
func Find() (Shell, error) { return Finder{}.Find() }

// Find returns the login shell: $SHELL if it names a known shell, else the
// user's passwd entry (on macOS, the directory service via dscl), else
// /bin/sh. On Windows it is PowerShell 7 (pwsh) if installed, else Windows
// PowerShell.
func (f Finder) Find() (Shell, error) {
	f = f.withDefaults()
	if f.GOOS == "windows" {
		return f.powershell()
	}
	if sh := origin.EnvMap(f.Env, f.GOOS)["SHELL"]; filepath.IsAbs(sh) && origin.KindOf(sh) != "" {
		return Shell{Path: sh, Kind: origin.KindOf(sh), FoundBy: "SHELL"}, nil
	}
	if f.GOOS == "darwin" {
		if sh := f.dscl(); sh != "" {
			return Shell{Path: sh, Kind: origin.KindOf(sh), FoundBy: "dscl"}, nil
		}
	}
	if sh := f.passwd(); sh != "" {
		return Shell{Path: sh, Kind: origin.KindOf(sh), FoundBy: "passwd"}, nil
	}
	return Shell{Path: "/bin/sh", Kind: origin.Sh, FoundBy: "default"}, nil
}

func (f Finder) withDefaults() Finder {
	if f.Env == nil {
		f.Env = os.Environ()
	}
	if f.GOOS == "" {
		f.GOOS = runtime.GOOS
	}
	if f.Username == "" {
		if u, err := user.Current(); err == nil {
			f.Username = u.Username
		}
	}
	if f.ReadFile == nil {
		f.ReadFile = os.ReadFile
	}
	if f.Output == nil {
		f.Output = output
	}
	if f.LookPath == nil {
		f.LookPath = exec.LookPath
	}
	return f
}

func output(name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return exec.CommandContext(ctx, name, args...).Output()
}

// passwd returns the shell field of the user's /etc/passwd line.
func (f Finder) passwd() string {
	data, err := f.ReadFile("/etc/passwd")
	if err != nil || f.Username == "" {
		return ""
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		fields := strings.Split(sc.Text(), ":")
		if len(fields) >= 7 && fields[0] == f.Username && known(fields[6]) {
			return fields[6]
		}
	}
	return ""
}

// dscl asks the macOS directory service: "UserShell: /bin/zsh".
func (f Finder) dscl() string {
	if f.Username == "" {
		return ""
	}
	out, err := f.Output("dscl", ".", "-read", "/Users/"+f.Username, "UserShell")
	if err != nil {
		return ""
	}
	if sh := dsclValue(out, "UserShell"); known(sh) {
		return sh
	}
	return ""
}

// dsclValue returns the first value of key in the output of dscl -read:
// "key: value", or "key:" with the value on the next line, indented (dscl
// writes a value with a space that way). A search node (/Search) may print
// the key once per directory that has it; the first wins, as for login.
// "No such key: key" and anything else give "".
func dsclValue(out []byte, key string) string {
	lines := strings.Split(strings.ReplaceAll(string(out), "\r\n", "\n"), "\n")
	for i, l := range lines {
		v, ok := strings.CutPrefix(l, key+":")
		if !ok {
			continue
		}
		if v = strings.TrimSpace(v); v == "" && i+1 < len(lines) && strings.HasPrefix(lines[i+1], " ") {
			v = strings.TrimSpace(lines[i+1])
		}
		return v
	}
	return ""
}

func known(sh string) bool { return filepath.IsAbs(sh) && origin.KindOf(sh) != "" }

func (f Finder) powershell() (Shell, error) {
	for _, name := range []string{"pwsh.exe", "powershell.exe"} {
		if p, err := f.LookPath(name); err == nil {
			return Shell{Path: p, Kind: origin.Pwsh, FoundBy: "PATH"}, nil
		}
	}
	return Shell{}, core.NewError("shell.no-powershell", nil, nil)
}
