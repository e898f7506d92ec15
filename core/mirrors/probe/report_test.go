package probe

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestGradeOf(t *testing.T) {
	cases := []struct {
		d    time.Duration
		ok   bool
		want Grade
	}{
		{0, true, GradeFast},
		{249 * time.Millisecond, true, GradeFast},
		{250 * time.Millisecond, true, GradeOK},
		{399 * time.Millisecond, true, GradeOK},
		{400 * time.Millisecond, true, GradeSlow},
		{10 * time.Millisecond, false, GradeFailed},
	}
	for _, c := range cases {
		if got := GradeOf(c.d, c.ok); got != c.want {
			t.Errorf("GradeOf(%v, %t) = %q, want %q", c.d, c.ok, got, c.want)
		}
	}
}

func TestReportJSON(t *testing.T) {
	s := Summary{Key: Key{URL: "goproxy.example.test", Network: "tcp"}, Samples: 4, Failures: 1, P50: 12345 * time.Microsecond,
		LastError: &Error{Class: ClassTimeout}, Phases: Phases{TTFB: 3 * time.Millisecond}, SumDB: SumDBYes}
	data, err := json.Marshal(s.Report())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"url":"goproxy.example.test"`, `"samples":4`, `"failures":1`, `"p50_ms":12.35`, `"error":"timeout"`, `"ttfb_ms":3`, `"dns_ms":0`, `"grade":"fast"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("Report JSON %s lacks %s", data, want)
		}
	}
}
