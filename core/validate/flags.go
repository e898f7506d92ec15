package validate

import (
	"slices"
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

// checkFlag refuses a flag no go command knows (InitGOFLAGS stops every
// command but go env with "unknown flag") and a value the flag refuses
// (every build then stops), and warns about flags that are valid but often
// a mistake.
func checkFlag(w string) []core.Problem {
	name, val, hasVal := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(w, "-"), "-"), "=")
	if !goFlags[name] {
		return []core.Problem{errorp("GOFLAGS", "goflags-unknown", args{"Flag": "-" + name})}
	}
	if allowed := flagValues[name]; hasVal && allowed != "" && !slices.Contains(strings.Split(allowed, "|"), val) {
		return []core.Problem{errorp("GOFLAGS", "goflags-bad-value", args{"Flag": "-" + name, "Value": val, "Allowed": strings.ReplaceAll(allowed, "|", ", ")})}
	}
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

// goFlags are the flag names of every go command: the names for which
// cmd/go/internal/base.hasFlag(Go, name) is true, so that GOFLAGS may hold
// them. Taken from the go command's source (Go 1.26); TestGoFlagsAgreeWithGo
// checks each against the real go command, which refuses any other name.
var goFlags = map[string]bool{}

func init() {
	for _, f := range strings.Fields(`a artifacts asan asmflags bench benchmem benchtime blockprofile blockprofilerate
		buildmode buildvcs c cache changed compat compiled compiler count cover covermode coverpkg coverprofile
		cpu cpuprofile d debug-actiongraph debug-runtime-trace debug-trace deps diff dropexclude dropgodebug
		dropignore dropreplace droprequire dropretract droptool dropuse e exclude exec export f failfast find fix
		fmt fullpath fuzz fuzzcache fuzzminimizetime fuzztime gccgoflags gcflags go godebug i ignore insecure
		installsuffix json ldflags linkshared list m memprofile memprofilerate mod modcache modcacherw modfile
		module msan mutexprofile mutexprofilefraction n o outputdir overlay p parallel pgo pkgdir print r race
		replace require retract retracted reuse run short shuffle skip t tags test testcache timeout tool
		toolchain toolexec trace trimpath u use v vendor versions vet w work x`) {
		goFlags[f] = true
	}
}

// flagValues are the values some flags accept, '|'-separated; any other
// value makes the go command stop (for -mod: "-mod=bogus not supported").
// Boolean flags accept what strconv.ParseBool does.
var flagValues = map[string]string{
	"mod":        "mod|readonly|vendor",
	"buildvcs":   "true|false|auto|1|0|t|f|T|F|TRUE|FALSE|True|False",
	"a":          boolValues,
	"race":       boolValues,
	"msan":       boolValues,
	"asan":       boolValues,
	"trimpath":   boolValues,
	"modcacherw": boolValues,
	"linkshared": boolValues,
	"v":          boolValues,
	"x":          boolValues,
	"n":          boolValues,
	"cover":      boolValues,
	"buildmode":  "archive|c-archive|c-shared|default|shared|exe|pie|plugin",
	"covermode":  "set|count|atomic",
}

const boolValues = "1|0|t|f|T|F|true|false|TRUE|FALSE|True|False"
