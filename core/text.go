package core

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Text is a sentence core reports outside a Problem, such as a step of a
// route explanation: its code and the arguments its English template (see
// TextTemplate) is rendered from, so that the GUI can translate it under
// the key "text.<code>". An argument "@Name" names another text code,
// rendered from the plain arguments, as "Name".
type Text struct {
	Code string
	Args map[string]string
}

// NewText returns the text code with args.
func NewText(code string, args map[string]string) Text { return Text{Code: code, Args: args} }

// String returns t in English.
func (t Text) String() string { return Execute(textTemplates[t.Code], t.Data(renderText)) }

// Data returns the template data of t: its Args, and for each argument
// "@Name" the text it names, rendered by render, as "Name".
func (t Text) Data(render Render) map[string]string { return expand(t.Args, nil, render) }

// TextTemplate returns the English template of a text code.
func TextTemplate(code string) (string, bool) {
	s, ok := textTemplates[code]
	return s, ok
}

// TextCodes returns every text code, sorted.
func TextCodes() []string { return slices.Sorted(maps.Keys(textTemplates)) }

func renderText(code string, data map[string]string) string {
	return Execute(textTemplates[code], data)
}

// CheckText reports a text whose code has no template, whose "@" arguments
// name no text, or whose template prints an argument the text lacks. Tests
// of the packages that report texts call it.
func CheckText(t Text) error {
	if _, ok := textTemplates[t.Code]; !ok {
		return fmt.Errorf("text code %q has no template in core/messages.go", t.Code)
	}
	for k, v := range t.Args {
		if _, ok := textTemplates[v]; strings.HasPrefix(k, "@") && !ok {
			return fmt.Errorf("text %s: argument %s names no text", t.Code, k)
		}
	}
	s := Text{Code: t.Code, Args: placeholders(t.Args)}.String()
	if strings.Contains(s, "<no value>") || strings.Contains(s, "%!") {
		return fmt.Errorf("text %s misses an argument: %s", t.Code, s)
	}
	return nil
}
