package mirrors

import (
	"strings"

	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/validate"
)

// ChinaSumDB is the go command's built-in alias for the toolchain's default
// checksum database, served from a host reachable from mainland China.
const ChinaSumDB = "sum.golang.google.cn"

// SumDBChoice is one checksum-database option offered to the user.
type SumDBChoice struct {
	ID    string `json:"id"`    // "default", "china", "off" or "custom"
	Label string `json:"label"` // English; the CLI shows cli.sumdb-choice.<ID> in other languages
	Value string `json:"value"` // the GOSUMDB value; "" for custom
	Note  string `json:"note"`
}

// SumDBChoices returns the checksum-database options: the toolchain default
// (GOSUMDB in $GOROOT/go.env, read at run time, if it sets one), the China
// alias, off, and a custom "name+hash+key [url]".
func SumDBChoices(r *resolve.Resolution) []SumDBChoice {
	var out []SumDBChoice
	if v, ok := validate.GoEnvValue(r, "GOSUMDB"); ok && v != "" {
		out = append(out, SumDBChoice{ID: "default", Label: "Toolchain default (" + v + ")", Value: v,
			Note: "The database named in $GOROOT/go.env. Reached through your GOPROXY mirrors when they proxy it, else directly."})
	}
	return append(out,
		SumDBChoice{ID: "china", Label: ChinaSumDB, Value: ChinaSumDB,
			Note: "The same database as the default, served from a host reachable from mainland China. The go command contacts it directly, not through the mirrors."},
		SumDBChoice{ID: "off", Label: "off", Value: "off",
			Note: "No checksum verification of newly downloaded modules. Prefer listing private modules in GOPRIVATE or GONOSUMDB."},
		SumDBChoice{ID: "custom", Label: "Custom", Value: "",
			Note: "Your own database: its verifier key name+hash+key as the operator publishes it, optionally followed by a URL."},
	)
}

// CustomSumDB composes a GOSUMDB value from a verifier key and an optional
// URL. Check it with validate.Set before writing.
func CustomSumDB(key, url string) string {
	return strings.TrimSpace(strings.TrimSpace(key) + " " + strings.TrimSpace(url))
}

// SumDBName returns the name of the checksum database the go command will
// use, as asked for at /sumdb/<name>/supported: the effective GOSUMDB's
// name, or $GOROOT/go.env's when GOSUMDB is off or the China alias (an
// alias of the default database). It is "" if neither names one.
func SumDBName(r *resolve.Resolution) string {
	if n := sumdbName(r.Value("GOSUMDB")); n != "" {
		return n
	}
	v, _ := validate.GoEnvValue(r, "GOSUMDB")
	return sumdbName(v)
}

func sumdbName(v string) string {
	f := strings.Fields(v)
	if len(f) == 0 || f[0] == "off" || f[0] == ChinaSumDB {
		return ""
	}
	name, _, _ := strings.Cut(f[0], "+")
	return name
}

// sumdbHasURL reports whether a GOSUMDB value names its own URL (or is the
// China alias, which implies one): then no mirror is asked for it.
func sumdbHasURL(v string) bool {
	return v == ChinaSumDB || len(strings.Fields(v)) == 2
}
