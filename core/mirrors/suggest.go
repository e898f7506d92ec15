package mirrors

import (
	"fmt"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/resolve"
)

// SuggestOptions adjust Suggest.
type SuggestOptions struct {
	NoDirect bool // do not end the chain with direct
}

// Suggestion is a proposed GOPROXY chain and, when needed, GOSUMDB.
type Suggestion struct {
	Chain Chain `json:"chain"`
	// GOSUMDB is the value to write, or "" to keep the current one.
	GOSUMDB string   `json:"gosumdb,omitempty"`
	Reasons []string `json:"reasons"` // English: ReasonTexts rendered
	// ReasonTexts are Reasons as core texts, for other languages.
	ReasonTexts []core.Text `json:"-"`
}

// reason appends the text code rendered from args to s's reasons.
func (s *Suggestion) reason(t core.Text) {
	s.ReasonTexts = append(s.ReasonTexts, t)
	s.Reasons = append(s.Reasons, t.String())
}

// ErrNoHealthyMirror is returned by Suggest when no probed mirror is fit.
var ErrNoHealthyMirror error = core.NewError("mirrors.none-healthy", nil, nil)

// candidate is a healthy probed mirror.
type candidate struct {
	Mirror
	sum probe.Summary
}

// Suggest proposes a chain from probe summaries: the fastest healthy
// mirror first (one that is not lagging, if any is), a healthy mirror of a
// different operator after it with "|" (so any failure of the first falls
// back), then direct after "," (reached only for modules the mirrors do
// not have, such as private ones) unless opts.NoDirect. Mirrors serving an
// inconsistent go.mod are never suggested. It pairs GOSUMDB with the chain:
// see sumdbAdvice.
func Suggest(r *resolve.Resolution, cat []Mirror, sums []probe.Summary, opts SuggestOptions) (Suggestion, error) {
	cands := candidates(cat, sums)
	if len(cands) == 0 {
		return Suggestion{}, ErrNoHealthyMirror
	}
	first := cands[0]
	s := Suggestion{Chain: Chain{{Target: first.URL, Sep: Comma}}}
	s.reason(core.NewText("mirrors.suggest-fastest", map[string]string{"Name": first.Name,
		"P50": fmt.Sprint(first.sum.P50.Round(100 * time.Microsecond)), "Success": fmt.Sprintf("%.0f", first.sum.SuccessRate*100)}))
	if fb, ok := fallback(cands, first); ok {
		s.Chain[0].Sep = Pipe
		s.Chain = append(s.Chain, Link{Target: fb.URL, Sep: Comma})
		s.reason(core.NewText("mirrors.suggest-fallback", map[string]string{"Name": fb.Name, "First": first.Name}))
	} else {
		s.reason(core.NewText("mirrors.suggest-no-fallback", nil))
	}
	if !opts.NoDirect {
		s.Chain = append(s.Chain, Link{Target: Direct})
		s.reason(core.NewText("mirrors.suggest-direct", nil))
	}
	var why []core.Text
	s.GOSUMDB, why = sumdbAdvice(r, s.Chain, cands)
	for _, t := range why {
		s.reason(t)
	}
	return s, nil
}

// candidates returns the healthy, consistent mirrors in rank order, one
// per URL (its best network), not-lagging ones first.
func candidates(cat []Mirror, sums []probe.Summary) []candidate {
	sums = append([]probe.Summary(nil), sums...)
	probe.MarkConsistency(sums)
	probe.Rank(sums)
	var fresh, lagging []candidate
	seen := map[string]bool{}
	for _, s := range sums {
		key := NormalizeURL(s.URL)
		if seen[key] || !s.Healthy() || s.Inconsistent {
			continue
		}
		seen[key] = true
		m, ok := Find(cat, s.URL)
		if !ok {
			m = Mirror{ID: s.ID, Name: s.URL, URL: s.URL}
		}
		m.SumDB = s.SumDB
		if s.Lagging {
			lagging = append(lagging, candidate{m, s})
		} else {
			fresh = append(fresh, candidate{m, s})
		}
	}
	return append(fresh, lagging...)
}

// fallback returns the best candidate run by another operator than first.
func fallback(cands []candidate, first candidate) (candidate, bool) {
	for _, c := range cands[1:] {
		if c.OperatorKey() != first.OperatorKey() {
			return c, true
		}
	}
	return candidate{}, false
}

// sumdbAdvice decides GOSUMDB for chain. A GOSUMDB that is off, or names
// its own URL (including the China alias), is kept: no mirror is asked for
// it. Otherwise the go command walks the chain asking each mirror for
// /sumdb/<name>/supported; if the walk would end at the database's own host
// (no mirror proxies it), suggest the China alias, which serves the same
// database from a reachable host. The reason is at most one text.
func sumdbAdvice(r *resolve.Resolution, chain Chain, cands []candidate) (string, []core.Text) {
	cur, name := r.Value("GOSUMDB"), SumDBName(r)
	why := func(code string, args map[string]string) []core.Text { return []core.Text{core.NewText(code, args)} }
	switch {
	case cur == "off":
		return "", why("mirrors.sumdb-off", nil)
	case sumdbHasURL(cur):
		return "", why("mirrors.sumdb-own-url", map[string]string{"Value": cur})
	case name == "":
		return "", nil
	}
	via, known := sumdbRoute(chain, cands)
	switch {
	case !known:
		return "", why("mirrors.sumdb-unknown", map[string]string{"DB": name})
	case via != "":
		return "", why("mirrors.sumdb-proxied", map[string]string{"Mirror": via, "DB": name, "Value": cur})
	}
	return ChinaSumDB, why("mirrors.sumdb-china", map[string]string{"DB": name, "Alias": ChinaSumDB})
}

// sumdbRoute walks chain as the go command does for the checksum database:
// the first mirror answering 200 serves it (via is its name); "no" moves on.
// known is false if a mirror's answer was not probed.
func sumdbRoute(chain Chain, cands []candidate) (via string, known bool) {
	for _, l := range chain {
		if l.IsKeyword() {
			return "", true
		}
		c, ok := findCandidate(cands, l.Target)
		if !ok || c.sum.SumDB == probe.SumDBUnknown {
			return "", false
		}
		if c.sum.SumDB == probe.SumDBYes {
			return c.Name, true
		}
	}
	return "", true
}

func findCandidate(cands []candidate, url string) (candidate, bool) {
	for _, c := range cands {
		if SameURL(c.URL, url) {
			return c, true
		}
	}
	return candidate{}, false
}

// Assignments returns the writes for s against r: GOPROXY, and GOSUMDB
// when the suggestion changes it. Pass them to service.Set(r, …), which
// validates, writes atomically, and records history for undo.
func (s Suggestion) Assignments(r *resolve.Resolution) []core.Assignment {
	as := s.Chain.Assignments()
	if s.GOSUMDB != "" && s.GOSUMDB != r.Value("GOSUMDB") {
		as = append(as, core.Assignment{Key: "GOSUMDB", Value: s.GOSUMDB})
	}
	return as
}
