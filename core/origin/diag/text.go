package diag

import (
	"net/url"
	"regexp"
	"strings"
)

// redact hides passwords in the URLs of a comma- or pipe-separated list
// (such as GOPROXY), so a value can be shown in a message.
func redact(value string) string {
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

// unexportHint tells how to stop a login shell exporting name when Go
// Mirror could not find the line.
func unexportHint(name string) string {
	return "Find the line that sets " + name + " in your shell's startup files (or in a file they source) and remove it, or add \"unset " + name + "\" (fish: \"set -e " + name + "\") at the end of your rc file; then open a new terminal."
}

// userinfo matches the password of a URL in free text.
var userinfo = regexp.MustCompile(`(://[^/@:\s'"]*):[^/@\s'"]*@`)

// redactText hides the passwords of URLs in free text, such as a diff of
// an rc file.
func redactText(s string) string {
	return userinfo.ReplaceAllString(s, "${1}:xxxxx@")
}
