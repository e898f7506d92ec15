package troubleshoot_test

import (
	"context"
	"testing"

	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
	"github.com/gomirror/gomirror/core/troubleshoot"
	"github.com/gomirror/gomirror/core/troubleshoot/internal/gotest"
)

func TestProveDownloadsThroughTheSettings(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	for _, tt := range []struct {
		name   string
		status int
		ok     bool
	}{{"healthy mirror", 0, true}, {"mirror answers 500", 500, false}} {
		t.Run(tt.name, func(t *testing.T) {
			w := gotest.New(t)
			proxy := gotest.Proxy(t, mirrortest.Behavior{Status: tt.status}, gotest.Mod)
			w.WriteEnv("GOPROXY="+proxy, "GOSUMDB="+w.GOSUMDB())
			env := w.Env()
			p, err := troubleshoot.Prove(context.Background(), w.Resolve(env), env, gotest.Mod.Path)
			if err != nil {
				t.Fatal(err)
			}
			if p.OK() != tt.ok || p.GOPROXY != proxy {
				t.Fatalf("Prove: OK %t, GOPROXY %q, output:\n%s; want OK %t through %s", p.OK(), p.GOPROXY, p.Report.Output, tt.ok, proxy)
			}
			if tt.ok && p.Version != "v1.0.0" {
				t.Errorf("Prove downloaded %q, want v1.0.0", p.Version)
			}
			if !tt.ok && len(p.Report.Findings) == 0 {
				t.Errorf("a failed proof has no finding:\n%s", p.Report.Output)
			}
		})
	}
}
