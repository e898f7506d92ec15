package troubleshoot_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/troubleshoot"
	"github.com/gomirror/gomirror/internal/corpus"
)

// corpusFile holds real go command failures from public threads; see its
// header for the fields.
const corpusFile = "../../testdata/troubleshoot/corpus.txt"

// Stand-ins for the toolchain's default proxy and checksum database, as the
// corpus writes them; the fake $GOROOT/go.env names them.
const (
	defaultProxyHost = "proxy.default.example.test"
	defaultSumDBHost = "sum.default.example.test"
)

// corpusCase is one real failure output and what the thread that posted it
// says about it.
type corpusCase struct {
	ID, URL, Class, Split, Confidence, Resolution string
	Causes                                        []string // accepted problem codes
	MustNot                                       []string // settings the answer must not widen or set
	China                                         bool
	Output                                        string
}

// loadCorpus parses corpusFile.
func loadCorpus(t testing.TB) []corpusCase {
	t.Helper()
	raw, err := corpus.Read(corpusFile, corpus.Schema{
		Fields: []string{"url", "class", "cause", "must_not", "china", "split", "confidence", "resolution"},
		Parts:  []string{"output"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var cases []corpusCase
	for _, r := range raw {
		c := corpusCase{ID: r.ID, URL: r.Field("url"), Class: r.Field("class"), Split: r.Field("split"),
			Confidence: r.Field("confidence"), Resolution: r.Field("resolution"),
			China: r.Field("china") == "yes", Output: r.Parts["output"]}
		if v := r.Field("cause"); v != "" {
			c.Causes = strings.Split(v, "|")
		}
		if v := r.Field("must_not"); v != "" {
			c.MustNot = strings.Split(v, ",")
		}
		cases = append(cases, c)
	}
	return cases
}

// corpusResolution is a machine with no settings of its own: a fake GOROOT
// whose go.env names the stand-in default proxy and checksum database, a
// throwaway HOME and no env file.
func corpusResolution(t testing.TB) *resolve.Resolution {
	t.Helper()
	dir := t.TempDir()
	goroot := filepath.Join(dir, "goroot")
	if err := os.MkdirAll(goroot, 0o777); err != nil {
		t.Fatal(err)
	}
	goEnv := "GOPROXY=https://" + defaultProxyHost + ",direct\nGOSUMDB=" + defaultSumDBHost + "\nGOTOOLCHAIN=auto\n"
	if err := os.WriteFile(filepath.Join(goroot, "go.env"), []byte(goEnv), 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(goroot, "VERSION"), []byte("go1.24.0\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(dir, "home")
	return resolve.Resolve(resolve.Input{GOOS: "linux", Cwd: dir, Env: []string{
		"GOROOT=" + goroot, "HOME=" + home, "GOENV=" + filepath.Join(home, "goenv"), "PATH=",
	}})
}

// verdict is how the troubleshooter did on one case.
type verdict struct {
	right   bool   // the main finding has an expected cause
	silent  bool   // nothing, or nothing but information, for a failure
	widens  string // a privacy/verification setting widened against the case
	wrong   string // a setting the case rules out is changed or blamed
	primary string // the main finding's code
}

// privacyKeys are the settings whose widening turns off privacy or
// verification for more modules.
var privacyKeys = []string{"GOPRIVATE", "GONOSUMDB", "GONOPROXY", "GOINSECURE"}

// judge scores the findings of one case.
func judge(c corpusCase, fs []troubleshoot.Finding) verdict {
	var v verdict
	var main *troubleshoot.Finding
	for i := range fs {
		if fs[i].Severity != core.SeverityInfo {
			main = &fs[i]
			break
		}
	}
	if main == nil {
		v.silent, v.primary = true, "(none)"
		return v
	}
	v.primary = main.Code
	for _, code := range c.Causes {
		if main.Code == code {
			v.right = true
		}
	}
	// Class-specific demands on the answer's substance.
	switch {
	case c.Class == "retag" && (strings.Contains(main.Fix, "remove it from GOPROXY") || !strings.Contains(main.Fix, "GOPROXY=direct does not help")):
		v.wrong = "blames a mirror for a moved tag"
	case c.Class == "china-remedy" && strings.Contains(c.Output, defaultProxyHost+"/") && main.Set["GOPROXY"] == "":
		v.wrong = "no reachable mirror offered for the default proxy"
	case c.Class == "china-remedy" && strings.Contains(c.Output, defaultSumDBHost+"/") && main.Set["GOSUMDB"] == "":
		v.wrong = "no reachable checksum database offered"
	}
	all := contains(c.MustNot, "ALL")
	for _, f := range fs {
		for k, val := range f.Set {
			switch {
			case k == "GOSUMDB" && val == "off":
				v.widens = "GOSUMDB=off"
			case contains(privacyKeys, k) && (all || contains(c.MustNot, k)):
				v.widens = k + "=" + val
			case all || contains(c.MustNot, k):
				v.wrong = "set " + k
			}
		}
		for _, k := range f.Unset {
			if all || contains(c.MustNot, k) {
				v.wrong = "unset " + k
			}
		}
		if all && f.Var != "" && f.Severity != core.SeverityInfo {
			v.wrong = "blames " + f.Var
		}
	}
	return v
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// tally counts verdicts.
type tally struct{ n, right, silent, widens, wrong int }

func (t *tally) add(v verdict) {
	t.n++
	if v.right {
		t.right++
	}
	if v.silent {
		t.silent++
	}
	if v.widens != "" {
		t.widens++
	}
	if v.wrong != "" {
		t.wrong++
	}
}

func (t tally) pct() float64 {
	if t.n == 0 {
		return 100
	}
	return 100 * float64(t.right) / float64(t.n)
}

func (t tally) String() string {
	return fmt.Sprintf("%3d/%3d right (%5.1f%%)  silent %d  widens %d  wrong setting %d", t.right, t.n, t.pct(), t.silent, t.widens, t.wrong)
}

// TestCorpus runs every real output of the corpus through Explain, the
// call the CLI and the GUI make, and prints the score by class. It fails
// below 95% right causes, on any silent failure and on any advice that
// widens a privacy or verification setting against the thread's
// resolution. CORPUS_SPLIT=train or holdout limits it to one split.
func TestCorpus(t *testing.T) {
	cases := loadCorpus(t)
	if len(cases) < 120 {
		t.Errorf("corpus has %d cases, want at least 120", len(cases))
	}
	r := corpusResolution(t)
	only := os.Getenv("CORPUS_SPLIT")
	byClass := map[string]*tally{}
	bySplit := map[string]*tally{}
	var total tally
	var misses []string
	for _, c := range cases {
		if only != "" && c.Split != only {
			continue
		}
		fs := troubleshoot.Explain(r, c.Output)
		for _, f := range fs {
			if err := core.CheckRendered(f.Problem); err != nil {
				t.Errorf("%s: %v", c.ID, err)
			}
		}
		v := judge(c, fs)
		if show := os.Getenv("CORPUS_SHOW"); show != "" && contains(strings.Split(show, ","), c.ID) {
			for _, f := range fs {
				t.Logf("%s: %s %s (%s) set=%v profile=%q quoted=%q\n  %s\n  fix: %s", c.ID, f.Severity, f.Code, f.Var, f.Set, f.Profile, f.Quoted, f.Message, f.Fix)
			}
		}
		count(byClass, c.Class, v)
		count(bySplit, c.Split, v)
		total.add(v)
		if !v.right || v.silent || v.widens != "" || v.wrong != "" {
			misses = append(misses, fmt.Sprintf("%s [%s/%s] got %s, want %s%s%s  %s", c.ID, c.Class, c.Split, v.primary,
				strings.Join(c.Causes, "|"), suffix(" widens ", v.widens), suffix(" wrong: ", v.wrong), c.URL))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "corpus score by class:\n")
	for _, k := range sortedTallyKeys(byClass) {
		fmt.Fprintf(&b, "  %-16s %s\n", k, byClass[k])
	}
	for _, k := range sortedTallyKeys(bySplit) {
		fmt.Fprintf(&b, "  split %-10s %s\n", k, bySplit[k])
	}
	fmt.Fprintf(&b, "  %-16s %s\n", "total", total)
	t.Log(b.String())
	if os.Getenv("CORPUS_MISSES") != "" {
		t.Log("misses:\n" + strings.Join(misses, "\n"))
	}
	if total.pct() < 95 {
		t.Errorf("right cause for %.1f%% of the corpus, want at least 95%%", total.pct())
	}
	if total.silent > 0 {
		t.Errorf("%d failing outputs got no finding", total.silent)
	}
	if total.wrong > 0 {
		t.Errorf("%d answers change or blame a setting the thread rules out, or miss the remedy", total.wrong)
	}
	if total.widens > 0 {
		t.Errorf("%d answers widen a privacy or verification setting without evidence", total.widens)
	}
}

func count(m map[string]*tally, key string, v verdict) {
	if m[key] == nil {
		m[key] = &tally{}
	}
	m[key].add(v)
}

func suffix(label, s string) string {
	if s == "" {
		return ""
	}
	return label + s
}

func sortedTallyKeys(m map[string]*tally) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestCorpusShape checks the corpus against the demands: at least
// 120 cases, a third from mainland-China contexts, 15 that no setting
// fixes, every case with a URL, a cause, a split and a resolution, and no
// toolchain-default host written out.
func TestCorpusShape(t *testing.T) {
	cases := loadCorpus(t)
	china, notSettings, holdout := 0, 0, 0
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.ID] {
			t.Errorf("duplicate id %s", c.ID)
		}
		seen[c.ID] = true
		if c.URL == "" || len(c.Causes) == 0 || c.Resolution == "" || c.Class == "" || strings.TrimSpace(c.Output) == "" {
			t.Errorf("%s lacks a field", c.ID)
		}
		if c.Split != "train" && c.Split != "holdout" {
			t.Errorf("%s: split %q", c.ID, c.Split)
		}
		if c.China {
			china++
		}
		if contains(c.MustNot, "ALL") {
			notSettings++
		}
		if c.Split == "holdout" {
			holdout++
		}
	}
	if china*3 < len(cases) {
		t.Errorf("%d of %d cases from mainland China, want a third", china, len(cases))
	}
	if notSettings < 15 {
		t.Errorf("%d cases that no setting fixes, want 15", notSettings)
	}
	if holdout*4 < len(cases) {
		t.Errorf("%d holdout cases of %d, want about a third", holdout, len(cases))
	}
}

// noise wraps every line of a paste the way CI systems, Docker and
// terminals do.
var noise = map[string]func(i int, line string) string{
	"buildkit":  func(i int, l string) string { return fmt.Sprintf("#14 %d.%d %s", 180+i, i%10, l) },
	"timestamp": func(i int, l string) string { return fmt.Sprintf("2024-05-01T10:00:%02d.1234567Z %s", i%60, l) },
	"loglevel":  func(i int, l string) string { return "[ERROR] " + l },
	"ansi":      func(i int, l string) string { return "\x1b[31m" + l + "\x1b[0m" },
	"crlf":      func(i int, l string) string { return l + "\r" },
	"quoted":    func(i int, l string) string { return "> " + l },
}

// TestCorpusNoise checks that the noise of CI logs and terminals around the
// train split's outputs changes neither the cause found nor the module a
// finding names.
func TestCorpusNoise(t *testing.T) {
	r := corpusResolution(t)
	for _, c := range loadCorpus(t) {
		if c.Split != "train" {
			continue
		}
		want := troubleshoot.Explain(r, c.Output)
		if len(want) == 0 {
			continue
		}
		for name, wrap := range noise {
			lines := strings.Split(strings.TrimSuffix(c.Output, "\n"), "\n")
			for i, l := range lines {
				lines[i] = wrap(i, l)
			}
			got := troubleshoot.Explain(r, strings.Join(lines, "\n")+"\n")
			if len(got) == 0 || got[0].Code != want[0].Code || got[0].Module != want[0].Module {
				var g string
				if len(got) > 0 {
					g = got[0].Code + " " + got[0].Module
				}
				t.Errorf("%s with %s noise: %s, want %s %s", c.ID, name, g, want[0].Code, want[0].Module)
			}
		}
	}
}
