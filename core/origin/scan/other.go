package scan

import (
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
