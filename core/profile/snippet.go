package profile

import (
	"fmt"
	"strings"

	"github.com/gomirror/gomirror/core"
)

// Format is a kind of snippet.
type Format string

// Snippet formats.
const (
	Bash          Format = "bash" // also zsh and other POSIX shells
	PowerShell    Format = "powershell"
	Fish          Format = "fish"
	Dockerfile    Format = "dockerfile"
	GitHubActions Format = "github-actions" // a job's or workflow's env: block
	Cmd           Format = "cmd"            // Windows cmd.exe, at the prompt or in a .bat/.cmd file
)

// Formats lists the snippet formats in display order.
var Formats = []Format{Bash, PowerShell, Cmd, Fish, Dockerfile, GitHubActions}

// syntax renders one format.
type syntax struct {
	head        string // first line, after the comments
	set         func(k, v string) string
	unset       func(k string) string
	unsetNote   string // explains how unset is expressed, if not obvious
	indentLines string
	comment     string                  // starts a comment line; "# " if empty
	check       func(k, v string) error // refuses a value the format cannot carry
}

var syntaxes = map[Format]syntax{
	Bash: {set: func(k, v string) string { return "export " + k + "=" + shQuote(v) },
		unset: func(k string) string { return "unset " + k }},
	PowerShell: {set: func(k, v string) string { return "$env:" + k + " = " + psQuote(v) },
		unset: func(k string) string { return "Remove-Item Env:" + k + " -ErrorAction SilentlyContinue" }},
	Fish: {set: func(k, v string) string { return "set -gx " + k + " " + fishQuote(v) },
		unset: func(k string) string { return "set -e " + k }},
	Dockerfile: {set: func(k, v string) string { return "ENV " + k + "=" + dockerQuote(v) },
		unset:     func(k string) string { return "ENV " + k + `=""` },
		unsetNote: "An empty value counts as unset for the go command."},
	Cmd: {comment: "@rem ", check: cmdCheck, // @: not echoed when run from a .bat/.cmd file
		set:   func(k, v string) string { return `@set "` + k + "=" + v + `"` },
		unset: func(k string) string { return `@set "` + k + `="` }},
	GitHubActions: {head: "env:", indentLines: "  ",
		set:       func(k, v string) string { return k + ": " + yamlQuote(v) },
		unset:     func(k string) string { return k + ": ''" },
		unsetNote: "An empty value counts as unset for the go command."},
}

// Snippet renders p as f: OS environment variables for a shell session, a
// container image or a CI job. Keys the profile unsets are removed (or set
// empty, which the go command treats as unset); keys it leaves are not
// mentioned. Credentials appear only as a comment naming their hosts. A
// profile holding a secret, or a value with a line break, is refused.
func Snippet(p Profile, f Format) (string, error) {
	sx, ok := syntaxes[f]
	if !ok {
		return "", core.Refuse("", "snippet-format", map[string]string{"Format": string(f), "Formats": formatList()})
	}
	if err := checkShape(p); err != nil {
		return "", err
	}
	var b strings.Builder
	rem := sx.comment
	if rem == "" {
		rem = "# "
	}
	fmt.Fprintf(&b, "%sGo Mirror profile %q\n", rem, p.Name)
	if len(p.Credentials) > 0 {
		fmt.Fprintf(&b, "%sNeeds credentials for %s (not included: set them up in Go Mirror or your CI secrets).\n", rem, strings.Join(p.Credentials, ", "))
	}
	if sx.unsetNote != "" && hasUnset(p) {
		b.WriteString(rem + sx.unsetNote + "\n")
	}
	if sx.head != "" {
		b.WriteString(sx.head + "\n")
	}
	for _, k := range Keys {
		line, err := snippetLine(sx, k, p.Get(k))
		if err != nil {
			return "", err
		}
		if line != "" {
			b.WriteString(sx.indentLines + line + "\n")
		}
	}
	return b.String(), nil
}

func snippetLine(sx syntax, k string, c Choice) (string, error) {
	switch c.Action {
	case Set:
		if strings.ContainsAny(c.Value, "\r\n\v\x00") {
			return "", core.Refuse(k, "snippet-line-break", nil)
		}
		if sx.check != nil {
			if err := sx.check(k, c.Value); err != nil {
				return "", err
			}
		}
		return sx.set(k, c.Value), nil
	case Unset:
		return sx.unset(k), nil
	}
	return "", nil
}

func hasUnset(p Profile) bool {
	for _, k := range Keys {
		if p.Get(k).Action == Unset {
			return true
		}
	}
	return false
}

func formatList() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// shQuote quotes v for POSIX shells: in single quotes, each single quote
// closed, escaped with a backslash and reopened.
func shQuote(v string) string { return "'" + strings.ReplaceAll(v, "'", `'\''`) + "'" }

// psQuote quotes v for PowerShell: single quotes, with every quote
// character PowerShell accepts (including the typographic ones) doubled.
func psQuote(v string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range v {
		if strings.ContainsRune("'\u2018\u2019\u201a\u201b", r) {
			b.WriteRune(r)
		}
		b.WriteRune(r)
	}
	b.WriteByte('\'')
	return b.String()
}

// cmdCheck refuses what cmd.exe's set "K=V" cannot carry as written: a
// double quote ends the quoting, so that & | < > after it run as commands,
// and % expands differently at the prompt and in a batch file.
func cmdCheck(k, v string) error {
	if strings.ContainsAny(v, `"%`) {
		return core.Refuse(k, "snippet-cmd-quote", nil)
	}
	return nil
}

// fishQuote quotes v for fish: single quotes, where only \ and ' are
// escaped.
func fishQuote(v string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
}

// dockerQuote quotes v for a Dockerfile ENV instruction with the default
// escape character: double quotes, with ", $ and \ escaped.
func dockerQuote(v string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `\$`).Replace(v) + `"`
}

// yamlQuote quotes v as a YAML single-quoted scalar, and keeps GitHub
// Actions from reading "${{" as the start of an expression.
func yamlQuote(v string) string {
	v = strings.ReplaceAll(v, "${{", "${{ '${{' }}")
	return "'" + strings.ReplaceAll(v, "'", "''") + "'"
}
