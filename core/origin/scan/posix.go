package scan

import (
	"cmp"
	"errors"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/gomirror/gomirror/core/origin"
)

// posixSource is a file of sh, bash or zsh code being scanned.
type posixSource struct {
	path  string
	lines []string // the file's lines, for Assignment.Text
}

// at returns an assignment record for the command at pos.
func (f *posixSource) at(pos syntax.Pos) origin.Assignment {
	a := origin.Assignment{File: f.path, Line: int(pos.Line())}
	if a.Line >= 1 && a.Line <= len(f.lines) {
		a.Text = f.lines[a.Line-1]
	}
	return a
}

// posixFunc is a shell function seen so far: a call runs its body.
type posixFunc struct {
	src  *posixSource
	body *syntax.Stmt
}

// maxParseRetries bounds how many lines of one file the scan skips as
// syntax it cannot parse.
const maxParseRetries = 50

// posixFile scans a file of sh, bash or zsh code with the shell parser of
// mvdan.cc/sh (shfmt's). A line the parser refuses (zsh syntax it does not
// know, a typo the shell would also report) is blanked and the rest of the
// file parsed again, so that one odd line does not hide the ones after it.
func (s *state) posixFile(path string) {
	data, ok := s.read(path)
	if !ok {
		return
	}
	src := &posixSource{path: path, lines: lines(data)}
	code := append([]string(nil), src.lines...)
	lang := syntax.LangBash
	if s.o.Kind == origin.Zsh {
		lang = syntax.LangZsh
	}
	var done syntax.Pos // the end of the statements already scanned
	for range maxParseRetries {
		var err error
		// The loop never breaks: StmtsSeq may yield its error twice.
		for st, e := range syntax.NewParser(syntax.Variant(lang)).StmtsSeq(strings.NewReader(strings.Join(code, "\n") + "\n")) {
			switch {
			case e != nil:
				err = cmp.Or(err, e)
			case err == nil && !before(st.Pos(), done):
				s.posixStmt(src, st, 0)
				done = st.End()
			}
		}
		var pe syntax.ParseError
		if !errors.As(err, &pe) {
			return
		}
		bad := int(pe.Pos.Line())
		if bad < 1 || bad > len(code) || uint(bad) < done.Line() || code[bad-1] == "" {
			return
		}
		code[bad-1] = ""
	}
}

// before reports whether p comes before q in the file.
func before(p, q syntax.Pos) bool {
	return p.Line() < q.Line() || p.Line() == q.Line() && p.Col() < q.Col()
}

// maxCallDepth bounds how deep shell function calls are followed.
const maxCallDepth = 8

// posixStmt interprets the commands of one statement in source order.
// Function definitions are remembered and their bodies scanned where the
// function is called (zsh's anonymous functions where they stand); command substitutions run in a subshell and are
// skipped.
func (s *state) posixStmt(src *posixSource, st *syntax.Stmt, depth int) {
	syntax.Walk(st, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.FuncDecl:
			s.funcDecl(src, n, depth)
			return false
		case *syntax.CmdSubst, *syntax.ProcSubst:
			return false
		case *syntax.DeclClause:
			s.posixDecl(src.at(n.Pos()), n.Variant.Value, n.Args)
		case *syntax.CallExpr:
			s.posixCall(src, n, depth)
		}
		return true
	})
}

// funcDecl remembers a function's body under its names; zsh runs an
// anonymous function, one without a name, where it stands.
func (s *state) funcDecl(src *posixSource, fd *syntax.FuncDecl, depth int) {
	names := fd.Names
	if fd.Name != nil {
		names = append(names, fd.Name)
	}
	for _, n := range names {
		s.funcs[n.Value] = posixFunc{src: src, body: fd.Body}
	}
	if len(names) == 0 && depth < maxCallDepth {
		s.posixStmt(src, fd.Body, depth+1)
	}
}

// posixCall interprets one simple command.
func (s *state) posixCall(src *posixSource, c *syntax.CallExpr, depth int) {
	at := src.at(c.Pos())
	args := c.Args
	for len(args) > 0 && (literal(args[0]) == "builtin" || literal(args[0]) == "command") {
		args = args[1:]
	}
	if len(args) == 0 {
		for _, a := range c.Assigns {
			s.plainAssign(at, a)
		}
		return
	}
	if len(c.Assigns) > 0 { // NAME=value cmd: the assignments are for cmd only
		return
	}
	name, _ := s.expandWord(args[0])
	args = args[1:]
	switch name {
	case "export", "declare", "typeset", "readonly":
		s.posixDecl(at, name, declArgs(args))
	case "unset":
		s.unset(at, s.expandWords(args))
	case ".", "source":
		if len(args) > 0 {
			s.posixFile(s.pathWord(args[0]))
		}
	case "set", "setopt", "unsetopt":
		s.setOptions(name, s.expandWords(args))
	default:
		if f, ok := s.funcs[name]; ok && depth < maxCallDepth {
			s.posixStmt(f.src, f.body, depth+1)
		}
	}
}

// posixDecl interprets the declaration commands (export, declare, typeset,
// readonly); local and nameref do not reach the environment.
func (s *state) posixDecl(at origin.Assignment, cmd string, args []*syntax.Assign) {
	switch cmd {
	case "export":
		s.declare(at, "export", args, true)
	case "declare", "typeset":
		s.declareCmd(at, cmd, args)
	case "readonly":
		s.declare(at, "readonly", args, false)
	}
}

// declArgs turns the words of a declaration command reached as a plain
// command (builtin export ...) into the arguments the parser gives a
// declaration: NAME=value, a bare NAME, or another word such as a flag.
func declArgs(words []*syntax.Word) []*syntax.Assign {
	out := make([]*syntax.Assign, 0, len(words))
	for _, w := range words {
		lit, _ := w.Parts[0].(*syntax.Lit)
		if lit == nil {
			out = append(out, &syntax.Assign{Naked: true, Value: w})
			continue
		}
		name, value, isAssign := strings.Cut(lit.Value, "=")
		switch {
		case isAssign && isName(strings.TrimSuffix(name, "+")):
			rest := &syntax.Lit{ValuePos: lit.ValuePos, ValueEnd: lit.ValueEnd, Value: value}
			parts := append([]syntax.WordPart{rest}, w.Parts[1:]...)
			out = append(out, &syntax.Assign{Name: &syntax.Lit{Value: strings.TrimSuffix(name, "+")}, Value: &syntax.Word{Parts: parts}})
		case len(w.Parts) == 1 && isName(lit.Value):
			out = append(out, &syntax.Assign{Naked: true, Name: lit})
		default:
			out = append(out, &syntax.Assign{Naked: true, Value: w})
		}
	}
	return out
}

// flags splits off the leading -x and +x style words of a declaration.
func (s *state) flags(args []*syntax.Assign) (flags []string, rest []*syntax.Assign) {
	for len(args) > 0 && args[0].Name == nil && args[0].Value != nil {
		f, _ := s.expandWord(args[0].Value)
		if !strings.HasPrefix(f, "-") && !strings.HasPrefix(f, "+") {
			break
		}
		flags, args = append(flags, f), args[1:]
	}
	return flags, args
}

// plainAssign handles NAME=value alone: it changes the environment only if
// NAME is already exported (or allexport is on).
func (s *state) plainAssign(at origin.Assignment, a *syntax.Assign) {
	if a.Name == nil || a.Index != nil || a.Array != nil {
		return
	}
	name := a.Name.Value
	v, exact := s.expandWord(a.Value)
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
func (s *state) declareCmd(at origin.Assignment, cmd string, args []*syntax.Assign) {
	flags, args := s.flags(args)
	export, unexport := false, false
	for _, f := range flags {
		if strings.ContainsAny(f, "fFp") {
			return
		}
		export = export || f[0] == '-' && strings.Contains(f, "x")
		unexport = unexport || f[0] == '+' && strings.Contains(f, "x")
	}
	switch {
	case unexport:
		s.unexport(at, cmd+" +x", names(args))
	case export:
		s.declare(at, cmd+" -x", args, true)
	default:
		s.declare(at, cmd, args, false)
	}
}

// declare handles export-like commands: NAME=value sets and, if export,
// exports; a bare NAME exports the shell variable's current value.
func (s *state) declare(at origin.Assignment, form string, args []*syntax.Assign, export bool) {
	if form == "export" {
		flags, rest := s.flags(args)
		for _, f := range flags {
			switch {
			case strings.Contains(f, "n"):
				s.unexport(at, "export -n", names(rest))
				return
			case strings.ContainsAny(f, "fp"):
				return
			}
		}
		args = rest
	}
	for _, a := range args {
		if a.Name == nil || a.Index != nil || a.Array != nil {
			continue
		}
		name := a.Name.Value
		if !a.Naked {
			v, exact := s.expandWord(a.Value)
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
		r := at
		r.Var, r.Value, r.Exact, r.Form = name, v, exact, form
		s.add(r)
	}
}

// unexport removes names from the environment but keeps them as shell
// variables.
func (s *state) unexport(at origin.Assignment, form string, names []string) {
	for _, name := range names {
		delete(s.exported, name)
		r := at
		r.Var, r.Unset, r.Exact, r.Form = name, true, true, form
		s.add(r)
	}
}

// names returns the variable names of a declaration's arguments.
func names(args []*syntax.Assign) []string {
	var out []string
	for _, a := range args {
		if a.Name != nil {
			out = append(out, a.Name.Value)
		}
	}
	return out
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
