package validate

import (
	"fmt"
	"go/version"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

const toolchainKey = "GOTOOLCHAIN"

// checkGOTOOLCHAIN checks value as toolchain.Select does: auto, path, or
// MIN[+auto|+path] where MIN is local or a toolchain name goVERSION[-suffix].
// An invalid value makes every go command fail.
func checkGOTOOLCHAIN(r *resolve.Resolution, value string) []core.Problem {
	if value == "auto" || value == "path" {
		return nil
	}
	min, suffix, plus := strings.Cut(value, "+")
	if plus && suffix != "auto" && suffix != "path" {
		fix := "Did you mean " + min + "+auto? The suffix must be +auto or +path."
		if l := strings.ToLower(strings.TrimSpace(suffix)); l == "auto" || l == "path" {
			fix = "Did you mean " + min + "+" + l + "? The suffix is lower case."
		}
		return []core.Problem{toolchainInvalid(value, "only +auto and +path may follow the version", fix)}
	}
	if min == "local" {
		return nil
	}
	if f := strings.Fields(min); len(f) > 1 || len(f) == 1 && f[0] != min {
		return []core.Problem{toolchainInvalid(value, "it contains spaces, so the go command tries to download a toolchain by that name and fails", "Did you mean "+strings.Replace(value, min, strings.Join(f, ""), 1)+"?")}
	}
	v := FromToolchain(min)
	if v == "" || !strings.HasPrefix(min, "go1") && !strings.Contains(min, "-go1") {
		return []core.Problem{toolchainInvalid(value, "it is not local, auto, path or a toolchain name like go1.26.0", toolchainDidYouMean(r, min, suffix, plus))}
	}
	if version.Lang(v) == v && version.Compare(v, "go1.21") >= 0 {
		return []core.Problem{warning(toolchainKey, "toolchain-language-version",
			fmt.Sprintf("GOTOOLCHAIN %q names a language version, not a toolchain release; downloading it fails (\"is a language version but not a toolchain version\").", value),
			"Did you mean "+strings.Replace(value, min, min+".0", 1)+"?")}
	}
	if version.Compare(v, "go1.21.0") < 0 {
		return []core.Problem{warning(toolchainKey, "toolchain-not-downloadable",
			fmt.Sprintf("GOTOOLCHAIN %q is older than go1.21.0, the first release the go command can download; unless %s is on your PATH, go commands fail.", value, min),
			"Use go1.21.0 or later, or local.")}
	}
	return nil
}

// FromToolchain returns the Go version ("go1.2.3") of a toolchain name such
// as go1.2.3 or go1.2.3-bigcorp, or "" if name is not one, following
// cmd/go/internal/gover.FromToolchain.
func FromToolchain(name string) string {
	if strings.ContainsAny(name, `\/`) || !strings.HasPrefix(name, "go") {
		return ""
	}
	v := name
	if i := strings.IndexAny(v, " \t-"); i >= 0 {
		v = v[:i]
	}
	if !version.IsValid(v) {
		return ""
	}
	return v
}

func toolchainInvalid(value, why, fix string) core.Problem {
	return errorp(toolchainKey, "toolchain-invalid",
		fmt.Sprintf("GOTOOLCHAIN %q is invalid: %s. go env -w accepts it, but afterwards every go command stops with \"invalid GOTOOLCHAIN\" (even go env -u GOTOOLCHAIN).", value, why),
		fix)
}

// toolchainDidYouMean suggests a valid spelling of an invalid minimum.
func toolchainDidYouMean(r *resolve.Resolution, min, suffix string, plus bool) string {
	with := func(m string) string {
		if plus {
			return m + "+" + suffix
		}
		return m
	}
	l := strings.ToLower(strings.TrimSpace(min))
	switch {
	case l == "default":
		return "Did you mean local? \"default\" is valid only in a go.mod toolchain line."
	case l == "local" || l == "auto" || l == "path":
		return "Did you mean " + l + "? The keywords are lower case, without spaces."
	}
	for _, c := range []string{l, "go" + strings.TrimPrefix(l, "v")} {
		if c != min && strings.HasPrefix(c, "go1") && FromToolchain(c) != "" {
			return "Did you mean " + with(c) + "?"
		}
	}
	ex := "go1.26.0"
	if FromToolchain(r.Goroot.Version) != "" {
		ex = r.Goroot.Version
	}
	return "Use local, auto, path, or a release such as " + ex + " or " + ex + "+auto."
}
