package main

import (
	"errors"
	"fmt"
	"github.com/gomirror/gomirror/core"
	"os"

	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/netrc"
)

var netrcCmd = &command{
	name:    "netrc",
	args:    "import|remove|undo [MACHINE...]",
	summary: "move .netrc credentials into the OS keyring",
	help: `Netrc migrates the plaintext credentials of the .netrc file the go command
reads ($NETRC, else %USERPROFILE%\_netrc on Windows if it exists, else
~/.netrc) into the OS keyring.

	netrc import [MACHINE...]
		store the entries the go command uses (the first per machine), or
		only the named machines, as credentials (see "gomirrorctl cred")
	netrc remove [MACHINE...]
		remove the entries of the named machines (every imported machine
		if none is named) from the file. Each must already be in the
		keyring with the same login and password. The original file is
		kept in the keyring, not on disk, so that the removal can be undone.
	netrc undo
		restore the file as it was before the last removal, if it has not
		changed since
`,
	run: runNetrc,
}

// runNetrc implements "gomirrorctl netrc".
func runNetrc(c *cli, cmd *command, args []string) int {
	pos, code, ok := c.parse(cmd, newFlagSet(cmd), args)
	if !ok {
		return code
	}
	if len(pos) == 0 || pos[0] != "import" && pos[0] != "remove" && pos[0] != "undo" || pos[0] == "undo" && len(pos) > 1 {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: expected import, remove or undo\n", cmd.name)
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
	fmt.Fprintf(c.stdout, "restored %s\n", path)
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
		fmt.Fprintf(c.stdout, "imported %s (user %s)\n", e.Prefix, e.User)
	}
	if err != nil {
		return c.credFail(cmd, err)
	}
	if len(done) == 0 {
		fmt.Fprintf(c.stdout, "%s has no entries to import\n", path)
		return exitOK
	}
	fmt.Fprintf(c.stdout, "the passwords are still in %s; run \"gomirrorctl netrc remove\" to remove them from the file\n", path)
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
	fmt.Fprintf(c.stdout, "removed %d entries from %s; \"gomirrorctl netrc undo\" restores them\n", n, path)
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
