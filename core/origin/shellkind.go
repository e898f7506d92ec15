package origin

import (
	"path/filepath"
	"strings"
)

// ShellKind is a family of shells that read the same rc files and share a
// syntax.
type ShellKind string

// Shell kinds.
const (
	Bash ShellKind = "bash"
	Zsh  ShellKind = "zsh"
	Fish ShellKind = "fish"
	Sh   ShellKind = "sh"   // POSIX shells: sh, dash, ash, ksh, mksh, busybox
	Csh  ShellKind = "csh"  // csh and tcsh
	Pwsh ShellKind = "pwsh" // PowerShell (pwsh and Windows PowerShell)
)

// KindOf returns the kind of the shell at path, judged by its file name, or
// "" for a shell Go Mirror does not know.
func KindOf(path string) ShellKind {
	name := strings.ToLower(filepath.Base(strings.ReplaceAll(path, `\`, "/")))
	name = strings.TrimSuffix(name, ".exe")
	name = strings.TrimPrefix(name, "-") // a login shell's argv[0]
	switch name {
	case "bash", "zsh", "fish":
		return ShellKind(name)
	case "sh", "dash", "ash", "ksh", "ksh93", "mksh", "pdksh", "oksh", "loksh", "busybox", "yash", "posh":
		return Sh
	case "csh", "tcsh":
		return Csh
	case "pwsh", "powershell", "pwsh-preview":
		return Pwsh
	}
	return ""
}
