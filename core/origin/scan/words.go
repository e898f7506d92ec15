package scan

import "strings"

// keywords may start a command in front of the command proper.
var keywords = map[string]bool{"if": true, "then": true, "else": true, "elif": true, "do": true,
	"while": true, "until": true, "!": true, "time": true, "builtin": true, "command": true}

// splitCommands splits a logical line of shell code (csh; the POSIX shells
// go through mvdan.cc/sh's parser) into simple
// commands, each a list of raw words (quotes kept). It ends a command at
// unquoted ; & | && || and at a comment, and keeps $(...), ${...} and
// `...` inside their word.
func splitCommands(code string) [][]string {
	var cmds [][]string
	var cmd []string
	var w strings.Builder
	inWord := false
	endWord := func() {
		if inWord {
			cmd = append(cmd, w.String())
			w.Reset()
			inWord = false
		}
	}
	endCmd := func() {
		endWord()
		if len(cmd) > 0 {
			cmds = append(cmds, cmd)
		}
		cmd = nil
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == ' ' || c == '\t':
			endWord()
		case c == '#' && !inWord:
			endCmd()
			return cmds
		case c == ';' || c == '&' || c == '|' || c == '\n':
			endCmd()
		case (c == '(' || c == ')' || c == '{' || c == '}') && !inWord:
			endCmd() // grouping: (list), { list; }
		default:
			j := wordPart(code, i)
			w.WriteString(code[i:j])
			inWord = true
			i = j - 1
		}
	}
	endCmd()
	return cmds
}

// wordPart returns the end of the word part starting at i: a quoted
// string, an expansion, an escaped character, or one plain byte.
func wordPart(code string, i int) int {
	switch code[i] {
	case '\\':
		return min(i+2, len(code))
	case '\'':
		return closing(code, i+1, '\'', false)
	case '"':
		return closing(code, i+1, '"', true)
	case '`':
		return closing(code, i+1, '`', true)
	case '$':
		if i+1 < len(code) && (code[i+1] == '(' || code[i+1] == '{') {
			return matching(code, i+1)
		}
	}
	return i + 1
}

// closing returns the index after the quote q closing a string that starts
// at i; with escapes, a backslash protects the next byte. An unclosed
// string runs to the end.
func closing(code string, i int, q byte, escapes bool) int {
	for ; i < len(code); i++ {
		switch {
		case escapes && code[i] == '\\':
			i++
		case q == '"' && code[i] == '$' && i+1 < len(code) && code[i+1] == '(':
			i = matching(code, i+1) - 1
		case code[i] == q:
			return i + 1
		}
	}
	return len(code)
}

// matching returns the index after the bracket closing the one at i,
// skipping quoted strings.
func matching(code string, i int) int {
	open := code[i]
	shut := map[byte]byte{'(': ')', '{': '}'}[open]
	depth := 0
	for ; i < len(code); i++ {
		switch c := code[i]; {
		case c == '\\':
			i++
		case c == '\'' || c == '"':
			i = closing(code, i+1, c, c == '"') - 1
		case c == open:
			depth++
		case c == shut:
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return len(code)
}

// isName reports whether s is a valid shell variable name.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if c != '_' && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// splitAssignment splits a raw word NAME=value; ok is false if the word is
// not an assignment.
func splitAssignment(raw string) (name, value string, ok bool) {
	name, value, ok = strings.Cut(raw, "=")
	name = strings.TrimSuffix(name, "+") // NAME+=value appends; treated as set
	if !ok || !isName(name) {
		return "", "", false
	}
	return name, value, true
}

// expand performs the expansions a shell applies to an assignment's value
// or a sourced file's name: quote removal, ~ at the start, $NAME and
// ${NAME}. exact is false if the result depends on something the scan does
// not know: command substitution, arithmetic, unknown or uncertain
// variables, or parameter operators.
func (s *state) expand(raw string) (value string, exact bool) {
	var b strings.Builder
	exact = true
	if raw == "~" || strings.HasPrefix(raw, "~/") {
		b.WriteString(s.o.Home)
		raw = raw[1:]
	} else if strings.HasPrefix(raw, "~") {
		exact = false
	}
	for i := 0; i < len(raw); {
		c := raw[i]
		switch c {
		case '\'':
			j := closing(raw, i+1, '\'', false)
			b.WriteString(strings.TrimSuffix(raw[i+1:j], "'"))
			i = j
		case '"':
			j := closing(raw, i+1, '"', true)
			v, ok := s.expandDouble(strings.TrimSuffix(raw[i+1:j], `"`))
			b.WriteString(v)
			exact = exact && ok
			i = j
		case '\\':
			if i+1 < len(raw) {
				b.WriteByte(raw[i+1])
			}
			i += 2
		case '$', '`':
			v, n, ok := s.expandDollar(raw[i:])
			b.WriteString(v)
			exact = exact && ok
			i += n
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), exact
}

// expandDouble expands the inside of a double-quoted string.
func (s *state) expandDouble(in string) (string, bool) {
	var b strings.Builder
	exact := true
	for i := 0; i < len(in); {
		switch c := in[i]; {
		case c == '\\' && i+1 < len(in) && strings.IndexByte("$`\"\\\n", in[i+1]) >= 0:
			b.WriteByte(in[i+1])
			i += 2
		case c == '$' || c == '`':
			v, n, ok := s.expandDollar(in[i:])
			b.WriteString(v)
			exact = exact && ok
			i += n
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), exact
}

// expandDollar expands the $ or ` expansion at the start of in, returning
// its value, its length and whether the value is certain.
func (s *state) expandDollar(in string) (string, int, bool) {
	if in[0] == '`' {
		return "", closing(in, 1, '`', true), false
	}
	if len(in) == 1 {
		return "$", 1, true
	}
	switch in[1] {
	case '(':
		return "", matching(in, 1), false
	case '{':
		n := matching(in, 1)
		name := strings.TrimSuffix(in[2:n], "}")
		if !isName(name) {
			return "", n, false
		}
		v, ok := s.lookup(name)
		return v, n, ok
	}
	n := 1
	for n < len(in) && isName(in[1:n+1]) {
		n++
	}
	if n == 1 { // $1, $@, $$, $? ... or a lone $
		if strings.IndexByte("0123456789@*#?$!-", in[1]) >= 0 {
			return "", 2, false
		}
		return "$", 1, true
	}
	v, ok := s.lookup(in[1:n])
	return v, n, ok
}

// expandPath expands a file name and makes a relative one relative to the
// home directory, where a login shell starts.
func (s *state) expandPath(raw string) string {
	p, _ := s.expand(raw)
	return s.homeRelative(p)
}

// homeRelative makes a relative file name relative to the home directory.
func (s *state) homeRelative(p string) string {
	if p != "" && !strings.HasPrefix(p, "/") && !(len(p) > 1 && p[1] == ':') {
		p = s.o.Home + "/" + p
	}
	return p
}
