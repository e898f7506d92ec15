package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

var inputs = flag.String("inputs", `C:\gm\envfile-in`, "directory of starting env files (core/envfile/testdata/*.in)")

// writeOps are the edits compared: go env's arguments and gomirrorctl's.
var writeOps = []struct {
	goArgs, ctlArgs []string
}{
	{[]string{"-w", "GOPROXY=https://w.example.test,direct"}, []string{"set", "GOPROXY=https://w.example.test,direct"}},
	{[]string{"-w", "GOPRIVATE=*.corp.example.test", "GOSUMDB=off"}, []string{"set", "GOPRIVATE=*.corp.example.test", "GOSUMDB=off"}},
	{[]string{"-w", `GOPATH=C:\gp;D:\gp2`}, []string{"set", `GOPATH=C:\gp;D:\gp2`}},
	{[]string{"-u", "GOPROXY"}, []string{"unset", "GOPROXY"}},
	{[]string{"-u", "GOFLAGS", "GOSUMDB"}, []string{"unset", "GOFLAGS", "GOSUMDB"}},
}

// spellings are the ways the user file is named: GOENV as given (relative
// to the case's work directory C:\...\work, the file is ...\cfg\env), or
// unset with %AppData% as given.
var spellings = []struct {
	name    string
	goenv   func(dir string) string
	appData func(dir string) string
	rel     string // the file, relative to the case directory
}{
	{"GOENV absolute", func(d string) string { return filepath.Join(d, `cfg\env`) }, nil, `cfg\env`},
	{"GOENV rooted", func(d string) string { return rooted(filepath.Join(d, `cfg\env`)) }, nil, `cfg\env`},
	{"GOENV drive-relative", func(d string) string { return vol(d) + `..\cfg\env` }, nil, `cfg\env`},
	{"GOENV relative", func(string) string { return `..\cfg\env` }, nil, `cfg\env`},
	{"AppData", nil, func(d string) string { return filepath.Join(d, "ad") }, `ad\go\env`},
	{"AppData rooted", nil, func(d string) string { return rooted(filepath.Join(d, "ad")) }, `ad\go\env`},
}

// checkWrite edits each starting file with go env -w/-u and with
// gomirrorctl set/unset under every spelling of its path, compares the
// bytes, then has gomirrorctl undo restore the original bytes.
func checkWrite() error {
	names, err := filepath.Glob(filepath.Join(*inputs, "*.in"))
	if err != nil || len(names) == 0 {
		return fmt.Errorf("no starting files in %s", *inputs)
	}
	names = append(names, "") // and no file at all
	sort.Strings(names)
	type job struct{ in, op, sp int }
	var jobs []job
	for i := range names { // each file gets two edits, each edit and spelling comes round in turn
		for _, o := range []int{i % len(writeOps), (i + 2) % len(writeOps)} {
			jobs = append(jobs, job{i, o, (i + o) % len(spellings)})
		}
	}
	problems := make([][]string, len(jobs))
	var wg sync.WaitGroup
	sem := make(chan bool, 3)
	for j, jb := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- true
			defer func() { <-sem }()
			problems[j] = writeCase(j, names[jb.in], jb.op, jb.sp)
		}()
	}
	wg.Wait()
	ok, bySpelling := 0, map[string]int{}
	for j, ps := range problems {
		jb := jobs[j]
		bySpelling[spellings[jb.sp].name]++
		if len(ps) == 0 {
			ok++
			continue
		}
		in := filepath.Base(names[jb.in])
		if in == "." {
			in = "(no file)"
		}
		fmt.Printf("  %s, %s, %s:\n", in, strings.Join(writeOps[jb.op].goArgs, " "), spellings[jb.sp].name)
		for _, p := range ps {
			fmt.Printf("    %s\n", p)
		}
	}
	var sp []string
	for k, n := range bySpelling {
		sp = append(sp, fmt.Sprintf("%s %d", k, n))
	}
	sort.Strings(sp)
	fmt.Printf("winstage: write: paths: %s\n", strings.Join(sp, "; "))
	fmt.Printf("winstage: write: %d/%d edits byte-identical to go env -w/-u and undone exactly (%d starting files, 2 of %d edits each)\n",
		ok, len(jobs), len(names), len(writeOps))
	if ok != len(jobs) {
		return fmt.Errorf("%d edits differ", len(jobs)-ok)
	}
	return nil
}

// writeCase runs one edit through both programs in twin directories.
func writeCase(j int, in string, op, sp int) []string {
	var start []byte
	if in != "" {
		var err error
		if start, err = os.ReadFile(in); err != nil {
			return []string{err.Error()}
		}
	}
	s := spellings[sp]
	var files [2]string
	var ctlWork string
	var ctlEnv []string
	var res [2]result
	for k, who := range []string{"go", "ctl"} {
		dir := filepath.Join(*root, "w", fmt.Sprintf("%d-%s", j, who))
		_ = os.RemoveAll(dir)
		work := filepath.Join(dir, "work")
		mkdir(work)
		files[k] = filepath.Join(dir, s.rel)
		if in != "" {
			writeFile(files[k], string(start))
		}
		env := append(baseEnv(), "USERPROFILE="+filepath.Join(dir, "profile"))
		if s.goenv != nil {
			env = append(env, "GOENV="+s.goenv(dir), "APPDATA="+filepath.Join(dir, "appdata"))
		} else {
			env = append(env, "APPDATA="+s.appData(dir))
		}
		if k == 0 {
			res[k] = run(work, env, "", *goExe, append([]string{"env"}, writeOps[op].goArgs...)...)
			continue
		}
		res[k] = run(work, env, "", *ctlExe, writeOps[op].ctlArgs...)
		ctlWork, ctlEnv = work, env
	}
	var ps []string
	goFailed, ctlFailed := res[0].err != nil, res[1].err != nil
	if goFailed != ctlFailed {
		ps = append(ps, fmt.Sprintf("go: %v %s; gomirrorctl: %v %s", res[0].err, strings.TrimSpace(res[0].stderr),
			res[1].err, strings.TrimSpace(res[1].stderr)))
		return ps
	}
	a, errA := os.ReadFile(files[0])
	b, errB := os.ReadFile(files[1])
	switch {
	case (errA == nil) != (errB == nil):
		ps = append(ps, fmt.Sprintf("go's file: %v; gomirrorctl's file: %v", errA, errB))
	case !bytes.Equal(a, b):
		ps = append(ps, fmt.Sprintf("go wrote %q, gomirrorctl wrote %q", a, b))
	}
	if ctlFailed {
		return ps
	}
	u := run(ctlWork, ctlEnv, "", *ctlExe, "undo")
	after, err := os.ReadFile(files[1])
	switch {
	case u.err != nil:
		ps = append(ps, fmt.Sprintf("undo: %v %s", u.err, strings.TrimSpace(u.stderr)))
	case in == "" && err == nil:
		ps = append(ps, fmt.Sprintf("undo left %s behind", files[1]))
	case in != "" && !bytes.Equal(after, start):
		ps = append(ps, fmt.Sprintf("undo restored %q, want %q", after, start))
	}
	return ps
}
