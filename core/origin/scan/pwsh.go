package scan

import (
	"regexp"
	"strings"
	"sync"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
)

// PowerShell forms the scan knows: $env:NAME = value (and ${env:NAME},
// +=), Set-Item Env:NAME value, Remove-Item Env:NAME,
// [Environment]::SetEnvironmentVariable(name, value[, target]), setx NAME
// value [/M], $variable = value (for later expansion) and dot-sourcing.
// Names are case-insensitive on Windows.
var (
	pwshEnvAssign = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\$(?:\{env:([A-Za-z_][A-Za-z0-9_]*)\}|env:([A-Za-z_][A-Za-z0-9_]*))\s*(\+?=)\s*(.*?)$`)
	})
	pwshVarAssign = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\$(?:global:|script:|local:)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)$`)
	})
	pwshRemove = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:Remove-Item|ri|del|rm)\s+(?:-Path\s+)?Env:\\?([A-Za-z_][A-Za-z0-9_]*)$`)
	})
	pwshSet = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^Set-Item\s+(?:-Path\s+)?Env:\\?([A-Za-z_][A-Za-z0-9_]*)\s+(?:-Value\s+)?(.*?)$`)
	})
	pwshSetEnv = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\[(?:System\.)?Environment\]::SetEnvironmentVariable\s*\((.*)\)$`)
	})
	pwshSetx   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^setx(?:\.exe)?\s+(.+)$`) })
	pwshSource = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\.\s+(.+?)$`) })
	pwshRef    = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\$env:([A-Za-z_][A-Za-z0-9_]*)|\$\{env:([^}]+)\}|\$\{([^}]+)\}|\$([A-Za-z_][A-Za-z0-9_]*)|\$\(|` + "`.")
	})
)

// pwshVar is a PowerShell variable the scan has seen assigned.
type pwshVar struct {
	value string
	exact bool
}

// pwshFile scans a PowerShell script: a profile or a file it dot-sources.
func (s *state) pwshFile(path string) {
	data, ok := s.read(path)
	if !ok {
		return
	}
	if s.pvars == nil {
		s.pvars = map[string]pwshVar{"home": {s.o.Home, true}}
	}
	saved, had := s.pvars["psscriptroot"]
	s.pvars["psscriptroot"] = pwshVar{s.dirOf(path), true}
	for _, st := range pwshStatements(lines(data)) {
		s.pwshStatement(origin.Assignment{File: path, Line: st.n, Text: st.text}, st.code)
	}
	if had {
		s.pvars["psscriptroot"] = saved
	} else {
		delete(s.pvars, "psscriptroot")
	}
}

func (s *state) pwshStatement(at origin.Assignment, code string) {
	if m := pwshEnvAssign().FindStringSubmatch(code); m != nil {
		name := m[1] + m[2]
		if m[3] == "+=" {
			s.pwshAppend(at, name, m[4])
		} else {
			s.pwshAssign(at, "$env:", name, m[4])
		}
	} else if m := pwshSetEnv().FindStringSubmatch(code); m != nil {
		s.pwshSetEnvironmentVariable(at, m[1])
	} else if m := pwshSetx().FindStringSubmatch(code); m != nil {
		s.pwshSetx(at, m[1])
	} else if m := pwshSet().FindStringSubmatch(code); m != nil {
		s.pwshAssign(at, "Set-Item Env:", m[1], m[2])
	} else if m := pwshRemove().FindStringSubmatch(code); m != nil {
		at.Var, at.Unset, at.Exact, at.Form = m[1], true, true, "Remove-Item Env:"
		delete(s.vars, s.pwshName(m[1]))
		s.add(at)
	} else if m := pwshVarAssign().FindStringSubmatch(code); m != nil {
		v, exact := s.pwshValue(m[2])
		s.pvars[strings.ToLower(m[1])] = pwshVar{v, exact}
	} else if m := pwshSource().FindStringSubmatch(code); m != nil {
		if p, ok := s.pwshValue(m[1]); ok {
			s.pwshFile(s.pwshPath(p))
		}
	}
}

// pwshName is an environment variable's key in s.vars: upper case on
// Windows, where names are case-insensitive.
func (s *state) pwshName(name string) string {
	if s.o.GOOS == "windows" {
		return strings.ToUpper(name)
	}
	return name
}

func pwshEmpty(raw string) bool {
	return strings.EqualFold(raw, "$null") || raw == "''" || raw == `""`
}

// pwshAssign records "$env:NAME = raw": an empty value removes the variable.
func (s *state) pwshAssign(at origin.Assignment, form, name, raw string) {
	at.Var, at.Form = name, form
	if pwshEmpty(raw) {
		at.Unset, at.Exact = true, true
		delete(s.vars, s.pwshName(name))
		s.add(at)
		return
	}
	at.Value, at.Exact = s.pwshValue(raw)
	s.setVar(s.pwshName(name), at.Value, at.Exact)
	s.add(at)
}

// pwshAppend records "$env:NAME += raw": the old value (none if unset)
// followed by raw's.
func (s *state) pwshAppend(at origin.Assignment, name, raw string) {
	at.Var, at.Form = name, "$env: +="
	add, exact := s.pwshValue(raw)
	old, known := s.vars[s.pwshName(name)]
	if known && s.inexact[s.pwshName(name)] {
		exact = false
	}
	at.Value, at.Exact = old+add, exact
	s.setVar(s.pwshName(name), at.Value, at.Exact)
	s.add(at)
}

// pwshSetEnvironmentVariable records [Environment]::SetEnvironmentVariable.
// With a User or Machine target it writes the registry variable, not this
// shell's: the assignment gets that scope and the session is unchanged.
func (s *state) pwshSetEnvironmentVariable(at origin.Assignment, args string) {
	a := pwshArgs(args, ',')
	if len(a) < 2 {
		return
	}
	name, ok := s.pwshValue(a[0])
	if !ok || !isName(name) {
		return
	}
	at.Var, at.Form = name, "[Environment]::SetEnvironmentVariable"
	if len(a) > 2 {
		switch t := strings.ToLower(a[2]); {
		case strings.Contains(t, "user"):
			at.Scope = origin.ScopeUser
		case strings.Contains(t, "machine"):
			at.Scope = origin.ScopeSystem
		}
	}
	if pwshEmpty(a[1]) {
		at.Unset, at.Exact = true, true
	} else {
		at.Value, at.Exact = s.pwshValue(a[1])
	}
	if at.Scope == "" {
		if at.Unset {
			delete(s.vars, s.pwshName(name))
		} else {
			s.setVar(s.pwshName(name), at.Value, at.Exact)
		}
	}
	s.add(at)
}

// pwshSetx records setx NAME value [/M]: it writes the user (or, with /M,
// the system) registry variable and never this shell's.
func (s *state) pwshSetx(at origin.Assignment, args string) {
	at.Scope, at.Form = origin.ScopeUser, "setx"
	var words []string
	for _, w := range pwshArgs(args, ' ') {
		switch strings.ToLower(w) {
		case "/m":
			at.Scope = origin.ScopeSystem
		case "/s", "/u", "/p", "/a", "/r", "/k", "/f", "/x", "/d":
			return // another machine, or a value read from a file or the registry
		default:
			words = append(words, w)
		}
	}
	if len(words) != 2 {
		return
	}
	name, ok := s.pwshValue(words[0])
	if !ok || !isName(name) {
		return
	}
	at.Var = name
	// An unquoted comma makes PowerShell pass an array: several arguments.
	if strings.Contains(words[1], ",") && !strings.ContainsAny(words[1][:1], `'"`) {
		s.add(at)
		return
	}
	at.Value, at.Exact = s.pwshValue(words[1])
	s.add(at)
}

// pwshValue evaluates a PowerShell expression: '...' is literal (” is a
// quote); "..." expands variables and `-escapes; a lone variable is its
// value; a plain word is itself. Anything else is not known exactly.
func (s *state) pwshValue(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	switch {
	case len(raw) >= 2 && raw[0] == '\'' && raw[len(raw)-1] == '\'':
		return strings.ReplaceAll(raw[1:len(raw)-1], "''", "'"), true
	case len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"':
		return s.pwshDouble(raw[1 : len(raw)-1])
	case strings.HasPrefix(raw, "$"):
		if loc := pwshRef().FindStringIndex(raw); loc != nil && loc[0] == 0 && loc[1] == len(raw) && raw != "$(" {
			return s.pwshDouble(raw)
		}
		return "", false
	}
	if raw == "" || strings.ContainsAny(raw, "$()[]+ @{}|,;`'\"") {
		return "", false
	}
	return raw, true
}

// pwshDouble expands the inside of a double-quoted string.
func (s *state) pwshDouble(in string) (string, bool) {
	exact := true
	out := pwshRef().ReplaceAllStringFunc(in, func(m string) string {
		switch {
		case strings.HasPrefix(m, "`"):
			return pwshEscape(m[1])
		case m == "$(":
			exact = false
			return m
		}
		sub := pwshRef().FindStringSubmatch(m)
		if name := sub[1] + sub[2]; name != "" {
			v, ok := s.lookup(s.pwshName(name))
			exact = exact && ok
			return v
		}
		name := strings.ToLower(sub[3] + sub[4])
		if strings.HasPrefix(name, "env:") {
			v, ok := s.lookup(s.pwshName(name[4:]))
			exact = exact && ok
			return v
		}
		v, ok := s.pvars[name]
		exact = exact && ok && v.exact
		return v.value
	})
	return out, exact
}

// pwshEscape is PowerShell's backtick escape of c.
func pwshEscape(c byte) string {
	switch c {
	case 'n':
		return "\n"
	case 't':
		return "\t"
	case 'r':
		return "\r"
	case '0':
		return "\x00"
	}
	return string(c)
}

// pwshPath resolves a dot-sourced file name.
func (s *state) pwshPath(p string) string {
	if p == "~" || strings.HasPrefix(p, `~\`) || strings.HasPrefix(p, "~/") {
		return core.JoinPath(s.o.GOOS, s.o.Home, strings.TrimLeft(p[1:], `\/`))
	}
	return s.homeRelative(p)
}

// dirOf is filepath.Dir under the scanned system's rules.
func (s *state) dirOf(p string) string {
	seps := "/"
	if s.o.GOOS == "windows" {
		seps = `\/`
	}
	i := strings.LastIndexAny(p, seps)
	if i < 0 {
		return "."
	}
	if i == 0 || (i == 2 && p[1] == ':') {
		return p[:i+1]
	}
	return p[:i]
}

// pwshArgs splits s at sep outside quotes and brackets, trimming spaces;
// with sep ' ' empty fields are dropped.
func pwshArgs(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '`' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		case c == sep && depth == 0:
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	out = append(out, strings.TrimSpace(s[start:]))
	if sep == ' ' {
		kept := out[:0]
		for _, w := range out {
			if w != "" {
				kept = append(kept, w)
			}
		}
		out = kept
	}
	return out
}

// pwshStmt is one PowerShell statement, with the number and text of the
// line it starts on.
type pwshStmt struct {
	n    int
	text string
	code string
}

// pwshStatements splits a script into statements. Comments (# and
// <# … #>) and here-strings are dropped; a statement continues over lines
// while a parenthesis is open or a line ends with a backtick; ";", "{" and
// "}" outside quotes and parentheses end one, so that the body of an if
// or a function is scanned too.
func pwshStatements(ls []string) []pwshStmt {
	var out []pwshStmt
	var code strings.Builder
	first := 0
	depth := 0
	var quote byte
	block, here := false, ""
	emit := func(i int) {
		if c := strings.TrimSpace(code.String()); c != "" && first < len(ls) {
			out = append(out, pwshStmt{n: first + 1, text: ls[first], code: c})
		}
		code.Reset()
		first = i
	}
	for i, l := range ls {
		if here != "" { // inside a here-string: it ends at a line starting with '@ or "@
			if strings.HasPrefix(l, here) {
				here = ""
				code.WriteString(`''`)
				l = l[2:]
			} else {
				continue
			}
		}
		if strings.TrimSpace(code.String()) == "" && depth == 0 && quote == 0 {
			first = i
		}
		for j := 0; j < len(l); j++ {
			c := l[j]
			switch {
			case block:
				if strings.HasPrefix(l[j:], "#>") {
					block = false
					j++
				}
			case quote != 0:
				code.WriteByte(c)
				if c == '`' && quote == '"' && j+1 < len(l) {
					j++
					code.WriteByte(l[j])
				} else if c == quote {
					quote = 0
				}
			case c == '$' && strings.HasPrefix(l[j:], "${") && strings.IndexByte(l[j:], '}') > 0:
				k := j + strings.IndexByte(l[j:], '}') // ${env:NAME}: a name, not a block
				code.WriteString(l[j : k+1])
				j = k
			case strings.HasPrefix(l[j:], "<#"):
				block = true
				j++
			case c == '#' && (j == 0 || l[j-1] == ' ' || l[j-1] == '\t' || l[j-1] == ';'):
				j = len(l)
			case (c == '@') && (l[j:] == `@'` || l[j:] == `@"` || strings.TrimSpace(l[j:]) == `@'` || strings.TrimSpace(l[j:]) == `@"`):
				here = string(l[j+1]) + "@"
				j = len(l)
			case c == '\'' || c == '"':
				quote = c
				code.WriteByte(c)
			case c == '(':
				depth++
				code.WriteByte(c)
			case c == ')':
				depth = max(depth-1, 0)
				code.WriteByte(c)
			case depth == 0 && (c == ';' || c == '{' || c == '}'):
				emit(i)
			default:
				code.WriteByte(c)
			}
		}
		if here != "" || block {
			continue
		}
		cont := strings.HasSuffix(strings.TrimRight(code.String(), " \t"), "`")
		if cont {
			s := strings.TrimRight(code.String(), " \t")
			code.Reset()
			code.WriteString(s[:len(s)-1] + " ")
			continue
		}
		if depth > 0 || quote != 0 {
			code.WriteByte(' ')
			if quote != 0 {
				// a string spanning lines keeps its line break
				s := code.String()
				code.Reset()
				code.WriteString(s[:len(s)-1] + "\n")
			}
			continue
		}
		emit(i + 1)
	}
	if first < len(ls) {
		emit(len(ls))
	}
	return out
}
