package troubleshoot

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// args are a problem's template arguments (see core.Template).
type args = map[string]string

// classifier turns one record into a finding, or reports it does not apply.
type classifier func(e *env, rec record) (Finding, bool)

// classifiers are tried in order; the first that applies wins.
var classifiers = []classifier{
	checksumMismatch, sumdbLookup, proxyOff, modVendor, gosumdbInvalid, goproxyInvalid, goflagsInvalid,
	goVersion, toolchainUnavailable, govcsDisallowed, gomodUpdate, installReplace, majorVersion, noModule, modulePath, pseudoVersion, noMatch, missingGoSum,
	importPath, missingPackage, proxyAuth, http2Reset, privateProxy, unknownRevision, gitAuth,
	network, httpStatus, bareForbidden, compileError,
}

// Explain classifies every failure in the output of a go command that ran
// with the settings of r: the CLI and the GUI call it for pasted output and
// Run calls it for a command's own. The output is cleaned of CI, Docker and
// terminal noise first. Failing lines that no rule knows end up in one
// "fail-other" finding (an error, quoting them), so that output that failed
// never gets no finding. It also reports, from go -x trace lines, a GOPROXY
// chain that fell through to a later entry, and output that shows other
// proxies than r's settings use.
func Explain(r *resolve.Resolution, output string) []Finding {
	e := newEnv(r)
	var out []Finding
	var unknown []record
	for _, rec := range splitRecords(output) {
		known := false
		for _, c := range classifiers {
			if f, ok := c(e, rec); ok {
				out = merge(out, f)
				known = true
				break
			}
		}
		if !known {
			unknown = append(unknown, rec)
		}
	}
	if f, ok := unrecognised(e, unknown, len(out) > 0); ok {
		out = append(out, f)
	}
	out = append(out, fellThrough(e, parseTrace(output))...)
	return append(out, e.elsewhere()...)
}

// merge appends f unless a finding with the same code about the same
// module and URL exists; then it adds f's lines to it.
func merge(out []Finding, f Finding) []Finding {
	for i := range out {
		o := &out[i]
		if o.Code == f.Code && o.Module == f.Module && o.Host == f.Host {
			o.Lines = append(o.Lines, f.Lines...)
			o.Quoted = append(o.Quoted, f.Quoted...)
			return out
		}
	}
	return append(out, f)
}

// start returns a finding for rec with the module, version, URL and host
// its text names.
func start(rec record) Finding {
	f := Finding{Lines: rec.lines}
	parseRefs(&f, rec.text())
	return f
}

// finish blames the setting name (which may be "") and renders the problem
// code from a.
func (e *env) finish(f Finding, sev core.Severity, code, name string, a args) Finding {
	if name != "" {
		e.blame(&f, name, a)
	}
	f.Problem = core.NewProblem(sev, f.Var, code, a)
	if f.Layer != nil {
		f.File, f.Line = f.Layer.File, f.Layer.Line
	}
	return f
}

var (
	modVerRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`([A-Za-z0-9][A-Za-z0-9._~\-/]*[A-Za-z0-9])@(v[0-9][0-9A-Za-z.\-+]*|[0-9a-f]{7,40}|latest|upgrade|patch|master|main)`)
	})
	urlRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:reading|Get|Head|Post|fetching) "?((?:https?|file)://[^"\s]+?)"?:(?:\s|$)`)
	})
	statusRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`:\s+(\d{3})(?: ([A-Z][A-Za-z -]*[a-z]))?\b`) })
	anyURLRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:https?|file)://[^"\s:]+(?::\d+)?[^"\s]*`) })
	dnsHostRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`lookup ([^\s:]+)(?: on [^:]+)?:`) })
	dialRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`dial tcp ([^\s:]+|\[[^\]]+\]):\d+`) })
)

// parseRefs fills the module, version, URL and host named by text.
func parseRefs(f *Finding, text string) {
	if m := modVerRE().FindStringSubmatch(text); m != nil && !strings.Contains(m[1], "://") {
		f.Module, f.Version = strings.TrimSuffix(m[1], "/go.mod"), strings.TrimSuffix(m[2], "/go.mod")
	}
	if m := urlRE().FindStringSubmatch(text); m != nil {
		f.URL = m[1]
	} else if u := anyURLRE().FindString(text); u != "" {
		f.URL = strings.TrimRight(u, ":.,")
	}
	f.URL = strings.TrimRight(f.URL, ":.,)'")
	if f.URL != "" {
		f.Host = hostOf(f.URL)
	}
	if m := dnsHostRE().FindStringSubmatch(text); m != nil && f.Host == "" {
		f.Host = m[1]
	}
	if m := dialRE().FindStringSubmatch(text); m != nil && f.Host == "" {
		f.Host = m[1]
	}
}

// httpStatusOf returns the HTTP status named in text ("404 Not Found"), or
// 0 and "".
func httpStatusOf(text string) (int, string) {
	for _, m := range statusRE().FindAllStringSubmatch(text, -1) {
		n, _ := strconv.Atoi(m[1])
		if n >= 200 && n < 600 {
			s := m[1]
			if m[2] != "" {
				s += " " + m[2]
			}
			return n, s
		}
	}
	return 0, ""
}

// moduleArg is the module@version for a message, or a placeholder.
func moduleArg(f Finding) string {
	switch {
	case f.Module == "":
		return "the module"
	case f.Version == "":
		return f.Module
	}
	return f.Module + "@" + f.Version
}
