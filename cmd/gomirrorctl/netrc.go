package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"github.com/gomirror/gomirror/core"

	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/netrc"
)

var netrcCmd = &command{
	name: "netrc",
	args: "import|remove|undo [MACHINE...]",
	run:  runNetrc,
}

// runNetrc implements "gomirrorctl netrc".
func runNetrc(c *cli, cmd *command, args []string) int {
	pos, code, ok := c.parse(cmd, newFlagSet(cmd), args)
	if !ok {
		return code
	}
	if len(pos) == 0 || pos[0] != "import" && pos[0] != "remove" && pos[0] != "undo" || pos[0] == "undo" && len(pos) > 1 {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, say("netrc-expected"))
		printCommandUsage(c.stderr, cmd)
		return exitRefused
	}
	store, err := c.credStore()
	if err != nil {
		return c.fail(cmd, err)
	}
	path, err := c.netrcPath()
	if err != nil {
		return c.fail(cmd, err)
	}
	switch pos[0] {
	case "import":
		return c.netrcImport(cmd, store, path, pos[1:])
	case "remove":
		return c.netrcRemove(cmd, store, path, pos[1:])
	}
	if err := netrc.Undo(store.Keyring, path); err != nil {
		return c.netrcFail(cmd, err)
	}
	fmt.Fprintln(c.stdout, say("netrc-restored", "File", path))
	return exitOK
}

// netrcPath is the file the go command reads in this environment.
func (c *cli) netrcPath() (string, error) {
	r := c.service().Resolve()
	return netrc.Path(r.OSEnv, r.GOOS, func(p string) bool { _, err := os.Stat(p); return err == nil })
}

// netrcEntries reads and parses the file at path.
func netrcEntries(path string) ([]netrc.Entry, error) {
	data, err := core.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return netrc.Parse(string(data)), nil
}

// netrcImport stores the file's entries in the keyring.
func (c *cli) netrcImport(cmd *command, store *cred.Store, path string, machines []string) int {
	es, err := netrcEntries(path)
	if err != nil {
		return c.fail(cmd, err)
	}
	if len(machines) == 0 {
		machines = nil
	}
	done, err := netrc.Import(store, path, es, machines)
	for _, e := range done {
		fmt.Fprintln(c.stdout, say("netrc-imported", "Prefix", e.Prefix, "User", e.User))
	}
	if err != nil {
		return c.credFail(cmd, err)
	}
	if len(done) == 0 {
		fmt.Fprintln(c.stdout, say("netrc-nothing", "File", path))
		return exitOK
	}
	fmt.Fprintln(c.stdout, say("netrc-still-there", "File", path))
	return exitOK
}

// netrcRemove removes imported machines from the file.
func (c *cli) netrcRemove(cmd *command, store *cred.Store, path string, machines []string) int {
	if len(machines) == 0 {
		es, err := netrcEntries(path)
		if err != nil {
			return c.fail(cmd, err)
		}
		machines = importedMachines(store, netrc.Effective(es))
	}
	n, err := netrc.Remove(store, path, machines)
	if err != nil {
		return c.netrcFail(cmd, err)
	}
	fmt.Fprintln(c.stdout, say("netrc-removed", "N", strconv.Itoa(n), "File", path))
	return exitOK
}

// importedMachines returns the machines of es whose credential is stored.
func importedMachines(store *cred.Store, es []netrc.Entry) []string {
	var out []string
	for _, e := range es {
		if c, err := store.Get(e.Machine); err == nil && c.User == e.Login && c.Secret == e.Password {
			out = append(out, e.Machine)
		}
	}
	return out
}

// netrcFail reports a migration error; a refusal exits 2.
func (c *cli) netrcFail(cmd *command, err error) int {
	for _, refused := range []error{netrc.ErrNotMigrated, netrc.ErrNoBackup, netrc.ErrChanged} {
		if errors.Is(err, refused) {
			fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(err))
			return exitRefused
		}
	}
	return c.credFail(cmd, err)
}
