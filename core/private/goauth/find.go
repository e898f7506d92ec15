package goauth

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"github.com/gomirror/gomirror/core"
)

// ErrHelperNotFound reports that no gomirrorctl binary could be found to
// serve as the GOAUTH or git credential helper.
var ErrHelperNotFound error = core.NewError("goauth.helper-not-found", nil, nil)

// FindHelper returns the absolute path of the gomirrorctl binary that the
// go command and git should run: the one next to the running program (as
// installed from the packages), else the first on PATH.
func FindHelper() (string, error) {
	name := HelperName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), name)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p, nil
		}
	}
	p, err := exec.LookPath(name)
	if err != nil {
		return "", ErrHelperNotFound
	}
	return filepath.Abs(p)
}
