package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/network"
	"github.com/gomirror/gomirror/core/profile"
)

// networkTimeout bounds reading the network interfaces.
const networkTimeout = 10 * time.Second

var networkCmd = &command{
	name: "network",
	args: "[--json]",
	run:  runNetwork,
}

// networkOutput is the JSON form of gomirrorctl network.
type networkOutput struct {
	Network network.Fingerprint `json:"network"`
	Matched bool                `json:"matched"`
	Rule    *network.Rule       `json:"rule,omitempty"`
	Rules   int                 `json:"rules"` // how many rules there are
}

// runNetwork implements "gomirrorctl network".
func runNetwork(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	jsonOut := fs.Bool("json", false, "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if code, ok := c.noArgs(cmd, pos); !ok {
		return code
	}
	out, err := c.network()
	if err != nil {
		return c.fail(cmd, err)
	}
	if *jsonOut {
		return c.writeJSONOut(cmd, out)
	}
	printNetwork(c.stdout, out)
	return exitOK
}

// network takes the fingerprint and decides the rule.
func (c *cli) network() (networkOutput, error) {
	ctx, cancel := context.WithTimeout(context.Background(), networkTimeout)
	defer cancel()
	fp, err := network.Current(ctx, network.System())
	if err != nil {
		return networkOutput{}, err
	}
	dir, err := c.service().ConfigDir()
	if err != nil {
		return networkOutput{}, err
	}
	rules, err := network.RuleStore{Dir: dir}.Load()
	if err != nil {
		return networkOutput{}, err
	}
	out := networkOutput{Network: fp, Rules: len(rules)}
	if r, ok := network.Decide(rules, fp); ok {
		out.Matched, out.Rule = true, &r
	}
	return out, nil
}

// printNetwork writes the fingerprint and the matching rule.
func printNetwork(w io.Writer, out networkOutput) {
	fp := out.Network
	label := labels(2, "network-label-network", "network-label-id", "network-label-route", "network-label-ignored", "network-label-rule")
	describe := fp.Describe() // English: the line rules are named by
	if msgs.Tag() != core.English.Tag() {
		describe = fp.Summary(msgs)
	}
	fmt.Fprintf(w, "%s%s\n%s%s\n", label[0], describe, label[1], fp.ID)
	for _, it := range fp.Interfaces {
		kind := shownCode("cli.iface."+string(it.Kind), string(it.Kind))
		fmt.Fprintf(w, "  %-12s %s %s\n", it.Name, padTo(kind, 8), strings.Join(it.Addrs, " "))
	}
	if r := fp.DefaultRoute; r != nil {
		fmt.Fprintln(w, label[2]+say("network-default-route", "Gateway", dash(r.Gateway), "Interface", r.Interface))
	}
	if len(fp.Ignored) > 0 {
		fmt.Fprintln(w, label[3]+strings.Join(fp.Ignored, " "))
	}
	switch {
	case out.Matched:
		how := say("network-suggested")
		if out.Rule.Auto {
			how = say("network-auto")
		}
		fmt.Fprintln(w, label[4]+say("network-rule", "Rule", quoted(out.Rule.Name), "Profile", quoted(profile.PresetName(msgs, out.Rule.Profile)), "How", how))
	case out.Rules == 0:
		fmt.Fprintln(w, label[4]+say("network-no-rules"))
	default:
		fmt.Fprintln(w, label[4]+say("network-no-match", "N", strconv.Itoa(out.Rules)))
	}
}
