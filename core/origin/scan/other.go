package scan

import (
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/gomirror/gomirror/core/origin"
)

// cshFile scans a csh or tcsh script for setenv, unsetenv and source.
func (s *state) cshFile(path string) {
	data, ok := s.read(path)
	if !ok {
		return
	}
	for _, l := range logical(lines(data)) {
		for _, words := range splitCommands(l.code) {
			s.cshCommand(path, l, words)
		}
	}
}

func (s *state) cshCommand(file string, l logicalLine, words []string) {
	for len(words) > 0 && keywords[words[0]] {
		words = words[1:]
	}
	if len(words) < 2 {
		return
	}
	at := origin.Assignment{File: file, Line: l.n, Text: l.text, Var: words[1]}
	if !isName(at.Var) {
		return
	}
	switch words[0] {
	case "setenv":
		if len(words) > 2 {
			at.Value, at.Exact = s.expand(words[2])
		}
		s.setVar(at.Var, at.Value, at.Exact)
		s.exported[at.Var] = true
		at.Form = "setenv"
		s.add(at)
	case "unsetenv":
		delete(s.vars, at.Var)
		delete(s.exported, at.Var)
		at.Unset, at.Exact, at.Form = true, true, "unsetenv"
		s.add(at)
	case "source":
		s.cshFile(s.expandPath(words[1]))
	}
}

// PowerShell forms: $env:NAME = value, Remove-Item Env:NAME,
// Set-Item Env:NAME value, and dot-sourcing. Names are case-insensitive.
var (
	pwshAssign = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\s*\$env:([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$`)
	})
	pwshRemove = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\s*(?:Remove-Item|ri|del|rm)\s+(?:-Path\s+)?Env:\\?([A-Za-z_][A-Za-z0-9_]*)\s*$`)
	})
	pwshSet = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\s*Set-Item\s+(?:-Path\s+)?Env:\\?([A-Za-z_][A-Za-z0-9_]*)\s+(?:-Value\s+)?(.*?)\s*$`)
	})
	pwshSource = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*\.\s+(.+?)\s*$`) })
)

// pwshFile scans a PowerShell profile.
func (s *state) pwshFile(path string) {
	data, ok := s.read(path)
	if !ok {
		return
	}
	for i, line := range lines(data) {
		at := origin.Assignment{File: path, Line: i + 1, Text: line}
		code := line
		if j := strings.Index(code, " #"); j >= 0 && strings.Count(code[:j], "'")%2 == 0 && strings.Count(code[:j], `"`)%2 == 0 {
			code = code[:j]
		}
		s.pwshLine(at, code, filepath.Dir(path))
	}
}

func (s *state) pwshLine(at origin.Assignment, code, dir string) {
	if m := pwshAssign().FindStringSubmatch(code); m != nil {
		s.pwshAssign(at, "$env:", m[1], m[2])
	} else if m := pwshSet().FindStringSubmatch(code); m != nil {
		s.pwshAssign(at, "Set-Item Env:", m[1], m[2])
	} else if m := pwshRemove().FindStringSubmatch(code); m != nil {
		at.Var, at.Unset, at.Exact, at.Form = m[1], true, true, "Remove-Item Env:"
		delete(s.vars, strings.ToUpper(m[1]))
		s.add(at)
	} else if m := pwshSource().FindStringSubmatch(code); m != nil {
		p, ok := s.pwshValue(strings.ReplaceAll(m[1], "$PSScriptRoot", dir))
		if ok {
			s.pwshFile(p)
		}
	}
}

func (s *state) pwshAssign(at origin.Assignment, form, name, raw string) {
	if strings.EqualFold(raw, "$null") || raw == "''" || raw == `""` {
		at.Var, at.Unset, at.Exact, at.Form = name, true, true, form
		s.add(at)
		return
	}
	at.Var, at.Form = name, form
	at.Value, at.Exact = s.pwshValue(raw)
	s.setVar(strings.ToUpper(name), at.Value, at.Exact)
	s.add(at)
}

// pwshValue evaluates a quoted PowerShell string: '...' is literal (” is
// a quote); "..." expands $env:NAME and `-escapes. Anything else is not
// known exactly.
func (s *state) pwshValue(raw string) (string, bool) {
	switch {
	case len(raw) >= 2 && raw[0] == '\'' && raw[len(raw)-1] == '\'':
		return strings.ReplaceAll(raw[1:len(raw)-1], "''", "'"), true
	case len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"':
		return s.pwshDouble(raw[1 : len(raw)-1])
	}
	if strings.ContainsAny(raw, "$()[]+ ") {
		return "", false
	}
	return raw, true
}

var pwshVar = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\$env:([A-Za-z_][A-Za-z0-9_]*)|\$HOME\b|\$\(|` + "`.")
})

func (s *state) pwshDouble(in string) (string, bool) {
	exact := true
	out := pwshVar().ReplaceAllStringFunc(in, func(m string) string {
		switch {
		case strings.HasPrefix(m, "`"):
			return m[1:]
		case strings.EqualFold(m, "$HOME"):
			return s.o.Home
		case m == "$(":
			exact = false
			return m
		}
		v, ok := s.lookup(strings.ToUpper(m[len("$env:"):]))
		exact = exact && ok
		return v
	})
	return out, exact
}
