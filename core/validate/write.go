package validate

import (
	"fmt"
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// checkBytes refuses bytes that cannot be stored on one env file line.
func checkBytes(key, value string) []core.Problem {
	fix := "Remove the offending characters from the value."
	switch {
	case !utf8.ValidString(value):
		return []core.Problem{errorp(key, "invalid-utf8", fmt.Sprintf("The value of %s is not valid UTF-8; the go command refuses it.", key), fix)}
	case strings.Contains(value, "\x00"):
		return []core.Problem{errorp(key, "invalid-nul", fmt.Sprintf("The value of %s contains a NUL byte; the go command refuses it.", key), fix)}
	case strings.ContainsAny(value, "\v\r\n"):
		sep := " "
		if contains(listKeys, key) {
			sep = ","
		}
		return []core.Problem{errorp(key, "invalid-newline", fmt.Sprintf("The value of %s contains a line break (\\n, \\r or \\v); the go command refuses it.", key),
			"Put the whole value on one line, e.g. "+key+"="+strings.Join(strings.FieldsFunc(value, isBreak), sep)+".")}
	}
	return nil
}

// listKeys are the comma-separated list variables.
var listKeys = []string{"GOPROXY", "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE", "GOVCS"}

func isBreak(r rune) bool { return r == '\n' || r == '\r' || r == '\v' }

// checkWrite applies the value checks go env -w itself performs
// (checkEnvWrite and checkBuildConfig).
func checkWrite(r *resolve.Resolution, key, value string) []core.Problem {
	switch key {
	case "GO111MODULE":
		return checkGO111MODULE(value)
	case "GOPATH":
		return checkGOPATHWrite(r, value)
	case "GOMODCACHE", "GOTMPDIR":
		return checkAbsDir(r, key, value)
	case "CC", "CXX":
		return checkCompiler(r.GOOS, key, value)
	case "GOOS", "GOARCH":
		return checkGOOSARCH(r, key, value)
	case "GOEXPERIMENT":
		return checkGOEXPERIMENT(value)
	}
	return nil
}

func checkGO111MODULE(value string) []core.Problem {
	switch value {
	case "", "auto", "on", "off":
		return nil
	}
	fix := "Use one of on, off or auto (or unset it)."
	if l := strings.ToLower(strings.TrimSpace(value)); l == "on" || l == "off" || l == "auto" {
		fix = "Did you mean " + l + "?"
	}
	return []core.Problem{errorp("GO111MODULE", "go111module-invalid",
		fmt.Sprintf("invalid GO111MODULE value %q; the go command refuses it.", value), fix)}
}

// checkAbsDir refuses a relative GOMODCACHE or GOTMPDIR.
func checkAbsDir(r *resolve.Resolution, key, value string) []core.Problem {
	if value == "" || isAbs(r.GOOS, value) {
		return nil
	}
	return []core.Problem{errorp(key, strings.ToLower(key)+"-relative",
		fmt.Sprintf("%s %q is relative; the go command refuses it: it must be an absolute path.", key, value),
		"Use an absolute path, e.g. "+absExample(r, value)+".")}
}

// checkCompiler mirrors checkEnvWrite for CC and CXX.
func checkCompiler(goos, key, value string) []core.Problem {
	if value == "" {
		return nil
	}
	args, err := splitQuoted(value)
	switch {
	case err != nil:
		return []core.Problem{errorp(key, "compiler-invalid", fmt.Sprintf("invalid %s: %v.", key, err), "Close the quote, or remove it.")}
	case len(args) == 0:
		return []core.Problem{errorp(key, "compiler-invalid", key+" contains only spaces.", "Give a compiler name such as gcc, or unset "+key+".")}
	case !isAbs(goos, args[0]) && strings.ContainsAny(args[0], separators(goos)):
		return []core.Problem{errorp(key, "compiler-relative",
			fmt.Sprintf("%s entry %q is relative; the go command refuses it: use an absolute path or a bare command name.", key, args[0]),
			"Use an absolute path, or just the command name to find it on PATH.")}
	}
	return nil
}

func checkGOOSARCH(r *resolve.Resolution, key, value string) []core.Problem {
	goos, goarch := current(r, "GOOS", r.GOOS), current(r, "GOARCH", runtime.GOARCH)
	if key == "GOOS" {
		goos = value
	} else {
		goarch = value
	}
	if value == "" || contains(validPlatforms, goos+"/"+goarch) {
		return nil
	}
	return []core.Problem{errorp(key, "goos-goarch-invalid",
		fmt.Sprintf("unsupported GOOS/GOARCH pair %s/%s; the go command refuses it.", goos, goarch),
		"Pick a pair from go tool dist list, e.g. linux/amd64, darwin/arm64 or windows/amd64.")}
}

// current returns key's raw value: OS, then env file, then go.env, then def.
func current(r *resolve.Resolution, key, def string) string {
	if v := r.OSEnv(key); v != "" {
		return v
	}
	if e, ok := userEntry(r, key); ok && e.Value != "" {
		return e.Value
	}
	if v, ok := GoEnvValue(r, key); ok && v != "" {
		return v
	}
	return def
}

func checkGOEXPERIMENT(value string) []core.Problem {
	for f := range strings.SplitSeq(value, ",") {
		name := strings.TrimPrefix(f, "no")
		if f == "" || f == "none" || contains(experiments, name) {
			continue
		}
		return []core.Problem{errorp("GOEXPERIMENT", "goexperiment-unknown",
			fmt.Sprintf("unknown GOEXPERIMENT %s; the go command refuses it.", f),
			"Remove it; experiments are comma-separated names such as jsonv2, optionally prefixed with no.")}
	}
	return nil
}

// Empty reports what an empty env-file value for key means: for GOPROXY and
// GOSUMDB it hides go.env's default (or leaves none); for GOTOOLCHAIN it
// skips toolchain selection; GONOPROXY and GONOSUMDB keep following
// GOPRIVATE.
func Empty(r *resolve.Resolution, key string) []core.Problem {
	def, inGoEnv := GoEnvValue(r, key)
	switch key {
	case "GOPROXY", "GOSUMDB":
		if inGoEnv && def != "" {
			return []core.Problem{EmptyHidesGoEnv(key, def)}
		}
		return []core.Problem{emptyBreaks(key)}
	case "GOTOOLCHAIN":
		if inGoEnv && def != "" {
			p := EmptyHidesGoEnv(key, def)
			p.Severity = core.SeverityWarning
			p.Message = fmt.Sprintf("An empty GOTOOLCHAIN line hides $GOROOT/go.env's GOTOOLCHAIN=%s: the go command then skips toolchain selection entirely.", def)
			return []core.Problem{p}
		}
	case "GONOPROXY", "GONOSUMDB":
		if gp := current(r, "GOPRIVATE", ""); gp != "" {
			return []core.Problem{warning(key, "empty-follows-goprivate",
				fmt.Sprintf("An empty %s does not turn it off: it follows GOPRIVATE (%s).", key, gp),
				"Set "+key+"=none to match no module paths.")}
		}
	}
	return nil
}

// EmptyHidesGoEnv is the problem of an empty env-file value for key hiding
// $GOROOT/go.env's value def.
func EmptyHidesGoEnv(key, def string) core.Problem {
	effect := "the go command then has no proxies at all and every download fails (\"GOPROXY list is not the empty string, but contains no entries\")"
	if key == "GOSUMDB" {
		effect = "the go command then fails to verify any download (\"missing GOSUMDB\")"
	}
	return errorp(key, "empty-hides-goenv",
		fmt.Sprintf("An empty %s line in the env file hides $GOROOT/go.env's %s=%s; %s.", key, key, def, effect),
		"Unset "+key+" instead of setting it to the empty string.")
}

// emptyBreaks reports an empty GOPROXY or GOSUMDB when go.env gives none.
func emptyBreaks(key string) core.Problem {
	if key == "GOSUMDB" {
		return errorp(key, "sumdb-empty", "An empty GOSUMDB makes every checksum verification fail with \"missing GOSUMDB\".",
			"Name a checksum database, e.g. sum.golang.google.cn, or set GOSUMDB=off deliberately.")
	}
	return errorp(key, "proxy-empty-list", "An empty GOPROXY gives the go command no proxies at all: every download fails.",
		"Set a proxy list such as https://proxy.example.test,direct, or direct.")
}

// checkUnsetLeavesEmpty warns when unsetting key leaves no value at all.
func checkUnsetLeavesEmpty(r *resolve.Resolution, key string) []core.Problem {
	switch key {
	case "GOPROXY", "GOSUMDB", "GOTOOLCHAIN":
	default:
		return nil
	}
	if v, ok := GoEnvValue(r, key); ok && v != "" || r.OSEnv(key) != "" {
		return nil
	}
	return []core.Problem{warning(key, "unset-leaves-empty",
		fmt.Sprintf("$GOROOT/go.env does not set %s, so after unsetting it %s is empty.", key, key),
		"Set "+key+" to an explicit value instead.")}
}
