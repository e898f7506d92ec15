package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/gitcred"
	"github.com/gomirror/gomirror/core/private/goauth"
)

var goauthCmd = &command{
	name: goauth.HelperArg,
	args: "[URL] | install | uninstall",
	run:  runGoauth,
}

// runGoauth implements "gomirrorctl goauth". The helper call takes no
// flags: the go command passes the URL as it is.
func runGoauth(c *cli, cmd *command, args []string) int {
	switch {
	case len(args) == 1 && (args[0] == "install" || args[0] == "uninstall"):
		return c.goauthInstall(cmd, args[0] == "install")
	case len(args) == 1 && isHelpFlag(args[0]):
		printCommandUsage(c.stdout, cmd)
		return exitOK
	}
	store, err := c.credStore()
	if err != nil {
		return c.fail(cmd, err)
	}
	if err := goauth.Serve(args, c.stdin(), c.stdout, c.stderr, store, msgs); err != nil {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(err))
		if errors.Is(err, goauth.ErrUsage) {
			return exitRefused
		}
		return exitFailure
	}
	return exitOK
}

// goauthInstall writes GOAUTH with the helper added or removed.
func (c *cli) goauthInstall(cmd *command, install bool) int {
	r := c.service().Resolve()
	current := r.Value("GOAUTH")
	plan := goauth.Uninstall(current)
	if install {
		exe, err := os.Executable()
		if err != nil {
			return c.fail(cmd, core.NewError("cli.no-executable", nil, err))
		}
		if plan, err = goauth.Install(current, exe); err != nil {
			fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(err))
			return exitRefused
		}
	}
	for _, n := range plan.Notes {
		fmt.Fprintln(c.stderr, say("note", "Note", msgs.Text(n, "")))
	}
	if plan.Value == current {
		fmt.Fprintln(c.stdout, say("goauth-already", "Value", showValue(current)))
		return exitOK
	}
	res, err := c.service().Set(r, []core.Assignment{{Key: "GOAUTH", Value: plan.Value}})
	return c.reportWrite(cmd, res, err, "wrote")
}

var gitCredentialCmd = &command{
	name: gitcred.HelperArg,
	args: "get|store|erase | setup [--dry-run]",
	run:  runGitCredential,
}

// runGitCredential implements "gomirrorctl git-credential".
func runGitCredential(c *cli, cmd *command, args []string) int {
	if len(args) >= 1 && args[0] == "setup" {
		return c.gitSetup(cmd, args[1:])
	}
	if len(args) == 1 && isHelpFlag(args[0]) {
		printCommandUsage(c.stdout, cmd)
		return exitOK
	}
	if len(args) != 1 {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, say("git-credential-expected"))
		printCommandUsage(c.stderr, cmd)
		return exitRefused
	}
	store, err := c.credStore()
	if err != nil {
		return c.fail(cmd, err)
	}
	if err := gitcred.Serve(args[0], c.stdin(), c.stdout, store); err != nil {
		return c.credFail(cmd, err)
	}
	return exitOK
}

// gitSetup runs (or, with --dry-run, prints) the git config commands.
func (c *cli) gitSetup(cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	dry := fs.Bool("dry-run", false, "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if code, ok := c.noArgs(cmd, pos); !ok {
		return code
	}
	cmds, code := c.gitSetupArgs(cmd)
	if cmds == nil {
		return code
	}
	if *dry {
		for _, a := range cmds {
			fmt.Fprintln(c.stdout, gitcred.CommandLine(a))
		}
		return exitOK
	}
	if err := gitcred.RunSetup(c.env, cmds, func(line string) { fmt.Fprintln(c.stdout, line) }); err != nil {
		return c.fail(cmd, err)
	}
	return exitOK
}

// gitSetupArgs returns the git commands for the stored credentials.
func (c *cli) gitSetupArgs(cmd *command) ([][]string, int) {
	store, err := c.credStore()
	if err != nil {
		return nil, c.fail(cmd, err)
	}
	ps, _, err := store.Prefixes()
	if err != nil {
		return nil, c.credFail(cmd, err)
	}
	if len(ps) == 0 {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(core.NewError("cli.no-credentials", nil, nil)))
		return nil, exitRefused
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, c.fail(cmd, err)
	}
	return gitcred.SetupArgs(exe, ps), exitOK
}

// isHelpFlag reports whether arg asks for help.
func isHelpFlag(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }

// The credential store serves the git helper.
var _ gitcred.Store = (*cred.Store)(nil)
