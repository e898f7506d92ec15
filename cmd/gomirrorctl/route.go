package main

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/mod/module"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/route"
)

var routeCmd = &command{
	name: "route",
	args: "[--json] MODULE... | --modfile PATH",
	run:  runRoute,
}

// runRoute implements "gomirrorctl route".
func runRoute(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	jsonOut := fs.Bool("json", false, "")
	modfile := fs.String("modfile", "", "")
	mods, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if code, ok := c.routeArgs(cmd, mods, *modfile); !ok {
		return code
	}
	cfg := c.routeConfig()
	routes, err := explainAll(cfg, mods, *modfile)
	if err != nil {
		return c.fail(cmd, err)
	}
	if *jsonOut {
		if err := writeJSON(c.stdout, route.Report{Routes: routes}); err != nil {
			return c.fail(cmd, err)
		}
		return exitOK
	}
	printRoutes(c.stdout, routes)
	return exitOK
}

// routeArgs refuses a call without modules or file, with both, or with an
// argument that is not a module path.
func (c *cli) routeArgs(cmd *command, mods []string, modfile string) (int, bool) {
	if (len(mods) == 0) == (modfile == "") {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, say("route-modules-or-modfile"))
		printCommandUsage(c.stderr, cmd)
		return exitRefused, false
	}
	for _, m := range mods {
		if err := module.CheckPath(m); err != nil {
			fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(core.NewError("cli.bad-module-path", map[string]string{"Module": m}, err)))
			return exitRefused, false
		}
	}
	return exitOK, true
}

// routeConfig resolves the settings and loads the credential prefixes
// (never a secret); problems reading the credentials go to stderr.
func (c *cli) routeConfig() route.Config {
	r := c.service().Resolve()
	store, err := c.credStore()
	if err != nil {
		err = core.NewError("route.creds-hidden", map[string]string{"Source": "store"}, err)
		fmt.Fprintf(c.stderr, "gomirrorctl route: %s\n", msgs.Error(err))
	}
	cfg, notes := route.Load(r, store)
	for _, n := range notes {
		fmt.Fprintf(c.stderr, "gomirrorctl route: %s\n", msgs.Error(n))
	}
	return cfg
}

// explainAll explains the modules, or the requirements of modfile.
func explainAll(cfg route.Config, mods []string, modfile string) ([]route.Route, error) {
	if modfile != "" {
		routes, err := route.ExplainFile(cfg, modfile)
		if routes == nil {
			routes = []route.Route{}
		}
		return routes, err
	}
	routes := make([]route.Route, 0, len(mods))
	for _, m := range mods {
		routes = append(routes, route.Explain(cfg, m))
	}
	return routes, nil
}

// printRoutes writes each route as a headline, a summary and its steps.
func printRoutes(w io.Writer, routes []route.Route) {
	for i, r := range routes {
		if i > 0 {
			fmt.Fprintln(w)
		}
		head := r.Module
		if r.Version != "" {
			head += " " + r.Version
		}
		fmt.Fprintln(w, head)
		label := labels(1, "route-label-sources", "route-label-checksum")
		fmt.Fprintf(w, "  %s%s\n", label[0], sourcesText(r.Sources))
		fmt.Fprintf(w, "  %s%s\n", label[1], checksumText(r.Checksum))
		fmt.Fprintln(w, "  "+say("route-flags", "Private", yesNo(r.Private), "Insecure", yesNo(r.Insecure), "Auth", authText(r.Auth)))
		for _, s := range r.Steps {
			fmt.Fprintf(w, "  - %s\n", msgs.Text(core.NewText(s.Code, s.Args), s.Text))
		}
	}
}

// sourcesText joins the sources with their fallback separators.
func sourcesText(ss []route.Source) string {
	if len(ss) == 0 {
		return say("route-none")
	}
	var b strings.Builder
	for _, s := range ss {
		if s.Kind == route.KindProxy {
			b.WriteString(s.URL)
		} else {
			b.WriteString(string(s.Kind))
		}
		switch s.Fallback {
		case route.FallbackNotFound:
			b.WriteString(" , ")
		case route.FallbackAnyError:
			b.WriteString(" | ")
		}
	}
	return b.String()
}

// checksumText summarises the checksum verification.
func checksumText(c route.Checksum) string {
	switch {
	case c.Error != "":
		return say("route-sumdb-fails", "Err", c.Error)
	case !c.Verified:
		return say("route-not-verified")
	}
	return say("route-verified-by", "DB", c.DB)
}

// authText lists the credential prefixes, or "none".
func authText(auth []string) string {
	if len(auth) == 0 {
		return say("route-none")
	}
	return strings.Join(auth, ", ")
}
