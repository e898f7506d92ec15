package validate

import (
	"path"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// IsAbs reports whether p is absolute under goos's rules, like
// filepath.IsAbs on that system (core.IsAbs).
func IsAbs(goos, p string) bool { return core.IsAbs(goos, p) }

func isAbs(goos, p string) bool { return core.IsAbs(goos, p) }

// separators returns the path separators of goos.
func separators(goos string) string {
	if goos == "windows" {
		return `/\`
	}
	return "/"
}

// listSeparator returns goos's filepath.ListSeparator.
func listSeparator(goos string) string {
	switch goos {
	case "windows":
		return ";"
	case "plan9":
		return "\x00"
	}
	return ":"
}

// home returns the user's home directory as go/build sees it, or "".
func home(r *resolve.Resolution) string {
	switch r.GOOS {
	case "windows":
		return r.OSEnv("USERPROFILE")
	case "plan9":
		return r.OSEnv("home")
	}
	return r.OSEnv("HOME")
}

// absExample turns a relative or ~ path into an absolute example.
func absExample(r *resolve.Resolution, p string) string {
	rest := strings.TrimLeft(strings.TrimPrefix(p, "~"), `/\`)
	h := home(r)
	if h == "" {
		h = "/home/you"
		if r.GOOS == "windows" {
			h = `C:\Users\you`
		}
	}
	sep := "/"
	if r.GOOS == "windows" {
		sep = `\`
	}
	if rest == "" {
		return h
	}
	return strings.TrimRight(h, `/\`) + sep + rest
}

// checkGOPATHWrite applies go env -w's own GOPATH checks, which look at the
// whole string only.
func checkGOPATHWrite(r *resolve.Resolution, value string) []core.Problem {
	switch {
	case strings.HasPrefix(value, "~"):
		return []core.Problem{gopathTilde(r, value)}
	case value != "" && !isAbs(r.GOOS, value):
		return []core.Problem{errorp("GOPATH", "gopath-relative", args{"Value": value, "Example": absExample(r, value)})}
	}
	return nil
}

func gopathTilde(r *resolve.Resolution, elem string) core.Problem {
	return errorp("GOPATH", "gopath-tilde", args{"Entry": elem, "Example": absExample(r, elem)})
}

// checkGOPATHList checks each element of a GOPATH list as the go command does
// at startup: a ~ or relative element makes every go command exit.
func checkGOPATHList(r *resolve.Resolution, value string) []core.Problem {
	var ps []core.Problem
	for _, elem := range strings.Split(value, listSeparator(r.GOOS)) {
		switch {
		case elem == "":
		case strings.HasPrefix(elem, "~"):
			ps = append(ps, gopathTilde(r, elem))
		case !isAbs(r.GOOS, elem):
			ps = append(ps, errorp("GOPATH", "gopath-element-relative", args{"Entry": elem, "Example": absExample(r, elem)}))
		}
	}
	if g := r.Goroot.Path; len(ps) == 0 && g != "" && path.Clean(value) == path.Clean(g) {
		ps = append(ps, warning("GOPATH", "gopath-is-goroot", args{"Example": absExample(r, "go")}))
	}
	return ps
}

// checkGOROOT warns about pinning GOROOT in the env file.
func checkGOROOT(value string) []core.Problem {
	return []core.Problem{warning("GOROOT", "goroot-pinned", args{"Value": value})}
}

// quoteError reports an unterminated quote: "unterminated ' string".
type quoteError byte

func (q quoteError) Error() string { return "unterminated " + q.quote() + " string" }

// quote is the quote character that is not closed.
func (q quoteError) quote() string { return string(rune(q)) }

// splitQuoted is cmd/internal/quoted.Split: fields separated by spaces,
// tabs, \r or \n, with '…' or "…" around a field (no escapes).
func splitQuoted(s string) ([]string, *quoteError) {
	var f []string
	for len(s) > 0 {
		s = strings.TrimLeft(s, " \t\n\r")
		if s == "" {
			break
		}
		if q := s[0]; q == '"' || q == '\'' {
			i := strings.IndexByte(s[1:], q)
			if i < 0 {
				qe := quoteError(q)
				return nil, &qe
			}
			f, s = append(f, s[1:1+i]), s[2+i:]
			continue
		}
		i := strings.IndexAny(s, " \t\n\r")
		if i < 0 {
			i = len(s)
		}
		f, s = append(f, s[:i]), s[i:]
	}
	return f, nil
}

// validPlatforms is go tool dist list for Go 1.26.
var validPlatforms = strings.Fields(`aix/ppc64 android/386 android/amd64
	android/arm android/arm64 darwin/amd64 darwin/arm64 dragonfly/amd64
	freebsd/386 freebsd/amd64 freebsd/arm freebsd/arm64 illumos/amd64
	ios/amd64 ios/arm64 js/wasm linux/386 linux/amd64 linux/arm linux/arm64
	linux/loong64 linux/mips linux/mips64 linux/mips64le linux/mipsle
	linux/ppc64 linux/ppc64le linux/riscv64 linux/s390x netbsd/386
	netbsd/amd64 netbsd/arm netbsd/arm64 openbsd/386 openbsd/amd64
	openbsd/arm openbsd/arm64 openbsd/ppc64 openbsd/riscv64 plan9/386
	plan9/amd64 plan9/arm solaris/amd64 wasip1/wasm windows/386
	windows/amd64 windows/arm64`)

// experiments are the GOEXPERIMENT names of Go 1.26 (internal/goexperiment),
// plus the regabi alias.
var experiments = strings.Fields(`staticlockranking regabiwrappers regabiargs
	heapminimum512kib arenas cgocheck2 loopvar newinliner dwarf5 jsonv2
	greenteagc randomizedheapbase64 runtimefreegc sizespecializedmalloc
	goroutineleakprofile simd runtimesecret regabi`)
