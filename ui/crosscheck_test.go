package ui

import (
	"os/exec"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/gomirror/gomirror/internal/testenv"
)

// TestOverviewCheckAgreesWithGo taps "Check with go", which runs the real
// go env -json in the fixture's throwaway HOME, and expects the dialog to say
// that every value agrees.
func TestOverviewCheckAgreesWithGo(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	f := newFixture(t, "PATH="+filepath.Dir(goBin), "GOPRIVATE=*.corp.example.test")
	f.writeEnvFile("GOPROXY=https://file.example.test,direct\nGOFLAGS=-mod=mod\n")
	// Telemetry off, so go leaves no process writing in the temp dir.
	testenv.QuietTelemetry(t, filepath.Join(f.dir, "config"))
	u, w := f.newUI()
	test.Tap(u.overview.check)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("tapping Check with go showed no dialog")
	}
	if !labelsContain(top, "agrees with every value") {
		t.Errorf("the dialog does not say that go agrees")
	}
}
