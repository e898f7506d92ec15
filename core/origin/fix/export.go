package fix

import (
	"strings"

	"github.com/gomirror/gomirror/core/origin"
)

// ExportLine returns the line that sets and exports name=value in the
// syntax of shell kind k, quoting the value so the shell keeps it as is.
func ExportLine(k origin.ShellKind, name, value string) string {
	switch k {
	case origin.Fish:
		return "set -gx " + name + " " + singleQuote(value, `\'`)
	case origin.Csh:
		return "setenv " + name + " " + singleQuote(value, `'\''`)
	case origin.Pwsh:
		return "$env:" + name + " = '" + strings.ReplaceAll(value, "'", "''") + "'"
	}
	return "export " + name + "=" + singleQuote(value, `'\''`)
}

// singleQuote quotes s in single quotes, writing each ' as quote.
func singleQuote(s, quote string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,./:@%+=_-") == "" {
		return s
	}
	if quote == `\'` { // fish: backslashes are escapes inside single quotes too
		s = strings.ReplaceAll(s, `\`, `\\`)
	}
	return "'" + strings.ReplaceAll(s, "'", quote) + "'"
}
