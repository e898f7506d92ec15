package diag

import (
	"regexp"

	"github.com/gomirror/gomirror/core/validate"
)

// redact hides passwords in the URLs of a comma- or pipe-separated list
// (such as GOPROXY), so a value can be shown in a message.
func redact(value string) string { return validate.Redact(value) }

// userinfo matches the password of a URL in free text.
var userinfo = regexp.MustCompile(`(://[^/@:\s'"]*):[^/@\s'"]*@`)

// redactText hides the passwords of URLs in free text, such as a diff of
// an rc file.
func redactText(s string) string {
	return userinfo.ReplaceAllString(s, "${1}:xxxxx@")
}
