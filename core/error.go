package core

import (
	"errors"
	"maps"
	"strings"
)

// keyError is the catalogue prefix of Error codes.
const keyError = "error."

// Error is an error a person reads: the catalogue entry "error.<Code>"
// rendered from Args and, as "Err", the text of the error it wraps (in the
// same language), so that the GUI and the CLI can show it in the user's
// language. errors.Is and errors.As see through it to Err.
type Error struct {
	Code string
	Args map[string]string
	Err  error
}

// NewError returns the error code with args, wrapping err (which may be
// nil).
func NewError(code string, args map[string]string, err error) *Error {
	return &Error{Code: code, Args: args, Err: err}
}

// Error returns e in English.
func (e *Error) Error() string { return e.Localize(English) }

// Unwrap returns the error e wraps.
func (e *Error) Unwrap() error { return e.Err }

// Localize returns e in l.
func (e *Error) Localize(l *Lang) string {
	data := maps.Clone(e.Args)
	if data == nil {
		data = map[string]string{}
	}
	if e.Err != nil {
		data["Err"] = l.Error(e.Err)
	}
	if s, ok := l.Message(keyError+e.Code, data); ok {
		return s
	}
	if e.Err != nil {
		return e.Code + ": " + data["Err"]
	}
	return e.Code
}

// Localizer is an error that can say itself in a language, such as Error
// or an error that holds one.
type Localizer interface {
	error
	Localize(l *Lang) string
}

// Error returns the text of err in l: a Localizer says itself; errors
// joined by errors.Join each say themselves, one a line; an error that
// wraps one (with fmt.Errorf's %w, say) keeps its own words around the
// wrapped error's text in l; any other error is its own text.
func (l *Lang) Error(err error) string {
	if err == nil {
		return ""
	}
	if le, ok := err.(Localizer); ok {
		return le.Localize(l)
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok && err.Error() == errors.Join(j.Unwrap()...).Error() {
		var lines []string
		for _, e := range j.Unwrap() {
			if e != nil {
				lines = append(lines, l.Error(e))
			}
		}
		return strings.Join(lines, "\n") // errors.Join's format, in l
	}
	var le Localizer
	if errors.As(err, &le) {
		if s, inner := err.Error(), le.Error(); strings.Contains(s, inner) {
			return strings.Replace(s, inner, le.Localize(l), 1)
		}
	}
	return err.Error()
}

// CheckError reports an Error whose code has no entry in every language of
// the catalogue, or whose text in some language prints an argument it
// lacks. Tests of the packages that return Errors call it.
func CheckError(e *Error) error {
	if err := checkKeys(keyError + e.Code); err != nil {
		return err
	}
	q := &Error{Code: e.Code, Args: placeholders(e.Args), Err: e.Err}
	for _, l := range langs() {
		if s := q.Localize(l); missesArgument(s) {
			return errors.New("error " + e.Code + " (" + l.Tag() + ") misses an argument: " + s)
		}
	}
	return nil
}
