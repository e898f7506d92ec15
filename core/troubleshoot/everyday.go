package troubleshoot

import (
	"regexp"
	"strings"
	"sync"

	"github.com/gomirror/gomirror/core"
)

// The rules of this file recognise everyday failures that no module setting
// causes, or whose fix is not a proxy edit: git credential prompts, module
// path mismatches, go version requirements, GOFLAGS syntax, queries that
// match nothing, bad pseudo-versions, HTTP/2 resets, compile errors and
// missing packages. Each pattern is data in a table where that is clearer.

// authMarkers are what git and code hosts print when a repository cannot be
// read without credentials, or does not exist (which looks the same).
var authMarkers = []string{
	"terminal prompts disabled", "could not read Username", "could not read Password",
	"Authentication failed", "Permission denied (publickey", "Repository not found",
	"The project you were looking for could not be found", "correct access rights",
	"Host key verification failed", "Invalid username or password", "HTTP Basic: Access denied",
}

// missingMarkers say the repository may not exist at all.
var missingMarkers = []string{"Repository not found", "could not be found", "does not exist", "repository '"}

var (
	gitHostRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`for '(?:https?|ssh)://(?:[^@/']*@)?([^/':]+)`) })
	modulePathRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:module|package|go get|go install|clone https?://|ls-remote -q https?://)\s+([A-Za-z0-9][A-Za-z0-9._~\-]*\.[A-Za-z]{2,}(?:/[A-Za-z0-9._~\-]+)*)`)
	})
)

// gitAuth: git asked for credentials it could not get, or the code host
// said the repository is not there.
func gitAuth(e *env, rec record) (Finding, bool) {
	text := rec.text()
	if !containsAny(text, authMarkers...) {
		return Finding{}, false
	}
	f := start(rec)
	if f.Module == "" {
		if m := modulePathRE().FindStringSubmatch(text); m != nil {
			f.Module = strings.TrimSuffix(m[1], ".git")
		}
	}
	host := ""
	if m := gitHostRE().FindStringSubmatch(text); m != nil {
		host = m[1]
	} else if f.Module != "" {
		host = strings.Split(f.Module, "/")[0]
	}
	a := args{"Module": moduleArg(f), "Host": orUnknown(host)}
	if containsAny(text, missingMarkers...) {
		a["Missing"] = "yes"
	}
	if p, ok := privatePattern(e, f.Module); ok {
		a["Private"] = p
	} else if f.Module != "" && safePattern(narrowPattern(f.Module)) {
		a["Pattern"] = narrowPattern(f.Module)
	}
	f.Quoted = quote(rec, authMarkers...)
	return e.finish(f, core.SeverityError, "fail-git-auth", "", a), true
}

// narrowPattern is the narrowest GOPRIVATE pattern that covers the
// repository of mod: the repository root on a host that many owners share
// (github.com/acme/secret), else the host (git.corp.example.test).
func narrowPattern(mod string) string {
	parts := strings.Split(mod, "/")
	if sharedHosts[parts[0]] && len(parts) >= 3 {
		return strings.Join(parts[:3], "/")
	}
	if sharedHosts[parts[0]] && len(parts) == 2 {
		return mod
	}
	return parts[0]
}

var declaredRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`module declares its path as:?\s+(\S+)\s+but was required as:?\s+(\S+)`)
})

// modulePath: "module declares its path as: X but was required as: Y".
func modulePath(e *env, rec record) (Finding, bool) {
	m := declaredRE().FindStringSubmatch(strings.Join(strings.Fields(rec.text()), " "))
	if m == nil {
		return Finding{}, false
	}
	f := start(rec)
	f.Quoted = quote(rec, "module declares its path", "but was required as")
	return e.finish(f, core.SeverityError, "fail-module-path", "", args{"Declared": m[1], "Required": m[2]}), true
}

var (
	goVersionRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:(\S+) )?requires go >= ?(\S+) \(running go ([^;)\s]+)(?:; GOTOOLCHAIN=([^)]+))?\)`)
	})
	// tidyVersionRE is the older wording: "go.mod file indicates go 1.21,
	// but maximum version supported by tidy is 1.20".
	tidyVersionRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(go\.mod) file indicates go (\S+), but maximum (?:version )?supported (?:version )?(?:by tidy )?is (\S+)`)
	})
)

// goVersion: "go.mod requires go >= 1.23.0 (running go 1.22.5;
// GOTOOLCHAIN=local)".
func goVersion(e *env, rec record) (Finding, bool) {
	m := goVersionRE().FindStringSubmatch(rec.text())
	if t := tidyVersionRE().FindStringSubmatch(rec.text()); m == nil && t != nil {
		m = []string{t[0], t[1], strings.TrimSuffix(t[2], ","), t[3], ""}
	}
	if m == nil {
		return Finding{}, false
	}
	f := start(rec)
	a := args{"Need": m[2], "Running": m[3], "Toolchain": m[4], "What": strings.TrimSuffix(m[1], ":")}
	if a["What"] == "" {
		a["What"] = "go.mod"
	}
	f.Quoted = quote(rec, "requires go >=", "file indicates go")
	name := ""
	if m[4] != "" {
		name = "GOTOOLCHAIN"
	}
	return e.finish(f, core.SeverityError, "fail-go-version", name, a), true
}

var goflagsRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`parsing \$GOFLAGS: (.*)`) })

// goflagsInvalid: "go: parsing $GOFLAGS: non-flag "six"".
func goflagsInvalid(e *env, rec record) (Finding, bool) {
	m := goflagsRE().FindStringSubmatch(rec.text())
	if m == nil {
		return Finding{}, false
	}
	f := start(rec)
	f.Module, f.Version = "", ""
	f.Quoted = quote(rec, "parsing $GOFLAGS")
	return e.finish(f, core.SeverityError, "fail-goflags", "GOFLAGS", args{"Detail": strings.TrimSpace(m[1]), "Value": e.r.Value("GOFLAGS")}), true
}

var (
	noMatchRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`no matching versions for query "([^"]*)"`) })
	shortSemver = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^v\d+(\.\d+)?$`) })
)

// noMatch: "no matching versions for query "latest"".
func noMatch(e *env, rec record) (Finding, bool) {
	m := noMatchRE().FindStringSubmatch(rec.text())
	if m == nil {
		return Finding{}, false
	}
	f := start(rec)
	a := args{"Module": moduleArg(f), "Query": m[1], "Proxy": e.r.Value("GOPROXY")}
	if shortSemver().MatchString(m[1]) {
		a["Full"] = m[1] + strings.Repeat(".0", 2-strings.Count(m[1], "."))
	}
	if f.Module == "" {
		if mm := modulePathRE().FindStringSubmatch(rec.text()); mm != nil {
			a["Module"] = mm[1]
		}
	}
	f.Quoted = quote(rec, "no matching versions")
	return e.finish(f, core.SeverityError, "fail-no-match", "", a), true
}

// pseudoMarkers are the go command's words for a pseudo-version that does
// not match its commit, and for a proxy that answered for another version.
var pseudoMarkers = []string{"invalid pseudo-version", "does not match version-control timestamp",
	"instead of requested version", "pseudo-version", "does not match version-control"}

// pseudoVersion: "invalid pseudo-version: does not match version-control
// timestamp", "proxy returned info for version X instead of requested
// version Y".
func pseudoVersion(e *env, rec record) (Finding, bool) {
	text := rec.text()
	if !containsAny(text, "invalid pseudo-version", "instead of requested version", "does not match version-control") ||
		netKind(text) != "" && !strings.Contains(text, "does not match") {
		return Finding{}, false
	}
	f := start(rec)
	a := args{"Module": moduleArg(f), "Path": orUnknown(f.Module)}
	if strings.Contains(text, "instead of requested version") {
		a["Kind"] = "proxy"
		if f.URL != "" {
			a["Proxy"] = hostOf(f.URL)
		}
	}
	f.Quoted = quote(rec, pseudoMarkers...)
	return e.finish(f, core.SeverityError, "fail-pseudo-version", "", a), true
}

var http2RE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`stream error: stream ID \d+; ([A-Z_]+)`)
})

// http2Reset: "stream error: stream ID 159; INTERNAL_ERROR".
func http2Reset(e *env, rec record) (Finding, bool) {
	m := http2RE().FindStringSubmatch(rec.text())
	if m == nil {
		return Finding{}, false
	}
	f := start(rec)
	t := e.targetOf(f, rec.text())
	a := e.targetArgs(f, t)
	a["Error"] = m[1]
	if f.URL == "" {
		a["@What"] = "what.server"
	}
	f.Quoted = quote(rec, "stream error")
	return e.finish(f, core.SeverityError, "fail-http2", "", a), true
}

var bareForbiddenRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|[^0-9] ?): Forbidden\s*$|: Forbidden\n`) })

// bareForbidden: "Get "https://…": Forbidden" with no status code, which
// is what a network proxy refusing the CONNECT looks like.
func bareForbidden(e *env, rec record) (Finding, bool) {
	text := rec.text()
	if !bareForbiddenRE().MatchString(text) || strings.Contains(text, "403") {
		return Finding{}, false
	}
	f := start(rec)
	name := networkProxyVar(e, f.URL)
	a := args{"Host": orUnknown(f.Host), "Var": name, "Proxy": redactURL(e.r.OSEnv(name)), "Kind": "network"}
	f.Quoted = quote(rec, "Forbidden")
	return e.finish(f, core.SeverityError, "fail-forbidden", "", a), true
}

// gomodUpdate: "go: updates to go.mod needed; to update it: go mod tidy":
// go.mod is not tidy, and builds no longer fix it on the way.
func gomodUpdate(e *env, rec record) (Finding, bool) {
	if !strings.Contains(rec.text(), "updates to go.mod needed") {
		return Finding{}, false
	}
	f := start(rec)
	f.Module, f.Version = "", ""
	a := args{"Readonly": ""}
	if strings.Contains(rec.text(), "-mod=readonly") {
		a["Readonly"] = "yes"
	}
	f.Quoted = quote(rec, "updates to go.mod needed")
	return e.finish(f, core.SeverityError, "fail-gomod-update", "", a), true
}

// installReplace: go install pkg@version of a module whose go.mod has
// replace (or exclude) directives.
func installReplace(e *env, rec record) (Finding, bool) {
	text := strings.Join(strings.Fields(rec.text()), " ")
	if !strings.Contains(text, "contains one or more replace directives") && !strings.Contains(text, "contains one or more exclude directives") {
		return Finding{}, false
	}
	f := start(rec)
	f.Quoted = quote(rec, "replace directives", "exclude directives")
	return e.finish(f, core.SeverityError, "fail-install-replace", "", args{"Module": moduleArg(f)}), true
}

var majorRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`module path must match major version \("([^"]+)"\)|major version must be compatible: should be v0 or v1, not (v\d+)`)
})

// majorVersion: "invalid version: module contains a go.mod file, so module
// path must match major version ("example.com/m/v2")": a v2+ version asked
// for by its v0/v1 path.
func majorVersion(e *env, rec record) (Finding, bool) {
	m := majorRE().FindStringSubmatch(rec.text())
	if m == nil {
		return Finding{}, false
	}
	f := start(rec)
	a := args{"Module": moduleArg(f), "Path": m[1]}
	if a["Path"] == "" {
		base := f.Module
		if base == "" {
			base = "MODULE"
		}
		a["Path"] = base + "/" + m[2]
	}
	f.Quoted = quote(rec, "major version")
	return e.finish(f, core.SeverityError, "fail-major-version", "", a), true
}

var noModuleRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`cannot find main module(?:, but found (\S+) in (\S+))?`)
})

// noModule: "go: cannot find main module, but found .git/config in DIR".
func noModule(e *env, rec record) (Finding, bool) {
	m := noModuleRE().FindStringSubmatch(rec.text())
	if m == nil {
		return Finding{}, false
	}
	f := start(rec)
	f.Module, f.Version = "", ""
	f.Quoted = quote(rec, "cannot find main module")
	return e.finish(f, core.SeverityError, "fail-no-module", "", args{"Found": m[1], "Dir": m[2]}), true
}

// missingGoSum: "missing go.sum entry".
func missingGoSum(e *env, rec record) (Finding, bool) {
	if !strings.Contains(rec.text(), "missing go.sum entry") {
		return Finding{}, false
	}
	f := start(rec)
	f.Quoted = quote(rec, "missing go.sum entry")
	return e.finish(f, core.SeverityError, "fail-missing-gosum", "", args{"Module": moduleArg(f)}), true
}

var importPathRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`malformed (?:module|import) path "([^"]+)"(?:: (.*))?`)
})

// stdSince are standard-library packages newer Go releases added, which an
// old go command takes for module paths.
var stdSince = map[string]string{"embed": "1.16", "io/fs": "1.16", "net/netip": "1.18", "slices": "1.21",
	"maps": "1.21", "cmp": "1.21", "log/slog": "1.21", "iter": "1.23", "unique": "1.23", "crypto/mlkem": "1.24"}

// importPath: "malformed module path "x/y": missing dot in first path
// element": an import path without a host, or a package the go command
// is too old to know.
func importPath(e *env, rec record) (Finding, bool) {
	m := importPathRE().FindStringSubmatch(rec.text())
	if m == nil {
		return Finding{}, false
	}
	f := start(rec)
	f.Module, f.Version = "", ""
	a := args{"Path": m[1], "Detail": m[2]}
	if v, ok := stdSince[m[1]]; ok {
		a["Since"] = v
	}
	f.Quoted = quote(rec, "malformed")
	return e.finish(f, core.SeverityError, "fail-import-path", "", a), true
}

var missingPkgRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`no required module provides package (\S+?)[;:]|cannot find package "([^"]+)"|package (\S+) is not in (?:GOROOT|std)`)
})

// missingPackage: "no required module provides package X", "cannot find
// package", "package X is not in GOROOT".
func missingPackage(e *env, rec record) (Finding, bool) {
	text := rec.text()
	m := missingPkgRE().FindStringSubmatch(text)
	if m == nil {
		return Finding{}, false
	}
	f := start(rec)
	f.Module, f.Version = "", ""
	a := args{"Package": m[1] + m[2] + m[3]}
	switch {
	case strings.Contains(text, "go.mod file not found") || strings.Contains(text, "working directory is not part of a module"):
		a["Kind"] = "no-module"
	case m[3] != "":
		a["Kind"] = "goroot"
	}
	f.Quoted = quote(rec, "no required module provides", "cannot find package", "is not in GOROOT", "is not in std")
	return e.finish(f, core.SeverityError, "fail-missing-package", "", a), true
}

var compileRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*\S+\.go:\d+(?::\d+)?: (.+)`)
})

// compileError: "file.go:12:3: undefined: x" and the like, from the
// compiler or vet, with no download in it.
func compileError(e *env, rec record) (Finding, bool) {
	m := compileRE().FindStringSubmatch(rec.lines[0])
	if m == nil || containsAny(m[1], "://", "@v", "go.sum", "module") {
		return Finding{}, false
	}
	f := start(rec)
	f.Module, f.Version, f.URL, f.Host = "", "", "", ""
	f.Quoted = []string{strings.TrimSpace(rec.lines[0])}
	return e.finish(f, core.SeverityError, "fail-compile", "", args{"Error": strings.TrimSpace(m[1])}), true
}

// quote returns the lines of rec that contain one of markers, trimmed: the
// lines the GUI highlights.
func quote(rec record, markers ...string) []string {
	var out []string
	for _, l := range rec.lines {
		if containsAny(l, markers...) {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

func orUnknown(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

// failureRE matches a line that says something failed, for output no rule
// knows.
var failureRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:error|errors|fatal|failed|failure|cannot|can't|could not|exit status [1-9]|undefined|not found|invalid|denied|refused|timed? ?out|panic|unexpected|unrecognized|mismatch|forbidden|unauthorized)\b|^go: `)
})

// unrecognised is the finding for failing lines no rule knows: they are
// quoted, and it is an error, so that output that failed never reads as
// "no failure".
//
// When other rules found the failure, only unknown "go:" messages are
// added: the rest is the log around it.
func unrecognised(e *env, recs []record, known bool) (Finding, bool) {
	var lines []string
	for _, rec := range recs {
		first := strings.TrimSpace(rec.lines[0])
		if hasAnyPrefix(first, benign) || !failureRE().MatchString(rec.text()) || known && !strings.HasPrefix(first, "go: ") {
			continue
		}
		lines = append(lines, rec.lines...)
	}
	if len(lines) == 0 {
		return Finding{}, false
	}
	f := Finding{Lines: lines}
	for _, l := range lines {
		if failureRE().MatchString(l) && len(f.Quoted) < 6 {
			f.Quoted = append(f.Quoted, strings.TrimSpace(l))
		}
	}
	a := args{"Line": f.Quoted[0]}
	return e.finish(f, core.SeverityError, "fail-other", "", a), true
}
