package scan

import (
	"strconv"
	"strings"

	"github.com/gomirror/gomirror/core/origin"
)

// fishKeywords may start a fish command in front of the command proper.
var fishKeywords = map[string]bool{"if": true, "else": true, "and": true, "or": true, "not": true,
	"while": true, "begin": true, "builtin": true, "command": true, "!": true}

// fishFile scans a fish script.
func (s *state) fishFile(path string) {
	data, ok := s.read(path)
	if !ok {
		return
	}
	for _, l := range logical(lines(data)) {
		for _, words := range fishSplit(l.code) {
			s.fishCommand(path, l, words)
		}
	}
}

// fishSplit splits a line of fish code into commands of raw words. In fish
// a parenthesis is a command substitution, part of its word.
func fishSplit(code string) [][]string {
	var cmds [][]string
	var cmd []string
	start := -1
	flush := func(i int) {
		if start >= 0 {
			cmd = append(cmd, code[start:i])
			start = -1
		}
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == ' ' || c == '\t':
			flush(i)
		case c == '#' && start < 0:
			flush(i)
			return append(cmds, cmd)
		case c == ';' || c == '&' || c == '|':
			flush(i)
			cmds, cmd = append(cmds, cmd), nil
		default:
			if start < 0 {
				start = i
			}
			i = fishPart(code, i) - 1
		}
	}
	flush(len(code))
	return append(cmds, cmd)
}

// fishPart returns the end of the word part at i.
func fishPart(code string, i int) int {
	switch code[i] {
	case '\\':
		return min(i+2, len(code))
	case '\'', '"':
		return closing(code, i+1, code[i], true)
	case '(':
		return matching(code, i)
	case '$':
		if i+1 < len(code) && code[i+1] == '(' {
			return matching(code, i+1)
		}
	}
	return i + 1
}

// fishExpand removes quotes and expands ~ and $NAME; exact is false for
// command substitutions, brace and wildcard expansions and unknown
// variables.
func (s *state) fishExpand(raw string) (string, bool) {
	var b strings.Builder
	exact := true
	if raw == "~" || strings.HasPrefix(raw, "~/") {
		b.WriteString(s.o.Home)
		raw = raw[1:]
	}
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\'':
			j := closing(raw, i+1, '\'', true)
			in := strings.TrimSuffix(raw[i+1:j], "'")
			b.WriteString(strings.NewReplacer(`\'`, `'`, `\\`, `\`).Replace(in))
			i = j
		case c == '"':
			j := closing(raw, i+1, '"', true)
			v, ok := s.fishDouble(strings.TrimSuffix(raw[i+1:j], `"`))
			b.WriteString(v)
			exact, i = exact && ok, j
		case c == '\\' && i+1 < len(raw):
			b.WriteByte(raw[i+1])
			i += 2
		case c == '$':
			v, n, ok := s.fishVar(raw[i:])
			b.WriteString(v)
			exact, i = exact && ok, i+n
		case c == '(' || c == '{' || c == '*' || c == '?':
			return b.String(), false
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), exact
}

// fishDouble expands the inside of a double-quoted fish string.
func (s *state) fishDouble(in string) (string, bool) {
	var b strings.Builder
	exact := true
	for i := 0; i < len(in); {
		switch c := in[i]; {
		case c == '\\' && i+1 < len(in) && strings.IndexByte("\"$\\\n", in[i+1]) >= 0:
			b.WriteByte(in[i+1])
			i += 2
		case c == '$':
			v, n, ok := s.fishVar(in[i:])
			b.WriteString(v)
			exact, i = exact && ok, i+n
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), exact
}

// fishVar expands $NAME (or $(cmd)) at the start of in.
func (s *state) fishVar(in string) (string, int, bool) {
	if len(in) > 1 && in[1] == '(' {
		return "", matching(in, 1), false
	}
	n := 1
	for n < len(in) && isName(in[1:n+1]) {
		n++
	}
	if n == 1 {
		return "$", 1, true
	}
	v, ok := s.lookup(in[1:n])
	if n < len(in) && in[n] == '[' { // an index into a list
		return "", n, false
	}
	return v, n, ok
}

// fishCommand interprets one fish command.
func (s *state) fishCommand(file string, l logicalLine, words []string) {
	for len(words) > 0 && fishKeywords[words[0]] {
		words = words[1:]
	}
	if len(words) == 0 {
		return
	}
	at := origin.Assignment{File: file, Line: l.n, Text: l.text}
	switch words[0] {
	case "set":
		s.fishSet(at, words[1:])
	case "export": // fish's export function takes NAME=value
		for _, w := range words[1:] {
			if name, raw, ok := splitAssignment(w); ok {
				s.fishAssign(at, "export", name, []string{raw}, true, replace)
			}
		}
	case "source", ".":
		if len(words) > 1 {
			if p, ok := s.fishExpand(words[1]); ok {
				s.fishFile(s.relHome(p))
			}
		}
	}
}

// fishFlags are the options of fish's set builtin that matter here.
type fishFlags struct {
	export, unexport, erase, local, skip, appendTo, prepend bool
}

// parseFishFlags reads set's options from the front of args.
func parseFishFlags(args []string) (fishFlags, []string) {
	var f fishFlags
	long := map[string]byte{"--export": 'x', "--unexport": 'u', "--erase": 'e', "--local": 'l',
		"--function": 'l', "--query": 'q', "--names": 'n', "--show": 'S', "--append": 'a', "--prepend": 'p'}
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		letters := args[0][1:]
		if strings.HasPrefix(args[0], "--") {
			letters = string(long[args[0]])
		}
		for _, c := range letters {
			switch c {
			case 'x':
				f.export = true
			case 'u':
				f.unexport = true
			case 'e':
				f.erase = true
			case 'l', 'f':
				f.local = true
			case 'q', 'n', 'S':
				f.skip = true
			case 'a':
				f.appendTo = true
			case 'p':
				f.prepend = true
			}
		}
		args = args[1:]
	}
	return f, args
}

// fishSet handles set [options] NAME [VALUE...].
func (s *state) fishSet(at origin.Assignment, args []string) {
	f, args := parseFishFlags(args)
	if f.skip || len(args) == 0 || !isName(args[0]) {
		return
	}
	name := args[0]
	switch {
	case f.erase:
		for _, n := range args {
			delete(s.vars, n)
			delete(s.exported, n)
			a := at
			a.Var, a.Unset, a.Exact, a.Form = n, true, true, "set -e"
			s.add(a)
		}
	case f.unexport:
		s.unexport(at, "set -u", []string{name})
	case f.local && !f.export:
		// A local variable ends with its block or file: not exported.
	default:
		form, op := "set", replace
		if f.export {
			form = "set -x"
		}
		if f.appendTo {
			op = appendTo
		} else if f.prepend {
			op = prepend
		}
		s.fishAssign(at, form, name, args[1:], f.export, op)
	}
}

// listOp says how set combines the new values with the old ones.
type listOp int

const (
	replace  listOp = iota
	appendTo        // set -a
	prepend         // set -p
)

// fishAssign sets name to the expanded values, joined as fish exports a
// list (":" for names ending in PATH, else a space), and records it if the
// variable is exported.
func (s *state) fishAssign(at origin.Assignment, form, name string, raws []string, export bool, op listOp) {
	sep := " "
	if strings.HasSuffix(name, "PATH") {
		sep = ":"
	}
	vals, exact := make([]string, len(raws)), true
	for i, r := range raws {
		v, ok := s.fishExpand(r)
		vals[i], exact = v, exact && ok
	}
	v := strings.Join(vals, sep)
	if op != replace {
		old, ok := s.lookup(name)
		exact = exact && ok
		if op == appendTo {
			v = strings.TrimPrefix(old+sep+v, sep)
		} else {
			v = strings.TrimSuffix(v+sep+old, sep)
		}
	}
	s.setVar(name, v, exact)
	if export {
		s.exported[name] = true
	}
	if s.exported[name] {
		at.Var, at.Value, at.Exact, at.Form = name, v, exact, form
		s.add(at)
	}
}

// fishVariables reads fish's universal variables, which fish loads before
// any config file: lines "SETUVAR [--export] [--path] NAME:VALUE" with
// \xNN escapes.
func (s *state) fishVariables(path string) {
	data, ok := s.read(path)
	if !ok {
		return
	}
	for i, line := range lines(data) {
		rest, ok := strings.CutPrefix(line, "SETUVAR ")
		if !ok {
			continue
		}
		export, pathList := false, false
		for strings.HasPrefix(rest, "--") {
			flag, after, _ := strings.Cut(rest, " ")
			export, pathList = export || flag == "--export", pathList || flag == "--path"
			rest = after
		}
		name, raw, ok := strings.Cut(rest, ":")
		if !ok || !isName(name) {
			continue
		}
		sep := " "
		if pathList || strings.HasSuffix(name, "PATH") {
			sep = ":"
		}
		v := fishUnescape(raw, sep)
		s.setVar(name, v, true)
		if export {
			s.exported[name] = true
			s.add(origin.Assignment{File: path, Line: i + 1, Text: line, Var: name,
				Value: v, Exact: true, Form: "set -Ux"})
		}
	}
}

// fishUnescape decodes a fish_variables value; \x1e separates list items,
// which are joined with sep.
func fishUnescape(raw, sep string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\\' && i+3 < len(raw) && raw[i+1] == 'x' {
			if n, err := strconv.ParseUint(raw[i+2:i+4], 16, 8); err == nil {
				if n == 0x1e {
					b.WriteString(sep)
				} else {
					b.WriteByte(byte(n))
				}
				i += 3
				continue
			}
		}
		if raw[i] == '\\' && i+1 < len(raw) {
			i++
		}
		b.WriteByte(raw[i])
	}
	return b.String()
}

// relHome makes a relative path relative to the home directory.
func (s *state) relHome(p string) string {
	if p != "" && !strings.HasPrefix(p, "/") {
		return s.o.Home + "/" + p
	}
	return p
}
