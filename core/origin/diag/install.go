package diag

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/origin"
)

// Installation is a go command found on PATH and the installation it
// belongs to.
type Installation struct {
	GoBinary  string `json:"go_binary"`
	Goroot    string `json:"goroot"`
	GoEnvPath string `json:"go_env_path,omitempty"`
	GoEnv     []byte `json:"-"` // nil if the installation has no go.env
	// First reports the go command that runs, the first on PATH.
	First bool `json:"first"`
}

// Installations returns every distinct Go installation whose go command is
// on the PATH of env, in PATH order. An installation reached through
// several PATH entries or symlinks is listed once.
func Installations(env []string, goos string, fsys core.FS) []Installation {
	if goos == "" {
		goos = runtime.GOOS
	}
	if fsys == nil {
		fsys = core.OSFS{}
	}
	name, sep := "go", ":"
	if goos == "windows" {
		name, sep = "go.exe", ";"
	}
	seen := map[string]bool{}
	var out []Installation
	for _, dir := range strings.Split(origin.EnvMap(env, goos)["PATH"], sep) {
		if !core.IsAbs(goos, dir) {
			continue // the go command ignores relative PATH entries too
		}
		exe := filepath.Join(dir, name)
		if st, err := fsys.Stat(exe); err != nil || st.IsDir() {
			continue
		}
		in := installationOf(fsys, exe)
		if in.Goroot == "" || seen[in.Goroot] {
			continue
		}
		seen[in.Goroot] = true
		in.First = len(out) == 0
		out = append(out, in)
	}
	return out
}

// installationOf finds the GOROOT of a go binary: the directory two or
// three levels up that holds pkg/tool, after resolving symlinks.
func installationOf(fsys core.FS, exe string) Installation {
	in := Installation{GoBinary: exe}
	real, err := fsys.EvalSymlinks(exe)
	if err != nil {
		real = exe
	}
	for _, up := range []string{"../..", "../../.."} {
		dir := filepath.Join(real, up)
		if st, err := fsys.Stat(filepath.Join(dir, "pkg", "tool")); err == nil && st.IsDir() {
			in.Goroot = dir
			break
		}
	}
	if in.Goroot == "" {
		return in
	}
	in.GoEnvPath = filepath.Join(in.Goroot, "go.env")
	in.GoEnv, _ = fsys.ReadFile(in.GoEnvPath)
	return in
}

// installationsDiffer reports a PATH holding Go installations whose
// go.env files give different defaults.
func installationsDiffer(in Input) []core.Problem {
	if len(in.Installations) < 2 {
		return nil
	}
	first := in.Installations[0]
	var ps []core.Problem
	for _, other := range in.Installations[1:] {
		if bytes.Equal(first.GoEnv, other.GoEnv) {
			continue
		}
		diffs := goEnvDiff(first.GoEnv, other.GoEnv)
		args := map[string]string{"First": first.Goroot, "Other": other.Goroot, "Differences": diffs,
			"FirstGo": first.GoBinary, "OtherGo": other.GoBinary}
		p := core.NewProblem(core.SeverityWarning, "GOROOT", CodeInstallationsDiffer, args)
		p.File = other.GoEnvPath
		ps = append(ps, p)
	}
	return ps
}

// goEnvDiff describes the keys whose effective go.env values differ
// (first occurrence wins in go.env).
func goEnvDiff(a, b []byte) string {
	ia, ib := envfile.Index(envfile.Parse(a), false), envfile.Index(envfile.Parse(b), false)
	var parts []string
	for _, k := range origin.GoVars() {
		va, oka := ia[k]
		vb, okb := ib[k]
		if oka != okb || va.Value != vb.Value {
			parts = append(parts, fmt.Sprintf("%s=%s vs %s", k, showEntry(va.Value, oka), showEntry(vb.Value, okb)))
		}
	}
	return strings.Join(parts, "; ") // "": the template says the files differ elsewhere
}

func showEntry(v string, ok bool) string {
	if !ok {
		return "(unset)"
	}
	if v == "" {
		return "(empty)"
	}
	return v
}
