package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/troubleshoot"
)

var proveCmd = &command{
	name: "prove",
	args: "[--json] [MODULE]",
	run:  runProve,
}

// runProve implements "gomirrorctl prove".
func runProve(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	jsonOut := fs.Bool("json", false, "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 1 {
		return c.usageError(cmd, core.NewError("cli.unexpected-arg", map[string]string{"Arg": pos[1]}, nil))
	}
	mod := probe.DefaultModule
	if len(pos) == 1 {
		mod = pos[0]
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	svc := c.service()
	p, err := troubleshoot.Prove(ctx, svc.Resolve(), svc.Env(), mod)
	if err != nil {
		return c.fail(cmd, err)
	}
	if *jsonOut {
		if err := writeJSON(c.stdout, p); err != nil {
			return c.fail(cmd, err)
		}
	} else {
		printProof(c.stdout, p)
	}
	if !p.OK() {
		return exitFailure
	}
	return exitOK
}

// printProof writes the outcome of a proof, with the findings of a failure.
func printProof(w io.Writer, p *troubleshoot.Proof) {
	fmt.Fprintf(w, "GOPROXY=%s\nGOSUMDB=%s\n", p.GOPROXY, p.GOSUMDB)
	if p.OK() {
		fmt.Fprintln(w, say("prove-ok", "Module", p.Module, "Version", p.Version, "Seconds", fmt.Sprintf("%.1f", p.Report.Duration)))
		return
	}
	fmt.Fprintln(w, say("prove-failed", "Module", p.Module))
	printExplain(w, p.Report)
}
