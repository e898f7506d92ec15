package validate

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

const proxyKey = "GOPROXY"

// checkGOPROXY parses value exactly as modfetch.proxyList does: entries
// separated by ',' or '|', trimmed, empty ones skipped, ending at the first
// off or direct; each earlier entry must be a valid proxy URL.
func checkGOPROXY(r *resolve.Resolution, value string) []core.Problem {
	var ps []core.Problem
	n := 0
	for s := value; s != ""; {
		var e string
		if i := strings.IndexAny(s, ",|"); i >= 0 {
			e, s = s[:i], s[i+1:]
		} else {
			e, s = s, ""
		}
		e = strings.TrimSpace(e)
		switch e {
		case "":
			continue
		case "off", "direct":
			if n == 0 {
				ps = append(ps, proxyKeyword(e))
			}
			return append(ps, unreachableEntries(e, s)...)
		}
		n++
		ps = append(ps, checkProxyEntry(r.GOOS, e)...)
	}
	if n == 0 {
		ps = append(ps, errorp(proxyKey, "proxy-empty-list",
			fmt.Sprintf("GOPROXY=%q lists no proxies; the go command fails every download with \"GOPROXY list is not the empty string, but contains no entries\".", value),
			"Unset GOPROXY to use the default, or set a list such as https://proxy.example.test,direct."))
	}
	return ps
}

func proxyKeyword(e string) core.Problem {
	if e == "off" {
		return warning(proxyKey, "proxy-off",
			"GOPROXY=off disables module downloads: only modules already in the module cache (and GOPRIVATE/GONOPROXY paths, fetched directly) can be used.",
			"Unset GOPROXY to use the default proxy, or set a mirror such as https://proxy.example.test,direct.")
	}
	return warning(proxyKey, "proxy-direct-only",
		"GOPROXY starts with direct: every module is fetched from its version-control host, which is slower, needs git (or another VCS) installed, and may be blocked in some regions.",
		"Put a module mirror first, e.g. https://proxy.example.test,direct, or unset GOPROXY to use the default.")
}

// unreachableEntries warns about entries after the terminating off/direct.
func unreachableEntries(end, rest string) []core.Problem {
	var extra []string
	for _, e := range strings.FieldsFunc(rest, func(c rune) bool { return c == ',' || c == '|' }) {
		if e = strings.TrimSpace(e); e != "" {
			extra = append(extra, e)
		}
	}
	if len(extra) == 0 {
		return nil
	}
	return []core.Problem{warning(proxyKey, "proxy-unreachable-entry",
		fmt.Sprintf("GOPROXY entries after %s are never used: %s.", end, strings.Join(extra, ", ")),
		"Move them before "+end+", or remove them.")}
}

// checkProxyEntry checks one entry before off/direct as newProxyRepo would.
func checkProxyEntry(goos, e string) []core.Problem {
	u := e
	abs := isAbs(goos, e) || strings.HasPrefix(e, "/")
	if strings.ContainsAny(e, ".:/") && !strings.Contains(e, ":/") && !abs {
		u = "https://" + e
	}
	base, err := url.Parse(u)
	if err != nil {
		return []core.Problem{errorp(proxyKey, "proxy-invalid-url",
			fmt.Sprintf("GOPROXY entry %q is not a valid URL (%v); the go command will refuse it and every download fails.", e, err),
			"Write it as https://host[/path], e.g. https://proxy.example.test.")}
	}
	switch base.Scheme {
	case "http", "https":
		return checkProxyUserinfo(base)
	case "file":
		if *base != (url.URL{Scheme: base.Scheme, Path: base.Path, RawPath: base.RawPath}) {
			return []core.Problem{errorp(proxyKey, "proxy-file-host",
				fmt.Sprintf("GOPROXY entry %q is a file:// URL with a host or other non-path parts; the go command will refuse it.", base.Redacted()),
				"Did you mean "+fileURL(goos, "/"+base.Host+base.Path)+"? A file URL needs three slashes before an absolute path.")}
		}
		return nil
	case "":
		return []core.Problem{missingScheme(goos, e, abs)}
	}
	return []core.Problem{badScheme(base)}
}

func missingScheme(goos, e string, abs bool) core.Problem {
	fix := "Did you mean https://" + e + "?"
	switch {
	case abs:
		fix = "Did you mean " + fileURL(goos, e) + "?"
	case strings.EqualFold(e, "direct") || strings.EqualFold(e, "off"):
		fix = "Did you mean " + strings.ToLower(e) + "? The keywords direct and off are lower case."
	case e == "noproxy":
		fix = "noproxy is internal to the go command; to fetch some modules directly, list their paths in GOPRIVATE or GONOPROXY."
	}
	return errorp(proxyKey, "proxy-missing-scheme",
		fmt.Sprintf("GOPROXY entry %q has no scheme; the go command will refuse it (\"invalid proxy URL missing scheme\").", e), fix)
}

func fileURL(goos, p string) string {
	if goos == "windows" {
		p = "/" + strings.TrimLeft(strings.ReplaceAll(p, `\`, "/"), "/")
	}
	return "file://" + p
}

func badScheme(base *url.URL) core.Problem {
	fix := "Use an https:// URL, e.g. https://" + base.Host + base.Path + "."
	switch base.Scheme {
	case "socks5", "socks5h", "socks":
		fix = "GOPROXY names module proxies, not network proxies. To reach the internet through " + base.Redacted() + ", set HTTPS_PROXY in the OS environment and keep GOPROXY a module proxy URL."
	case "git", "ssh", "git+ssh":
		fix = "GOPROXY names module proxies. To fetch from a git server, use direct and list the module paths in GOPRIVATE."
	}
	return errorp(proxyKey, "proxy-bad-scheme",
		fmt.Sprintf("GOPROXY entry %q has scheme %q; the go command accepts only https, http and file, and will refuse it.", base.Redacted(), base.Scheme), fix)
}

// checkProxyUserinfo reports credentials embedded in a proxy URL and plain
// http.
func checkProxyUserinfo(base *url.URL) []core.Problem {
	clean := *base
	clean.User = nil
	switch {
	case base.User != nil && base.Scheme == "http":
		return []core.Problem{errorp(proxyKey, "proxy-credentials-http",
			fmt.Sprintf("GOPROXY entry %q has credentials in an http:// URL; the go command refuses to send them (\"refusing to pass credentials to insecure URL\").", base.Redacted()),
			"Use https://"+clean.Host+clean.Path+" and store the credentials with GOAUTH (e.g. in ~/.netrc) instead.")}
	case base.User != nil:
		return []core.Problem{warning(proxyKey, "proxy-credentials",
			fmt.Sprintf("GOPROXY entry %q contains credentials; they are stored in plain text and shown by go env.", base.Redacted()),
			"Use "+clean.String()+" and store the credentials with GOAUTH instead (e.g. a ~/.netrc line: machine "+clean.Hostname()+" login USER password TOKEN).")}
	case base.Scheme == "http":
		return []core.Problem{problem(core.SeverityInfo, proxyKey, "proxy-http",
			fmt.Sprintf("GOPROXY entry %q uses plain http: downloads are not encrypted (checksums are still verified against GOSUMDB).", base.String()),
			"Use https:// if the proxy supports it.")}
	}
	return nil
}
