package core

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"text/template"
)

// Template is the English text of one problem code: a message and a fix in
// text/template syntax, executed with the problem's template data (see
// Problem.Data). The GUI translates the same templates under the keys
// "problem.<code>.message" and "problem.<code>.fix".
type Template struct {
	Message string
	Fix     string
}

// Render is how a fragment named by an "@Name" argument becomes text: core
// executes its English template, the GUI translates it.
type Render func(code string, data map[string]string) string

// ProblemTemplate returns the English templates of code.
func ProblemTemplate(code string) (Template, bool) {
	t, ok := problemTemplates[code]
	return t, ok
}

// ProblemCodes returns every problem code with a template, sorted.
func ProblemCodes() []string { return slices.Sorted(maps.Keys(problemTemplates)) }

// SnippetTemplate returns the English template of a snippet: a sentence
// shared by several problems, named by an "@Name" argument.
func SnippetTemplate(code string) (string, bool) {
	s, ok := snippetTemplates[code]
	return s, ok
}

// SnippetCodes returns every snippet code, sorted.
func SnippetCodes() []string { return slices.Sorted(maps.Keys(snippetTemplates)) }

// NoteTemplate returns the English template of a layer note code.
func NoteTemplate(code string) (string, bool) {
	s, ok := noteTemplates[code]
	return s, ok
}

// NoteCodes returns every layer note code, sorted.
func NoteCodes() []string { return slices.Sorted(maps.Keys(noteTemplates)) }

// NewProblem returns the problem code about variable v (which may be ""),
// with its message and fix rendered in English from args.
func NewProblem(sev Severity, v, code string, args map[string]string) Problem {
	p := Problem{Severity: sev, Var: v, Code: code, Args: args}
	p.Render()
	return p
}

// Render sets p's Message and Fix from its Code and Args, in English. A
// code without a template keeps its text.
func (p *Problem) Render() {
	t, ok := problemTemplates[p.Code]
	if !ok {
		return
	}
	data := p.Data(renderSnippet)
	p.Message, p.Fix = Execute(t.Message, data), Execute(t.Fix, data)
}

// Templated reports whether p's Message and Fix are its code's templates
// rendered from its Args, so that a translation of the templates says the
// same thing. It is false for codes without a template and for problems
// built with text of their own.
func (p Problem) Templated() bool {
	t, ok := problemTemplates[p.Code]
	if !ok {
		return false
	}
	data := p.Data(renderSnippet)
	return Execute(t.Message, data) == p.Message && Execute(t.Fix, data) == p.Fix
}

// Data returns the template data of p: its Args, its Var as "Var", and for
// each argument "@Name" the snippet it names, rendered by render, as "Name".
func (p Problem) Data(render Render) map[string]string {
	return expand(p.Args, map[string]string{"Var": p.Var}, render)
}

// SetNote sets l's note to the note code rendered in English from args.
func (l *Layer) SetNote(code string, args map[string]string) {
	l.NoteCode, l.NoteArgs = code, args
	l.Note = Execute(noteTemplates[code], l.NoteData(renderNote))
}

// NoteData returns the template data of l's note: its NoteArgs, and for each
// argument "@Name" the note it names, rendered by render, as "Name".
func (l Layer) NoteData(render Render) map[string]string {
	return expand(l.NoteArgs, nil, render)
}

// expand merges base and args, then renders the "@" arguments from the
// plain ones (a fragment never sees another fragment).
func expand(args, base map[string]string, render Render) map[string]string {
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
			data[name] = render(v, plain)
		}
	}
	return data
}

func renderSnippet(code string, data map[string]string) string {
	return Execute(snippetTemplates[code], data)
}

func renderNote(code string, data map[string]string) string {
	return Execute(noteTemplates[code], data)
}

// Execute runs the template text with data. A template prints only the
// arguments its producers always set, and optional ones inside {{if}} or
// {{with}} (CheckRendered tests that); one that fails is returned as it is.
func Execute(text string, data map[string]string) string {
	if !strings.Contains(text, "{{") {
		return text
	}
	t, err := template.New("").Parse(text)
	if err != nil {
		return text
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return text
	}
	return b.String()
}

// CheckRendered reports a problem whose code has no template, whose
// snippets do not exist, or whose template prints an argument the problem
// lacks ("<no value>"). Tests of the packages that report problems call it.
func CheckRendered(p Problem) error {
	if _, ok := problemTemplates[p.Code]; !ok {
		return fmt.Errorf("problem code %q has no template in core/messages.go", p.Code)
	}
	for k, v := range p.Args {
		if _, ok := snippetTemplates[v]; strings.HasPrefix(k, "@") && !ok {
			return fmt.Errorf("problem %s: argument %s names no snippet", p.Code, k)
		}
	}
	q := Problem{Var: "V", Code: p.Code, Args: placeholders(p.Args)}
	q.Render()
	if text := q.Message + " " + q.Fix; strings.Contains(text, "<no value>") || strings.Contains(text, "%!") {
		return fmt.Errorf("problem %s: text misses an argument: %s", p.Code, text)
	}
	return nil
}

// CheckNote reports a layer note whose code has no template or whose
// template prints an argument the note lacks. Tests call it.
func CheckNote(l Layer) error {
	if l.NoteCode == "" && l.Note == "" {
		return nil
	}
	if _, ok := noteTemplates[l.NoteCode]; !ok {
		return fmt.Errorf("note code %q has no template in core/messages.go", l.NoteCode)
	}
	var q Layer
	q.SetNote(l.NoteCode, placeholders(l.NoteArgs))
	if strings.Contains(q.Note, "<no value>") || strings.Contains(q.Note, "%!") {
		return fmt.Errorf("note %s misses an argument: %s", l.NoteCode, q.Note)
	}
	return nil
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
