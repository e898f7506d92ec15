package core

import "regexp"

// userinfo matches the user information of a URL, with or without a
// scheme ("https://user:pw@host", "user:pw@host", "token@host"): a run of
// characters that cannot end a host or a list entry, then '@'.
var userinfo = regexp.MustCompile(`(^|[\s,|"'=]|://)([^\s,|"'=/@]+)@`)

// MaskUserinfo replaces the user information in every URL or host in s
// with "xxxxx", keeping the user name where one is given before a ':', as
// net/url's Redacted does: "https://alice:PW@host" becomes
// "https://alice:xxxxx@host", "TOKEN@host" becomes "xxxxx@host". Everything
// Go Mirror shows, records or reports about a value goes through it, so
// that a password typed into GOPROXY or a credential argument never reaches
// a log, the history or JSON output.
func MaskUserinfo(s string) string {
	return userinfo.ReplaceAllStringFunc(s, func(m string) string {
		sub := userinfo.FindStringSubmatch(m)
		lead, info := sub[1], sub[2]
		for i := 0; i < len(info); i++ {
			if info[i] == ':' {
				return lead + info[:i] + ":xxxxx@"
			}
		}
		return lead + "xxxxx@"
	})
}
