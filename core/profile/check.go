package profile

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/validate"
)

// Check validates p against the resolution r: its name, its keys, each value
// as go env -w and core/validate would check it (including warnings such as
// an OS variable that shadows it), placeholders left from a template, and
// secrets that must not be in a profile. Problems name p's file and line
// when it was read from one. A profile with problems of severity error must
// not be applied or imported. With a nil r, only what does not depend on the
// machine is checked: not the values themselves.
func Check(r *resolve.Resolution, p Profile) []core.Problem {
	ps := checkName(p)
	for _, k := range sortedChoiceKeys(p) {
		ps = append(ps, checkChoice(r, p, k)...)
	}
	for _, c := range p.Credentials {
		ps = append(ps, checkCredential(p, c)...)
	}
	return ps
}

// CheckName reports what is wrong with name as a profile name, or nil.
func CheckName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return fmt.Errorf("a profile needs a name")
	case name != strings.TrimSpace(name):
		return fmt.Errorf("the profile name %q starts or ends with spaces; remove them", name)
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return fmt.Errorf("the profile name %q contains a control character such as a line break; use plain text", name)
	case len(name) > 100:
		return fmt.Errorf("the profile name %.20q… is longer than 100 bytes; shorten it", name)
	}
	return nil
}

func checkName(p Profile) []core.Problem {
	if err := CheckName(p.Name); err != nil {
		return []core.Problem{p.problem("", "profile-name", err.Error(), "Give the profile a short name such as \"Office VPN\".")}
	}
	return nil
}

func checkChoice(r *resolve.Resolution, p Profile, key string) []core.Problem {
	c := p.Choices[key]
	switch {
	case !IsKey(key):
		return []core.Problem{p.problem(key, "profile-unknown-key",
			fmt.Sprintf("Profile %q changes %s, which is not a setting profiles manage.", p.Name, key),
			"Use only "+strings.Join(Keys, ", ")+"; check the spelling.")}
	case c.Action == Unset || c.Action == Leave || c.Action == "":
		return nil
	case c.Action != Set:
		return []core.Problem{p.problem(key, "profile-action",
			fmt.Sprintf("Profile %q has an unknown action %q for %s.", p.Name, c.Action, key),
			"Use set, unset or leave.")}
	}
	var ps []core.Problem
	if r != nil {
		ps = p.located(validate.Set(r, key, c.Value))
	}
	if strings.Contains(c.Value, PlaceholderDomain) {
		ps = append(ps, p.problem(key, "profile-placeholder",
			fmt.Sprintf("%s=%s still names the template's made-up domain %s.", key, c.Value, PlaceholderDomain),
			"Replace it with your company's proxy host or module path pattern."))
	}
	if hasSecret(c.Value) {
		ps = append(ps, p.problem(key, "profile-secret",
			fmt.Sprintf("%s=%s contains a password; profiles are shared and never hold secrets.", key, validate.Redact(c.Value)),
			"Remove the user:password@ part and store the credential in Go Mirror's credentials (the keyring) instead; list its host under credentials."))
	}
	return ps
}

func checkCredential(p Profile, ref string) []core.Problem {
	fix := "Name only the host or module path prefix, e.g. athens.example.com or github.com/acme; the secret stays in the keyring."
	switch {
	case ref == "" || strings.ContainsAny(ref, " \t@") || strings.Contains(ref, "://"):
		return []core.Problem{p.problem("credentials", "profile-credential",
			fmt.Sprintf("Credential reference %q of profile %q is not a host or module path prefix.", validate.Redact(ref), p.Name), fix)}
	case strings.Contains(ref, PlaceholderDomain):
		return []core.Problem{p.problem("credentials", "profile-placeholder",
			fmt.Sprintf("Credential reference %q still names the template's made-up domain %s.", ref, PlaceholderDomain), fix)}
	}
	return nil
}

// hasSecret reports whether any URL in a list value carries a password.
func hasSecret(value string) bool {
	for _, f := range strings.FieldsFunc(value, func(r rune) bool { return strings.ContainsRune(",| ;", r) }) {
		if u, err := url.Parse(f); err == nil && u.User != nil {
			if _, ok := u.User.Password(); ok {
				return true
			}
		}
	}
	return false
}

// problem returns an error problem located in p's file.
func (p Profile) problem(key, code, msg, fix string) core.Problem {
	pr := core.Problem{Severity: core.SeverityError, Var: key, Code: code, Message: msg, Fix: fix}
	return p.locate(pr)
}

func (p Profile) located(ps []core.Problem) []core.Problem {
	for i := range ps {
		ps[i] = p.locate(ps[i])
	}
	return ps
}

func (p Profile) locate(pr core.Problem) core.Problem {
	if p.Origin.File == "" {
		return pr
	}
	pr.File, pr.Line = p.Origin.File, p.Origin.Line
	if l := p.Origin.Lines[pr.Var]; l > 0 {
		pr.Line = l
	}
	return pr
}

func sortedChoiceKeys(p Profile) []string {
	var out []string
	for _, k := range Keys {
		if _, ok := p.Choices[k]; ok {
			out = append(out, k)
		}
	}
	var extra []string
	for k := range p.Choices {
		if !IsKey(k) {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	return append(out, extra...)
}
