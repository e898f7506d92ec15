package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/gomirror/gomirror/core"

	"github.com/gomirror/gomirror/core/profile"
)

var profileCmd = &command{
	name: "profile",
	args: "list|show|apply|save|rm|rename|dup|export|import [ARG...] [flags]",
	run:  runProfile,
}

// profileFlags are the flags of profile.
type profileFlags struct {
	jsonOut, dryRun, yes, replace, check bool
	format                               string
}

// profileSub is one subcommand of profile: its argument count (-1 for any)
// and what it does.
type profileSub struct {
	nargs int
	usage string
	run   func(c *cli, cmd *command, pf profileFlags, args []string) int
}

var profileSubs = map[string]profileSub{
	"list":   {0, "profile list", runProfileList},
	"show":   {1, "profile show NAME", runProfileShow},
	"apply":  {1, "profile apply NAME", runProfileApply},
	"save":   {1, "profile save NAME", runProfileSave},
	"rm":     {1, "profile rm NAME", runProfileRemove},
	"rename": {2, "profile rename OLD NEW", runProfileRename},
	"dup":    {2, "profile dup NAME NEW", runProfileDup},
	"export": {-1, "profile export [NAME...]", runProfileExport},
	"import": {1, "profile import FILE", runProfileImport},
}

// runProfile implements "gomirrorctl profile".
func runProfile(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	var pf profileFlags
	fs.BoolVar(&pf.jsonOut, "json", false, "")
	fs.BoolVar(&pf.dryRun, "dry-run", false, "")
	fs.BoolVar(&pf.yes, "yes", false, "")
	fs.BoolVar(&pf.check, "check", false, "")
	fs.BoolVar(&pf.replace, "replace", false, "")
	fs.StringVar(&pf.format, "format", "toml", "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		pos = []string{"list"}
	}
	sub, ok := profileSubs[pos[0]]
	switch {
	case !ok:
		return c.usageError(cmd, core.NewError("cli.unknown-subcommand", map[string]string{"Arg": pos[0]}, nil))
	case sub.nargs >= 0 && len(pos)-1 != sub.nargs:
		fmt.Fprintf(c.stderr, "%s\n%s\n", cliText("usage.synopsis", "Synopsis", "gomirrorctl "+sub.usage), say("profile-more"))
		return exitRefused
	}
	return sub.run(c, cmd, pf, pos[1:])
}

// store returns the user's profile store.
func (c *cli) store() (profile.Store, error) {
	dir, err := c.service().ConfigDir()
	return profile.Store{Dir: dir}, err
}

// profileFail reports err like fail, but a missing or taken profile name is
// refused input (exit 2) too.
func (c *cli) profileFail(cmd *command, err error) int {
	if errors.Is(err, profile.ErrNotFound) || errors.Is(err, profile.ErrExists) {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(err))
		return exitRefused
	}
	return c.fail(cmd, err)
}

// profileList is the JSON form of profile list.
type profileList struct {
	Active string `json:"active"`
	// Drift lists the keys where the env file no longer matches the
	// active profile.
	Drift    []string          `json:"drift,omitempty"`
	Profiles []profile.Profile `json:"profiles"`
}

// runProfileList implements "profile list".
func runProfileList(c *cli, cmd *command, pf profileFlags, _ []string) int {
	st, err := c.store()
	if err != nil {
		return c.fail(cmd, err)
	}
	ps, active, err := st.All()
	if err != nil {
		return c.profileFail(cmd, err)
	}
	var drift []string
	r := c.service().Resolve()
	for _, p := range ps {
		if p.Name == active {
			drift = profile.Drift(r, p)
		}
	}
	if pf.jsonOut {
		return c.writeJSONOut(cmd, profileList{Active: active, Drift: drift, Profiles: ps})
	}
	tw := newTable(c.stdout)
	fmt.Fprintln(tw, header("  NAME\tKIND\tCHANGES"))
	for _, p := range ps {
		mark, name := " ", profile.ShownName(msgs, p)
		if p.Name == active {
			mark = "*"
			if len(drift) > 0 {
				name += " " + say("profile-modified", "Keys", strings.Join(drift, ", "))
			}
		}
		fmt.Fprintf(tw, "%s %s\t%s\t%s\n", mark, name, kind(p), changedKeys(p))
	}
	tw.Flush()
	return exitOK
}

// writeJSONOut writes v as JSON on stdout and returns the exit status.
func (c *cli) writeJSONOut(cmd *command, v any) int {
	if err := writeJSON(c.stdout, v); err != nil {
		return c.fail(cmd, err)
	}
	return exitOK
}

// kind says whether p is a preset or the user's.
func kind(p profile.Profile) string {
	if p.Preset {
		return word("profile.preset")
	}
	return word("profile.saved")
}

// changedKeys summarises what p sets and unsets, e.g. "set GOPROXY GOSUMDB;
// unset GOFLAGS".
func changedKeys(p profile.Profile) string {
	var set, unset []string
	for _, k := range profile.Keys {
		switch p.Get(k).Action {
		case profile.Set:
			set = append(set, k)
		case profile.Unset:
			unset = append(unset, k)
		}
	}
	var parts []string
	if len(set) > 0 {
		parts = append(parts, say("edit-set", "Keys", strings.Join(set, " ")))
	}
	if len(unset) > 0 {
		parts = append(parts, say("edit-unset", "Keys", strings.Join(unset, " ")))
	}
	if len(parts) == 0 {
		return say("profile-leaves-everything")
	}
	return strings.Join(parts, "; ")
}

// profileShow is the JSON form of profile show.
type profileShow struct {
	Profile profile.Profile `json:"profile"`
	Active  bool            `json:"active"`
	Plan    profile.Plan    `json:"plan"`
}

// runProfileShow implements "profile show".
func runProfileShow(c *cli, cmd *command, pf profileFlags, args []string) int {
	p, active, code, ok := c.lookupProfile(cmd, args[0])
	if !ok {
		return code
	}
	pl := profile.NewPlan(c.service().Resolve(), p)
	if pf.jsonOut {
		return c.writeJSONOut(cmd, profileShow{Profile: p, Active: p.Name == active, Plan: pl})
	}
	printProfile(c.stdout, p, p.Name == active)
	fmt.Fprintln(c.stdout, "\n"+say("profile-would"))
	printPlanChanges(c.stdout, pl)
	for _, pr := range pl.Problems {
		printProblem(c.stdout, pr, "  ")
	}
	return exitOK
}

// lookupProfile finds a stored profile or preset and the active name.
func (c *cli) lookupProfile(cmd *command, name string) (p profile.Profile, active string, code int, ok bool) {
	st, err := c.store()
	if err == nil {
		p, err = st.Lookup(name)
		if errors.Is(err, profile.ErrNotFound) { // a preset by its shown name (中国大陆)
			if stored := profile.PresetStoredName(name); stored != name {
				p, err = st.Lookup(stored)
			}
		}
	}
	if err == nil {
		active, err = st.Active()
	}
	if err != nil {
		return p, "", c.profileFail(cmd, err), false
	}
	return p, active, exitOK, true
}

// printProfile writes a profile's description and choices.
func printProfile(w io.Writer, p profile.Profile, active bool) {
	head := say("profile-head", "Name", profile.ShownName(msgs, p), "Kind", kind(p))
	if active {
		head = say("profile-head-active", "Name", profile.ShownName(msgs, p), "Kind", kind(p))
	}
	fmt.Fprintln(w, head)
	if d := profile.ShownDescription(msgs, p); d != "" {
		fmt.Fprintln(w, d)
	}
	fmt.Fprintln(w)
	tw := newTable(w)
	for _, k := range profile.Keys {
		fmt.Fprintf(tw, "%s\t%s\n", k, choiceText(p.Get(k)))
	}
	tw.Flush()
	if len(p.Credentials) > 0 {
		fmt.Fprintln(w, say("profile-credentials", "Hosts", strings.Join(p.Credentials, ", ")))
	}
}

// choiceText formats a choice: the value to set, "unset" or "leave as is".
func choiceText(ch profile.Choice) string {
	switch ch.Action {
	case profile.Set:
		return "= " + showValue(ch.Value)
	case profile.Unset:
		return say("choice-unset")
	}
	return say("choice-leave")
}

// printPlanChanges writes a plan's diff, one key a line.
func printPlanChanges(w io.Writer, pl profile.Plan) {
	if pl.Empty() {
		fmt.Fprintln(w, "  "+say("profile-nothing"))
		return
	}
	for _, ch := range pl.Changes {
		fmt.Fprintln(w, "  "+planChangeText(ch))
	}
}

// planChangeText formats one change, e.g. "GOPROXY: unset → https://a".
func planChangeText(ch profile.Change) string {
	old := say("plan-not-set")
	if ch.OldSet {
		old = showValue(ch.Old)
	}
	next := say("plan-unset")
	if ch.Action == profile.Set {
		next = showValue(ch.New)
	}
	s := fmt.Sprintf("%s: %s → %s", ch.Key, old, next)
	if ch.Shadowed {
		s += " " + say("plan-shadowed")
	}
	return s
}

// runProfileSave implements "profile save".
func runProfileSave(c *cli, cmd *command, _ profileFlags, args []string) int {
	if err := profile.CheckName(args[0]); err != nil {
		return c.usageError(cmd, err)
	}
	st, err := c.store()
	if err == nil {
		err = st.Create(profile.FromResolution(args[0], c.service().Resolve()))
	}
	if err != nil {
		return c.profileFail(cmd, err)
	}
	fmt.Fprintln(c.stdout, say("profile-saved", "Name", quoted(args[0]), "File", st.Path()))
	return exitOK
}

// runProfileRemove implements "profile rm".
func runProfileRemove(c *cli, cmd *command, _ profileFlags, args []string) int {
	return c.editStore(cmd, func(st profile.Store) error {
		err := st.Delete(args[0])
		if _, preset := profile.Preset(profile.PresetStoredName(args[0])); preset && errors.Is(err, profile.ErrNotFound) {
			return core.NewError("cli.preset-delete", map[string]string{"Name": args[0]}, profile.ErrNotFound)
		}
		return err
	}, "profile-deleted", "Name", quoted(args[0]))
}

// runProfileRename implements "profile rename".
func runProfileRename(c *cli, cmd *command, _ profileFlags, args []string) int {
	if err := profile.CheckName(args[1]); err != nil {
		return c.usageError(cmd, err)
	}
	return c.editStore(cmd, func(st profile.Store) error { return st.Rename(args[0], args[1]) },
		"profile-renamed", "Name", quoted(args[0]), "New", quoted(args[1]))
}

// runProfileDup implements "profile dup".
func runProfileDup(c *cli, cmd *command, _ profileFlags, args []string) int {
	if err := profile.CheckName(args[1]); err != nil {
		return c.usageError(cmd, err)
	}
	return c.editStore(cmd, func(st profile.Store) error {
		_, err := st.Duplicate(args[0], args[1])
		if stored := profile.PresetStoredName(args[0]); stored != args[0] && errors.Is(err, profile.ErrNotFound) {
			_, err = st.Duplicate(stored, args[1]) // a preset by its shown name
		}
		return err
	},
		"profile-copied", "Name", quoted(args[0]), "New", quoted(args[1]))
}

// editStore runs edit on the store and reports it done with the phrase
// done rendered from kv and the store's path as File, or the error.
func (c *cli) editStore(cmd *command, edit func(profile.Store) error, done string, kv ...string) int {
	st, err := c.store()
	if err == nil {
		err = edit(st)
	}
	if err != nil {
		return c.profileFail(cmd, err)
	}
	fmt.Fprintln(c.stdout, say(done, append(kv, "File", st.Path())...))
	return exitOK
}

// runProfileImport implements "profile import".
func runProfileImport(c *cli, cmd *command, pf profileFlags, args []string) int {
	data, err := core.ReadFile(args[0])
	if err != nil {
		return c.fail(cmd, err)
	}
	st, err := c.store()
	if err != nil {
		return c.fail(cmd, err)
	}
	ps, err := st.Import(c.service().Resolve(), args[0], data, pf.replace)
	if err != nil {
		return c.profileFail(cmd, err)
	}
	for _, p := range ps {
		fmt.Fprintln(c.stdout, say("profile-imported", "Name", quoted(p.Name)))
	}
	fmt.Fprintln(c.stdout, say("profile-into", "File", st.Path()))
	return exitOK
}
