package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/service"
)

// Exit statuses.
const (
	exitOK      = 0 // done; warnings, if any, went to stderr
	exitFailure = 1 // something went wrong (I/O, the go command, a check failed)
	exitRefused = 2 // bad usage or refused input; nothing was written
)

// cli is one invocation: its streams, its environment and the service built
// from that environment.
type cli struct {
	stdout, stderr io.Writer
	env            []string
	svc            *service.Service
}

// command is one subcommand of gomirrorctl. Its texts are catalogue
// entries: cli.cmd.<name>.summary (one line for the command list),
// cli.cmd.<name>.help (the rest of "gomirrorctl help <name>") and, for a
// synopsis with words to translate, cli.cmd.<name>.args.
type command struct {
	name string
	args string // synopsis after the name, e.g. "[--json] [VAR...]", unless cli.cmd.<name>.args has one
	// listVars appends the managed variable names to the help; they are
	// computed when printed, not at start-up.
	listVars bool
	run      func(c *cli, cmd *command, args []string) int
}

// commands lists the subcommands in the order "gomirrorctl help" shows them.
// It is filled in by init to break the reference cycle through runHelp.
var commands []*command

func init() {
	commands = []*command{envCmd, setCmd, unsetCmd, doctorCmd, historyCmd, undoCmd, redoCmd, originsCmd, processesCmd, fixCmd, mirrorsCmd, probeCmd, useCmd, profileCmd, networkCmd, routeCmd, explainCmd, proveCmd, verifyCmd, toolchainsCmd, credCmd, goauthCmd, gitCredentialCmd, netrcCmd, versionCmd, helpCmd}
}

// run executes gomirrorctl with args (without the program name) and returns
// the exit status. env is the process environment the settings are resolved
// against. No command reads stdin yet.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, env []string) int {
	c := &cli{stdout: stdout, stderr: stderr, env: env}
	args, tag := takeLang(args)
	msgs = core.NewLang(chooseLang(tag, env))
	if len(args) == 0 {
		printUsage(stderr)
		return exitRefused
	}
	switch args[0] {
	case "-h", "-help", "--help":
		printUsage(stdout)
		return exitOK
	}
	cmd := lookupCommand(args[0])
	if cmd == nil {
		fmt.Fprintf(stderr, "gomirrorctl: %s\n\n", say("unknown-command", "Name", quoted(args[0])))
		printUsage(stderr)
		return exitRefused
	}
	return cmd.run(c, cmd, args[1:])
}

// lookupCommand returns the subcommand called name, or nil.
func lookupCommand(name string) *command {
	for _, cmd := range commands {
		if cmd.name == name {
			return cmd
		}
	}
	return nil
}

// service returns the service for this invocation's environment, creating it
// on first use.
func (c *cli) service() *service.Service {
	if c.svc == nil {
		c.svc = service.New(service.Options{Env: c.env, Source: history.SourceCLI, Keyring: cred.OSKeyring{Timeout: keyringTimeout}})
	}
	return c.svc
}

// printUsage writes the top-level usage to w.
func printUsage(w io.Writer) {
	fmt.Fprint(w, cliText("usage.intro"))
	width := 0
	for _, cmd := range commands {
		width = max(width, len(cmd.name))
	}
	for _, cmd := range commands {
		fmt.Fprintf(w, "\t%-*s  %s\n", width, cmd.name, cmd.summary())
	}
	fmt.Fprint(w, cliText("usage.outro"))
}

// printCommandUsage writes the usage of one command to w.
func printCommandUsage(w io.Writer, cmd *command) {
	fmt.Fprintf(w, "%s\n\n%s", cliText("usage.synopsis", "Synopsis", "gomirrorctl "+cmd.name+" "+cmd.synopsis()), cmd.help())
	if cmd.listVars {
		fmt.Fprintf(w, "\n%s\n", cliText("usage.vars", "Vars", strings.Join(core.VarNames(), " ")))
	}
}

// summary returns cmd's line in the command list.
func (cmd *command) summary() string { return cliText("cmd." + cmd.name + ".summary") }

// help returns the text of "gomirrorctl help <name>" after the synopsis.
// The help of prove names probe.DefaultModule as {{.Module}}.
func (cmd *command) help() string {
	return cliText("cmd."+cmd.name+".help", "Module", probe.DefaultModule)
}

// synopsis returns cmd's arguments after its name: the catalogue's
// cli.cmd.<name>.args for one with words, else cmd.args as it is.
func (cmd *command) synopsis() string {
	if s, ok := msgs.Message("cli.cmd."+cmd.name+".args", nil); ok {
		return s
	}
	return cmd.args
}

// parse parses a command's flags, allowing them anywhere among the
// positional arguments (as in "env GOPROXY --json"); everything after "--" is
// positional. On -h/--help it prints the usage on stdout; on a bad flag it
// prints the error and the usage on stderr. ok is false when the caller must
// return code at once.
func (c *cli) parse(cmd *command, fs *flag.FlagSet, args []string) (pos []string, code int, ok bool) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	pos, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		printCommandUsage(c.stdout, cmd)
		return nil, exitOK, false
	case err != nil:
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, flagError(err))
		printCommandUsage(c.stderr, cmd)
		return nil, exitRefused, false
	}
	return pos, exitOK, true
}

// parseInterspersed parses flags that may follow positional arguments and
// returns the positional ones in order.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}

// newFlagSet returns an empty flag set for cmd.
func newFlagSet(cmd *command) *flag.FlagSet {
	return flag.NewFlagSet("gomirrorctl "+cmd.name, flag.ContinueOnError)
}

// noArgs refuses positional arguments for commands that take none.
func (c *cli) noArgs(cmd *command, pos []string) (int, bool) {
	if len(pos) == 0 {
		return exitOK, true
	}
	fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, say("unexpected-argument", "Arg", quoted(pos[0])))
	printCommandUsage(c.stderr, cmd)
	return exitRefused, false
}

// fail reports err for cmd on stderr and returns the matching exit status:
// exitRefused for a core.RefusedError (nothing was written), exitFailure
// otherwise.
func (c *cli) fail(cmd *command, err error) int {
	var refused *core.RefusedError
	if errors.As(err, &refused) {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, word("refused"))
		for _, p := range refused.Problems {
			printProblem(c.stderr, p, "  ")
		}
		return exitRefused
	}
	fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(err))
	if errors.Is(err, core.ErrNotRegular) || errors.Is(err, core.ErrTooLarge) {
		return exitRefused // a named pipe or /dev/zero given as a file
	}
	return exitFailure
}

// printProblem writes one problem: its variable and message, then its fix
// and location on indented lines.
func printProblem(w io.Writer, p core.Problem, indent string) {
	msg, fix := msgs.Problem(p)
	if p.Var != "" {
		msg = p.Var + ": " + msg
	}
	if p.Severity != core.SeverityError && p.Severity != "" {
		msg = say("severity", "Severity", word("severity."+string(p.Severity)), "Message", msg)
	}
	fmt.Fprintf(w, "%s%s\n", indent, msg)
	if fix != "" {
		fmt.Fprintf(w, "%s  %s\n", indent, say("fix", "Fix", fix))
	}
	if loc := location(p.File, p.Line); loc != "" {
		fmt.Fprintf(w, "%s  %s\n", indent, say("at", "Place", loc))
	}
}

// location formats file:line, or just file, or "".
func location(file string, line int) string {
	if file == "" || line <= 0 {
		return file
	}
	return fmt.Sprintf("%s:%d", file, line)
}

// showValue formats a setting's value for text output: as is when that is
// unambiguous, otherwise Go-quoted (empty values, surrounding spaces, quotes,
// control characters such as a kept \r).
func showValue(v string) string {
	if v == "" || strings.TrimSpace(v) != v || strings.ContainsAny(v, "\"\\") {
		return fmt.Sprintf("%q", v)
	}
	for _, r := range v {
		if r < ' ' || r == 0x7f {
			return fmt.Sprintf("%q", v)
		}
	}
	return v
}
