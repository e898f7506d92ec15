package validate

import (
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
		ps = append(ps, errorp(proxyKey, "proxy-empty-list", args{"Value": value}))
	}
	return ps
}

func proxyKeyword(e string) core.Problem {
	if e == "off" {
		return warning(proxyKey, "proxy-off", nil)
	}
	return warning(proxyKey, "proxy-direct-only", nil)
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
		args{"End": end, "Entries": strings.Join(extra, ", ")})}
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
		return []core.Problem{errorp(proxyKey, "proxy-invalid-url", args{"Entry": e, "Error": err.Error()})}
	}
	switch base.Scheme {
	case "http", "https":
		if base.Hostname() == "" {
			return []core.Problem{errorp(proxyKey, "proxy-no-host", args{"Entry": base.Redacted()})}
		}
		return checkProxyUserinfo(base)
	case "file":
		if *base != (url.URL{Scheme: base.Scheme, Path: base.Path, RawPath: base.RawPath}) {
			return []core.Problem{errorp(proxyKey, "proxy-file-host",
				args{"Entry": base.Redacted(), "Suggestion": fileURL(goos, "/"+base.Host+base.Path)})}
		}
		return nil
	case "":
		return []core.Problem{missingScheme(goos, e, abs)}
	}
	return []core.Problem{badScheme(base)}
}

func missingScheme(goos, e string, abs bool) core.Problem {
	a := args{"Entry": e, "Kind": "url", "Suggestion": "https://" + e}
	switch {
	case abs:
		a["Suggestion"] = fileURL(goos, e)
	case strings.EqualFold(e, "direct") || strings.EqualFold(e, "off"):
		a["Kind"], a["Suggestion"] = "keyword", strings.ToLower(e)
	case e == "noproxy":
		a["Kind"] = "noproxy"
	}
	return errorp(proxyKey, "proxy-missing-scheme", a)
}

func fileURL(goos, p string) string {
	if goos == "windows" {
		p = "/" + strings.TrimLeft(strings.ReplaceAll(p, `\`, "/"), "/")
	}
	return "file://" + p
}

func badScheme(base *url.URL) core.Problem {
	a := args{"Entry": base.Redacted(), "Scheme": base.Scheme, "Kind": "other", "Suggestion": "https://" + base.Host + base.Path}
	switch base.Scheme {
	case "socks5", "socks5h", "socks":
		a["Kind"] = "socks"
	case "git", "ssh", "git+ssh":
		a["Kind"] = "git"
	}
	return errorp(proxyKey, "proxy-bad-scheme", a)
}

// checkProxyUserinfo reports credentials embedded in a proxy URL and plain
// http.
func checkProxyUserinfo(base *url.URL) []core.Problem {
	clean := *base
	clean.User = nil
	switch {
	case base.User != nil && base.Scheme == "http":
		return []core.Problem{errorp(proxyKey, "proxy-credentials-http",
			args{"Entry": base.Redacted(), "Suggestion": "https://" + clean.Host + clean.Path})}
	case base.User != nil:
		return []core.Problem{warning(proxyKey, "proxy-credentials",
			args{"Entry": base.Redacted(), "Suggestion": clean.String(), "Host": clean.Hostname()})}
	case base.Scheme == "http":
		return []core.Problem{problem(core.SeverityInfo, proxyKey, "proxy-http", args{"Entry": base.String()})}
	}
	return nil
}
