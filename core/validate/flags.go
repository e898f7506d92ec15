package validate

import (
	"fmt"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// knownVCS are the names a GOVCS rule can allow.
var knownVCS = []string{"all", "off", "bzr", "fossil", "git", "hg", "svn"}

// checkGOVCS parses value as cmd/go/internal/vcs.parseGOVCS does, then
// checks each rule's pattern and tool names.
func checkGOVCS(value string) []core.Problem {
	fix := "Write rules as pattern:vcs|vcs separated by commas, e.g. GOVCS=private:git|hg,public:git."
	if strings.TrimSpace(value) == "" {
		return nil
	}
	have := map[string]string{}
	var ps []core.Problem
	for item := range strings.SplitSeq(strings.TrimSpace(value), ",") {
		item = strings.TrimSpace(item)
		pattern, list, found := strings.Cut(item, ":")
		pattern, list = strings.TrimSpace(pattern), strings.TrimSpace(list)
		var msg string
		switch {
		case item == "":
			msg = "GOVCS has an empty rule (two commas in a row, or a trailing comma)"
		case !found:
			msg = fmt.Sprintf("GOVCS rule %q has no colon", item)
		case pattern == "":
			msg = fmt.Sprintf("GOVCS rule %q has an empty pattern", item)
		case list == "":
			msg = fmt.Sprintf("GOVCS rule %q has an empty VCS list", item)
		case pattern == "." || pattern == ".." || strings.HasPrefix(pattern, "./") || strings.HasPrefix(pattern, "../"):
			msg = fmt.Sprintf("GOVCS rule %q has a relative pattern", item)
		case have[pattern] != "":
			msg = fmt.Sprintf("GOVCS rule %q can never apply: %q comes first with the same pattern", item, have[pattern])
		}
		if msg != "" {
			return append(ps, errorp("GOVCS", "govcs-malformed", msg+"; the go command refuses every direct fetch.", fix))
		}
		have[pattern] = item
		ps = append(ps, checkVCSRule("GOVCS", pattern, list)...)
	}
	return ps
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
			return append(ps, errorp(key, "govcs-malformed",
				fmt.Sprintf("GOVCS rule %s:%s has an empty VCS name; the go command refuses every direct fetch.", pattern, list),
				"Remove the extra |, e.g. "+pattern+":git|hg."))
		case !contains(knownVCS, a):
			ps = append(ps, warning(key, "govcs-unknown-vcs",
				fmt.Sprintf("GOVCS rule %s:%s names %q, which is not a version-control tool the go command knows, so it allows nothing.", pattern, list, a),
				"Use git, hg, svn, bzr, fossil, all or off."))
		}
	}
	return ps
}

// checkGOFLAGS checks GOFLAGS as base.InitGOFLAGS does: quoted.Split, then
// every word must look like a flag.
func checkGOFLAGS(value string) []core.Problem {
	words, err := splitQuoted(value)
	if err != nil {
		return []core.Problem{errorp("GOFLAGS", "goflags-quote",
			fmt.Sprintf("GOFLAGS has an %v; every go command stops with \"parsing $GOFLAGS\".", err),
			"Close the quote or remove it.")}
	}
	var ps []core.Problem
	for i, w := range words {
		if !isFlagWord(w) {
			ps = append(ps, errorp("GOFLAGS", "goflags-non-flag",
				fmt.Sprintf("GOFLAGS word %q is not a flag; every go command except go env stops with \"parsing $GOFLAGS: non-flag\".", w),
				nonFlagFix(words, i)))
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

func nonFlagFix(words []string, i int) string {
	w := words[i]
	if i > 0 && isFlagWord(words[i-1]) && !strings.Contains(words[i-1], "=") {
		return fmt.Sprintf("Did you mean %s=%s? Flags with values must be written with =.", words[i-1], w)
	}
	if !strings.HasPrefix(w, "-") {
		return "Did you mean -" + w + "? Every GOFLAGS word is a flag such as -mod=mod."
	}
	return "Remove it; every GOFLAGS word must be a flag such as -mod=mod or -modcacherw."
}

// checkFlag warns about flags that are valid but often a mistake.
func checkFlag(w string) []core.Problem {
	name, val, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(w, "-"), "-"), "=")
	switch {
	case name == "mod" && val == "vendor":
		return []core.Problem{warning("GOFLAGS", "goflags-mod-vendor",
			"GOFLAGS=-mod=vendor makes every go command use only the vendor directory; in modules without one, imports fail with \"import lookup disabled by -mod=vendor\" and nothing is downloaded.",
			"Remove -mod=vendor from GOFLAGS; the go command already uses vendor/ automatically when a module has one.")}
	case name == "insecure":
		return []core.Problem{warning("GOFLAGS", "goflags-insecure",
			"GOFLAGS contains -insecure, which go get rejects (\"-insecure flag is no longer supported\").",
			"Remove -insecure and list the module paths in GOINSECURE instead.")}
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
			return []core.Problem{errorp("GOAUTH", "goauth-empty-command",
				fmt.Sprintf("GOAUTH=%q has an empty command (an extra ';'); every HTTPS download stops with \"GOAUTH encountered an empty command\".", value),
				"Remove the extra semicolon: GOAUTH="+strings.Join(kept, ";")+".")}
		case words[0] == "off" && len(cmds) != 1:
			return []core.Problem{errorp("GOAUTH", "goauth-off-combined",
				"GOAUTH combines off with other methods; every HTTPS download stops with \"GOAUTH=off cannot be combined with other authentication commands\".",
				"Use GOAUTH=off alone to turn credentials off, or remove off from the list.")}
		case words[0] == "git" && (len(words) != 2 || !isAbs(r.GOOS, words[1])):
			return []core.Problem{errorp("GOAUTH", "goauth-git-dir",
				fmt.Sprintf("GOAUTH method %q needs exactly one absolute path to a git working directory; every HTTPS download stops with an error.", c),
				"Write it as git /absolute/path/to/a/checkout, e.g. git "+absExample(r, "src")+".")}
		}
	}
	return nil
}
