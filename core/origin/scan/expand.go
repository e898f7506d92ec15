package scan

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// literal returns w's text if it is one plain literal, else "".
func literal(w *syntax.Word) string {
	if len(w.Parts) == 1 {
		if l, ok := w.Parts[0].(*syntax.Lit); ok {
			return l.Value
		}
	}
	return ""
}

// expandWords expands each word.
func (s *state) expandWords(ws []*syntax.Word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i], _ = s.expandWord(w)
	}
	return out
}

// pathWord expands a sourced file's name, relative to the home directory.
func (s *state) pathWord(w *syntax.Word) string {
	p, _ := s.expandWord(w)
	return s.homeRelative(p)
}

// expandWord performs the expansions a shell applies to an assignment's
// value or a sourced file's name: quote removal, ~ at the start, $NAME and
// ${NAME}. exact is false if the result depends on something the scan does
// not know: command substitution, arithmetic, unknown or uncertain
// variables, or parameter operators. A nil word is the empty value.
func (s *state) expandWord(w *syntax.Word) (value string, exact bool) {
	if w == nil {
		return "", true
	}
	var b strings.Builder
	exact = true
	for i, p := range w.Parts {
		switch p := p.(type) {
		case *syntax.Lit:
			v := p.Value
			if i == 0 && strings.HasPrefix(v, "~") {
				if v == "~" || strings.HasPrefix(v, "~/") {
					v = s.o.Home + v[1:]
				} else {
					exact = false
				}
			}
			b.WriteString(unescape(v, ""))
		case *syntax.SglQuoted:
			b.WriteString(p.Value)
			exact = exact && !(p.Dollar && strings.Contains(p.Value, `\`))
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				if l, ok := q.(*syntax.Lit); ok {
					b.WriteString(unescape(l.Value, "$`\"\\"))
					continue
				}
				v, ok := s.expandPart(q)
				b.WriteString(v)
				exact = exact && ok
			}
		default:
			v, ok := s.expandPart(p)
			b.WriteString(v)
			exact = exact && ok
		}
	}
	return b.String(), exact
}

// expandPart expands $NAME and ${NAME}; anything else (command
// substitution, arithmetic, operators, special parameters) is unknown.
func (s *state) expandPart(p syntax.WordPart) (string, bool) {
	pe, ok := p.(*syntax.ParamExp)
	if !ok || !plainParam(pe) || !isName(pe.Param.Value) {
		return "", false
	}
	return s.lookup(pe.Param.Value)
}

// plainParam reports whether pe is $NAME or ${NAME}, with no operator.
func plainParam(pe *syntax.ParamExp) bool {
	return pe.Param != nil && pe.Flags == nil && !pe.Excl && !pe.Length && !pe.Width && !pe.IsSet &&
		pe.Split == syntax.OptUnset && pe.GlobSubst == syntax.OptUnset && pe.RcExpand == syntax.OptUnset &&
		pe.NestedParam == nil && pe.Index == nil && len(pe.Modifiers) == 0 && pe.Slice == nil &&
		pe.Repl == nil && pe.Names == 0 && pe.Exp == nil
}

// unescape removes the backslashes of a literal: a backslash and a line
// break vanish; a backslash before any other character (before one of only,
// when only is not empty, as inside double quotes) leaves that character.
func unescape(v, only string) string {
	if !strings.Contains(v, `\`) {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '\\' || i+1 == len(v) {
			b.WriteByte(v[i])
			continue
		}
		switch c := v[i+1]; {
		case c == '\n':
			i++
		case only == "" || strings.IndexByte(only, c) >= 0:
			b.WriteByte(c)
			i++
		default:
			b.WriteByte('\\')
		}
	}
	return b.String()
}
