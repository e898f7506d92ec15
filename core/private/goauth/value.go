package goauth

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/gomirror/gomirror/core"
)

// HelperArg is the argument that selects the GOAUTH helper in gomirrorctl.
const HelperArg = "goauth"

// HelperName is the base name of the CLI binary (without .exe).
const HelperName = "gomirrorctl"

// ErrUnquotablePath is returned for a helper path the GOAUTH syntax cannot
// carry.
var ErrUnquotablePath error = core.NewError("goauth.unquotable", nil, nil)

// HelperCommand returns the GOAUTH command that runs the helper at the
// absolute path exe. The go command splits GOAUTH at ';' and then each
// command into words with cmd/internal/quoted.Split, which accepts a word in
// single or double quotes (without escapes), so a path with spaces is
// quoted. A path with ';', a newline, or both kinds of quote cannot be
// written; the error suggests a link at a simpler path.
func HelperCommand(exe string) (string, error) {
	if !filepath.IsAbs(exe) && !strings.HasPrefix(exe, "/") {
		return "", core.NewError("goauth.path-relative", map[string]string{"Path": exe}, ErrUnquotablePath)
	}
	q, err := quote(exe)
	if err != nil {
		return "", err
	}
	return q + " " + HelperArg, nil
}

func quote(exe string) (string, error) {
	switch {
	case strings.ContainsAny(exe, ";\n\r\x00"):
		return "", core.NewError("goauth.path-unquotable", map[string]string{"Path": exe, "Case": "separator"}, ErrUnquotablePath)
	case !strings.ContainsAny(exe, " \t\"'"):
		return exe, nil
	case !strings.Contains(exe, `"`):
		return `"` + exe + `"`, nil
	case !strings.Contains(exe, "'"):
		return "'" + exe + "'", nil
	}
	return "", core.NewError("goauth.path-unquotable", map[string]string{"Path": exe, "Case": "quotes"}, ErrUnquotablePath)
}

// Command is one entry of a GOAUTH list.
type Command struct {
	Text  string   // trimmed, as written
	Words []string // split as the go command splits it
	Kind  string   // "off", "netrc", "git", "helper" (Go Mirror's) or "command"
}

// Commands splits a GOAUTH value as the go command does. Empty entries are
// kept as Commands with no words: the go command refuses them.
func Commands(value string) []Command {
	var cs []Command
	for _, c := range strings.Split(value, ";") {
		c = strings.TrimSpace(c)
		words, err := splitQuoted(c)
		if err != nil {
			words = strings.Fields(c)
		}
		cs = append(cs, Command{Text: c, Words: words, Kind: kind(c, words)})
	}
	return cs
}

func kind(text string, words []string) string {
	fields := strings.Fields(text)
	switch {
	case len(fields) == 0:
		return ""
	case fields[0] == "off" || fields[0] == "netrc" || fields[0] == "git":
		return fields[0]
	case isHelper(words):
		return "helper"
	}
	return "command"
}

// isHelper reports whether words run gomirrorctl's GOAUTH helper.
func isHelper(words []string) bool {
	if len(words) < 2 || words[len(words)-1] != HelperArg {
		return false
	}
	base := words[0][strings.LastIndexAny(words[0], `/\`)+1:]
	base = strings.TrimSuffix(strings.ToLower(base), ".exe")
	return base == HelperName
}

// Uses reports whether the GOAUTH value runs Go Mirror's helper.
func Uses(value string) bool {
	for _, c := range Commands(value) {
		if c.Kind == "helper" {
			return true
		}
	}
	return false
}

// Plan is a proposed GOAUTH value with an explanation of each change.
type Plan struct {
	Value string      `json:"value"`
	Notes []core.Text `json:"notes,omitempty"`
}

// Install returns the GOAUTH value that runs the helper at exe first, so
// its credentials win (the go command runs the commands in reverse order
// and a later store replaces an earlier one, so the first-listed command
// wins), while the other methods of current (the effective GOAUTH; "" means
// the default, netrc) keep working. An earlier Go Mirror helper entry is
// replaced, empty entries are dropped and "off" is removed, because the go
// command refuses those combined with anything.
func Install(current, exe string) (Plan, error) {
	cmd, err := HelperCommand(exe)
	if err != nil {
		return Plan{}, err
	}
	rest, notes := others(current)
	p := Plan{Value: strings.Join(append([]string{cmd}, rest...), ";"), Notes: notes}
	if strings.ContainsAny(exe, " \t") {
		p.Notes = append(p.Notes, core.NewText("goauth.note-quoted", nil))
	}
	return p, nil
}

// Uninstall returns current without Go Mirror's helper. If nothing else is
// left, the value is "netrc", the go command's default.
func Uninstall(current string) Plan {
	rest, notes := others(current)
	if len(rest) == 0 {
		rest = []string{"netrc"}
	}
	return Plan{Value: strings.Join(rest, ";"), Notes: notes}
}

// others returns the commands of current other than the helper, off and
// empty entries, with notes on what was dropped.
func others(current string) ([]string, []core.Text) {
	if strings.TrimSpace(current) == "" {
		current = "netrc"
	}
	var kept []string
	var notes []core.Text
	for _, c := range Commands(current) {
		switch c.Kind {
		case "":
			notes = append(notes, core.NewText("goauth.note-empty", nil))
		case "off":
			notes = append(notes, core.NewText("goauth.note-off", nil))
		case "helper":
			notes = append(notes, core.NewText("goauth.note-replaced", map[string]string{"Entry": c.Text}))
		default:
			kept = append(kept, c.Text)
		}
	}
	return kept, notes
}

// splitQuoted splits s into words as cmd/internal/quoted.Split does: words
// are separated by space, tab, CR or LF, and a word may be wrapped in single
// or double quotes, with no escapes inside.
func splitQuoted(s string) ([]string, error) {
	var f []string
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	for len(s) > 0 {
		for len(s) > 0 && isSpace(s[0]) {
			s = s[1:]
		}
		if len(s) == 0 {
			break
		}
		if q := s[0]; q == '"' || q == '\'' {
			i := strings.IndexByte(s[1:], q)
			if i < 0 {
				return nil, fmt.Errorf("unterminated %c string", q)
			}
			f, s = append(f, s[1:1+i]), s[2+i:]
			continue
		}
		i := 0
		for i < len(s) && !isSpace(s[i]) {
			i++
		}
		f, s = append(f, s[:i]), s[i:]
	}
	return f, nil
}
