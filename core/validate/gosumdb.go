package validate

import (
	"fmt"
	"net/url"
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
		return []core.Problem{warning(sumdbKey, "sumdb-off",
			"GOSUMDB=off turns off checksum verification: downloaded modules are no longer checked against a checksum database, so a tampered proxy or repository goes unnoticed (go.sum still protects modules already recorded).",
			"Unset GOSUMDB to use the default, or list private module paths in GOPRIVATE or GONOSUMDB instead of turning verification off.")}
	case chinaAlias:
		return nil
	}
	fields := strings.Fields(value)
	switch {
	case strings.EqualFold(strings.TrimSpace(value), "off"):
		return []core.Problem{sumdbMalformed(value, "Did you mean off? It must be exactly off: lower case, no spaces.")}
	case len(fields) == 0:
		return []core.Problem{errorp(sumdbKey, "sumdb-empty",
			"GOSUMDB contains only spaces; the go command fails every verification with \"missing GOSUMDB\".",
			"Unset GOSUMDB to use the default, or name a checksum database.")}
	case fields[0] == chinaAlias:
		return []core.Problem{sumdbMalformed(value, "Use "+chinaAlias+" alone: it is an alias only when it is the whole value.")}
	case len(fields) > 2:
		return []core.Problem{errorp(sumdbKey, "sumdb-too-many-fields",
			fmt.Sprintf("GOSUMDB=%q has %d fields; the go command fails every verification with \"invalid GOSUMDB: too many fields\".", value, len(fields)),
			"Use NAME, NAME+HASH+KEY, or either followed by one URL, e.g. "+sumdbExample(r)+".")}
	}
	if ps := checkSumdbKey(r, fields[0]); len(ps) > 0 {
		return ps
	}
	if len(fields) == 2 {
		return checkSumdbURL(fields[1])
	}
	return nil
}

func sumdbMalformed(value, fix string) core.Problem {
	return errorp(sumdbKey, "sumdb-malformed",
		fmt.Sprintf("GOSUMDB=%q is malformed; the go command fails every verification with \"invalid GOSUMDB: malformed verifier id\".", value), fix)
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
		fix := "Give the database's full verifier key NAME+HASH+KEY as published by its operator"
		if len(known) > 0 {
			fix += ", or use " + strings.Join(known, " or ")
		}
		return []core.Problem{errorp(sumdbKey, "sumdb-unknown-key",
			fmt.Sprintf("GOSUMDB names %q without a public key, and the go command has no built-in key for it; every verification fails with \"malformed verifier id\".", key), fix+".")}
	}
	v, err := note.NewVerifier(key)
	if err != nil {
		return []core.Problem{errorp(sumdbKey, "sumdb-bad-key",
			fmt.Sprintf("GOSUMDB key %q is not a valid verifier key (%v); every verification fails.", key, err),
			"Copy the NAME+HASH+KEY string exactly as the database operator publishes it.")}
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
	return []core.Problem{errorp(sumdbKey, "sumdb-bad-name",
		fmt.Sprintf("GOSUMDB database name %q is invalid (it must be host[/path]); every verification fails.", name),
		"Use a plain host name such as sum.example.test, without scheme, query or trailing slash.")}
}

func checkSumdbURL(raw string) []core.Problem {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return []core.Problem{errorp(sumdbKey, "sumdb-bad-url",
			fmt.Sprintf("GOSUMDB URL %q is invalid (%v); every verification fails.", raw, err),
			"Write the URL as https://host[/path].")}
	case u.Scheme != "https" && u.Scheme != "http":
		return []core.Problem{errorp(sumdbKey, "sumdb-bad-url",
			fmt.Sprintf("GOSUMDB URL %q has no http or https scheme; every verification fails.", raw),
			"Did you mean https://"+strings.TrimPrefix(raw, "//")+"?")}
	}
	return nil
}
