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
