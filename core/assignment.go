package core

// Assignment is one KEY=VALUE to write to the user env file. Domain
// packages (mirrors, troubleshoot) propose writes as Assignments; the
// service layer validates and writes them.
type Assignment struct {
	Key   string
	Value string
}

// Refuse returns a RefusedError holding one error-severity problem about
// the variable v ("" if none): the problem code, its message and fix
// rendered in English from args (see NewProblem). The code needs entries
// in the message catalogue.
func Refuse(v, code string, args map[string]string) error {
	return &RefusedError{Problems: []Problem{NewProblem(SeverityError, v, code, args)}}
}

// Refused returns a RefusedError holding one error-severity problem about
// the variable v with its own English message and fix.
//
// Deprecated: use Refuse with a catalogue code, which shows in the user's
// language. Refused stays only so that branches written before the
// catalogue still build; a code without catalogue entries shows msg and fix
// in every language.
func Refused(v, code, msg, fix string) error {
	return &RefusedError{Problems: []Problem{{Severity: SeverityError, Var: v, Code: code, Message: msg, Fix: fix}}}
}
