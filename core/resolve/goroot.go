package resolve

import (
	"bytes"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
)

// findGoroot locates the go command on PATH and its GOROOT, as cmd/go's
// findGOROOT does, then reads $GOROOT/VERSION and $GOROOT/go.env.
func findGoroot(r *Resolution, in Input, user map[string]envfile.Entry) Goroot {
	g := Goroot{GoBinary: lookGo(r, in)}
	switch {
	case user["GOROOT"].Value != "":
		g.Path, g.FoundBy = filepath.Clean(user["GOROOT"].Value), "env-file"
	case r.OSEnv("GOROOT") != "":
		g.Path, g.FoundBy = filepath.Clean(r.OSEnv("GOROOT")), "process-env"
	case g.GoBinary != "":
		g.Path, g.FoundBy = gorootFromExe(in, g.GoBinary), "executable"
	}
	if g.Path == "" {
		g.FoundBy = "none"
	}
	g.Reported = r.OSEnv("GOROOT")
	if g.Reported == "" {
		g.Reported = g.Path
	}
	switch {
	case g.GoBinary == "" && g.Path == "":
		g.setErr("none")
	case g.Path == "":
		g.setErr("trimmed")
	default:
		if st, err := in.FS.Stat(absIn(in, g.Path)); err != nil || !st.IsDir() {
			g.setErr("missing")
		}
	}
	if g.Path == "" {
		return g
	}
	dir := absIn(in, g.Path)
	if v, err := in.FS.ReadFile(filepath.Join(dir, "VERSION")); err == nil {
		line, _, _ := bytes.Cut(v, []byte("\n"))
		g.Version = strings.TrimSpace(string(line))
	}
	g.GoEnvPath = filepath.Join(g.Path, "go.env")
	if data, err := in.FS.ReadFile(filepath.Join(dir, "go.env")); err == nil {
		g.GoEnvData, g.Entries = data, envfile.Parse(data)
	}
	return g
}

// lookGo finds the go command in the PATH of the resolved environment.
func lookGo(r *Resolution, in Input) string {
	name := "go"
	if r.GOOS == "windows" {
		name = "go.exe"
	}
	for _, dir := range splitList(r.GOOS, r.OSEnv("PATH")) {
		if dir == "" {
			dir = "."
		}
		p := absIn(in, filepath.Join(dir, name))
		st, err := in.FS.Stat(p)
		if err == nil && !st.IsDir() && (r.GOOS == "windows" || st.Mode()&0o111 != 0) {
			return p
		}
	}
	return ""
}

// gorootFromExe tries exe/../.. and exe/../../.., first on the path itself
// and then on its symlink-resolved form, accepting a directory with pkg/tool.
// Where os.Executable already returns the resolved path (Linux reads
// /proc/self/exe, the BSDs ask sysctl), a go reached through a symlink never
// sees the symlink's directory, so the resolved path is the only candidate.
func gorootFromExe(in Input, exe string) string {
	if executableResolved(in.GOOS) {
		if real, err := in.FS.EvalSymlinks(exe); err == nil {
			exe = real
		}
	}
	try := func(exe string) string {
		for _, up := range []string{"../..", "../../.."} {
			dir := filepath.Join(exe, up)
			if st, err := in.FS.Stat(filepath.Join(dir, "pkg", "tool")); err == nil && st.IsDir() {
				return dir
			}
		}
		return ""
	}
	if d := try(exe); d != "" {
		return d
	}
	if real, err := in.FS.EvalSymlinks(exe); err == nil {
		return try(real)
	}
	return ""
}

// executableResolved reports whether os.Executable returns a path with all
// symlinks resolved on goos.
func executableResolved(goos string) bool {
	switch goos {
	case "linux", "android", "freebsd", "dragonfly", "netbsd":
		return true
	}
	return false
}

// absIn makes a path the go command would open relative to its working
// directory absolute against in.Cwd, by in.GOOS's rules (a Windows path like
// `\x` or `Z:x` is not absolute), so that FS sees the same file.
func absIn(in Input, p string) string { return core.AbsPath(in.GOOS, in.Cwd, p, in.Env) }

// splitList splits a PATH-like list as filepath.SplitList does on goos:
// exactly so on the host, by the list separator of goos elsewhere.
func splitList(goos, list string) []string {
	if goos == runtime.GOOS {
		return filepath.SplitList(list)
	}
	if list == "" {
		return nil
	}
	sep := ":"
	switch goos {
	case "windows":
		sep = ";"
	case "plan9":
		sep = "\x00"
	}
	return strings.Split(list, sep)
}
