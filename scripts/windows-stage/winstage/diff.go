package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// managed are the settings gomirrorctl manages (core.Vars), compared with
// go env -json together with GOROOT.
var managed = []string{"GOPROXY", "GOSUMDB", "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE",
	"GOAUTH", "GOFLAGS", "GOTOOLCHAIN", "GOVCS", "GOENV", "GOPATH", "GOMODCACHE"}

// values the generator picks from; "$D" is the other drive. None makes go
// fail or reach the network.
var values = map[string][]string{
	"GOPROXY":     {"https://r1.example.test", "direct", "off", "https://r2.example.test|https://r3.example.test,direct"},
	"GOSUMDB":     {"off", "sum.example.test", "sum.example.test+1234+abcd https://s.example.test"},
	"GOPRIVATE":   {"*.corp.example.test", "a.example.test,b.example.test/x"},
	"GONOPROXY":   {"none", "np.example.test"},
	"GONOSUMDB":   {"none", "ns.example.test"},
	"GOINSECURE":  {"i.example.test", "*.lan.example.test"},
	"GOAUTH":      {"off", "netrc", `git C:\auth`},
	"GOFLAGS":     {"-mod=mod", "-modcacherw", "-mod=mod -modcacherw"},
	"GOTOOLCHAIN": {"local", "auto", "local+auto", "path"},
	"GOVCS":       {"private:all", "*.example.test:git|hg"},
	"GOPATH":      {`C:\gpa`, `C:\gpb;$D\gpc`, `;C:\gpd`, `C:/gpe/`, `$D\gpf;`},
	"GOMODCACHE":  {`C:\mca`, `$D\mcb`, `c:/mcc`},
}

// noise are lines the go command skips (or reads under another key).
var noise = []string{"# comment", "", " GOPROXY=https://noise.example.test", "goproxy=https://noise.example.test",
	"GOSUMDB =off", "\xEF\xBB\xBFGOPRIVATE=bom.example.test", `GOENV=C:\elsewhere`, "NOEQUALS", "rem GOFLAGS=-x"}

// config is one generated configuration and what the generator knows of it.
type config struct {
	n              int
	dir, cwd       string
	env            []string          // on top of baseEnv
	files          map[string]string // path → content
	dirs           []string
	os             map[string]string // upper-case name → process value
	user           map[string][]string
	userRead       bool
	goenvVals      map[string][]string // of the go.env in use (first wins)
	expectGoFail   bool
	fileRoot       bool // GOROOT comes from the user file
	describe       []string
	goenvPathSpell string
}

// goEnvs are the two fake GOROOTs' go.env files.
var goEnvs = map[string]string{
	"go":  "# shipped\nGOPROXY=https://proxy.example.test,direct\nGOSUMDB=sum.example.test\nGOTOOLCHAIN=auto\n",
	"go2": "GOPROXY=https://two.example.test\nGOPROXY=https://second-ignored.example.test\nGOSUMDB=off\nGOPRIVATE=two.example.test\nGOTOOLCHAIN=local\n",
}

func parseGoEnv(s string) map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(s, "\n") {
		if k, v, ok := strings.Cut(line, "="); ok && line != "" && line[0] >= 'A' && line[0] <= 'Z' {
			m[k] = append(m[k], v)
		}
	}
	return m
}

func (c *config) pick(rng *rand.Rand, n int) int { return rng.IntN(n) }

// spell returns the path p written as a drive-relative, rooted or relative
// form that the go command resolves back to p from c.cwd.
func (c *config) setEnv(k, v string) { c.env = append(c.env, k+"="+v) }

// generate builds configuration n.
func generate(rng *rand.Rand, n int) *config {
	dir := filepath.Join(*root, fmt.Sprintf("c%d", n))
	c := &config{n: n, dir: dir, files: map[string]string{}, os: map[string]string{}, user: map[string][]string{}}
	// Working directory: on the scratch drive, or on the other drive.
	c.cwd = filepath.Join(dir, "work")
	if rng.IntN(5) == 0 {
		c.cwd = filepath.Join(*other+`\`, fmt.Sprintf("w%d", n), "work")
		c.describe = append(c.describe, "cwd on "+*other)
	}
	c.dirs = append(c.dirs, c.cwd)
	c.appData(rng)
	c.goroot(rng)
	c.goenv(rng)
	if c.fileRoot && c.userRead {
		c.goenvVals = parseGoEnv(goEnvs["go2"])
		c.expectGoFail = c.expectGoFail || c.user["GOROOT"][0] != filepath.Join(*root, "go2") && vol(c.cwd) != vol(*root)
	}
	c.process(rng)
	return c
}

// appData picks %AppData% and %USERPROFILE%.
func (c *config) appData(rng *rand.Rand) {
	ad := filepath.Join(c.dir, "appdata")
	switch rng.IntN(7) {
	case 0:
		c.describe = append(c.describe, "AppData unset")
		ad = ""
	case 1:
		c.describe = append(c.describe, "AppData empty")
		c.setEnv("APPDATA", "")
		ad = ""
	case 2:
		ad = filepath.Join(*other+`\`, fmt.Sprintf("ad%d", c.n))
		c.describe = append(c.describe, "AppData moved to the other drive")
		c.setEnv("AppData", ad)
	case 3:
		c.describe = append(c.describe, "AppData with a trailing slash")
		c.setEnv("APPDATA", ad+`\`)
	case 4:
		c.describe = append(c.describe, "AppData rooted")
		c.setEnv("APPDATA", rooted(ad))
		if vol(c.cwd) != vol(ad) {
			ad = vol(c.cwd) + rooted(ad)
		}
	default:
		c.setEnv("appdata", ad)
	}
	if rng.IntN(4) != 0 {
		c.setEnv("USERPROFILE", filepath.Join(c.dir, "profile"))
	} else {
		c.describe = append(c.describe, "USERPROFILE unset")
	}
	c.goenvPathSpell = ""
	if ad != "" {
		c.goenvPathSpell = filepath.Join(ad, "go", "env")
	}
}

func vol(p string) string    { return filepath.VolumeName(p) }
func rooted(p string) string { return p[len(filepath.VolumeName(p)):] }

// goroot picks where GOROOT comes from.
func (c *config) goroot(rng *rand.Rand) {
	two := filepath.Join(*root, "go2")
	c.goenvVals = parseGoEnv(goEnvs["go"])
	useTwo := func(d string) {
		c.describe = append(c.describe, d)
		c.goenvVals = parseGoEnv(goEnvs["go2"])
	}
	switch rng.IntN(10) {
	case 0:
		c.setEnv("GOROOT", two)
		useTwo("GOROOT absolute")
	case 1:
		c.setEnv("GOROOT", two+`\`)
		useTwo("GOROOT with a trailing slash")
	case 2:
		c.setEnv("GOROOT", strings.ReplaceAll(strings.ToLower(two), `\`, "/"))
		useTwo("GOROOT with forward slashes")
	case 3:
		c.setEnv("GOROOT", rooted(two))
		if vol(c.cwd) == vol(two) {
			useTwo("GOROOT rooted")
		} else {
			c.describe = append(c.describe, "GOROOT rooted on the other drive (missing)")
			c.expectGoFail = true
		}
	case 4:
		rel, err := filepath.Rel(c.cwd, two)
		if err != nil || vol(c.cwd) != vol(two) {
			c.setEnv("GOROOT", vol(two)+rooted(two)[1:]) // C:t\go2 from C:'s working directory (its root here)
			useTwo("GOROOT drive-relative, other drive")
			return
		}
		c.setEnv("GOROOT", vol(two)+rel)
		useTwo("GOROOT drive-relative")
	case 5:
		c.setEnv("GOROOT", filepath.Join(*root, "nope"))
		c.describe = append(c.describe, "GOROOT missing")
		c.expectGoFail = true
	case 6:
		c.user["GOROOT"] = []string{two}
		c.fileRoot = true
		c.describe = append(c.describe, "GOROOT in the user file")
	case 7:
		c.user["GOROOT"] = []string{rooted(two)}
		c.fileRoot = true
		c.describe = append(c.describe, "GOROOT rooted in the user file")
	}
}

// goenv picks GOENV and writes the user file where it points.
func (c *config) goenv(rng *rand.Rand) {
	cfg := filepath.Join(c.dir, "cfg", "env")
	target := cfg
	mode := rng.IntN(13)
	switch mode {
	case 0, 1:
		target = c.goenvPathSpell
		c.describe = append(c.describe, "GOENV unset")
	case 2:
		c.setEnv("GOENV", cfg)
		c.describe = append(c.describe, "GOENV absolute")
	case 3:
		if vol(c.cwd) == vol(cfg) {
			rel, _ := filepath.Rel(c.cwd, cfg)
			c.setEnv("GOENV", vol(cfg)+rel)
			c.describe = append(c.describe, "GOENV drive-relative (cwd's drive)")
		} else {
			c.setEnv("GOENV", vol(cfg)+rooted(cfg)[1:])
			c.describe = append(c.describe, "GOENV drive-relative (other drive)")
		}
	case 4:
		target = filepath.Join(*other+`\`, fmt.Sprintf("dr%d", c.n), "env")
		c.setEnv("GOENV", *other+fmt.Sprintf("dr%d\\env", c.n))
		c.describe = append(c.describe, "GOENV drive-relative on "+*other)
		if vol(c.cwd) == *other {
			target = filepath.Join(c.cwd, fmt.Sprintf("dr%d", c.n), "env")
		}
	case 5:
		c.setEnv("GOENV", rooted(cfg))
		target = vol(c.cwd) + rooted(cfg)
		c.describe = append(c.describe, "GOENV rooted")
	case 6:
		// GOENV=/x is the same file on Windows, but Wine opens /x as a Unix
		// path, so go.exe finds no file there (core's TestAbsPath covers it);
		// \x/y is a DOS path to Wine too.
		c.setEnv("GOENV", `\`+strings.ReplaceAll(rooted(cfg)[1:], `\`, "/"))
		target = vol(c.cwd) + rooted(cfg)
		c.describe = append(c.describe, `GOENV rooted, \ then /`)
	case 7:
		c.setEnv("GOENV", `..\cfg\env`)
		target = filepath.Join(c.cwd, `..\cfg\env`)
		c.describe = append(c.describe, "GOENV relative")
	case 8:
		c.setEnv("GOENV", "off")
		target = ""
		c.describe = append(c.describe, "GOENV=off")
	case 9:
		c.setEnv("GOENV", filepath.Join(c.dir, "missing", "env"))
		target = ""
		c.describe = append(c.describe, "GOENV missing file")
	case 10:
		c.setEnv("GOENV", filepath.Join(c.dir, "adir"))
		c.dirs = append(c.dirs, filepath.Join(c.dir, "adir"))
		target = ""
		c.describe = append(c.describe, "GOENV a directory")
	case 11:
		c.setEnv("GOENV", "")
		target = c.goenvPathSpell
		c.describe = append(c.describe, "GOENV empty")
	case 12:
		c.setEnv("goenv", cfg)
		c.describe = append(c.describe, "goenv lower-case")
	}
	if target == "" {
		if mode == 8 || mode == 9 || mode == 10 {
			c.user = map[string][]string{}
		}
		return
	}
	// A decoy where the path would be if joined onto the working directory.
	if g := lastEnv(c.env, "GOENV"); g != "" && !filepath.IsAbs(g) {
		decoy := strings.TrimRight(c.cwd, `\`) + `\` + strings.TrimLeft(g, `\/`)
		if !strings.EqualFold(filepath.Clean(decoy), filepath.Clean(target)) && !strings.Contains(g, ":") {
			c.files[decoy] = "GOPROXY=https://decoy.example.test\n"
		}
	}
	c.userRead = true
	var lines []string
	for _, name := range managed {
		if name == "GOENV" || rng.IntN(3) != 0 {
			continue
		}
		vs := values[name]
		k := 1 + rng.IntN(2)
		for i := 0; i < k; i++ {
			v := ""
			if rng.IntN(6) != 0 {
				v = strings.ReplaceAll(vs[rng.IntN(len(vs))], "$D", *other)
			}
			c.user[name] = append(c.user[name], v)
		}
	}
	for name, vs := range c.user {
		for _, v := range vs {
			lines = append(lines, name+"="+v)
		}
	}
	sort.Strings(lines)
	rng.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	// keep each key's own order: rebuild from c.user after the shuffle of keys
	lines = reorder(lines, c.user)
	for i := rng.IntN(3); i > 0; i-- {
		at := rng.IntN(len(lines) + 1)
		lines = append(lines[:at], append([]string{noise[rng.IntN(len(noise))]}, lines[at:]...)...)
	}
	eol := "\n"
	if rng.IntN(4) == 0 && !c.fileRoot && c.user["GOTOOLCHAIN"] == nil && c.user["GOPATH"] == nil {
		// (a CR in GOTOOLCHAIN or GOPATH makes every go command fail)
		eol = "\r\n"
		c.describe = append(c.describe, "CRLF file")
		for k, vs := range c.user {
			for i := range vs {
				vs[i] += "\r"
			}
			c.user[k] = vs
		}
	}
	data := strings.Join(lines, eol)
	if rng.IntN(3) != 0 && data != "" {
		data += eol
	}
	c.files[target] = data
}

// reorder makes each key's lines appear in the order of vals[key].
func reorder(lines []string, vals map[string][]string) []string {
	next := map[string]int{}
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		k, _, _ := strings.Cut(l, "=")
		i := next[k]
		next[k]++
		out = append(out, k+"="+vals[k][i])
	}
	return out
}

// process picks process variables, in any case.
func (c *config) process(rng *rand.Rand) {
	for _, name := range managed {
		if name == "GOENV" || rng.IntN(4) != 0 {
			continue
		}
		v := ""
		if rng.IntN(5) != 0 {
			vs := values[name]
			v = strings.ReplaceAll(vs[rng.IntN(len(vs))], "$D", *other)
		}
		key := name
		if rng.IntN(4) == 0 {
			key = strings.ToLower(name[:3]) + name[3:]
		}
		c.setEnv(key, v)
		c.os[name] = v
	}
}

func lastEnv(env []string, name string) string {
	v := ""
	for _, kv := range env {
		if k, val, ok := strings.Cut(kv, "="); ok && strings.EqualFold(k, name) {
			v = val
		}
	}
	return v
}

// source is the layer the generator expects value eff of name to come
// from: the first non-empty layer; an empty layer only when eff is empty.
func (c *config) source(name, eff string) string {
	if name == "GOENV" {
		if lastEnv(c.env, "GOENV") != "" {
			return "process-env"
		}
		return "default"
	}
	def := "default"
	if name == "GONOPROXY" || name == "GONOSUMDB" || name == "GOMODCACHE" {
		def = "derived"
	}
	if v := c.os[name]; v != "" {
		return "process-env"
	}
	if vs := c.user[name]; c.userRead && len(vs) > 0 {
		if vs[len(vs)-1] != "" || eff == "" {
			return "env-file"
		}
		return def
	}
	if vs := c.goenvVals[name]; len(vs) > 0 {
		if vs[0] != "" || eff == "" {
			return "goroot-env"
		}
	}
	return def
}

// ctlOutput is the part of gomirrorctl env --json compared.
type ctlOutput struct {
	Vars map[string]struct {
		Value  string `json:"value"`
		Source string `json:"source"`
	} `json:"vars"`
	Goroot struct {
		Reported string `json:"reported"`
		Error    string `json:"error"`
	} `json:"goroot"`
}

// checkDiff runs go env -json and gomirrorctl env --json on every
// generated configuration.
func checkDiff() error {
	rng := rand.New(rand.NewPCG(*seed, 16))
	prepareRoots()
	configs := make([]*config, *count)
	for i := range configs {
		configs[i] = generate(rng, i)
		configs[i].materialize()
	}
	type outcome struct {
		vals, valsOK, srcs, srcsOK int
		problems                   []string
	}
	outs := make([]outcome, len(configs))
	var wg sync.WaitGroup
	sem := make(chan bool, 3)
	for i, c := range configs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- true
			defer func() { <-sem }()
			o := &outs[i]
			o.vals, o.valsOK, o.srcs, o.srcsOK, o.problems = c.compare()
		}()
	}
	wg.Wait()
	var tot outcome
	agree := 0
	for i, o := range outs {
		tot.vals += o.vals
		tot.valsOK += o.valsOK
		tot.srcs += o.srcs
		tot.srcsOK += o.srcsOK
		if len(o.problems) == 0 {
			agree++
		} else {
			fmt.Printf("  config %d (%s):\n", i, strings.Join(configs[i].describe, ", "))
			for _, p := range o.problems {
				fmt.Printf("    %s\n", p)
			}
		}
		if *verbose {
			fmt.Printf("  config %d: %s\n", i, strings.Join(configs[i].describe, ", "))
		}
	}
	kinds := map[string]int{}
	for _, c := range configs {
		for _, d := range c.describe {
			kinds[d]++
		}
	}
	var ks []string
	for k, n := range kinds {
		ks = append(ks, fmt.Sprintf("%s %d", k, n))
	}
	sort.Strings(ks)
	fmt.Printf("winstage: diff: covered: %s\n", strings.Join(ks, "; "))
	fmt.Printf("winstage: diff: %d/%d configurations agree; values %d/%d, sources %d/%d\n",
		agree, len(configs), tot.valsOK, tot.vals, tot.srcsOK, tot.srcs)
	if agree != len(configs) {
		return fmt.Errorf("%d configurations disagree", len(configs)-agree)
	}
	return nil
}

// prepareRoots makes the second fake GOROOT (the first is go.exe's own).
func prepareRoots() {
	two := filepath.Join(*root, "go2")
	writeFile(filepath.Join(two, "go.env"), goEnvs["go2"])
	writeFile(filepath.Join(two, "VERSION"), "go1.26.8\n")
	mkdir(filepath.Join(two, "pkg", "tool"))
	mkdir(filepath.Join(*root, "tmp"))
}

func (c *config) materialize() {
	_ = os.RemoveAll(c.dir)
	for _, d := range c.dirs {
		mkdir(d)
	}
	for p, data := range c.files {
		writeFile(p, data)
	}
}

// compare runs both programs and compares their answers.
func (c *config) compare() (vals, valsOK, srcs, srcsOK int, problems []string) {
	env := append(baseEnv(), c.env...)
	g := run(c.cwd, env, "", *goExe, "env", "-json")
	m := run(c.cwd, env, "", *ctlExe, "env", "--json")
	var ctl ctlOutput
	if err := json.Unmarshal([]byte(m.stdout), &ctl); err != nil {
		return 0, 0, 0, 0, []string{fmt.Sprintf("gomirrorctl env --json: %v: %s %s", err, m.stdout, m.stderr)}
	}
	if g.err != nil {
		if !c.expectGoFail {
			problems = append(problems, fmt.Sprintf("go env -json failed unexpectedly: %v: %s", g.err, g.stderr))
		}
		if ctl.Goroot.Error == "" {
			problems = append(problems, fmt.Sprintf("go failed (%s) but gomirrorctl reports no GOROOT error", strings.TrimSpace(g.stderr)))
		}
		return 1, boolInt(len(problems) == 0), 0, 0, problems
	}
	if c.expectGoFail {
		problems = append(problems, "go env -json succeeded where it was expected to fail")
	}
	var goVals map[string]string
	if err := json.Unmarshal([]byte(g.stdout), &goVals); err != nil {
		return 0, 0, 0, 0, []string{fmt.Sprintf("go env -json: %v", err)}
	}
	for _, name := range append(managed, "GOROOT") {
		want := goVals[name]
		got, src := ctl.Goroot.Reported, ""
		if name != "GOROOT" {
			got, src = ctl.Vars[name].Value, ctl.Vars[name].Source
		}
		vals++
		if got == want {
			valsOK++
		} else {
			problems = append(problems, fmt.Sprintf("%s = %q, go says %q", name, got, want))
		}
		if name == "GOROOT" {
			continue
		}
		srcs++
		if w := c.source(name, want); w == src {
			srcsOK++
		} else {
			problems = append(problems, fmt.Sprintf("%s source %s, want %s", name, src, w))
		}
	}
	return
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
