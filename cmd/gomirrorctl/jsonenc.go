package main

import (
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
)

// jsonWriter appends indented JSON without reflection, byte for byte as an
// encoding/json Encoder with SetIndent("", "  ") and SetEscapeHTML(false)
// writes it. env --json uses it because a process's first use of
// encoding/json costs more than resolving every setting, and env --json is
// what scripts and the prompt run most (see scripts/bench-cli.sh).
// TestEncodeEnvMatchesEncodingJSON keeps the two identical, including for
// fields added to the core types later.
type jsonWriter struct {
	buf   []byte
	depth int
	empty bool // the innermost open object or array has no member yet
}

func (w *jsonWriter) open(c byte) {
	w.buf = append(w.buf, c)
	w.depth++
	w.empty = true
}

func (w *jsonWriter) close(c byte) {
	w.depth--
	if !w.empty {
		w.newline()
	}
	w.buf = append(w.buf, c)
	w.empty = false
}

func (w *jsonWriter) newline() {
	w.buf = append(w.buf, '\n')
	for range w.depth {
		w.buf = append(w.buf, "  "...)
	}
}

// elem starts a member of the innermost object or array.
func (w *jsonWriter) elem() {
	if !w.empty {
		w.buf = append(w.buf, ',')
	}
	w.newline()
	w.empty = false
}

// key starts an object member called k.
func (w *jsonWriter) key(k string) {
	w.elem()
	w.str(k)
	w.buf = append(w.buf, ':', ' ')
}

func (w *jsonWriter) null() { w.buf = append(w.buf, "null"...) }

func (w *jsonWriter) boolean(b bool) { w.buf = strconv.AppendBool(w.buf, b) }

func (w *jsonWriter) strField(k, v string) {
	w.key(k)
	w.str(v)
}

// strOmit writes a string field tagged omitempty.
func (w *jsonWriter) strOmit(k, v string) {
	if v != "" {
		w.strField(k, v)
	}
}

func (w *jsonWriter) boolField(k string, v bool) {
	w.key(k)
	w.boolean(v)
}

// intOmit writes an int field tagged omitempty.
func (w *jsonWriter) intOmit(k string, v int) {
	if v != 0 {
		w.key(k)
		w.buf = strconv.AppendInt(w.buf, int64(v), 10)
	}
}

const hexDigits = "0123456789abcdef"

// str writes s as a JSON string, escaped as encoding/json does without HTML
// escaping: invalid UTF-8 becomes U+FFFD; U+2028 and U+2029 are escaped.
func (w *jsonWriter) str(s string) {
	b := append(w.buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		esc, size := jsonEscape(s[i:])
		if esc == "" {
			i += size
			continue
		}
		b = append(append(b, s[start:i]...), esc...)
		i += size
		start = i
	}
	w.buf = append(append(b, s[start:]...), '"')
}

// jsonEscape returns the escape for the character at the start of s (""
// if it needs none) and its length in bytes.
func jsonEscape(s string) (string, int) {
	switch c := s[0]; c {
	case '"', '\\':
		return `\` + s[:1], 1
	case '\b':
		return `\b`, 1
	case '\f':
		return `\f`, 1
	case '\n':
		return `\n`, 1
	case '\r':
		return `\r`, 1
	case '\t':
		return `\t`, 1
	default:
		if c < 0x20 {
			return `\u00` + string(hexDigits[c>>4]) + string(hexDigits[c&0xF]), 1
		}
	}
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && size == 1:
		return `\ufffd`, 1
	case r == '\u2028' || r == '\u2029':
		return `\u202` + string(hexDigits[r&0xF]), size
	}
	return "", size
}

// encodeEnv returns the JSON form of env, as writeJSON would write it.
func encodeEnv(out envOutput) []byte {
	w := &jsonWriter{buf: make([]byte, 0, 16<<10)}
	w.open('{')
	w.key("vars")
	w.settings(out.Vars)
	w.key("env_file")
	w.envFile(out.EnvFile)
	w.key("goroot")
	w.goroot(out.Goroot)
	if out.Check != nil {
		w.key("check")
		w.check(out.Check)
	}
	w.close('}')
	return append(w.buf, '\n')
}

// settings writes a map of settings with its keys sorted.
func (w *jsonWriter) settings(m map[string]core.Setting) {
	if m == nil {
		w.null()
		return
	}
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	w.open('{')
	for _, n := range names {
		w.key(n)
		w.setting(m[n])
	}
	w.close('}')
}

func (w *jsonWriter) setting(s core.Setting) {
	w.open('{')
	w.strField("value", s.Value)
	w.strField("source", string(s.Source))
	w.key("chain")
	if s.Chain == nil {
		w.null()
	} else {
		w.open('[')
		for _, l := range s.Chain {
			w.elem()
			w.layer(l)
		}
		w.close(']')
	}
	w.close('}')
}

func (w *jsonWriter) layer(l core.Layer) {
	w.open('{')
	w.strField("source", string(l.Source))
	w.strField("state", string(l.State))
	w.boolField("set", l.Set)
	w.strField("value", l.Value)
	w.strOmit("file", l.File)
	w.intOmit("line", l.Line)
	w.strOmit("note", l.Note)
	w.strOmit("note_code", l.NoteCode)
	w.mapOmit("note_args", l.NoteArgs)
	w.close('}')
}

// mapOmit writes a map[string]string field tagged omitempty, its keys
// sorted as encoding/json sorts them.
func (w *jsonWriter) mapOmit(k string, m map[string]string) {
	if len(m) == 0 {
		return
	}
	keys := make([]string, 0, len(m))
	for mk := range m {
		keys = append(keys, mk)
	}
	sort.Strings(keys)
	w.key(k)
	w.open('{')
	for _, mk := range keys {
		w.strField(mk, m[mk])
	}
	w.close('}')
}

func (w *jsonWriter) envFile(f resolve.EnvFile) {
	w.open('{')
	w.strField("path", f.Path)
	w.strField("abs_path", f.AbsPath)
	w.strField("state", string(f.State))
	w.strOmit("reason", f.Reason)
	w.strOmit("cause", f.Cause)
	w.boolField("from_goenv", f.FromGOENV)
	w.close('}')
}

func (w *jsonWriter) goroot(g resolve.Goroot) {
	w.open('{')
	w.strOmit("go_binary", g.GoBinary)
	w.strField("path", g.Path)
	w.strField("reported", g.Reported)
	w.strField("found_by", g.FoundBy)
	w.strOmit("version", g.Version)
	w.strOmit("go_env_path", g.GoEnvPath)
	w.strOmit("error", g.Error)
	w.close('}')
}

func (w *jsonWriter) check(c *checkOutput) {
	w.open('{')
	w.boolField("agrees", c.Agrees)
	w.key("disagreements")
	if c.Disagreements == nil {
		w.null()
	} else {
		w.open('[')
		for _, d := range c.Disagreements {
			w.elem()
			w.disagreement(d)
		}
		w.close(']')
	}
	w.strOmit("error", c.Error)
	w.close('}')
}

func (w *jsonWriter) disagreement(d service.Disagreement) {
	w.open('{')
	w.strField("var", d.Var)
	w.strField("ours", d.Ours)
	w.strField("go", d.Go)
	w.close('}')
}
