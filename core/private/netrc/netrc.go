// Package netrc reads .netrc files exactly as the go command does
// (cmd/go/internal/auth/netrc.go), migrates their entries into the OS
// keyring, and removes migrated entries from the file, keeping the
// original in the keyring so the removal can be undone without leaving a
// second plaintext copy on disk.
package netrc

import (
	"path/filepath"
	"strings"
	"unicode"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/cred"
)

// Entry is one complete machine entry, as the go command collects it.
type Entry struct {
	Machine  string      `json:"machine"` // host or host:port; must equal the request's host[:port]
	Login    string      `json:"login"`
	Password cred.Secret `json:"password"` // prints as a mask
	// Start and End delimit the entry's block in the file: from its
	// "machine" token to the next machine, default or macdef token.
	Start int `json:"-"`
	End   int `json:"-"`
	// Shadowed reports a later entry for a machine listed earlier: the go
	// command uses the earlier one.
	Shadowed bool `json:"shadowed,omitempty"`
}

type field struct {
	text string
	off  int // byte offset in the file
}

// Parse returns the file's complete entries in file order, by the go
// command's rules: tokens are read in key/value pairs per line, an entry is
// complete once it has machine, login and password, "macdef" skips lines up
// to the next empty one, a "default" left as a line's last odd token ends
// the parse, and a later entry for the same machine is shadowed.
func Parse(data string) []Entry {
	var out, bounds = []Entry{}, []int{}
	var l Entry
	inMacro := false
	off := 0
	for line := range strings.SplitSeq(data, "\n") {
		lineOff := off
		off += len(line) + 1
		if inMacro {
			inMacro = line != ""
			continue
		}
		f := fields(line, lineOff)
		i := 0
		for ; i < len(f)-1; i += 2 {
			switch f[i].text {
			case "machine":
				l = Entry{Machine: f[i+1].text, Start: f[i].off}
				bounds = append(bounds, f[i].off)
			case "default":
				bounds = append(bounds, f[i].off)
			case "login":
				l.Login = f[i+1].text
			case "password":
				l.Password = cred.Secret(f[i+1].text)
			case "macdef":
				inMacro = true
				bounds = append(bounds, f[i].off)
			}
			if l.Machine != "" && l.Login != "" && l.Password != "" {
				out, l = append(out, l), Entry{}
			}
		}
		if i < len(f) && f[i].text == "default" {
			bounds = append(bounds, f[i].off)
			break
		}
	}
	return finish(out, bounds, len(data))
}

// finish sets each entry's End and Shadowed.
func finish(out []Entry, bounds []int, size int) []Entry {
	seen := map[string]bool{}
	for i := range out {
		out[i].End = size
		for _, b := range bounds {
			if b > out[i].Start {
				out[i].End = b
				break
			}
		}
		out[i].Shadowed = seen[out[i].Machine]
		seen[out[i].Machine] = true
	}
	return out
}

// fields splits line like strings.Fields, keeping each field's offset.
func fields(line string, base int) []field {
	var f []field
	start := -1
	for i, r := range line {
		switch space := unicode.IsSpace(r); {
		case space && start >= 0:
			f, start = append(f, field{line[start:i], base + start}), -1
		case !space && start < 0:
			start = i
		}
	}
	if start >= 0 {
		f = append(f, field{line[start:], base + start})
	}
	return f
}

// Effective returns the entries the go command uses: the first per machine.
func Effective(es []Entry) []Entry {
	var out []Entry
	for _, e := range es {
		if !e.Shadowed {
			out = append(out, e)
		}
	}
	return out
}

// Env is how Path reads the process environment.
type Env func(key string) string

// ErrNoHome is returned when neither NETRC nor a home directory is set.
var ErrNoHome error = core.NewError("netrc.no-home", nil, nil)

// Path returns the file the go command reads: $NETRC (from the process
// environment only) if set; else on Windows %USERPROFILE%\_netrc if it
// exists; else .netrc in the home directory. exists reports whether a file
// exists.
func Path(getenv Env, goos string, exists func(string) bool) (string, error) {
	if p := getenv("NETRC"); p != "" {
		return p, nil
	}
	home := getenv("HOME")
	switch goos {
	case "windows":
		home = getenv("USERPROFILE")
	case "plan9":
		home = getenv("home")
	}
	if home == "" {
		return "", ErrNoHome
	}
	join := filepath.Join
	if goos == "windows" {
		join = func(a ...string) string { return strings.Join(a, `\`) }
		if p := join(home, "_netrc"); exists(p) {
			return p, nil
		}
	}
	return join(home, ".netrc"), nil
}
