package fix

import (
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
)

// ExportLine returns the line that sets and exports name=value in the
// syntax of shell kind k, quoting the value so the shell keeps it as is.
func ExportLine(k origin.ShellKind, name, value string) string {
	switch k {
	case origin.Fish:
		return "set -gx " + name + " " + core.FishQuote(value)
	case origin.Csh:
		return "setenv " + name + " " + core.ShellQuote(value)
	case origin.Pwsh:
		return "$env:" + name + " = '" + strings.ReplaceAll(value, "'", "''") + "'"
	}
	return "export " + name + "=" + core.ShellQuote(value)
}
