package profile

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/gomirror/gomirror/core"
)

// FileVersion is the format version written to profile files.
const FileVersion = 1

// File is the contents of a profile file: the user's profiles.toml or a file
// exported for a team.
type File struct {
	Active   string    // the profile applied last; empty in exports
	Profiles []Profile // in file order
}

// InvalidError reports a profile file that cannot be used, with the file and
// line of each problem. It unwraps to a *core.RefusedError holding the same
// problems.
type InvalidError struct {
	File     string
	Problems []core.Problem
}

func (e *InvalidError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s is not a valid profile file:", e.File)
	for _, p := range core.Errors(e.Problems) {
		b.WriteString("\n  ")
		if p.Line > 0 {
			fmt.Fprintf(&b, "line %d: ", p.Line)
		}
		b.WriteString(p.Message)
		if p.Fix != "" {
			b.WriteString(" " + p.Fix)
		}
	}
	return b.String()
}

// Unwrap returns the problems as a refusal.
func (e *InvalidError) Unwrap() error { return &core.RefusedError{Problems: e.Problems} }

// Parse reads a profile file. name is the file's path, used in problems.
// Syntax errors, unknown or misspelt keys, values of the wrong type, keys
// that profiles do not manage and duplicate choices are refused with an
// *InvalidError naming the line; values themselves are checked by Check.
func Parse(name string, data []byte) (*File, error) {
	var top map[string]toml.Primitive
	md, err := toml.Decode(string(data), &top)
	if err != nil {
		return nil, &InvalidError{File: name, Problems: []core.Problem{syntaxProblem(name, err)}}
	}
	d := &decoder{md: &md, file: name, lines: keyLines(string(data), md.Keys())}
	f := d.top(top)
	if len(d.problems) > 0 {
		slices.SortStableFunc(d.problems, func(a, b core.Problem) int { return a.Line - b.Line })
		return nil, &InvalidError{File: name, Problems: d.problems}
	}
	return f, nil
}

// syntaxProblem keeps the parser's own description of the error as the
// argument Error.
func syntaxProblem(name string, err error) core.Problem {
	detail, line := err.Error(), 0
	var pe toml.ParseError
	if errors.As(err, &pe) {
		detail, line = pe.Message, pe.Position.Line
	}
	p := core.NewProblem(core.SeverityError, "", "profile-syntax", map[string]string{"Error": detail})
	p.File, p.Line = name, line
	return p
}

// decoder turns the primitives of a decoded file into profiles, collecting
// problems with their lines.
type decoder struct {
	md       *toml.MetaData
	file     string
	lines    map[string]int // keyLines
	problems []core.Problem
}

// lineOf returns the line of the key path, from d.lines, or else from
// prim's position (which costs a pass over the whole file).
func (d *decoder) lineOf(prim toml.Primitive, path ...string) int {
	if l, ok := d.lines[toml.Key(path).String()]; ok {
		return l
	}
	return d.line(prim)
}

// keyLines finds the line of each key of a decoded file in one pass over
// its text. The toml package reports a key's position only inside a parse
// error, whose construction splits the whole file into lines: asked once
// per key, that made reading N profiles take time in N squared. keys are in
// the order the file defines them (toml.MetaData.Keys), so each key is
// looked for after the previous one, as its last part standing where a key
// stands: after a line start, '[', '.', '{' or ',' and before '=', '.',
// ']' or '}'. A key not found so is left out, and lineOf falls back.
func keyLines(text string, keys []toml.Key) map[string]int {
	out := make(map[string]int, len(keys))
	at, line := 0, 1
	for _, k := range keys {
		if len(k) == 0 {
			continue
		}
		i := findKey(text, at, k[len(k)-1])
		if i < 0 {
			continue
		}
		line += strings.Count(text[at:i], "\n")
		at = i
		out[k.String()] = line
		// A table the file only implies ([profiles."A".set] implies
		// profiles."A") is not among keys: it starts where its first key is.
		for n := len(k) - 1; n > 0; n-- {
			if _, ok := out[k[:n].String()]; ok {
				break
			}
			out[k[:n].String()] = line
		}
	}
	return out
}

// findKey returns the index, at or after from, of the first place where
// key stands as a key (bare, or quoted either way), or -1.
func findKey(text string, from int, key string) int {
	for i := from; i < len(text); {
		j := strings.Index(text[i:], key)
		if j < 0 {
			return -1
		}
		j += i
		start, end := j, j+len(key)
		if start > 0 && end < len(text) && (text[start-1] == '"' || text[start-1] == '\'') && text[end] == text[start-1] {
			start, end = start-1, end+1
		}
		if keyBefore(text[:start]) && keyAfter(text[end:]) {
			return start
		}
		i = j + 1
	}
	return -1
}

// keyBefore reports whether a key may end text before it: nothing but
// blanks back to a line start or one of [ . { ,
func keyBefore(before string) bool {
	for i := len(before) - 1; i >= 0; i-- {
		switch before[i] {
		case ' ', '\t':
			continue
		case '\n', '[', '.', '{', ',':
			return true
		}
		return false
	}
	return true
}

// keyAfter reports whether a key may be followed by after: blanks, then
// one of = . ] }
func keyAfter(after string) bool {
	for i := 0; i < len(after); i++ {
		switch after[i] {
		case ' ', '\t':
			continue
		case '=', '.', ']', '}':
			return true
		}
		return false
	}
	return false
}

func (d *decoder) fail(prim toml.Primitive, v, code string, args map[string]string) {
	p := core.NewProblem(core.SeverityError, v, code, args)
	p.File, p.Line = d.file, d.line(prim)
	d.problems = append(d.problems, p)
}

// errProbe makes the decoder report a key's position.
var errProbe = errors.New("position probe")

type lineProbe struct{}

func (*lineProbe) UnmarshalTOML(any) error { return errProbe }

// line returns the line of the key prim was decoded from, using the
// position the toml package puts in the ParseError of a failed decode.
func (d *decoder) line(prim toml.Primitive) int {
	var pe toml.ParseError
	if errors.As(d.md.PrimitiveDecode(prim, &lineProbe{}), &pe) {
		return pe.Position.Line
	}
	return 0
}

// decode decodes prim into v, reporting a type mismatch as a problem: key
// must be what the problem profile-type's template says for kind.
func (d *decoder) decode(prim toml.Primitive, v any, key, kind string) bool {
	if err := d.md.PrimitiveDecode(prim, v); err != nil {
		d.fail(prim, "", "profile-type", map[string]string{"Key": key, "Kind": kind})
		return false
	}
	return true
}

func (d *decoder) top(top map[string]toml.Primitive) *File {
	f := &File{}
	for _, k := range sortedPrims(top) {
		prim := top[k]
		switch k {
		case "version":
			var v int
			if d.decode(prim, &v, "version", "number") && v > FileVersion {
				d.fail(prim, "", "profile-version", map[string]string{"Version": fmt.Sprint(v), "Max": fmt.Sprint(FileVersion)})
			}
		case "active":
			d.decode(prim, &f.Active, "active", "name")
		case "profiles":
			f.Profiles = d.profiles(prim)
		default:
			d.fail(prim, "", "profile-unknown-field", map[string]string{"Kind": "file", "Field": k})
		}
	}
	return f
}

// profiles decodes the [profiles."NAME"] tables in file order.
func (d *decoder) profiles(prim toml.Primitive) []Profile {
	var m map[string]toml.Primitive
	if !d.decode(prim, &m, "profiles", "tables") {
		return nil
	}
	var out []Profile
	for _, name := range d.order(m, "profiles") {
		out = append(out, d.profile(name, m[name]))
	}
	return out
}

// order returns the keys of m in the order the file defines them.
func (d *decoder) order(m map[string]toml.Primitive, parent string) []string {
	var out []string
	seen := make(map[string]bool, len(m))
	for _, k := range d.md.Keys() {
		if len(k) == 2 && k[0] == parent && !seen[k[1]] {
			if _, ok := m[k[1]]; ok {
				seen[k[1]] = true
				out = append(out, k[1])
			}
		}
	}
	for _, k := range sortedPrims(m) { // tables the file only implies
		if !seen[k] {
			out = append(out, k)
		}
	}
	return out
}

func (d *decoder) profile(name string, prim toml.Primitive) Profile {
	p := Profile{Name: name, Choices: map[string]Choice{}, Origin: Origin{File: d.file, Line: d.lineOf(prim, "profiles", name), Lines: map[string]int{}}}
	var ne *NameError
	if errors.As(CheckName(name), &ne) {
		d.problems = append(d.problems, ne.problem(d.file, p.Origin.Line, true))
	}
	var fields map[string]toml.Primitive
	if !d.decode(prim, &fields, name, "table") {
		return p
	}
	for _, k := range sortedPrims(fields) {
		d.field(&p, k, fields[k])
	}
	return p
}

func (d *decoder) field(p *Profile, key string, prim toml.Primitive) {
	switch key {
	case "description":
		d.decode(prim, &p.Description, "description", "text")
	case "set":
		d.sets(p, prim)
	case "unset":
		d.unsets(p, prim)
	case "credentials":
		if d.decode(prim, &p.Credentials, "credentials", "hosts") {
			p.Origin.Lines["credentials"] = d.lineOf(prim, "profiles", p.Name, "credentials")
		}
	default:
		kind := "profile"
		if looksSecret(key) {
			kind = "secret"
		}
		d.fail(prim, "", "profile-unknown-field", map[string]string{"Kind": kind, "Profile": p.Name, "Field": key})
	}
}

func looksSecret(key string) bool {
	k := strings.ToLower(key)
	return strings.Contains(k, "password") || strings.Contains(k, "token") || strings.Contains(k, "secret")
}

func (d *decoder) sets(p *Profile, prim toml.Primitive) {
	var m map[string]toml.Primitive
	if !d.decode(prim, &m, "set", "set") {
		return
	}
	for _, k := range sortedPrims(m) {
		var v string
		if !d.key(p, k, m[k], "set", k) || !d.decode(m[k], &v, k, "value") {
			continue
		}
		p.SetValue(k, v)
	}
}

func (d *decoder) unsets(p *Profile, prim toml.Primitive) {
	var keys []string
	if !d.decode(prim, &keys, "unset", "keys") {
		return
	}
	for _, k := range keys {
		if !d.key(p, k, prim, "unset") {
			continue
		}
		if _, dup := p.Choices[k]; dup {
			d.fail(prim, k, "profile-duplicate", map[string]string{"Profile": p.Name})
			continue
		}
		p.UnsetKey(k)
	}
}

// key checks that k is a managed key and records its line.
// path is where prim is under the profile's table.
func (d *decoder) key(p *Profile, k string, prim toml.Primitive, path ...string) bool {
	if !IsKey(k) {
		d.fail(prim, k, "profile-unknown-key", unknownKeyArgs(p.Name))
		return false
	}
	p.Origin.Lines[k] = d.lineOf(prim, append([]string{"profiles", p.Name}, path...)...)
	return true
}

func sortedPrims(m map[string]toml.Primitive) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
