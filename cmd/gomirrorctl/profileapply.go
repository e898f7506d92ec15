package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/origin/procs"
	"github.com/gomirror/gomirror/core/profile"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
)

// staleTimeout bounds the look for processes that hold old values.
const staleTimeout = 5 * time.Second

// profileApply is the JSON form of profile apply.
type profileApply struct {
	Plan    profile.Plan         `json:"plan"`
	Applied bool                 `json:"applied"`
	Result  *service.WriteResult `json:"result,omitempty"`
	// Reach is what --check found of the GOPROXY the profile leaves.
	Reach *mirrors.ChainReach `json:"reach,omitempty"`
}

// runProfileApply implements "profile apply": print the diff, check it,
// ask on a terminal, write it in one step and mark the profile active.
func runProfileApply(c *cli, cmd *command, pf profileFlags, args []string) int {
	p, _, code, ok := c.lookupProfile(cmd, args[0])
	if !ok {
		return code
	}
	r := c.service().Resolve()
	pl := profile.NewPlan(r, p)
	if !pf.jsonOut {
		fmt.Fprintln(c.stdout, say("profile-heading", "Name", quoted(profile.ShownName(msgs, p))))
		printPlanChanges(c.stdout, pl)
	}
	if err := pl.Err(); err != nil {
		return c.fail(cmd, err)
	}
	out := profileApply{Plan: pl}
	question := say("profile-apply")
	if pf.check && !pl.Empty() {
		reach := mirrors.CheckGOPROXY(context.Background(), r, profile.Effective(r, p, "GOPROXY"))
		out.Reach = &reach
		if reach.Reach == mirrors.ReachFailed {
			fmt.Fprintln(c.stderr, say("profile-unreachable", "Proxy", reach.Proxy, "Err", fmt.Sprint(reach.Err)))
			question = say("profile-apply-anyway")
		}
	}
	switch {
	case pf.dryRun:
		printWarnings(c.stderr, pl.Warnings())
		return c.applyOutput(cmd, pf, out)
	case !pl.Empty() && !pf.yes && interactive() && !confirm(c.stdout, os.Stdin, question):
		fmt.Fprintln(c.stderr, say("profile-not-applied"))
		return exitRefused
	}
	st, err := c.store()
	if err != nil {
		return c.fail(cmd, err)
	}
	res, err := c.service().ApplyProfile(st, r, pl)
	if err != nil {
		return c.fail(cmd, err)
	}
	if res != nil {
		out.Applied, out.Result = true, res
		if !pf.jsonOut {
			fmt.Fprintln(c.stdout, say("profile-wrote", "File", res.File))
		}
		printWarnings(c.stderr, res.Warnings)
		c.staleHint(r, res)
	}
	return c.applyOutput(cmd, pf, out)
}

// applyOutput prints the JSON output of apply, if asked for.
func (c *cli) applyOutput(cmd *command, pf profileFlags, out profileApply) int {
	if pf.jsonOut {
		return c.writeJSONOut(cmd, out)
	}
	return exitOK
}

// interactive reports whether stdin and stdout are both terminals.
func interactive() bool {
	for _, f := range []*os.File{os.Stdin, os.Stdout} {
		st, err := f.Stat()
		if err != nil || st.Mode()&os.ModeCharDevice == 0 {
			return false
		}
	}
	return true
}

// confirm asks question and reports whether the answer is yes.
func confirm(w io.Writer, r io.Reader, question string) bool {
	fmt.Fprintf(w, "%s [y/N] ", question)
	line, _ := bufio.NewReader(r).ReadString('\n')
	a := strings.ToLower(strings.TrimSpace(line))
	return a == "y" || a == "yes"
}

// staleHint lists, on stderr, the running go, gopls and IDE processes that
// still hold the values before the write: they need a restart.
func (c *cli) staleHint(before *resolve.Resolution, res *service.WriteResult) {
	after := c.service().Resolve()
	want := map[string]string{}
	for _, ch := range res.Changes {
		if after.Value(ch.Key) != before.Value(ch.Key) {
			want[ch.Key] = after.Value(ch.Key)
		}
	}
	if len(want) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), staleTimeout)
	defer cancel()
	ps, err := procs.List(ctx, procs.Query{Want: want, Since: res.Entry.Time})
	stale := procs.Stale(ps)
	if err != nil || len(stale) == 0 {
		return
	}
	fmt.Fprintln(c.stderr, say("stale-hint", "N", strconv.Itoa(len(stale))))
	for _, p := range stale {
		fmt.Fprintf(c.stderr, "  %s (pid %d): %s\n", p.Name, p.PID, msgs.Snippet(p.HintCode, nil, p.Hint))
	}
}

// runProfileExport implements "profile export": TOML of the user's
// profiles, or a snippet of one profile or preset.
func runProfileExport(c *cli, cmd *command, pf profileFlags, names []string) int {
	if pf.format == "toml" {
		st, err := c.store()
		var data []byte
		if err == nil {
			data, err = st.Export(names...)
		}
		if err != nil {
			return c.profileFail(cmd, err)
		}
		_, err = c.stdout.Write(data)
		return c.writeStatus(cmd, err)
	}
	f := snippetFormat(pf.format)
	switch {
	case !slices.Contains(profile.Formats, f):
		return c.usageError(cmd, core.NewError("cli.snippet-format", map[string]string{"Format": pf.format}, nil))
	case len(names) != 1:
		return c.usageError(cmd, core.NewError("cli.snippet-one", map[string]string{"Format": pf.format}, nil))
	}
	p, _, code, ok := c.lookupProfile(cmd, names[0])
	if !ok {
		return code
	}
	s, err := profile.Snippet(p, f)
	if err != nil {
		return c.fail(cmd, err)
	}
	_, err = io.WriteString(c.stdout, s)
	return c.writeStatus(cmd, err)
}

// snippetFormat maps a --format value to a snippet format; zsh is bash.
func snippetFormat(s string) profile.Format {
	if s == "zsh" {
		return profile.Bash
	}
	return profile.Format(s)
}

// writeStatus returns the exit status of writing output.
func (c *cli) writeStatus(cmd *command, err error) int {
	if err != nil {
		return c.fail(cmd, err)
	}
	return exitOK
}
