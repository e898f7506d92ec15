// Command gomirrorctl shows and edits the go command's module-download
// settings from the command line, with the same resolution, diagnostics and
// safe writes as the Go Mirror desktop app (all of it in core/service).
//
// Usage:
//
//	gomirrorctl env [--json] [--check] [VAR...]  effective values and their sources
//	gomirrorctl set KEY=VALUE...                 write the user env file (like go env -w)
//	gomirrorctl unset KEY...                     remove keys (like go env -u)
//	gomirrorctl doctor [--json]                  explain what is wrong and how to fix it
//	gomirrorctl history [--json]                 the writes made, newest first
//	gomirrorctl undo                             revert the newest write, byte for byte
//	gomirrorctl origins|processes|fix ...        where a value really comes from (shells, OS, processes)
//	gomirrorctl mirrors|probe|use ...            mirrors, live probes and the GOPROXY chain builder
//	gomirrorctl profile|network ...              named profiles and network rules
//	gomirrorctl route|cred|goauth|git-credential|netrc ...
//	                                             private modules, keyring credentials and helpers
//	gomirrorctl explain|verify|toolchains ...    from a failing go command to the cause and the fix
//	gomirrorctl version
//	gomirrorctl help [command]
//
// "gomirrorctl help COMMAND" describes each command. Text output follows the
// locale (Simplified Chinese or English); --lang en|zh overrides it.
//
// Exit status: 0 done (warnings go to stderr; doctor exits 0 whatever it
// finds), 1 failure (I/O, or env --check found a disagreement), 2 bad usage
// or refused input, with nothing written.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Environ()))
}
