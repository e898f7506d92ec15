package core

import "strings"

// Severity ranks a Problem.
type Severity string

// Severities.
const (
	SeverityError   Severity = "error"   // breaks the go command or is refused
	SeverityWarning Severity = "warning" // works, but probably not as intended
	SeverityInfo    Severity = "info"    // worth knowing
)

// Problem is one finding of validation or diagnosis: which variable, what is
// wrong, and a concrete fix a person can act on.
type Problem struct {
	Severity Severity `json:"severity"`
	Var      string   `json:"var,omitempty"`
	Code     string   `json:"code"`    // stable identifier, e.g. "os-shadows-file"
	Message  string   `json:"message"` // in English; see Lang
	Fix      string   `json:"fix,omitempty"`
	File     string   `json:"file,omitempty"`
	Line     int      `json:"line,omitempty"`
	// Args are the values Message and Fix were rendered from with the
	// code's catalogue entries, so that a translation can render them again.
	Args map[string]string `json:"args,omitempty"`
}

// RefusedError reports a write that was refused before anything was written.
// The CLI exits with status 2 for it.
type RefusedError struct {
	Problems []Problem
}

func (e *RefusedError) Error() string {
	var b strings.Builder
	b.WriteString("refused, nothing written:")
	for _, p := range e.Problems {
		if p.Severity != SeverityError {
			continue
		}
		b.WriteString("\n  ")
		if p.Var != "" {
			b.WriteString(p.Var + ": ")
		}
		b.WriteString(p.Message)
		if p.Fix != "" {
			b.WriteString(" " + p.Fix)
		}
	}
	return b.String()
}

// Errors returns the problems of severity error.
func Errors(ps []Problem) []Problem {
	var out []Problem
	for _, p := range ps {
		if p.Severity == SeverityError {
			out = append(out, p)
		}
	}
	return out
}
