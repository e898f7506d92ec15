package validate

import (
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
		a := args{"Kind": "suffix", "Suggestion": min + "+auto"}
		if l := strings.ToLower(strings.TrimSpace(suffix)); l == "auto" || l == "path" {
			a["Suggestion"], a["CaseOnly"] = min+"+"+l, "true"
		}
		return []core.Problem{toolchainInvalid(value, a)}
	}
	if min == "local" {
		return nil
	}
	if f := strings.Fields(min); len(f) > 1 || len(f) == 1 && f[0] != min {
		return []core.Problem{toolchainInvalid(value, args{"Kind": "spaces", "Suggestion": strings.Replace(value, min, strings.Join(f, ""), 1)})}
	}
	v := FromToolchain(min)
	if v == "" || !strings.HasPrefix(min, "go1") && !strings.Contains(min, "-go1") {
		return []core.Problem{toolchainInvalid(value, toolchainDidYouMean(r, min, suffix, plus))}
	}
	if version.Lang(v) == v && version.Compare(v, "go1.21") >= 0 {
		return []core.Problem{warning(toolchainKey, "toolchain-language-version",
			args{"Value": value, "Suggestion": strings.Replace(value, min, min+".0", 1)})}
	}
	if version.Compare(v, "go1.21.0") < 0 {
		return []core.Problem{warning(toolchainKey, "toolchain-not-downloadable", args{"Value": value, "Min": min})}
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

// toolchainInvalid reports an invalid value; a says why (Kind: suffix,
// spaces or name) and what was probably meant.
func toolchainInvalid(value string, a args) core.Problem {
	a["Value"] = value
	return errorp(toolchainKey, "toolchain-invalid", a)
}

// toolchainDidYouMean suggests a valid spelling of an invalid minimum.
func toolchainDidYouMean(r *resolve.Resolution, min, suffix string, plus bool) args {
	with := func(m string) string {
		if plus {
			return m + "+" + suffix
		}
		return m
	}
	l := strings.ToLower(strings.TrimSpace(min))
	switch {
	case l == "default":
		return args{"Kind": "name", "Mistake": "default"}
	case l == "local" || l == "auto" || l == "path":
		return args{"Kind": "name", "Mistake": "keyword", "Suggestion": l}
	}
	for _, c := range []string{l, "go" + strings.TrimPrefix(l, "v")} {
		if c != min && strings.HasPrefix(c, "go1") && FromToolchain(c) != "" {
			return args{"Kind": "name", "Suggestion": with(c)}
		}
	}
	ex := "go1.26.0"
	if FromToolchain(r.Goroot.Version) != "" {
		ex = r.Goroot.Version
	}
	return args{"Kind": "name", "Example": ex}
}
