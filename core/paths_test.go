package core_test

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/gomirror/gomirror/core"
)

var isAbsTests = []struct {
	path    string
	windows bool // filepath.IsAbs on Windows
	unix    bool
}{
	{`C:\x`, true, false},
	{`C:/x`, true, false},
	{`C:`, false, false},
	{`C:x`, false, false},
	{`\x`, false, false},
	{`/x`, false, true},
	{`\\srv\share\x`, true, false},
	{`//srv/share/x`, true, true},
	{`\\srv`, true, false},
	{`\\?\C:\x`, true, false},
	{`\\.\NUL`, true, false},
	{`\??\C:\x`, true, false},
	{`x`, false, false},
	{`.\x`, false, false},
	{`NUL`, false, false},
	{``, false, false},
}

// TestIsAbs checks IsAbs against filepath.IsAbs's documented Windows and Unix
// results, and against filepath.IsAbs itself on the host (the Windows stage
// runs this test under Wine).
func TestIsAbs(t *testing.T) {
	for _, tt := range isAbsTests {
		if got := core.IsAbs("windows", tt.path); got != tt.windows {
			t.Errorf("IsAbs(windows, %q) = %t, want %t", tt.path, got, tt.windows)
		}
		for _, goos := range []string{"linux", "darwin"} {
			if got := core.IsAbs(goos, tt.path); got != tt.unix {
				t.Errorf("IsAbs(%s, %q) = %t, want %t", goos, tt.path, got, tt.unix)
			}
		}
		if got, want := core.IsAbs(runtime.GOOS, tt.path), filepath.IsAbs(tt.path); got != want {
			t.Errorf("IsAbs(%s, %q) = %t, but filepath.IsAbs says %t", runtime.GOOS, tt.path, got, want)
		}
	}
}

// TestAbsPath checks which file a program in cwd opens for a path.
func TestAbsPath(t *testing.T) {
	env := []string{`=D:=D:\dd`, "PATH=x"}
	tests := []struct {
		goos, cwd, path, want string
	}{
		{"windows", `C:\work`, `\cfg\env`, `C:\cfg\env`},
		{"windows", `C:\work`, `c:rel`, `C:\work\rel`},
		{"windows", `C:\work`, `D:rel`, `D:\dd\rel`},
		{"windows", `C:\work`, `E:rel`, `E:\rel`},
		{"windows", `C:\work`, `rel\x`, `C:\work\rel\x`},
		{"windows", `C:\work`, `E:\abs`, `E:\abs`},
		{"windows", `\\srv\share\work`, `\cfg`, `\\srv\share\cfg`},
		{"windows", `C:\work`, `\\srv\share\x`, `\\srv\share\x`},
		{"windows", "", `\x`, `\x`},
		{"linux", "/work", "rel", "/work/rel"},
		{"linux", "/work", "/abs", "/abs"},
		{"darwin", "/work", `C:x`, "/work/C:x"},
	}
	for _, tt := range tests {
		if got := core.AbsPath(tt.goos, tt.cwd, tt.path, env); got != tt.want {
			t.Errorf("AbsPath(%s, %q, %q) = %q, want %q", tt.goos, tt.cwd, tt.path, got, tt.want)
		}
	}
}
