package core

import (
	"fmt"
	"strings"
)

// Text is a sentence core reports outside a Problem, such as a step of a
// route explanation: its code and the arguments its catalogue entry
// "text.<code>" is rendered from. An argument "@Name" names another text
// code, rendered from the plain arguments, as "Name".
type Text struct {
	Code string
	Args map[string]string
}

// NewText returns the text code with args.
func NewText(code string, args map[string]string) Text { return Text{Code: code, Args: args} }

// String returns t in English.
func (t Text) String() string { return English.Text(t, "") }

// data returns the template data of t in l: its Args, and for each
// argument "@Name" the text it names, rendered in l, as "Name".
func (t Text) data(l *Lang) map[string]string { return expand(t.Args, nil, l, keyText) }

// TextCodes returns every text code in the catalogue, sorted.
func TextCodes() []string { return codes(keyText, "") }

// CheckText reports a text whose code has no entry in every language of
// the catalogue, whose "@" arguments name no text, or whose text prints an
// argument it lacks. Tests of the packages that report texts call it.
func CheckText(t Text) error {
	if err := checkKeys(keyText + t.Code); err != nil {
		return err
	}
	for k, v := range t.Args {
		if _, ok := english(keyText + v); strings.HasPrefix(k, "@") && !ok {
			return fmt.Errorf("text %s: argument %s names no text", t.Code, k)
		}
	}
	q := Text{Code: t.Code, Args: placeholders(t.Args)}
	for _, l := range langs() {
		if s := l.Text(q, ""); missesArgument(s) {
			return fmt.Errorf("text %s (%s) misses an argument: %s", t.Code, l.Tag(), s)
		}
	}
	return nil
}
