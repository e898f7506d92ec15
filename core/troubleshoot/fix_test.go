package troubleshoot_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
	"github.com/gomirror/gomirror/core/service"
	"github.com/gomirror/gomirror/core/troubleshoot"
	"github.com/gomirror/gomirror/core/troubleshoot/internal/gotest"
)

// TestFixAppliesThroughService: the fix of a 500 behind ',' is written with
// service.Apply, after which the same command succeeds by falling through.
func TestFixAppliesThroughService(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	w := gotest.New(t)
	broken := gotest.Proxy(t, mirrortest.Behavior{Status: 500}, gotest.Mod)
	good := gotest.Proxy(t, mirrortest.Behavior{}, gotest.Mod)
	w.WriteEnv("GOPROXY="+broken+","+good, "GOSUMDB="+w.GOSUMDB())
	env := w.Env()
	svc := service.New(service.Options{Env: env, Cwd: w.Work, ConfigDir: filepath.Join(w.Dir, "gomirror")})
	run := func() *troubleshoot.Report {
		rep, err := troubleshoot.Run(context.Background(), svc.Resolve(), troubleshoot.Command{
			Args: modArgs, Dir: w.Work, Env: svc.Env(), Trace: true, Timeout: time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	rep := run()
	f, ok := find(rep.Findings, "fail-http-status")
	if !ok || !f.HasFix() {
		t.Fatalf("findings %v, want fail-http-status with a fix\n%s", codes(rep.Findings), rep.Output)
	}
	if _, err := svc.Apply(nil, f.Set, f.Unset); err != nil {
		t.Fatal(err)
	}
	rep = run()
	if rep.Failed() {
		t.Fatalf("after the fix: %v\n%s", codes(rep.Findings), rep.Output)
	}
	if _, ok := find(rep.Findings, "proxy-fell-through"); !ok {
		t.Errorf("after the fix: %v, want proxy-fell-through", codes(rep.Findings))
	}
}
