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
	name:    "route",
	args:    "[--json] MODULE... | --modfile PATH",
	summary: "explain where the go command fetches modules from",
	help: `Route explains, step by step, what the go command does to download each
MODULE path, or every requirement of the go.mod or go.work file at PATH:
the proxies it asks in order and the fallback rule of each (',' moves on
only after 404 or 410, '|' after any error), or a direct fetch and the
version-control tools GOVCS allows; whether the checksum database verifies
the module and how it is reached; whether GOINSECURE applies; which stored
credentials (host and path prefix, never the secret) would be sent; and the
setting and pattern behind each decision.

Flags:
	--json           print {"routes": [{"module", "sources": [{"kind", "url",
	                 "fallback"}], "checksum": {"verified", "db"}, "private",
	                 "insecure", "auth": [prefix...], "steps": [...]}]}
	--modfile PATH   explain every requirement of this go.mod or go.work file

An argument that is not a valid module path is refused (exit status 2).
`,
	run: runRoute,
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
		fmt.Fprintf(c.stderr, "gomirrorctl %s: give module paths or --modfile PATH, not both or neither\n", cmd.name)
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
		fmt.Fprintf(w, "  sources:  %s\n", sourcesText(r.Sources))
		fmt.Fprintf(w, "  checksum: %s\n", checksumText(r.Checksum))
		fmt.Fprintf(w, "  private: %t  insecure: %t  credentials: %s\n", r.Private, r.Insecure, authText(r.Auth))
		for _, s := range r.Steps {
			fmt.Fprintf(w, "  - %s\n", s.Text)
		}
	}
}

// sourcesText joins the sources with their fallback separators.
func sourcesText(ss []route.Source) string {
	if len(ss) == 0 {
		return "none"
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
		return "verification fails: " + c.Error
	case !c.Verified:
		return "not verified"
	}
	return "verified by " + c.DB
}

// authText lists the credential prefixes, or "none".
func authText(auth []string) string {
	if len(auth) == 0 {
		return "none"
	}
	return strings.Join(auth, ", ")
}
