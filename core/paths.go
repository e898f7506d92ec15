package core

import (
	"path/filepath"
	"runtime"
	"strings"
)

// IsAbs reports whether p is absolute under goos's rules, exactly as
// filepath.IsAbs reports it on that system. On Windows a path rooted at the
// current drive (`\x`, `/x`) and a drive letter without a slash (`Z:x`) are
// not absolute: the system resolves them against the working directory.
func IsAbs(goos, p string) bool {
	if goos == runtime.GOOS {
		return filepath.IsAbs(p)
	}
	if goos == "windows" {
		return windowsIsAbs(p)
	}
	return strings.HasPrefix(p, "/")
}

// AbsPath returns the file the operating system of goos opens when a
// program whose working directory is cwd opens p, as the go command does with
// a GOENV, GOROOT or PATH entry. An absolute p, or an empty cwd, is returned
// unchanged. On Windows a path rooted at the current drive (`\x`) takes the
// drive (or UNC share) of cwd, and a drive-relative path (`Z:x`) is joined
// onto cwd when cwd is on that drive, else onto the drive's own working
// directory from the hidden `=Z:` variable in env, else onto the drive's root.
func AbsPath(goos, cwd, p string, env []string) string {
	if IsAbs(goos, p) || cwd == "" {
		return p
	}
	if goos != "windows" {
		return joinPath(goos, cwd, p)
	}
	switch vol := windowsVolumeNameLen(p); {
	case vol == 0 && p != "" && isWindowsSep(p[0]):
		return cwd[:windowsVolumeNameLen(cwd)] + p
	case vol == 2: // "Z:x" or "Z:"
		drive, rest := p[:2], p[2:]
		if strings.EqualFold(drive, cwd[:windowsVolumeNameLen(cwd)]) {
			return joinPath(goos, cwd, rest)
		}
		for _, kv := range env {
			if k, v, ok := strings.Cut(strings.TrimPrefix(kv, "="), "="); ok && strings.HasPrefix(kv, "=") &&
				strings.EqualFold(k, drive) && windowsIsAbs(v) {
				return joinPath(goos, v, rest)
			}
		}
		return joinPath(goos, drive+`\`, rest)
	}
	return joinPath(goos, cwd, p)
}

// JoinPath joins dir and p as filepath.Join does on goos: exactly so on
// the host, with goos's separator elsewhere.
func JoinPath(goos, dir, p string) string { return joinPath(goos, dir, p) }

// joinPath joins elements as filepath.Join does on goos: exactly so on the
// host, with goos's separator elsewhere.
func joinPath(goos, dir, p string) string {
	if goos == runtime.GOOS {
		return filepath.Join(dir, p)
	}
	sep, seps := "/", "/"
	if goos == "windows" {
		sep, seps = `\`, `\/`
	}
	switch {
	case p == "":
		return dir
	case dir == "":
		return p
	case strings.TrimRight(dir, seps) == "" || strings.HasSuffix(dir, ":"):
		return dir + strings.TrimLeft(p, seps) // a root or a bare drive keeps its form
	}
	return strings.TrimRight(dir, seps) + sep + strings.TrimLeft(p, seps)
}

func isWindowsSep(c byte) bool { return c == '\\' || c == '/' }

// windowsIsAbs is filepath.IsAbs on Windows (internal/filepathlite).
func windowsIsAbs(p string) bool {
	l := windowsVolumeNameLen(p)
	if l == 0 {
		return false
	}
	if isWindowsSep(p[0]) && isWindowsSep(p[1]) {
		return true
	}
	p = p[l:]
	return p != "" && isWindowsSep(p[0])
}

// windowsVolumeNameLen is the length of p's leading volume name on Windows
// (internal/filepathlite's volumeNameLen).
func windowsVolumeNameLen(p string) int {
	switch {
	case len(p) >= 2 && p[1] == ':':
		return 2
	case len(p) == 0 || !isWindowsSep(p[0]):
		return 0
	case windowsHasPrefixFold(p, `\\.\UNC`):
		return windowsUNCLen(p, len(`\\.\UNC\`))
	case windowsHasPrefixFold(p, `\\.`) || windowsHasPrefixFold(p, `\\?`) || windowsHasPrefixFold(p, `\??`):
		if len(p) == 3 {
			return 3
		}
		i := strings.IndexAny(p[4:], `\/`)
		if i < 0 {
			return len(p)
		}
		return 4 + i
	case len(p) >= 2 && isWindowsSep(p[1]):
		return windowsUNCLen(p, 2)
	}
	return 0
}

// windowsHasPrefixFold reports whether p begins with prefix, ignoring case
// and treating both separators alike, followed by a separator or the end.
func windowsHasPrefixFold(p, prefix string) bool {
	if len(p) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if isWindowsSep(prefix[i]) {
			if !isWindowsSep(p[i]) {
				return false
			}
		} else if upper(prefix[i]) != upper(p[i]) {
			return false
		}
	}
	return len(p) == len(prefix) || isWindowsSep(p[len(prefix)])
}

func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

// windowsUNCLen is the length of a UNC volume name whose host starts at
// prefixLen: up to the second separator after it.
func windowsUNCLen(p string, prefixLen int) int {
	count := 0
	for i := prefixLen; i < len(p); i++ {
		if isWindowsSep(p[i]) {
			count++
			if count == 2 {
				return i
			}
		}
	}
	return len(p)
}
