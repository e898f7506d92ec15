package probe

import (
	"golang.org/x/mod/semver"

	"github.com/gomirror/gomirror/core"
)

// FindingKind names a cross-mirror disagreement.
type FindingKind string

// Finding kinds.
const (
	// Lagging: the mirror's @latest is older than another mirror's.
	Lagging FindingKind = "lagging"
	// Inconsistent: the mirror's .mod for a version hashes differently from
	// the other mirrors' (which would fail checksum verification).
	Inconsistent FindingKind = "inconsistent"
)

// Finding is one mirror disagreeing with the others about the probe module.
type Finding struct {
	Key
	Kind    FindingKind `json:"kind"`
	Message string      `json:"message"` // Detail in English
	// Detail is Message as a core text, for the user's language.
	Detail core.Text `json:"-"`
}

// finding returns the finding kind about series k: the text code with args.
func finding(k Key, kind FindingKind, code string, args map[string]string) Finding {
	t := core.NewText(code, args)
	return Finding{Key: k, Kind: kind, Message: t.String(), Detail: t}
}

// Consistency compares the probe module across series: a series whose
// @latest is older than the newest any series reports is lagging; a series
// whose .mod hash for a version differs from the most common hash for that
// version (or when no hash is most common) is inconsistent.
func Consistency(ss []Summary) []Finding {
	var out []Finding
	newest := ""
	for _, s := range ss {
		if s.Latest != "" && (newest == "" || semver.Compare(s.Latest, newest) > 0) {
			newest = s.Latest
		}
	}
	for _, s := range ss {
		if s.Latest != "" && semver.Compare(s.Latest, newest) < 0 {
			out = append(out, finding(s.Key, Lagging, "probe.lagging", map[string]string{
				"URL": s.URL, "Latest": s.Latest, "Newest": newest}))
		}
	}
	return append(out, inconsistent(ss)...)
}

// inconsistent finds .mod hashes that disagree with the majority.
func inconsistent(ss []Summary) []Finding {
	counts := map[string]map[string]int{} // version → hash → series
	for _, s := range ss {
		if s.ModHash == "" {
			continue
		}
		if counts[s.Version] == nil {
			counts[s.Version] = map[string]int{}
		}
		counts[s.Version][s.ModHash]++
	}
	var out []Finding
	for _, s := range ss {
		if s.ModHash == "" || len(counts[s.Version]) < 2 {
			continue
		}
		if !isMajority(counts[s.Version], s.ModHash) {
			out = append(out, finding(s.Key, Inconsistent, "probe.inconsistent", map[string]string{
				"URL": s.URL, "Version": s.Version, "Hash": s.ModHash}))
		}
	}
	return out
}

// isMajority reports whether h has strictly more series than any other hash.
func isMajority(hashes map[string]int, h string) bool {
	for other, n := range hashes {
		if other != h && n >= hashes[h] {
			return false
		}
	}
	return true
}

// MarkConsistency sets Lagging and Inconsistent on ss from Consistency.
func MarkConsistency(ss []Summary) {
	idx := map[Key]int{}
	for i := range ss {
		ss[i].Lagging, ss[i].Inconsistent = false, false
		idx[ss[i].Key] = i
	}
	for _, f := range Consistency(ss) {
		switch f.Kind {
		case Lagging:
			ss[idx[f.Key]].Lagging = true
		case Inconsistent:
			ss[idx[f.Key]].Inconsistent = true
		}
	}
}
