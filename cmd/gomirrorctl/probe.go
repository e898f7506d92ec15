package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/resolve"
)

var probeCmd = &command{
	name: "probe",
	args: "[--json] [--mirror URL]... [--count N] [--interval D] [--timeout D] [--recheck D] [--module PATH] [--warm] [--ip 4|6|both]",
	run:  runProbe,
}

// probeFlags are the measurement flags of probe and of use --suggest.
type probeFlags struct {
	mirrors  []string
	count    int
	interval time.Duration
	timeout  time.Duration
	recheck  time.Duration
	module   string
	warm     bool
	ip       string // "", "4", "6" or "both"
}

// register adds the flags to fs with the given default count and interval.
func (p *probeFlags) register(fs *flag.FlagSet, count int, interval time.Duration) {
	fs.Func("mirror", "", func(s string) error {
		p.mirrors = append(p.mirrors, s)
		return nil
	})
	fs.IntVar(&p.count, "count", count, "")
	fs.DurationVar(&p.interval, "interval", interval, "")
	fs.DurationVar(&p.timeout, "timeout", probe.DefaultTimeout, "")
	fs.DurationVar(&p.recheck, "recheck", probe.DefaultRecheck, "")
	fs.StringVar(&p.module, "module", probe.DefaultModule, "")
	fs.BoolVar(&p.warm, "warm", false, "")
	fs.StringVar(&p.ip, "ip", "", "")
}

// ipNetworks maps --ip to the probe's address families.
var ipNetworks = map[string][]string{"": nil, "4": {"tcp4"}, "6": {"tcp6"}, "both": {"tcp4", "tcp6"}}

// check refuses values that make no sense.
func (p *probeFlags) check() error {
	switch {
	case p.count < 0:
		return core.NewError("cli.probe-count", map[string]string{"Count": fmt.Sprint(p.count)}, nil)
	case p.interval < 0 || p.recheck < 0 || p.timeout <= 0:
		return core.NewError("cli.probe-durations", nil, nil)
	}
	if _, ok := ipNetworks[p.ip]; !ok {
		return core.NewError("cli.probe-ip", map[string]string{"IP": p.ip}, nil)
	}
	return nil
}

// targets returns the mirrors to probe: those given, or the catalogue. A
// given catalogue ID or name (a word without '.', ':' or '/') stands for
// its URL; anything else is probed as given, so results echo it.
func (p *probeFlags) targets(cat []mirrors.Mirror) []probe.Target {
	if len(p.mirrors) == 0 {
		return mirrors.Targets(cat)
	}
	ts := make([]probe.Target, len(p.mirrors))
	for i, s := range p.mirrors {
		ts[i] = probe.Target{URL: s}
		if m, ok := mirrors.Find(cat, s); ok {
			ts[i].ID = m.ID
			if !strings.ContainsAny(s, ".:/") {
				ts[i].URL = m.URL
			}
		}
	}
	return ts
}

// probeOutput is the JSON form of gomirrorctl probe.
type probeOutput struct {
	Mirrors  []probe.Report  `json:"mirrors"`
	Findings []probe.Finding `json:"findings,omitempty"`
}

// runProbe implements "gomirrorctl probe".
func runProbe(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	jsonOut := fs.Bool("json", false, "")
	var pf probeFlags
	pf.register(fs, 3, time.Second)
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if code, ok := c.noArgs(cmd, pos); !ok {
		return code
	}
	if err := pf.check(); err != nil {
		return c.usageError(cmd, err)
	}
	r, cat := c.catalogue(cmd)
	progress := c.stderr
	if *jsonOut {
		progress = io.Discard
	}
	targets := pf.targets(cat)
	for _, t := range targets {
		if u, err := url.Parse(t.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
			err := core.NewError("cli.probe-mirror", map[string]string{"Mirror": t.URL}, nil)
			fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(err))
			return exitRefused
		}
	}
	sums := c.measure(r, targets, pf, progress)
	if *jsonOut {
		if err := writeJSON(c.stdout, probeJSON(sums)); err != nil {
			return c.fail(cmd, err)
		}
	} else {
		printProbe(c.stdout, cat, sums)
	}
	return c.probeStatus(cmd, sums)
}

// usageError reports a bad flag value with the usage, exit status 2.
func (c *cli) usageError(cmd *command, err error) int {
	fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(err))
	printCommandUsage(c.stderr, cmd)
	return exitRefused
}

// catalogue resolves the settings and loads the catalogue; an unreadable
// list of the user's mirrors is reported and left out.
func (c *cli) catalogue(cmd *command) (*resolve.Resolution, []mirrors.Mirror) {
	r, cat, err := mirrors.Load(c.service())
	if err != nil {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, say("warning", "Warning", msgs.Error(err)))
	}
	return r, cat
}

// measure probes targets as pf says until done or interrupted (SIGINT,
// SIGTERM), printing progress, and returns the summaries, best first, with
// an empty one for each target that got no sample.
func (c *cli) measure(r *resolve.Resolution, targets []probe.Target, pf probeFlags, progress io.Writer) []probe.Summary {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts := mirrors.ProbeOptions(r)
	opts.Module, opts.Timeout, opts.Recheck = pf.module, pf.timeout, pf.recheck
	opts.Warm, opts.Networks = pf.warm, ipNetworks[pf.ip]
	tr := probe.NewTracker(pf.count, 0, 0)
	total, n := pf.count*len(targets), 0
	for s := range probe.New(opts).Run(ctx, targets, probe.Schedule{Count: pf.count, Interval: pf.interval}) {
		tr.Add(s)
		n++
		printSample(progress, n, total, s)
	}
	if ctx.Err() != nil {
		fmt.Fprintln(progress, say("probe-interrupted", "N", strconv.Itoa(n)))
	}
	return withUnprobed(tr.Summaries(), targets)
}

// printSample writes one line of progress.
func printSample(w io.Writer, n, total int, s probe.Sample) {
	of := ""
	if total > 0 {
		of = fmt.Sprintf("/%d", total)
	}
	result := fmt.Sprintf("%.1f ms", probe.Ms(s.Latency))
	if s.Err != nil {
		result = string(s.Err.Class)
	}
	fmt.Fprintf(w, "[%d%s] %s: %s\n", n, of, s.Target.URL, result)
}

// withUnprobed appends an empty summary for each target without one.
func withUnprobed(sums []probe.Summary, targets []probe.Target) []probe.Summary {
	seen := map[string]bool{}
	for _, s := range sums {
		seen[s.URL] = true
	}
	for _, t := range targets {
		if !seen[t.URL] {
			seen[t.URL] = true
			sums = append(sums, probe.Summary{Key: probe.Key{URL: t.URL, Network: "tcp"}, ID: t.ID, SumDB: probe.SumDBUnknown})
		}
	}
	return sums
}

// probeJSON builds the JSON form of probe.
func probeJSON(sums []probe.Summary) probeOutput {
	out := probeOutput{Mirrors: make([]probe.Report, len(sums)), Findings: probe.Consistency(sums)}
	for i, s := range sums {
		out.Mirrors[i] = s.Report()
	}
	return out
}

// printProbe writes the results table, the last errors and the
// consistency findings.
func printProbe(w io.Writer, cat []mirrors.Mirror, sums []probe.Summary) {
	tw := newTable(w)
	fmt.Fprintln(tw, header("MIRROR\tP50\tP95\tJITTER\tSUCCESS\tDNS\tCONNECT\tTLS\tTTFB\tSUMDB\tSTATUS\tURL"))
	for _, s := range sums {
		p := s.Report()
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", seriesName(cat, s),
			msText(s, p.P50ms), msText(s, p.P95ms), msText(s, p.JitterMs), successRate(s),
			msText(s, p.Phases.DNSms), msText(s, p.Phases.ConnectMs), msText(s, p.Phases.TLSms), msText(s, p.Phases.TTFBms),
			shownCode("cli.sumdb."+string(s.SumDB), string(s.SumDB)), probeState(s), s.URL)
	}
	tw.Flush()
	printErrors(w, cat, sums)
	for _, f := range probe.Consistency(sums) {
		fmt.Fprintf(w, "%s: %s\n", f.Kind, msgs.Text(f.Detail, f.Message))
	}
}

// printErrors lists the last failure of each mirror that had one.
func printErrors(w io.Writer, cat []mirrors.Mirror, sums []probe.Summary) {
	first := true
	for _, s := range sums {
		if s.LastError == nil {
			continue
		}
		if first {
			fmt.Fprintln(w, "\n"+say("probe-last-errors"))
			first = false
		}
		fmt.Fprintf(w, "  %s: %s\n", mirrorName(cat, s.URL), probeErrorText(s.LastError))
	}
}

// probeErrorText is a probe failure as Error says it in English ("list
// (refused): …"), in other languages with the class named as the GUI
// names it; the step (list, info, mod, zip) is the protocol's word.
func probeErrorText(e *probe.Error) string {
	if msgs.Tag() == core.English.Tag() {
		return msgs.Error(e)
	}
	if e.Step == "" {
		return say("probe-error", "Class", className(e.Class), "Text", e.Text(msgs))
	}
	return say("probe-error-step", "Step", string(e.Step), "Class", className(e.Class), "Text", e.Text(msgs))
}

// seriesName is the mirror's name, with the address family when the
// mirror is probed over IPv4 and IPv6 separately.
func seriesName(cat []mirrors.Mirror, s probe.Summary) string {
	switch s.Network {
	case "tcp4":
		return mirrorName(cat, s.URL) + " (IPv4)"
	case "tcp6":
		return mirrorName(cat, s.URL) + " (IPv6)"
	}
	return mirrorName(cat, s.URL)
}

// mirrorName is the catalogue name of url in the language of msgs
// (阿里云), or url itself.
func mirrorName(cat []mirrors.Mirror, url string) string {
	if m, ok := mirrors.Find(cat, url); ok {
		return m.ShownName(msgs)
	}
	return url
}

// msText formats a latency column; "-" when the mirror never succeeded.
func msText(s probe.Summary, v float64) string {
	if s.Samples == s.Failures {
		return "-"
	}
	return fmt.Sprintf("%.1f ms", v)
}

// successRate formats the success rate of the window.
func successRate(s probe.Summary) string {
	if s.Samples == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", s.SuccessRate*100)
}

// probeState is the grade, or the outage and class of the last failure.
func probeState(s probe.Summary) string {
	switch {
	case s.Samples == 0:
		return say("probe-not-probed")
	case s.Outage:
		return say("probe-outage", "Class", className(s.LastClass()))
	case !s.OK:
		return className(s.LastClass())
	}
	return shownCode("mirrors.grade."+string(s.Grade()), string(s.Grade()))
}

// className is a failure class as the English output names it (the code,
// "http-4xx"), in other languages as the GUI does.
func className(c probe.Class) string {
	return shownCode("mirrors.class."+strings.ReplaceAll(string(c), "-", ""), string(c))
}

// probeStatus is exitOK if some mirror is healthy.
func (c *cli) probeStatus(cmd *command, sums []probe.Summary) int {
	for _, s := range sums {
		if s.Healthy() {
			return exitOK
		}
	}
	fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, say("probe-none-healthy"))
	return exitFailure
}
