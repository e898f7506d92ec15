package network

import (
	"slices"
	"strings"
)

// Gateway returns the default gateway's address, or "" if unknown.
func (fp Fingerprint) Gateway() string {
	if fp.DefaultRoute == nil {
		return ""
	}
	return fp.DefaultRoute.Gateway
}

// Describe summarises fp in a line for people: its subnets, the gateway
// and any VPN, e.g. "192.168.1.0/24 via 192.168.1.1, VPN wg0"; "offline"
// when it has no subnet.
func (fp Fingerprint) Describe() string {
	if len(fp.Subnets) == 0 {
		return Offline
	}
	s := strings.Join(fp.Subnets, ", ")
	if gw := fp.Gateway(); gw != "" {
		s += " via " + gw
	}
	if len(fp.VPN) > 0 {
		s += ", VPN " + strings.Join(fp.VPN, ", ")
	}
	return s
}

// RuleFor returns the rule "on exactly the network fp, use profile", named
// after the network; auto applies the profile without asking.
func RuleFor(fp Fingerprint, profile string, auto bool) Rule {
	return Rule{Name: fp.Describe(), Fingerprint: fp.ID, Profile: profile, Auto: auto}
}

// sameNetwork reports whether a and b have the same conditions.
func sameNetwork(a, b Rule) bool {
	return a.Fingerprint == b.Fingerprint && a.Subnet == b.Subnet && a.VPN == b.VPN
}

// PutRule returns rules with r first, the highest priority, in place of any
// rule with the same conditions.
func PutRule(rules []Rule, r Rule) []Rule {
	out := []Rule{r}
	for _, o := range rules {
		if !sameNetwork(o, r) {
			out = append(out, o)
		}
	}
	return out
}

// RemoveRule returns rules without the rules that have r's conditions.
func RemoveRule(rules []Rule, r Rule) []Rule {
	return slices.DeleteFunc(slices.Clone(rules), func(o Rule) bool { return sameNetwork(o, r) })
}
