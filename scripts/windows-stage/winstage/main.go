// Winstage is the Windows half of scripts/windows-stage.sh: built for
// windows/amd64 and run under Wine, it compares gomirrorctl.exe with the real
// go.exe on generated Windows configurations and checks the registry,
// Credential Manager and write paths. Each child process gets exactly the
// environment the check means (os/exec passes the block to CreateProcess), so
// no cmd.exe quoting and no variable of the Linux side reaches it.
//
// Usage (inside Wine):
//
//	winstage -go C:\gm\go\bin\go.exe -ctl C:\gm\gomirrorctl.exe -root C:\t [-n 150] [-seed 1] diff|write|registry|cred ...
//	winstage reg get|set|del user|system NAME [sz|expand VALUE]
//
// Every check prints one "winstage: CHECK: ok ..." or "winstage: CHECK: FAIL ..."
// line; the exit status is 1 if any failed.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
)

var (
	goExe   = flag.String("go", `C:\gm\go\bin\go.exe`, "the real go.exe")
	ctlExe  = flag.String("ctl", `C:\gm\gomirrorctl.exe`, "gomirrorctl.exe under test")
	root    = flag.String("root", `C:\t`, "scratch directory (all cases live under it)")
	other   = flag.String("other", `D:`, "a second drive, for drive-relative paths")
	count   = flag.Int("n", 150, "generated configurations in the diff check")
	seed    = flag.Uint64("seed", 1, "seed of the generated configurations")
	verbose = flag.Bool("v", false, "print every configuration")
)

var failed bool

func main() {
	if len(os.Args) == 2 && os.Args[1] == "sleep" { // a stand-in process for checkProcs
		time.Sleep(2 * time.Minute)
		return
	}
	if len(os.Args) > 1 && os.Args[1] == "reg" { // a registry value for the shell part
		if err := regCmd(os.Args[2:]); err != nil {
			fmt.Fprintf(os.Stderr, "winstage reg: %v\n", err)
			os.Exit(1)
		}
		return
	}
	flag.Parse()
	checks := map[string]func() error{
		"diff":     checkDiff,
		"write":    checkWrite,
		"registry": checkRegistry,
		"cred":     checkCred,
		"procs":    checkProcs,
	}
	for _, name := range flag.Args() {
		run, ok := checks[name]
		if !ok {
			fmt.Fprintf(os.Stderr, "winstage: unknown check %q\n", name)
			os.Exit(2)
		}
		start := time.Now()
		if err := run(); err != nil {
			failed = true
			fmt.Printf("winstage: %s: FAIL: %v (%.1f s)\n", name, err, time.Since(start).Seconds())
			continue
		}
		fmt.Printf("winstage: %s: ok (%.1f s)\n", name, time.Since(start).Seconds())
	}
	if n := startRetries.Load(); n > 0 {
		fmt.Printf("winstage: %d process(es) Wine could not create were started again\n", n)
	}
	if failed {
		os.Exit(1)
	}
}

// baseEnv is what every child starts from: the variables Windows itself
// needs, nothing Go-related.
func baseEnv() []string {
	return []string{
		`SystemRoot=C:\windows`, `SystemDrive=C:`, `windir=C:\windows`,
		`PATH=` + filepath.Dir(*goExe) + `;C:\windows\system32;C:\windows`, `ComSpec=C:\windows\system32\cmd.exe`,
		`TEMP=` + filepath.Join(*root, "tmp"), `TMP=` + filepath.Join(*root, "tmp"),
		`PATHEXT=.COM;.EXE;.BAT;.CMD`,
	}
}

// result is one program run.
type result struct {
	stdout, stderr string
	err            error
}

// startRetries counts processes Wine failed to create and run retried.
var startRetries atomic.Int32

// run runs exe with exactly env in dir, stdin as given. A process Wine
// could not create at all (CreateProcess failing with "Internal error",
// seen under heavy load) is started once more.
func run(dir string, env []string, stdin string, exe string, args ...string) result {
	r, started := run1(dir, env, stdin, exe, args...)
	if !started {
		startRetries.Add(1)
		fmt.Fprintf(os.Stderr, "winstage: retrying %s %s: %v\n", filepath.Base(exe), strings.Join(args, " "), r.err)
		r, _ = run1(dir, env, stdin, exe, args...)
	}
	return r
}

func run1(dir string, env []string, stdin string, exe string, args ...string) (result, bool) {
	cmd := exec.Command(exe, args...)
	cmd.Dir, cmd.Env = dir, env
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		return result{err: err}, false
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return result{out.String(), errb.String(), err}, true
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		return result{out.String(), errb.String(), fmt.Errorf("%s timed out", filepath.Base(exe))}, true
	}
}

func writeFile(path, data string) {
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		panic(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o666); err != nil {
		panic(err)
	}
}

func mkdir(path string) {
	if err := os.MkdirAll(path, 0o777); err != nil {
		panic(err)
	}
}
