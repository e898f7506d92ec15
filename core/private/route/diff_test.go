package route

import (
	"crypto/rand"
	"fmt"
	mrand "math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"github.com/gomirror/gomirror/core/private/internal/modtest"
	"github.com/gomirror/gomirror/core/resolve"
)

const (
	diffModule = "example.test/mod"
	diffSumDB  = "sum.example.test"
)

// diffCase is one configuration of the differential test. behaviors[i] is
// how proxy P<i+1> answers everything: "ok", "404", "410" or "500". In the
// GOPROXY-like fields, P1..P3 stand for the fake proxies' URLs; in GOSUMDB,
// KEY stands for the fake database's verifier key and DBURL for its URL.
type diffCase struct {
	goproxy, goprivate, gonoproxy, gonosumdb, gosumdb, goinsecure string
	behaviors                                                     [3]string
}

func (c diffCase) String() string {
	return fmt.Sprintf("GOPROXY=%s GOPRIVATE=%s GONOPROXY=%s GONOSUMDB=%s GOSUMDB=%s GOINSECURE=%s proxies=%v",
		c.goproxy, c.goprivate, c.gonoproxy, c.gonosumdb, c.gosumdb, c.goinsecure, c.behaviors)
}

// recorder logs, in order, every request the go command makes: to the fake
// proxies ("P1 /path"), to the fake database ("DB /path"), and through the
// HTTP(S) proxy that stands in for the network ("NET host"), which refuses
// every connection so that direct fetches fail without leaving the machine.
type recorder struct {
	mu     sync.Mutex
	events []string
}

func (r *recorder) add(e string) {
	r.mu.Lock()
	r.events = append(r.events, e)
	r.mu.Unlock()
}

// proxy is a fake module proxy that also proxies the checksum database db.
func (r *recorder) proxy(t *testing.T, name, behavior string, db http.Handler) *httptest.Server {
	dbPrefix := "/sumdb/" + diffSumDB
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.add(name + " " + req.URL.Path)
		switch {
		case behavior != "ok":
			var code int
			fmt.Sscan(behavior, &code)
			http.Error(w, behavior, code)
		case req.URL.Path == dbPrefix+"/supported":
			w.WriteHeader(http.StatusOK)
		case strings.HasPrefix(req.URL.Path, dbPrefix+"/"):
			http.StripPrefix(dbPrefix, db).ServeHTTP(w, req)
		case !modtest.ServeModule(w, req, diffModule):
			http.NotFound(w, req)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// network stands in for the network as the go command's HTTP(S)_PROXY: it
// logs and refuses every request.
func (r *recorder) network(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		host := req.Host
		if req.Method != http.MethodConnect {
			host = req.URL.Host
		}
		r.add("NET " + strings.TrimSuffix(host, ":443") + req.URL.Path)
		http.Error(w, "refused by the test", http.StatusForbidden)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// database serves the checksum database at its own URL.
func (r *recorder) database(t *testing.T, db http.Handler) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.add("DB " + req.URL.Path)
		db.ServeHTTP(w, req)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// result is what one run of the go command did.
type result struct {
	events []string
	env    []string
	names  map[string]string // proxy name by URL
	ok     bool              // the download succeeded
	out    string
}

// run runs go mod download for c.
func (c diffCase) run(t *testing.T, skey, vkey string) result {
	rec := &recorder{}
	res := result{names: map[string]string{}}
	dbh := modtest.SumDB(skey, diffModule)
	repl := []string{}
	for i, b := range c.behaviors {
		name := fmt.Sprintf("P%d", i+1)
		url := rec.proxy(t, name, b, dbh).URL
		res.names[url] = name
		repl = append(repl, name, url)
	}
	net, db := rec.network(t), rec.database(t, dbh)
	sumdb := strings.NewReplacer("KEY", vkey, "DBURL", db.URL).Replace(c.gosumdb)
	dir := t.TempDir()
	work := modtest.NewModule(t, dir)
	res.env = modtest.Env(dir, "GOPROXY="+strings.NewReplacer(repl...).Replace(c.goproxy),
		"GOPRIVATE="+c.goprivate, "GONOPROXY="+c.gonoproxy, "GONOSUMDB="+c.gonosumdb,
		"GOSUMDB="+sumdb, "GOINSECURE="+c.goinsecure, "GOVCS=",
		"HTTP_PROXY="+net.URL, "HTTPS_PROXY="+net.URL)
	out, err := modtest.Download(t, work, res.env, diffModule)
	res.ok, res.out = err == nil, string(out)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	res.events = slices.Clone(rec.events)
	return res
}

// observed reduces the events to the order in which sources were first
// asked for the module ("P1", "direct") and for the checksum database
// ("P2", "db-direct", "db-url"). Module requests after the first database
// request are left out: when verification fails inside a '|' link, the go
// command moves on to the next proxy, which is not part of the route.
func observed(events []string) (module, sumdb []string) {
	add := func(list []string, s string) []string {
		if slices.Contains(list, s) {
			return list
		}
		return append(list, s)
	}
	for _, e := range events {
		who, what, _ := strings.Cut(e, " ")
		switch {
		case who == "DB":
			sumdb = add(sumdb, "db-url")
		case who == "NET" && strings.HasPrefix(what, diffSumDB):
			sumdb = add(sumdb, "db-direct")
		case who == "NET":
			module = add(module, "direct")
		case strings.HasPrefix(what, "/sumdb/"):
			sumdb = add(sumdb, who)
		case len(sumdb) == 0:
			module = add(module, who)
		}
	}
	return module, sumdb
}

// predicted is what the explainer says the go command will ask, in order,
// and whether the download succeeds.
func predicted(rt Route, c diffCase, names map[string]string) (module, sumdb []string, ok bool) {
	outcome := func(s Source) Outcome {
		if s.Kind == KindOff {
			return NotFound
		}
		if s.Kind == KindDirect {
			return Failed // the test's network refuses everything
		}
		base := strings.TrimSuffix(s.URL, "/sumdb/"+diffSumDB)
		switch c.behaviors[names[base][1]-'1'] {
		case "ok":
			return OK
		case "404", "410":
			return NotFound
		}
		return Failed
	}
	tried, served := Walk(rt.Sources, outcome)
	for _, s := range tried {
		switch s.Kind {
		case KindProxy:
			module = append(module, names[s.URL])
		case KindDirect:
			module = append(module, "direct")
		}
	}
	if served < 0 || !rt.Checksum.Verified {
		return module, nil, served >= 0
	}
	if rt.Checksum.URL != "" {
		return module, []string{"db-url"}, true
	}
	tried, dbServed := Walk(rt.Checksum.Via, outcome)
	for _, s := range tried {
		if s.Kind == KindDirect {
			sumdb = append(sumdb, "db-direct")
		} else {
			sumdb = append(sumdb, names[strings.TrimSuffix(s.URL, "/sumdb/"+diffSumDB)])
		}
	}
	return module, sumdb, dbServed >= 0
}

// diffCases returns the fixed cases from the spec plus a generated table.
func diffCases(n int) []diffCase {
	ok3 := [3]string{"ok", "ok", "ok"}
	cases := []diffCase{
		{goproxy: "P1,P2", gosumdb: "off", behaviors: [3]string{"404", "ok", "ok"}},
		{goproxy: "P1,P2", gosumdb: "off", behaviors: [3]string{"500", "ok", "ok"}},
		{goproxy: "P1|P2", gosumdb: "off", behaviors: [3]string{"500", "ok", "ok"}},
		{goproxy: "P1,P2,direct", gosumdb: "off", behaviors: [3]string{"410", "404", "ok"}},
		{goproxy: "off", goprivate: "example.test", gosumdb: "off", behaviors: ok3},
		{goproxy: "off", gosumdb: "off", behaviors: ok3},
		{goproxy: "direct", gonoproxy: "example.test", gosumdb: "off", behaviors: ok3},
		{goproxy: "P1", gonoproxy: "none", goprivate: "example.test", gosumdb: "KEY", behaviors: ok3},
		{goproxy: "P1,P2", gosumdb: "KEY", behaviors: [3]string{"ok", "404", "ok"}},
		{goproxy: "P2,P1", gosumdb: "KEY DBURL", behaviors: [3]string{"ok", "404", "ok"}},
		{goproxy: "P1", gonosumdb: "example.test", gosumdb: "KEY", behaviors: ok3},
		{goproxy: "P1", goprivate: "foo.test, example.test", gosumdb: "off", behaviors: ok3},
		{goproxy: "P1,direct", goinsecure: "example.test", goprivate: "example.test", gosumdb: "off", behaviors: ok3},
	}
	rng := mrand.New(mrand.NewPCG(5, 26))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	patterns := []string{"", "", "example.test", "*.test", "example.test/mod", "example.test/other", "none", "*.example.test", "example.test/mod/v2"}
	for range n {
		c := diffCase{goproxy: genGOPROXY(rng), goprivate: pick(patterns...), gonoproxy: pick(patterns...),
			gonosumdb: pick(patterns...), gosumdb: pick("off", "KEY", "KEY", "KEY DBURL"), goinsecure: pick("", "", "example.test")}
		for i := range c.behaviors {
			c.behaviors[i] = pick("ok", "404", "410", "500")
		}
		cases = append(cases, c)
	}
	return cases
}

func genGOPROXY(rng *mrand.Rand) string {
	var b strings.Builder
	for i, p := range rng.Perm(3)[:1+rng.IntN(3)] {
		if i > 0 {
			b.WriteString([]string{",", "|"}[rng.IntN(2)])
		}
		fmt.Fprintf(&b, "P%d", p+1)
	}
	b.WriteString([]string{"", ",direct", "|direct", ",off"}[rng.IntN(4)])
	return b.String()
}

// TestRouteMatchesGo runs the real go command for each case and checks that
// the sources it asks, in order, and the checksum-database locations it
// asks are exactly those the explainer predicts.
func TestRouteMatchesGo(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	skey, vkey, err := note.GenerateKey(rand.Reader, diffSumDB)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range diffCases(40) {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			got := c.run(t, skey, vkey)
			rt := Explain(FromResolution(resolve.Resolve(resolve.Input{Env: got.env}), nil), diffModule)
			gotMod, gotSum := observed(got.events)
			wantMod, wantSum, wantOK := predicted(rt, c, got.names)
			if !slices.Equal(gotMod, wantMod) || !slices.Equal(gotSum, wantSum) || got.ok != wantOK {
				t.Errorf("%v\ngo asked %v, then for the checksum database %v; succeeded: %t\nexplainer predicts %v, then %v; succeeds: %t\nsources %+v checksum %+v\nevents %q\n%s",
					c, gotMod, gotSum, got.ok, wantMod, wantSum, wantOK, rt.Sources, rt.Checksum, got.events, got.out)
			}
		})
	}
}
