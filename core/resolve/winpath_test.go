package resolve_test

import (
	"path/filepath"
	"testing"

	"github.com/gomirror/gomirror/core/resolve"
)

// TestWindowsDriveRelativePaths checks GOENV and GOROOT values that are not
// absolute on Windows although they name a root or a drive: `\x` and `/x` open
// x at the root of the working directory's drive, `Z:x` opens x in drive Z's
// working directory (the working directory itself when it is on Z, else the
// hidden `=Z:` variable, else Z's root). The go command passes such a value to
// the system as it is; joining it onto the working directory reads another file.
func TestWindowsDriveRelativePaths(t *testing.T) {
	const cwd = `C:\work`
	tests := []struct {
		goenv, goroot string
		env           []string
		wantEnv       string // the file read, "" if GOENV is not the subject
		wantRoot      string // the GOROOT whose go.env is read
	}{
		{goenv: `\cfg\env`, wantEnv: `C:\cfg\env`},
		{goenv: `/cfg/env`, wantEnv: `C:/cfg/env`},
		{goenv: `c:rel.env`, wantEnv: `C:\work\rel.env`},
		{goenv: `D:rel.env`, wantEnv: `D:\rel.env`},
		{goenv: `D:rel.env`, env: []string{`=D:=D:\dd`}, wantEnv: `D:\dd\rel.env`},
		{goenv: `rel.env`, wantEnv: `C:\work\rel.env`},
		{goenv: `D:\abs\env`, wantEnv: `D:\abs\env`},
		{goenv: `\\srv\share\env`, wantEnv: `\\srv\share\env`},
		{goroot: `\Go`, wantRoot: `C:\Go`},
		{goroot: `/Go`, wantRoot: `C:` + filepath.Clean(`/Go`)}, // Clean makes it \Go on Windows
		{goroot: `C:Go`, wantRoot: `C:\work\Go`},
		{goroot: `E:Go`, wantRoot: `E:\Go`},
	}
	for _, tt := range tests {
		fsys := newMemFS(`C:\elsewhere`, "GOPROXY=https://wrong.example.test\n")
		fsys.files[`C:\work\cfg\env`] = "GOPROXY=https://joined.example.test\n"
		fsys.files[`C:\work\Go\go.env`] = "GOSUMDB=joined.example.test\n"
		if tt.wantEnv != "" {
			fsys.files[tt.wantEnv] = "GOPROXY=https://right.example.test\n"
		}
		env := append([]string{`AppData=C:\Users\u\AppData\Roaming`, `PATH=C:\elsewhere\bin`}, tt.env...)
		if tt.goenv != "" {
			env = append(env, "GOENV="+tt.goenv)
		}
		if tt.goroot != "" {
			fsys.goroot(tt.wantRoot, "GOSUMDB=right.example.test\n")
			env = append(env, "GOROOT="+tt.goroot)
		}
		r := resolve.Resolve(resolve.Input{GOOS: "windows", Cwd: cwd, FS: fsys, Env: env})
		if tt.wantEnv != "" {
			if f := r.EnvFile; f.AbsPath != tt.wantEnv || f.Path != tt.goenv || r.Value("GOPROXY") != "https://right.example.test" {
				t.Errorf("GOENV=%q %q: EnvFile = %q (abs %q), GOPROXY = %q; want %q (abs %q), https://right.example.test",
					tt.goenv, tt.env, f.Path, f.AbsPath, r.Value("GOPROXY"), tt.goenv, tt.wantEnv)
			}
		}
		if tt.wantRoot != "" {
			if got := r.Value("GOSUMDB"); got != "right.example.test" || r.Goroot.Error != "" {
				t.Errorf("GOROOT=%q: GOSUMDB = %q (go.env %s, error %q), want right.example.test from %s",
					tt.goroot, got, r.Goroot.GoEnvPath, r.Goroot.Error, filepath.Join(tt.wantRoot, "go.env"))
			}
		}
	}
}
