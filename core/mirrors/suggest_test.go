package mirrors

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core/mirrors/probe"
)

// healthy is a summary of a mirror that answered every sample.
func healthy(url string, p50ms int, sumdb probe.SumDBState) probe.Summary {
	d := time.Duration(p50ms) * time.Millisecond
	return probe.Summary{Key: probe.Key{URL: url, Network: "tcp"}, OK: true, Samples: 5, Window: 5,
		SuccessRate: 1, P50: d, P95: d, SumDB: sumdb, Latest: "v1.2.0", Version: "v1.2.0", ModHash: "h1:good"}
}

func down(url string) probe.Summary {
	return probe.Summary{Key: probe.Key{URL: url, Network: "tcp"}, Samples: 5, Failures: 5, Window: 5, Streak: 5, Outage: true, SumDB: probe.SumDBUnknown}
}

const (
	cn     = "https://goproxy.cn"
	io     = "https://goproxy.io"
	ioCN   = "https://proxy.golang.com.cn"
	ali    = "https://mirrors.aliyun.com/goproxy/"
	huawei = "https://mirrors.huaweicloud.com/repository/goproxy/"
)

func TestSuggest(t *testing.T) {
	yes, no, unk := probe.SumDBYes, probe.SumDBNo, probe.SumDBUnknown
	cases := []struct {
		name   string
		env    []string
		sums   []probe.Summary
		opts   SuggestOptions
		chain  string
		sumdb  string
		reason string
	}{
		{"fastest-then-other-operator", nil,
			[]probe.Summary{healthy(cn, 80, yes), healthy(ioCN, 30, yes), healthy(io, 40, yes), healthy(ali, 50, yes), down(huawei)},
			SuggestOptions{}, ioCN + "|" + ali + ",direct", "", "proxies the checksum database"},
		{"no-direct", nil,
			[]probe.Summary{healthy(cn, 20, yes), healthy(ali, 50, yes)},
			SuggestOptions{NoDirect: true}, cn + "|" + ali, "", ""},
		{"single-operator", nil,
			[]probe.Summary{healthy(io, 20, yes), healthy(ioCN, 30, yes), down(cn)},
			SuggestOptions{}, io + ",direct", "", "no mirror fallback"},
		{"no-mirror-proxies-sumdb", nil,
			[]probe.Summary{healthy(huawei, 20, no), healthy(ali, 30, no)},
			SuggestOptions{}, huawei + "|" + ali + ",direct", ChinaSumDB, "No mirror in the chain proxies"},
		{"fallback-proxies-sumdb", nil,
			[]probe.Summary{healthy(huawei, 20, no), healthy(cn, 30, yes)},
			SuggestOptions{}, huawei + "|" + cn + ",direct", "", "Goproxy.cn proxies"},
		{"sumdb-unknown", nil,
			[]probe.Summary{healthy(huawei, 20, unk)},
			SuggestOptions{}, huawei + ",direct", "", "unknown"},
		{"sumdb-off-kept", []string{"GOSUMDB=off"},
			[]probe.Summary{healthy(huawei, 20, no)},
			SuggestOptions{}, huawei + ",direct", "", "GOSUMDB=off is kept"},
		{"sumdb-with-url-kept", []string{"GOSUMDB=" + ChinaSumDB},
			[]probe.Summary{healthy(huawei, 20, no)},
			SuggestOptions{}, huawei + ",direct", "", "names its own server"},
		{"inconsistent-skipped", nil,
			[]probe.Summary{healthy(cn, 10, yes), withHash(healthy(ali, 20, yes), "h1:evil"), healthy(huawei, 30, yes)},
			SuggestOptions{}, cn + "|" + huawei + ",direct", "", ""},
		{"lagging-last", nil,
			[]probe.Summary{withLatest(healthy(cn, 10, yes), "v1.1.0"), healthy(ali, 20, yes)},
			SuggestOptions{}, ali + "|" + cn + ",direct", "", ""},
		{"unknown-url", nil,
			[]probe.Summary{healthy("http://127.0.0.1:3000", 5, yes)},
			SuggestOptions{}, "http://127.0.0.1:3000,direct", "", "http://127.0.0.1:3000 is the fastest"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := resolveWith(t, testGoEnv, c.env...)
			s, err := Suggest(r, Catalogue(r, nil), c.sums, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if s.Chain.String() != c.chain || s.GOSUMDB != c.sumdb {
				t.Errorf("Suggest = %s GOSUMDB=%q, want %s GOSUMDB=%q", s.Chain, s.GOSUMDB, c.chain, c.sumdb)
			}
			if all := strings.Join(s.Reasons, "\n"); !strings.Contains(strings.ToLower(all), strings.ToLower(c.reason)) {
				t.Errorf("reasons %q lack %q", all, c.reason)
			}
			if errs := s.Chain.Validate(r); len(errs) > 0 && errs[0].Severity == "error" {
				t.Errorf("suggested chain is invalid: %v", errs)
			}
		})
	}
}

func withHash(s probe.Summary, h string) probe.Summary   { s.ModHash = h; return s }
func withLatest(s probe.Summary, v string) probe.Summary { s.Latest = v; return s }

func TestSuggestNoHealthy(t *testing.T) {
	r := resolveWith(t, testGoEnv)
	_, err := Suggest(r, Catalogue(r, nil), []probe.Summary{down(cn), down(ali)}, SuggestOptions{})
	if !errors.Is(err, ErrNoHealthyMirror) {
		t.Errorf("Suggest(all down) = %v, want ErrNoHealthyMirror", err)
	}
}

func TestSuggestionAssignments(t *testing.T) {
	r := resolveWith(t, testGoEnv)
	s := Suggestion{Chain: NewChain(Comma, huawei, Direct), GOSUMDB: ChinaSumDB}
	got := fmt.Sprint(s.Assignments(r))
	if want := "[{GOPROXY " + huawei + ",direct} {GOSUMDB " + ChinaSumDB + "}]"; got != want {
		t.Errorf("Assignments = %s, want %s", got, want)
	}
	r = resolveWith(t, testGoEnv, "GOSUMDB="+ChinaSumDB)
	if as := s.Assignments(r); len(as) != 1 {
		t.Errorf("Assignments when GOSUMDB already matches = %v, want GOPROXY only", as)
	}
}
