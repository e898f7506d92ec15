package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core"
)

// BenchmarkProcesses times whole processes, start-up included, side by side
// in one run (scripts/bench-cli.sh does the same from a shell). The goal is
// for gomirrorctl env --json to take at most half the time of go env -json
// for the same variables. Two floors show where the time goes: gomirrorctl
// version starts the binary and initialises its packages but resolves
// nothing, and an empty Go program built by the same toolchain is the Go
// runtime's own start-up on this machine. Each iteration runs all four in
// turn, so that a drift in the machine's speed moves them alike. It reports
// each one's median wall time in ms and its ratio to go env -json:
//
//	go test -run '^$' -bench Processes -benchtime 100x ./cmd/gomirrorctl
func BenchmarkProcesses(b *testing.B) {
	s := newSandbox(b)
	s.writeEnvFile("GOPRIVATE=*.corp.example.test\nGOFLAGS=-mod=mod\n")
	// Both must print the same values before their speed means anything.
	mustSucceed(b, s.ctl("env", "--check"), "env --check")
	procs := []struct {
		name string
		bin  string
		args []string
	}{
		{"go-env", filepath.Join(realGoroot, "bin", "go"), append([]string{"env", "-json"}, core.VarNames()...)},
		{"env-json", ctlBin, []string{"env", "--json"}},
		{"version", ctlBin, []string{"version"}},
		{"empty-go", buildEmptyProgram(b), nil},
	}
	times := make([][]time.Duration, len(procs))
	for b.Loop() {
		for i, p := range procs {
			times[i] = append(times[i], s.timeRun(p.bin, p.args...))
		}
	}
	goEnv := median(times[0])
	for i, p := range procs {
		m := median(times[i])
		b.ReportMetric(float64(m)/float64(time.Millisecond), "ms-"+p.name)
		if i > 0 {
			b.ReportMetric(float64(m)/float64(goEnv), p.name+"/go-env")
		}
	}
	b.ReportMetric(0, "ns/op") // an iteration is four processes: meaningless
}

// timeRun runs bin with args in s, its output discarded, and returns its
// wall time from start to exit. It fails the benchmark unless bin exits 0.
func (s *sandbox) timeRun(bin string, args ...string) time.Duration {
	s.t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env, cmd.Dir = s.environ(), s.home
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		s.t.Fatalf("%s %v: %v", bin, args, err)
	}
	return d
}

// buildEmptyProgram builds a Go program that does nothing, as gomirrorctl
// is built (CGO_ENABLED=0), and returns its path.
func buildEmptyProgram(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	files := map[string]string{"go.mod": "module empty\n\ngo 1.21\n", "main.go": "package main\n\nfunc main() {}\n"}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o666); err != nil {
			b.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "empty")
	build := exec.Command(filepath.Join(realGoroot, "bin", "go"), "build", "-o", bin, ".")
	build.Dir = dir
	build.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("building an empty program: %v\n%s", err, out)
	}
	return bin
}

// median returns the middle of ds (the upper one of the two middles).
func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
