package validate

import (
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// knownVCS are the names a GOVCS rule can allow.
var knownVCS = []string{"all", "off", "bzr", "fossil", "git", "hg", "svn"}

// checkGOVCS parses value as cmd/go/internal/vcs.parseGOVCS does, then
// checks each rule's pattern and tool names.
func checkGOVCS(value string) []core.Problem {
	if strings.TrimSpace(value) == "" {
		return nil
	}
	have := map[string]string{}
	var ps []core.Problem
	for item := range strings.SplitSeq(strings.TrimSpace(value), ",") {
		item = strings.TrimSpace(item)
		pattern, list, found := strings.Cut(item, ":")
		pattern, list = strings.TrimSpace(pattern), strings.TrimSpace(list)
		if kind := govcsMalformed(item, pattern, list, found, have); kind != "" {
			return append(ps, errorp("GOVCS", "govcs-malformed", args{"Kind": kind, "Rule": item, "First": have[pattern]}))
		}
		have[pattern] = item
		ps = append(ps, checkVCSRule("GOVCS", pattern, list)...)
	}
	return ps
}

// govcsMalformed says what is wrong with one GOVCS rule, or "".
func govcsMalformed(item, pattern, list string, found bool, have map[string]string) string {
	switch {
	case item == "":
		return "empty-rule"
	case !found:
		return "no-colon"
	case pattern == "":
		return "empty-pattern"
	case list == "":
		return "empty-list"
	case pattern == "." || pattern == ".." || strings.HasPrefix(pattern, "./") || strings.HasPrefix(pattern, "../"):
		return "relative"
	case have[pattern] != "":
		return "shadowed"
	}
	return ""
}

func checkVCSRule(key, pattern, list string) []core.Problem {
	var ps []core.Problem
	if pattern != "private" && pattern != "public" {
		ps = checkPattern(key, pattern)
	}
	for a := range strings.SplitSeq(list, "|") {
		a = strings.TrimSpace(a)
		switch {
		case a == "":
			return append(ps, errorp(key, "govcs-empty-vcs", args{"Rule": pattern + ":" + list, "Pattern": pattern}))
		case !contains(knownVCS, a):
			ps = append(ps, warning(key, "govcs-unknown-vcs", args{"Rule": pattern + ":" + list, "Name": a}))
		}
	}
	return ps
}

// checkGOFLAGS checks GOFLAGS as base.InitGOFLAGS does: quoted.Split, then
// every word must look like a flag.
func checkGOFLAGS(value string) []core.Problem {
	words, err := splitQuoted(value)
	if err != nil {
		return []core.Problem{errorp("GOFLAGS", "goflags-quote", args{"Quote": err.quote()})}
	}
	var ps []core.Problem
	for i, w := range words {
		if !isFlagWord(w) {
			a := nonFlagFix(words, i)
			a["Word"] = w
			ps = append(ps, errorp("GOFLAGS", "goflags-non-flag", a))
			continue
		}
		ps = append(ps, checkFlag(w)...)
	}
	return ps
}

func isFlagWord(f string) bool {
	return strings.HasPrefix(f, "-") && f != "-" && f != "--" && !strings.HasPrefix(f, "---") &&
		!strings.HasPrefix(f, "-=") && !strings.HasPrefix(f, "--=")
}

// nonFlagFix returns the fix arguments for the non-flag words[i].
func nonFlagFix(words []string, i int) args {
	w := words[i]
	if i > 0 && isFlagWord(words[i-1]) && !strings.Contains(words[i-1], "=") {
		return args{"Kind": "join", "Suggestion": words[i-1] + "=" + w}
	}
	if !strings.HasPrefix(w, "-") {
		return args{"Kind": "dash", "Suggestion": "-" + w}
	}
	return args{"Kind": "remove"}
}

// checkFlag warns about flags that are valid but often a mistake.
func checkFlag(w string) []core.Problem {
	name, val, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(w, "-"), "-"), "=")
	switch {
	case name == "mod" && val == "vendor":
		return []core.Problem{warning("GOFLAGS", "goflags-mod-vendor", nil)}
	case name == "insecure":
		return []core.Problem{warning("GOFLAGS", "goflags-insecure", nil)}
	}
	return nil
}

// checkGOAUTH checks GOAUTH as auth.runGoAuth does at the first HTTPS fetch.
func checkGOAUTH(r *resolve.Resolution, value string) []core.Problem {
	cmds := strings.Split(value, ";")
	var kept []string
	for _, c := range cmds {
		if c = strings.TrimSpace(c); c != "" {
			kept = append(kept, c)
		}
	}
	for _, c := range cmds {
		words := strings.Fields(c)
		switch {
		case len(words) == 0:
			return []core.Problem{errorp("GOAUTH", "goauth-empty-command", args{"Value": value, "Suggestion": strings.Join(kept, ";")})}
		case words[0] == "off" && len(cmds) != 1:
			return []core.Problem{errorp("GOAUTH", "goauth-off-combined", nil)}
		case words[0] == "git" && (len(words) != 2 || !isAbs(r.GOOS, words[1])):
			return []core.Problem{errorp("GOAUTH", "goauth-git-dir", args{"Method": c, "Example": absExample(r, "src")})}
		}
	}
	return nil
}
