package scan

import (
	"regexp"
	"strings"
	"sync"

	"github.com/gomirror/gomirror/core/origin"
)

// keywords may start a command in front of the command proper.
var keywords = map[string]bool{"if": true, "then": true, "else": true, "elif": true, "do": true,
	"while": true, "until": true, "!": true, "time": true, "builtin": true, "command": true}

// heredoc finds the delimiter of a here-document started on a line
// (not a <<< here-string).
var heredoc = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^<])<<-?\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?`)
})

// posixFile scans a file of sh, bash or zsh code.
func (s *state) posixFile(path string) {
	data, ok := s.read(path)
	if !ok {
		return
	}
	var until string // the delimiter ending the here-document we are in
	for _, l := range logical(lines(data)) {
		if until != "" {
			if strings.TrimLeft(l.code, "\t") == until {
				until = ""
			}
			continue
		}
		if m := heredoc().FindStringSubmatch(l.code); m != nil {
			until = m[1]
		}
		for _, words := range splitCommands(l.code) {
			s.posixCommand(path, l, words)
		}
	}
}

// posixCommand interprets one simple command.
func (s *state) posixCommand(file string, l logicalLine, words []string) {
	for len(words) > 0 && keywords[words[0]] {
		words = words[1:]
	}
	at := origin.Assignment{File: file, Line: l.n, Text: l.text}
	n := 0
	for n < len(words) {
		if _, _, ok := splitAssignment(words[n]); !ok {
			break
		}
		n++
	}
	if n == len(words) {
		for _, w := range words {
			s.plainAssign(at, w)
		}
		return
	}
	if n > 0 { // NAME=value cmd: the assignments are for cmd only
		return
	}
	name, _ := s.expand(words[0])
	args := words[1:]
	switch name {
	case "export":
		s.declare(at, "export", args, true)
	case "declare", "typeset":
		s.declareCmd(at, name, args)
	case "readonly":
		s.declare(at, "readonly", args, false)
	case "unset":
		s.unset(at, args)
	case ".", "source":
		if len(args) > 0 {
			s.posixFile(s.expandPath(args[0]))
		}
	case "set", "setopt", "unsetopt":
		s.setOptions(name, args)
	}
}

// plainAssign handles NAME=value alone: it changes the environment only if
// NAME is already exported (or allexport is on).
func (s *state) plainAssign(at origin.Assignment, word string) {
	name, raw, _ := splitAssignment(word)
	v, exact := s.expand(raw)
	s.setVar(name, v, exact)
	if s.allexport {
		s.exported[name] = true
	}
	if !s.exported[name] {
		return
	}
	at.Var, at.Value, at.Exact, at.Form = name, v, exact, "assignment to an exported variable"
	s.add(at)
}

// declareCmd handles declare and typeset: only with -x (export) does an
// argument reach the environment; +x removes it; -f and -p do nothing.
func (s *state) declareCmd(at origin.Assignment, cmd string, args []string) {
	export, unexport := false, false
	for len(args) > 0 && (strings.HasPrefix(args[0], "-") || strings.HasPrefix(args[0], "+")) {
		f := args[0]
		if strings.ContainsAny(f, "fFp") {
			return
		}
		export = export || f[0] == '-' && strings.Contains(f, "x")
		unexport = unexport || f[0] == '+' && strings.Contains(f, "x")
		args = args[1:]
	}
	switch {
	case unexport:
		s.unexport(at, cmd+" +x", args)
	case export:
		s.declare(at, cmd+" -x", args, true)
	default:
		s.declare(at, cmd, args, false)
	}
}

// declare handles export-like commands: NAME=value sets and, if export,
// exports; a bare NAME exports the shell variable's current value.
func (s *state) declare(at origin.Assignment, form string, args []string, export bool) {
	if form == "export" && len(args) > 0 && strings.HasPrefix(args[0], "-") {
		if strings.Contains(args[0], "n") {
			s.unexport(at, "export -n", args[1:])
		}
		if strings.ContainsAny(args[0], "fp") {
			return
		}
		args = args[1:]
	}
	for _, w := range args {
		name, raw, isAssign := splitAssignment(w)
		if !isAssign {
			name = w
			if !isName(name) {
				continue
			}
		}
		if isAssign {
			v, exact := s.expand(raw)
			s.setVar(name, v, exact)
		} else if _, known := s.vars[name]; !known {
			continue // exporting an unset variable puts nothing in the environment
		}
		if export || s.allexport {
			s.exported[name] = true
		}
		if !s.exported[name] {
			continue
		}
		v, exact := s.lookup(name)
		a := at
		a.Var, a.Value, a.Exact, a.Form = name, v, exact, form
		s.add(a)
	}
}

// unexport removes names from the environment but keeps them as shell
// variables.
func (s *state) unexport(at origin.Assignment, form string, names []string) {
	for _, name := range names {
		name, _, _ = strings.Cut(name, "=")
		if !isName(name) {
			continue
		}
		delete(s.exported, name)
		a := at
		a.Var, a.Unset, a.Exact, a.Form = name, true, true, form
		s.add(a)
	}
}

// unset removes variables; unset -f removes functions.
func (s *state) unset(at origin.Assignment, args []string) {
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		if strings.Contains(args[0], "f") {
			return
		}
		args = args[1:]
	}
	for _, name := range args {
		if !isName(name) {
			continue
		}
		delete(s.vars, name)
		delete(s.exported, name)
		a := at
		a.Var, a.Unset, a.Exact, a.Form = name, true, true, "unset"
		s.add(a)
	}
}

// setOptions follows set -a / set -o allexport and zsh's setopt allexport.
func (s *state) setOptions(cmd string, args []string) {
	for i, a := range args {
		opt := strings.ToLower(strings.ReplaceAll(a, "_", ""))
		switch {
		case cmd == "setopt" && opt == "allexport", cmd == "unsetopt" && opt == "noallexport":
			s.allexport = true
		case cmd == "unsetopt" && opt == "allexport", cmd == "setopt" && opt == "noallexport":
			s.allexport = false
		case cmd == "set" && (strings.HasPrefix(a, "-") && strings.Contains(a, "a") && !strings.HasPrefix(a, "--")):
			s.allexport = true
		case cmd == "set" && strings.HasPrefix(a, "+") && strings.Contains(a, "a"):
			s.allexport = false
		case cmd == "set" && (a == "-o" || a == "+o") && i+1 < len(args) && args[i+1] == "allexport":
			s.allexport = a == "-o"
		}
	}
}
