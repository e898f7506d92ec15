package core

// Assignment is one KEY=VALUE to write to the user env file. Domain
// packages (mirrors, troubleshoot) propose writes as Assignments; the
// service layer validates and writes them.
type Assignment struct {
	Key   string
	Value string
}

// Refused returns a RefusedError holding one error-severity problem about
// the variable v ("" if none): its code, message and suggested fix.
func Refused(v, code, msg, fix string) error {
	return &RefusedError{Problems: []Problem{{Severity: SeverityError, Var: v, Code: code, Message: msg, Fix: fix}}}
}
