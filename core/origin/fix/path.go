package fix

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
)

// LoginFile returns the file a login shell of kind k reads in home, where a
// line that changes PATH belongs: for bash the first of ~/.bash_profile,
// ~/.bash_login and ~/.profile that exists (bash reads only that one), else
// ~/.profile; ~/.zprofile for zsh; fish's config.fish; ~/.login for csh;
// ~/.profile for sh, dash and ksh. It returns "" for a shell whose PATH is
// not set in a file (PowerShell).
func LoginFile(k origin.ShellKind, home string) string {
	switch k {
	case origin.Bash:
		for _, name := range []string{".bash_profile", ".bash_login", ".profile"} {
			if _, err := os.Stat(filepath.Join(home, name)); err == nil {
				return filepath.Join(home, name)
			}
		}
		return filepath.Join(home, ".profile")
	case origin.Zsh:
		return filepath.Join(home, ".zprofile")
	case origin.Fish:
		return filepath.Join(home, ".config", "fish", "config.fish")
	case origin.Csh:
		return filepath.Join(home, ".login")
	case origin.Sh:
		return filepath.Join(home, ".profile")
	}
	return ""
}

// PathLine returns the line that adds dir at the end of PATH in the syntax
// of shell kind k.
func PathLine(k origin.ShellKind, dir string) string {
	switch k {
	case origin.Fish:
		return "set -gx PATH $PATH " + core.FishQuote(dir)
	case origin.Csh:
		return `setenv PATH "${PATH}":` + core.ShellQuote(dir)
	}
	return `export PATH="$PATH":` + core.ShellQuote(dir)
}

// AppendLine plans to add line at the end of file, creating the file if it
// does not exist; name is the variable the line sets (for the history).
func AppendLine(file, name, line string) (*Plan, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	if strings.ContainsAny(line, "\r\n") {
		return nil, core.NewError("fix.multi-line", map[string]string{"Path": abs}, nil)
	}
	data, err := os.ReadFile(abs)
	created := os.IsNotExist(err)
	if err != nil && !created {
		return nil, core.NewError("file.read", map[string]string{"Path": abs}, err)
	}
	before := splitLines(data)
	if len(before) > 0 && before[len(before)-1] == "" {
		before = before[:len(before)-1]
	}
	sep := ""
	if len(data) > 0 && !strings.HasSuffix(string(data), "\n") {
		sep = "\n"
	}
	p := &Plan{File: abs, Line: len(before) + 1, Var: name, New: line, Before: data, Created: created, appended: true,
		After: []byte(string(data) + sep + line + "\n")}
	p.Summary = fmt.Sprintf("add a line setting %s to %s", name, abs)
	from := max(1, p.Line-3)
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s\n+++ %s\n@@ -%d,%d +%d,%d @@\n", abs, abs, from, p.Line-from, from, p.Line-from+1)
	for i := from; i < p.Line; i++ {
		fmt.Fprintf(&b, " %s\n", strings.TrimSuffix(before[i-1], "\r"))
	}
	fmt.Fprintf(&b, "+%s\n", line)
	p.Diff = b.String()
	return p, nil
}
