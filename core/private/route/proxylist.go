package route

import (
	"fmt"
	"net/url"
	pathpkg "path"
	"strings"

	"github.com/gomirror/gomirror/core"
)

// entry is one element of the go command's proxy list.
type entry struct {
	url             string // a URL, or "noproxy", "direct", "off"
	fallBackOnError bool   // the separator after it was '|'
}

// proxyList parses GOPROXY exactly as cmd/go/internal/modfetch.proxyList:
// an implicit "noproxy" first when GONOPROXY is set and GOPROXY is not
// exactly "direct"; entries split at ',' or '|', trimmed, empty ones
// skipped; "off" and "direct" end the list; "https://" added to an entry
// with '.', ':' or '/' but no ":/" that is not an absolute path. A bad entry
// before the end fails every lookup.
func proxyList(goproxy, gonoproxy string, isAbs func(string) bool) ([]entry, error) {
	var list []entry
	if gonoproxy != "" && goproxy != "direct" {
		list = append(list, entry{url: "noproxy"})
	}
	for s := goproxy; s != ""; {
		var e entry
		if i := strings.IndexAny(s, ",|"); i >= 0 {
			e.url, e.fallBackOnError, s = s[:i], s[i] == '|', s[i+1:]
		} else {
			e.url, s = s, ""
		}
		e.url = strings.TrimSpace(e.url)
		if e.url == "" {
			continue
		}
		if e.url == "off" || e.url == "direct" {
			list = append(list, entry{url: e.url})
			break
		}
		if strings.ContainsAny(e.url, ".:/") && !strings.Contains(e.url, ":/") && !isAbs(e.url) && !pathpkg.IsAbs(e.url) {
			e.url = "https://" + e.url
		}
		if err := checkProxyURL(e.url); err != nil {
			return nil, err
		}
		list = append(list, e)
	}
	if len(list) == 0 || len(list) == 1 && list[0].url == "noproxy" {
		return nil, fmt.Errorf("GOPROXY list is not the empty string, but contains no entries")
	}
	return list, nil
}

// checkProxyURL applies newProxyRepo's checks, with its error texts.
func checkProxyURL(raw string) error {
	base, err := url.Parse(raw)
	if err != nil {
		return err
	}
	switch base.Scheme {
	case "http", "https":
		return nil
	case "file":
		if *base != (url.URL{Scheme: base.Scheme, Path: base.Path, RawPath: base.RawPath}) {
			return fmt.Errorf("invalid file:// proxy URL with non-path elements: %s", base.Redacted())
		}
		return nil
	case "":
		return fmt.Errorf("invalid proxy URL missing scheme: %s", base.Redacted())
	}
	return fmt.Errorf("invalid proxy URL scheme (must be https, http, file): %s", base.Redacted())
}

// isAbsFor returns filepath.IsAbs for goos.
func isAbsFor(goos string) func(string) bool {
	return func(p string) bool { return core.IsAbs(goos, p) }
}
