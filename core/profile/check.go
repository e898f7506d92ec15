package profile

import (
	"errors"
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

// NameError reports what is wrong with a profile name. Kind is "empty",
// "spaces", "control" or "long": the argument of the problem profile-name.
type NameError struct {
	Kind string
	Name string
}

// Error returns the problem's message, such as "a profile needs a name".
func (e *NameError) Error() string { return e.Problem().Message }

// Problem returns the error as the problem profile-name.
func (e *NameError) Problem() core.Problem { return e.problem("", 0, false) }

// problem returns the problem profile-name at file and line; in a profile
// file (table), its fix is to rename the table.
func (e *NameError) problem(file string, line int, table bool) core.Problem {
	args := map[string]string{"Kind": e.Kind, "Name": e.Name}
	if table {
		args["Table"] = "true"
	}
	p := core.NewProblem(core.SeverityError, "", "profile-name", args)
	p.File, p.Line = file, line
	return p
}

// CheckName reports what is wrong with name as a profile name, as a
// *NameError, or nil.
func CheckName(name string) error {
	kind := ""
	switch {
	case strings.TrimSpace(name) == "":
		kind = "empty"
	case name != strings.TrimSpace(name):
		kind = "spaces"
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		kind = "control"
	case len(name) > 100:
		kind = "long"
	default:
		return nil
	}
	return &NameError{Kind: kind, Name: name}
}

func checkName(p Profile) []core.Problem {
	var ne *NameError
	if errors.As(CheckName(p.Name), &ne) {
		return []core.Problem{p.locate(ne.Problem())}
	}
	return nil
}

func checkChoice(r *resolve.Resolution, p Profile, key string) []core.Problem {
	c := p.Choices[key]
	switch {
	case !IsKey(key):
		return []core.Problem{p.problem(key, "profile-unknown-key", unknownKeyArgs(p.Name))}
	case c.Action == Unset || c.Action == Leave || c.Action == "":
		return nil
	case c.Action != Set:
		return []core.Problem{p.problem(key, "profile-action", map[string]string{"Profile": p.Name, "Action": string(c.Action)})}
	}
	var ps []core.Problem
	if r != nil {
		ps = p.located(validate.Set(r, key, c.Value))
	}
	if strings.Contains(c.Value, PlaceholderDomain) {
		ps = append(ps, p.problem(key, "profile-placeholder",
			map[string]string{"Kind": "value", "Value": c.Value, "Domain": PlaceholderDomain}))
	}
	if hasSecret(c.Value) {
		ps = append(ps, p.problem(key, "profile-secret", map[string]string{"Value": validate.Redact(c.Value)}))
	}
	return ps
}

func checkCredential(p Profile, ref string) []core.Problem {
	switch {
	case ref == "" || strings.ContainsAny(ref, " \t@") || strings.Contains(ref, "://"):
		return []core.Problem{p.problem("credentials", "profile-credential",
			map[string]string{"Ref": validate.Redact(ref), "Profile": p.Name})}
	case strings.Contains(ref, PlaceholderDomain):
		return []core.Problem{p.problem("credentials", "profile-placeholder",
			map[string]string{"Kind": "credential", "Ref": ref, "Domain": PlaceholderDomain})}
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
func (p Profile) problem(key, code string, args map[string]string) core.Problem {
	return p.locate(core.NewProblem(core.SeverityError, key, code, args))
}

// unknownKeyArgs are the arguments of the problem profile-unknown-key about
// the profile named name.
func unknownKeyArgs(name string) map[string]string {
	return map[string]string{"Profile": name, "Keys": strings.Join(Keys, ", ")}
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
