package core

import "strings"

// shellSafe holds the characters that no shell (sh, bash, zsh, dash, csh,
// fish) treats specially inside a word that is not a command's first.
const shellSafe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,./:@%+=_-"

// ShellQuote returns s as one word of a POSIX shell (sh, bash, zsh, dash;
// csh too): as it is if it holds only characters no shell treats
// specially, otherwise in single quotes, each ' inside closed, escaped and
// reopened. Every command line Go Mirror shows or writes for these shells
// quotes with it, so the GUI and gomirrorctl show the same text for the
// same path.
func ShellQuote(s string) string {
	if s != "" && strings.Trim(s, shellSafe) == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ShellLine returns the command line that runs args in a POSIX shell, each
// argument quoted by ShellQuote.
func ShellLine(args ...string) string {
	words := make([]string, len(args))
	for i, a := range args {
		words[i] = ShellQuote(a)
	}
	return strings.Join(words, " ")
}

// FishQuote returns s as one word of fish: as it is if it holds only
// characters no shell treats specially, otherwise in single quotes, inside
// which fish reads \ and ' as escapes.
func FishQuote(s string) string {
	if s != "" && strings.Trim(s, shellSafe) == "" {
		return s
	}
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
