package validate

import (
	"net/url"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// OSRemoveHint tells how to remove key from the OS environment on goos.
func OSRemoveHint(goos, key string) string {
	return core.Snippet(OSRemoveSnippet(goos), map[string]string{"Var": key})
}

// OSRemoveSnippet is the code of the snippet (see core.Snippet) that
// tells how to remove the problem's variable from the OS environment on
// goos. Problems name it with an "@Hint" argument.
func OSRemoveSnippet(goos string) string {
	switch goos {
	case "windows", "darwin":
		return "os-remove." + goos
	}
	return "os-remove.unix"
}

// checkOSShadowsWrite warns when the OS environment overrides the new value,
// as go env -w does ("does not override conflicting OS environment
// variable").
func checkOSShadowsWrite(r *resolve.Resolution, key, value string) []core.Problem {
	osv := r.OSEnv(key)
	if osv == "" || osv == value || key == "GOROOT" { // the file's GOROOT still picks go.env
		return nil
	}
	return []core.Problem{warning(key, "os-shadows-write", args{"OSValue": Redact(osv), "@Hint": OSRemoveSnippet(r.GOOS)})}
}

// checkOSShadowsUnset warns when unsetting key changes nothing visible
// because the OS environment sets it.
func checkOSShadowsUnset(r *resolve.Resolution, key string) []core.Problem {
	osv := r.OSEnv(key)
	if osv == "" {
		return nil
	}
	return []core.Problem{warning(key, "os-shadows-unset", args{"OSValue": Redact(osv), "@Hint": OSRemoveSnippet(r.GOOS)})}
}

// Redact hides passwords in URLs of a comma- or pipe-separated list (such as
// GOPROXY) so that a value can be shown in a message.
func Redact(value string) string {
	if !strings.Contains(value, "@") {
		return value
	}
	var b strings.Builder
	for value != "" {
		e, sep := value, ""
		if i := strings.IndexAny(value, ",|"); i >= 0 {
			e, sep, value = value[:i], value[i:i+1], value[i+1:]
		} else {
			value = ""
		}
		if u, err := url.Parse(strings.TrimSpace(e)); err == nil && u.User != nil {
			e = u.Redacted()
		}
		b.WriteString(e + sep)
	}
	return b.String()
}
