package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is the release version, set at build time with
// -ldflags "-X main.version=v1.2.3"; otherwise the module's build info is used.
var version = ""

var versionCmd = &command{
	name: "version",
	args: "",
	run:  runVersion,
}

var helpCmd = &command{
	name: "help",
	args: "[command]",
	run:  runHelp,
}

// runVersion implements "gomirrorctl version".
func runVersion(c *cli, cmd *command, args []string) int {
	pos, code, ok := c.parse(cmd, newFlagSet(cmd), args)
	if !ok {
		return code
	}
	if code, ok := c.noArgs(cmd, pos); !ok {
		return code
	}
	fmt.Fprintf(c.stdout, "gomirrorctl %s %s %s/%s\n", buildVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}

// buildVersion returns version, or the main module's version from the build
// info, or "(devel)".
func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// runHelp implements "gomirrorctl help".
func runHelp(c *cli, cmd *command, args []string) int {
	pos, code, ok := c.parse(cmd, newFlagSet(cmd), args)
	if !ok {
		return code
	}
	switch len(pos) {
	case 0:
		printUsage(c.stdout)
		return exitOK
	case 1:
		if target := lookupCommand(pos[0]); target != nil {
			printCommandUsage(c.stdout, target)
			return exitOK
		}
		fmt.Fprintf(c.stderr, "gomirrorctl help: %s\n\n", say("unknown-command", "Name", quoted(pos[0])))
	default:
		fmt.Fprintf(c.stderr, "gomirrorctl help: %s\n\n", say("help-one-command"))
	}
	printUsage(c.stderr)
	return exitRefused
}
