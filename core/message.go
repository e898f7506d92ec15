package core

import (
	"fmt"
	"maps"
	"strings"
)

// ProblemCodes returns every problem code in the catalogue, sorted.
func ProblemCodes() []string { return codes(keyProblem, keyMessage) }

// SnippetCodes returns every snippet code in the catalogue, sorted.
func SnippetCodes() []string { return codes(keySnippet, "") }

// NoteCodes returns every layer note code in the catalogue, sorted.
func NoteCodes() []string { return codes(keyNote, "") }

// NewProblem returns the problem code about variable v (which may be ""),
// with its message and fix rendered in English from args.
func NewProblem(sev Severity, v, code string, args map[string]string) Problem {
	p := Problem{Severity: sev, Var: v, Code: code, Args: args}
	p.Render()
	return p
}

// Render sets p's Message and Fix from its Code and Args, in English. A
// code without catalogue entries keeps its text.
func (p *Problem) Render() { p.Message, p.Fix = English.Problem(*p) }

// data returns the template data of p in l: its Args, its Var as "Var",
// and for each argument "@Name" the snippet it names, rendered in l, as
// "Name".
func (p Problem) data(l *Lang) map[string]string {
	return expand(p.Args, map[string]string{"Var": p.Var}, l, keySnippet)
}

// Snippet returns the snippet code rendered in English from args.
func Snippet(code string, args map[string]string) string { return English.Snippet(code, args, "") }

// SetNote sets l's note to the note code rendered in English from args.
func (l *Layer) SetNote(code string, args map[string]string) {
	l.NoteCode, l.NoteArgs, l.Note = code, args, ""
	l.Note = English.Note(*l)
}

// noteData returns the template data of l's note in lang: its NoteArgs,
// and for each argument "@Name" the note it names, rendered in lang, as
// "Name".
func (l Layer) noteData(lang *Lang) map[string]string { return expand(l.NoteArgs, nil, lang, keyNote) }

// expand merges base and args, then renders the "@" arguments, the codes
// of other entries under prefix, from the plain ones in lang (a fragment
// never sees another fragment).
func expand(args, base map[string]string, lang *Lang, prefix string) map[string]string {
	plain := maps.Clone(base)
	if plain == nil {
		plain = map[string]string{}
	}
	for k, v := range args {
		if !strings.HasPrefix(k, "@") {
			plain[k] = v
		}
	}
	data := maps.Clone(plain)
	for k, v := range args {
		if name, ok := strings.CutPrefix(k, "@"); ok {
			data[name] = lang.text(prefix+v, plain)
		}
	}
	return data
}

// CheckRendered reports a problem whose code has no entries in every
// language of the catalogue, whose snippets do not exist, whose text is not
// its entries rendered in English from its arguments (so a translation
// would say something else), or whose text in some language prints an
// argument the problem lacks ("<no value>"). Tests of the packages that
// report problems call it.
func CheckRendered(p Problem) error {
	keys := []string{keyProblem + p.Code + keyMessage}
	if _, ok := english(keyProblem + p.Code + keyFix); ok {
		keys = append(keys, keyProblem+p.Code+keyFix)
	}
	if err := checkKeys(keys...); err != nil {
		return err
	}
	for k, v := range p.Args {
		if _, ok := english(keySnippet + v); strings.HasPrefix(k, "@") && !ok {
			return fmt.Errorf("problem %s: argument %s names no snippet", p.Code, k)
		}
	}
	if msg, fix := English.Problem(p); p.Message != "" && (msg != p.Message || fix != p.Fix) {
		return fmt.Errorf("problem %s: its text %q, %q is not its entries rendered in English: %q, %q", p.Code, p.Message, p.Fix, msg, fix)
	}
	q := Problem{Var: "V", Code: p.Code, Args: placeholders(p.Args)}
	for _, l := range langs() {
		msg, fix := l.Problem(q)
		if text := msg + " " + fix; missesArgument(text) {
			return fmt.Errorf("problem %s (%s): text misses an argument: %s", p.Code, l.Tag(), text)
		}
	}
	return nil
}

// CheckNote reports a layer note whose code has no entry in every language
// of the catalogue or whose text prints an argument the note lacks. Tests
// call it.
func CheckNote(l Layer) error {
	if l.NoteCode == "" && l.Note == "" {
		return nil
	}
	if err := checkKeys(keyNote + l.NoteCode); err != nil {
		return err
	}
	q := Layer{NoteCode: l.NoteCode, NoteArgs: placeholders(l.NoteArgs)}
	for _, lang := range langs() {
		if s := lang.Note(q); missesArgument(s) {
			return fmt.Errorf("note %s (%s) misses an argument: %s", l.NoteCode, lang.Tag(), s)
		}
	}
	return nil
}

// checkKeys reports a key missing from a language of the catalogue.
func checkKeys(keys ...string) error {
	for _, key := range keys {
		for _, tag := range catalogueTags() {
			if !catalogue().has(tag, key) {
				return fmt.Errorf("%s has no entry in assets/translations/%s.json", key, tag)
			}
		}
	}
	return nil
}

// missesArgument reports whether a rendered text shows a missing argument.
func missesArgument(s string) bool {
	return strings.Contains(s, "<no value>") || strings.Contains(s, "%!")
}

// placeholders returns args without the texts that mark a missing
// argument, which a value, being anyone's input, may contain.
func placeholders(args map[string]string) map[string]string {
	out := map[string]string{}
	r := strings.NewReplacer("<no value>", "", "%!", "")
	for k, v := range args {
		out[k] = r.Replace(v)
	}
	return out
}
