package resolve_test

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
)

var (
	randSeed  = flag.Uint64("diff.seed", 1, "seed of the randomized differential test")
	randCount = flag.Int("diff.n", 150, "configurations in the randomized differential test")
)

// randVals are the values the generator picks from. None of them makes the go
// command fail or reach the network (a GOTOOLCHAIN naming another version
// would download it).
var randVals = map[string][]string{
	"GOPROXY":     {"https://r1.example.test", "direct", "off", "https://r2.example.test|https://r3.example.test,direct"},
	"GOSUMDB":     {"off", "sum.example.test", "sum.example.test+1234+abcd https://s.example.test"},
	"GOPRIVATE":   {"*.corp.example.test", "a.example.test,b.example.test/x"},
	"GONOPROXY":   {"none", "np.example.test"},
	"GONOSUMDB":   {"none", "ns.example.test"},
	"GOINSECURE":  {"i.example.test", "*.lan.example.test"},
	"GOAUTH":      {"off", "netrc", "git $T/auth"},
	"GOFLAGS":     {"-mod=mod", "-modcacherw", "-mod=mod -modcacherw"},
	"GOTOOLCHAIN": {"local", "auto", "local+auto", "path", "local+path"},
	"GOVCS":       {"private:all", "*.example.test:git|hg"},
	"GOPATH":      {"$T/gpa", "$T/gpb:$T/gpc"},
	"GOMODCACHE":  {"$T/mca", "$T/mcb"},
}

// noise are lines the go command skips, mixed into generated files.
var noise = []string{
	"# comment", "", " GOPROXY=https://noise.example.test", "goproxy=https://noise.example.test",
	"GOSUMDB =off", "\xEF\xBB\xBFGOPRIVATE=bom.example.test", "GOENV=$T/elsewhere", "NOEQUALS",
}

// Where the generated configuration finds its GOROOT.
const (
	rootReal     = iota // the real one, found from the executable
	rootOSFake          // GOROOT=$T/fake in the environment
	rootFileFake        // GOROOT=$T/fake in the user file
	rootOSBare          // GOROOT=$T/bare, without go.env
)

// Where the generated configuration's user file is.
const (
	goenvUnset = iota
	goenvEmpty
	goenvAlt // GOENV=$T/alt/env
	goenvOff
)

// randConfig is one generated configuration and what the generator knows
// about it: the OS value and the values of each file, in file order.
type randConfig struct {
	rng        *rand.Rand
	rootMode   int
	goenvMode  int
	os         map[string]string
	user       map[string][]string
	goenv      map[string][]string
	userLines  []string
	goenvLines []string
	env        []string
}

// TestDiffRandom compares Resolve with the real go command on generated
// configurations that combine OS values (set, empty, unset), user file lines
// (present, empty, duplicated, absent, among noise) and go.env lines.
func TestDiffRandom(t *testing.T) {
	requireGo(t)
	if runtime.GOOS != "linux" {
		t.Skip("the configurations use Unix paths and Linux's os.Executable")
	}
	realEnv := realGoEnv(t)
	for i := range *randCount {
		g := newRandConfig(rand.New(rand.NewPCG(*randSeed, uint64(i))))
		c := g.goCase(fmt.Sprintf("r%03d", i))
		if g.realRoot() {
			g.goenv = map[string][]string{}
			for k, e := range realEnv {
				g.goenv[k] = []string{e.Value}
			}
		}
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}

// newRandConfig draws one configuration.
func newRandConfig(rng *rand.Rand) *randConfig {
	g := &randConfig{rng: rng, os: map[string]string{}, user: map[string][]string{}, goenv: map[string][]string{}}
	g.rootMode = g.pick(50, 20, 20, 10)
	g.goenvMode = g.pick(55, 15, 15, 15)
	for _, name := range core.VarNames() {
		if name != "GOENV" {
			g.drawVar(name)
		}
	}
	g.userLines = g.shuffleNoise(g.userLines)
	g.goenvLines = g.shuffleNoise(g.goenvLines)
	g.user = indexLines(g.userLines)
	g.goenv = indexLines(g.goenvLines)
	return g
}

// pick returns an index drawn with the given weights.
func (g *randConfig) pick(weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := g.rng.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// value draws a value of name; empty is allowed when withEmpty.
func (g *randConfig) value(name string, withEmpty bool) string {
	if withEmpty && g.rng.IntN(4) == 0 {
		return ""
	}
	vs := randVals[name]
	return vs[g.rng.IntN(len(vs))]
}

// drawVar draws the OS value and the file and go.env lines of name.
func (g *randConfig) drawVar(name string) {
	switch g.pick(55, 15, 30) {
	case 1:
		g.env = append(g.env, name+"=")
	case 2:
		g.env = append(g.env, name+"="+g.value(name, false))
	}
	g.userLines = append(g.userLines, g.lines(name)...)
	if g.rootMode == rootOSFake || g.rootMode == rootFileFake {
		g.goenvLines = append(g.goenvLines, g.lines(name)...)
	}
}

// lines draws the lines of one file for name: none, one value, one empty
// line, or two lines.
func (g *randConfig) lines(name string) []string {
	switch g.pick(50, 30, 10, 10) {
	case 1:
		return []string{name + "=" + g.value(name, false)}
	case 2:
		return []string{name + "="}
	case 3:
		return []string{name + "=" + g.value(name, true), name + "=" + g.value(name, true)}
	}
	return nil
}

// shuffleNoise adds noise lines and shuffles the lines, keeping the order
// of lines with the same key so that duplicates stay first and last.
func (g *randConfig) shuffleNoise(lines []string) []string {
	for range g.rng.IntN(4) {
		lines = append(lines, noise[g.rng.IntN(len(noise))])
	}
	g.rng.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	return lines
}

// indexLines lists the values of each valid line's key in file order, as
// the generator wrote them (noise lines have no valid key of ours).
func indexLines(lines []string) map[string][]string {
	m := map[string][]string{}
	for _, l := range lines {
		k, v, ok := strings.Cut(l, "=")
		if _, known := randVals[k]; ok && known {
			m[k] = append(m[k], v)
		}
	}
	return m
}

// goCase turns the configuration into a differential case.
func (g *randConfig) goCase(name string) goCase {
	c := goCase{name: name, files: map[string]string{}, roots: map[string]string{}}
	c.env = append(c.env, g.env...)
	user := g.userLines
	switch g.rootMode {
	case rootOSFake:
		c.env = append(c.env, "GOROOT=$T/fake")
	case rootFileFake:
		user = append([]string{"GOROOT=$T/fake"}, user...)
	case rootOSBare:
		c.env = append(c.env, "GOROOT=$T/bare")
		c.roots["bare"] = noGoEnv
	}
	if g.rootMode == rootOSFake || g.rootMode == rootFileFake {
		c.roots["fake"] = strings.Join(g.goenvLines, "\n") + "\n"
	}
	file := userFile
	switch g.goenvMode {
	case goenvEmpty:
		c.env = append(c.env, "GOENV=")
	case goenvAlt:
		c.env, file = append(c.env, "GOENV=$T/alt/env"), "alt/env"
	case goenvOff:
		c.env = append(c.env, "GOENV=off")
	}
	c.files[file] = strings.Join(user, "\n") + "\n"
	c.wantFn = g.sources
	return c
}

// sources computes the expected source of every setting from what the
// generator wrote and the value go printed: the first non-empty layer wins;
// an empty layer wins only when the value is empty; otherwise the default.
func (g *randConfig) sources(got map[string]string) map[string]core.Source {
	want := map[string]core.Source{"GOENV": D}
	if g.goenvMode == goenvAlt || g.goenvMode == goenvOff {
		want["GOENV"] = P
	}
	for _, name := range core.VarNames() {
		if name != "GOENV" {
			want[name] = g.source(name, got[name])
		}
	}
	return want
}

// source is the expected source of one setting whose value is eff.
func (g *randConfig) source(name, eff string) core.Source {
	def := D
	if name == "GONOPROXY" || name == "GONOSUMDB" || name == "GOMODCACHE" {
		def = X
	}
	layers := []struct {
		src  core.Source
		vals []string
		last bool
	}{
		{P, []string{g.osValue(name)}, true},
		{F, g.userValues(name), true},
		{G, g.goenvValues(name), false},
	}
	for _, l := range layers {
		if len(l.vals) == 0 || l.src == P && l.vals[0] == "" {
			continue
		}
		v := l.vals[0]
		if l.last {
			v = l.vals[len(l.vals)-1]
		}
		if v != "" || eff == "" {
			return l.src
		}
		return def
	}
	return def
}

// osValue is the OS value of name, "" when unset or empty.
func (g *randConfig) osValue(name string) string {
	for _, kv := range g.env {
		if k, v, _ := strings.Cut(kv, "="); k == name {
			return v
		}
	}
	return ""
}

// userValues are the user file's values of name, if the file is read.
func (g *randConfig) userValues(name string) []string {
	if g.goenvMode == goenvOff {
		return nil
	}
	return g.user[name]
}

// goenvValues are go.env's values of name, if go.env is read and the user
// file does not hide it.
func (g *randConfig) goenvValues(name string) []string {
	if len(g.userValues(name)) > 0 || g.rootMode == rootOSBare {
		return nil
	}
	return g.goenv[name]
}

// realRoot reports whether the go command uses the real GOROOT: when none
// is set, or when only the user file sets one and GOENV=off hides the file.
func (g *randConfig) realRoot() bool {
	return g.rootMode == rootReal || g.rootMode == rootFileFake && g.goenvMode == goenvOff
}
