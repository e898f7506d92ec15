package main

import (
	"fmt"
	"io"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
)

var mirrorsCmd = &command{
	name: "mirrors",
	args: "[--json] | add NAME URL | rm ID|URL",
	run:  runMirrors,
}

// mirrorsOutput is the JSON form of gomirrorctl mirrors.
type mirrorsOutput struct {
	Mirrors      []mirrors.Mirror      `json:"mirrors"`
	SumDBChoices []mirrors.SumDBChoice `json:"sumdb_choices"`
}

// runMirrors implements "gomirrorctl mirrors".
func runMirrors(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	jsonOut := fs.Bool("json", false, "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return c.editMirrors(cmd, pos)
	}
	r, cat, err := mirrors.Load(c.service())
	if err != nil {
		return c.fail(cmd, err)
	}
	out := mirrorsOutput{Mirrors: cat, SumDBChoices: mirrors.SumDBChoices(r)}
	if *jsonOut {
		if err := writeJSON(c.stdout, out); err != nil {
			return c.fail(cmd, err)
		}
		return exitOK
	}
	printMirrors(c.stdout, out)
	return exitOK
}

// editMirrors implements "mirrors add" and "mirrors rm".
func (c *cli) editMirrors(cmd *command, pos []string) int {
	st, err := mirrors.UserStore(c.service())
	if err != nil {
		return c.fail(cmd, err)
	}
	switch {
	case pos[0] == "add" && len(pos) == 3:
		m, err := st.Add(mirrors.Mirror{Name: pos[1], URL: pos[2]})
		if err != nil {
			return c.fail(cmd, err)
		}
		fmt.Fprintln(c.stdout, say("mirrors-added", "Name", m.Name, "URL", m.URL, "ID", quoted(m.ID), "File", st.Path()))
	case pos[0] == "rm" && len(pos) == 2:
		if err := st.Remove(pos[1]); err != nil {
			return c.fail(cmd, err)
		}
		fmt.Fprintln(c.stdout, say("mirrors-removed", "ID", pos[1], "File", st.Path()))
	default:
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, say("unexpected-arguments", "Args", fmt.Sprintf("%q", pos)))
		printCommandUsage(c.stderr, cmd)
		return exitRefused
	}
	return exitOK
}

// printMirrors writes the catalogue table and the checksum-database choices.
func printMirrors(w io.Writer, out mirrorsOutput) {
	tw := newTable(w)
	fmt.Fprintln(tw, header("ID\tNAME\tURL\tOPERATOR\tREGION\tSUMDB\tORIGIN"))
	for _, m := range out.Mirrors {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.ID, m.ShownName(msgs), m.URL, dash(m.Operator), dash(m.Region),
			shownCode("cli.sumdb."+string(m.SumDB), string(m.SumDB)), shownCode("cli.origin."+string(m.Origin), string(m.Origin)))
	}
	tw.Flush()
	fmt.Fprintln(w, "\n"+say("mirrors-sumdb-choices"))
	for _, s := range out.SumDBChoices {
		label, note := sumDBChoiceText(s)
		fmt.Fprintf(w, "  %-8s %s\n           %s\n", s.ID, label, note)
	}
}

// sumDBChoiceText is a checksum-database choice's label and note: core's
// English in English, else the catalogue's cli.sumdb-choice.<id> entries
// (a label that is a host name stays as it is).
func sumDBChoiceText(s mirrors.SumDBChoice) (label, note string) {
	label, note = s.Label, s.Note
	if msgs.Tag() == core.English.Tag() {
		return label, note
	}
	if t, ok := msgs.Message("cli.sumdb-choice."+s.ID, map[string]string{"Value": s.Value}); ok {
		label = t
	}
	if t, ok := msgs.Message("cli.sumdb-choice."+s.ID+".note", nil); ok {
		note = t
	}
	return label, note
}

// dash shows an empty column as "-".
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
