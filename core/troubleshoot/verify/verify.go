// Package verify finds who disagrees when a module version's checksums do
// not match: it compares the go.sum lines, the checksum database's record
// (reached as the go command reaches it and checked against the database's
// signed tree head), and what each configured mirror serves (hashed with
// golang.org/x/mod/sumdb/dirhash), and names the culprit: a tampered or
// stale mirror, a private module that was re-tagged or should be in
// GONOSUMDB, or a go.sum edited by hand.
package verify

import (
	"context"
	"net/http"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/private/route"
	"github.com/gomirror/gomirror/core/resolve"
)

// Kinds of Source.
const (
	KindGoSum  = "go.sum"
	KindSumDB  = "checksum-database"
	KindMirror = "mirror"
)

// States of a Source, compared with the reference.
const (
	StateReference = "reference" // the others are compared with it
	StateAgrees    = "agrees"
	StateDisagrees = "disagrees"
	StateMissing   = "missing"     // does not have the version (404, 410, no go.sum line)
	StateError     = "error"       // could not be asked
	StateUnchecked = "not-checked" // nothing to compare with
)

// Source is one party's view of the module version's hashes.
type Source struct {
	Kind  string `json:"kind"`
	Name  string `json:"name"` // mirror name (or URL), go.sum path, or database name
	URL   string `json:"url,omitempty"`
	Mod   string `json:"mod,omitempty"` // h1: hash of the go.mod file
	Zip   string `json:"zip,omitempty"` // h1: hash of the module zip
	State string `json:"state"`
	Error string `json:"error,omitempty"` // Err in English
	Err   error  `json:"-"`
}

// Analysis is the outcome for one module version.
type Analysis struct {
	Module  string   `json:"module"`
	Version string   `json:"version"`
	Sources []Source `json:"sources"`
	// Verdict is "consistent", "mirror-disagrees", "gosum-edited",
	// "retagged", "sumdb-private" or "unknown".
	Verdict  string         `json:"verdict"`
	Problems []core.Problem `json:"problems"`
	// Set and Unset are the suggested edit of the env file, for
	// service.Apply.
	Set   map[string]string `json:"set,omitempty"`
	Unset []string          `json:"unset,omitempty"`
}

// Options configure Analyze.
type Options struct {
	// GoSum is the go.sum file to compare; none if empty.
	GoSum string
	// Mirrors are more mirror URLs to compare, besides GOPROXY's.
	Mirrors []string
	// Catalogue names mirrors; mirrors.Builtin() if nil.
	Catalogue []mirrors.Mirror
	// Client makes the requests; one with a 30 s timeout if nil.
	Client *http.Client
}

// Analyze compares every source's hashes of mod@version under the settings
// of r and says which one disagrees.
func Analyze(ctx context.Context, r *resolve.Resolution, mod, version string, opts Options) (*Analysis, error) {
	if err := checkModule(mod, version); err != nil {
		return nil, err
	}
	opts = withDefaults(opts)
	a := &Analysis{Module: mod, Version: version, Sources: []Source{}}
	rt := route.Explain(route.FromResolution(r, nil), mod)
	a.addSumDB(ctx, opts.Client, r, rt)
	if opts.GoSum != "" {
		a.Sources = append(a.Sources, goSumSource(opts.GoSum, mod, version))
	}
	for _, u := range mirrorURLs(r, opts.Mirrors) {
		a.Sources = append(a.Sources, fetchMirror(ctx, opts.Client, opts.Catalogue, u, mod, version))
	}
	judge(a, r)
	return a, nil
}

func withDefaults(o Options) Options {
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 30 * time.Second, Transport: http.DefaultTransport}
	}
	if o.Catalogue == nil {
		o.Catalogue = mirrors.Builtin()
	}
	return o
}

// addSumDB adds the checksum database's record, if the module is verified
// by one.
func (a *Analysis) addSumDB(ctx context.Context, c *http.Client, r *resolve.Resolution, rt route.Route) {
	if !rt.Checksum.Verified {
		return
	}
	s := Source{Kind: KindSumDB, Name: rt.Checksum.DB}
	db, err := findDatabase(ctx, c, r, rt)
	s.URL = db.Base
	if err == nil {
		var lines []string
		lines, err = db.lookup(ctx, c, a.Module, a.Version)
		s.Zip, s.Mod = hashesOf(lines, a.Module, a.Version)
	}
	setError(&s, err)
	a.Sources = append(a.Sources, s)
}
