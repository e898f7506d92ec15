package validate

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

const sumdbKey = "GOSUMDB"

// chinaAlias is the built-in alias of the default checksum database that is
// reachable from mainland China (modfetch.dbDial).
const chinaAlias = "sum.golang.google.cn"

// checkGOSUMDB parses value as modfetch.dbDial does: "off", the China
// alias, or KEY [URL] where KEY is a known name or name+hash+key.
func checkGOSUMDB(r *resolve.Resolution, value string) []core.Problem {
	switch value {
	case "off":
		return []core.Problem{warning(sumdbKey, "sumdb-off", nil)}
	case chinaAlias:
		return nil
	}
	fields := strings.Fields(value)
	switch {
	case strings.EqualFold(strings.TrimSpace(value), "off"):
		return []core.Problem{sumdbMalformed(value, "off")}
	case len(fields) == 0:
		return []core.Problem{errorp(sumdbKey, "sumdb-empty", nil)}
	case fields[0] == chinaAlias:
		return []core.Problem{sumdbMalformed(value, "alias")}
	case len(fields) > 2:
		return []core.Problem{errorp(sumdbKey, "sumdb-too-many-fields",
			args{"Value": value, "Fields": strconv.Itoa(len(fields)), "Example": sumdbExample(r)})}
	}
	if ps := checkSumdbKey(r, fields[0]); len(ps) > 0 {
		return ps
	}
	if len(fields) == 2 {
		return checkSumdbURL(fields[1])
	}
	return nil
}

// sumdbMalformed reports a malformed value; kind is "off" for a misspelt
// off, "alias" for the alias followed by more.
func sumdbMalformed(value, kind string) core.Problem {
	return errorp(sumdbKey, "sumdb-malformed", args{"Value": value, "Kind": kind, "Alias": chinaAlias})
}

// sumdbExample is a GOSUMDB value with a URL, using go.env's database name.
func sumdbExample(r *resolve.Resolution) string {
	if names := knownSumdbNames(r); len(names) > 0 {
		return names[0] + " https://sumdb-mirror.example.test"
	}
	return "sum.example.test+0123abcd+KEY https://sumdb-mirror.example.test"
}

// knownSumdbNames returns the database names with a built-in key: the one
// named by $GOROOT/go.env's GOSUMDB lines (never hard-coded here).
func knownSumdbNames(r *resolve.Resolution) []string {
	var names []string
	for _, e := range r.Goroot.Entries {
		if e.Key != sumdbKey {
			continue
		}
		if f := strings.Fields(e.Value); len(f) > 0 && f[0] != "off" && f[0] != chinaAlias {
			name, _, _ := strings.Cut(f[0], "+")
			if !contains(names, name) {
				names = append(names, name)
			}
		}
	}
	return names
}

// checkSumdbKey checks the verifier key (or known name) and the name in it.
func checkSumdbKey(r *resolve.Resolution, key string) []core.Problem {
	known := knownSumdbNames(r)
	if contains(known, key) {
		return nil
	}
	if !strings.Contains(key, "+") {
		return []core.Problem{errorp(sumdbKey, "sumdb-unknown-key", args{"Key": key, "Known": strings.Join(known, ", ")})}
	}
	v, err := note.NewVerifier(key)
	if err != nil {
		return []core.Problem{errorp(sumdbKey, "sumdb-bad-key", args{"Key": key, "Error": err.Error()})}
	}
	return checkSumdbName(v.Name())
}

// checkSumdbName applies dbDial's "no funny business" rule: host[/path].
func checkSumdbName(name string) []core.Problem {
	direct, err := url.Parse("https://" + name)
	if err == nil && !strings.HasSuffix(name, "/") && direct.RawPath == "" && direct.Host != "" &&
		*direct == (url.URL{Scheme: "https", Host: direct.Host, Path: direct.Path}) {
		return nil
	}
	return []core.Problem{errorp(sumdbKey, "sumdb-bad-name", args{"Name": name})}
}

func checkSumdbURL(raw string) []core.Problem {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return []core.Problem{errorp(sumdbKey, "sumdb-bad-url", args{"URL": raw, "Error": err.Error()})}
	case u.Scheme != "https" && u.Scheme != "http":
		return []core.Problem{errorp(sumdbKey, "sumdb-url-scheme",
			args{"URL": raw, "Suggestion": "https://" + strings.TrimPrefix(raw, "//")})}
	}
	return nil
}
