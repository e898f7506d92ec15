package main

import (
	"fmt"
	"io"
	"maps"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/resolve"
)

var useCmd = &command{
	name: "use",
	args: "MIRROR|URL... [--sep ,||] [--no-direct] [--sumdb VALUE] [--dry-run] | --suggest [MIRROR...]",
	run:  runUse,
}

// useFlags are the flags of use.
type useFlags struct {
	sep      string
	noDirect bool
	sumdb    string
	dryRun   bool
	suggest  bool
	probe    probeFlags
}

// usePlan is a chain to write, with GOSUMDB ("" keeps it) and the reasons.
type usePlan struct {
	chain   mirrors.Chain
	gosumdb string
	reasons []core.Text
}

// runUse implements "gomirrorctl use".
func runUse(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	var uf useFlags
	fs.StringVar(&uf.sep, "sep", ",", "")
	fs.BoolVar(&uf.noDirect, "no-direct", false, "")
	fs.StringVar(&uf.sumdb, "sumdb", "", "")
	fs.BoolVar(&uf.dryRun, "dry-run", false, "")
	fs.BoolVar(&uf.suggest, "suggest", false, "")
	uf.probe.register(fs, 3, 200*time.Millisecond)
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if err := uf.check(pos); err != nil {
		return c.usageError(cmd, err)
	}
	r, cat := c.catalogue(cmd)
	p, err := uf.plan(c, r, cat, pos)
	if err != nil {
		return c.fail(cmd, err)
	}
	printPlan(c.stdout, cat, p)
	if uf.dryRun {
		return exitOK
	}
	res, err := c.service().Set(r, p.assignments(r))
	return c.reportWrite(cmd, res, err, "wrote")
}

// check refuses a bad separator and a use without mirrors.
func (uf *useFlags) check(pos []string) error {
	switch {
	case uf.sep != string(mirrors.Comma) && uf.sep != string(mirrors.Pipe):
		return core.NewError("cli.use-sep", map[string]string{"Sep": uf.sep}, nil)
	case len(pos) == 0 && !uf.suggest:
		return core.NewError("cli.use-none", nil, nil)
	}
	return uf.probe.check()
}

// plan builds the chain: suggested from a probe, or from the arguments.
func (uf *useFlags) plan(c *cli, r *resolve.Resolution, cat []mirrors.Mirror, pos []string) (usePlan, error) {
	var p usePlan
	if uf.suggest {
		uf.probe.mirrors = append(uf.probe.mirrors, pos...)
		sums := c.measure(r, uf.probe.targets(cat), uf.probe, c.stderr)
		s, err := mirrors.Suggest(r, cat, sums, mirrors.SuggestOptions{NoDirect: uf.noDirect})
		if err != nil {
			return p, err
		}
		p = usePlan{chain: s.Chain, gosumdb: s.GOSUMDB, reasons: s.ReasonTexts}
	} else {
		p.chain = uf.chain(cat, pos)
	}
	if uf.sumdb != "" {
		p.gosumdb = uf.sumdb
	}
	return p, nil
}

// chain links the mirrors named by args with --sep; it ends with direct
// (after ",") unless --no-direct or the arguments name direct or off.
func (uf *useFlags) chain(cat []mirrors.Mirror, args []string) mirrors.Chain {
	targets, keyword := make([]string, len(args)), false
	for i, a := range args {
		targets[i] = a
		if m, ok := mirrors.Find(cat, a); ok {
			targets[i] = m.URL
		}
		keyword = keyword || a == mirrors.Direct || a == mirrors.Off
	}
	sep := mirrors.Sep(uf.sep)
	if keyword || uf.noDirect {
		return mirrors.NewChain(sep, targets...)
	}
	return mirrors.Compose(sep, targets, mirrors.Direct)
}

// assignments are the writes of p against r.
func (p usePlan) assignments(r *resolve.Resolution) []core.Assignment {
	as := p.chain.Assignments()
	if p.gosumdb != "" && p.gosumdb != r.Value("GOSUMDB") {
		as = append(as, core.Assignment{Key: "GOSUMDB", Value: p.gosumdb})
	}
	return as
}

// printPlan writes the chain, what each link does, GOSUMDB and the reasons.
func printPlan(w io.Writer, cat []mirrors.Mirror, p usePlan) {
	fmt.Fprintf(w, "GOPROXY=%s\n", p.chain)
	for i, x := range p.chain.Explain(cat) {
		fmt.Fprintf(w, "  %d. %s\n", i+1, explanationText(cat, x))
	}
	if p.gosumdb != "" {
		fmt.Fprintf(w, "GOSUMDB=%s\n", p.gosumdb)
	}
	for _, r := range p.reasons {
		fmt.Fprintf(w, "  - %s\n", namedText(cat, r))
	}
}

// explanationText is what one link of a chain does, in the language of
// msgs, naming the mirrors as mirrorName does.
func explanationText(cat []mirrors.Mirror, x mirrors.Explanation) string {
	return namedText(cat, core.NewText(x.Code, x.Args))
}

// namedText is t in the language of msgs with the mirrors it names (the
// arguments Name, Next, First and Mirror) named as mirrorName does.
func namedText(cat []mirrors.Mirror, t core.Text) string {
	args := maps.Clone(t.Args)
	for _, k := range []string{"Name", "Next", "First", "Mirror"} {
		if v, ok := args[k]; ok {
			args[k] = mirrorName(cat, v)
		}
	}
	return msgs.Text(core.NewText(t.Code, args), t.String())
}
