package network

import (
	"slices"
	"strings"

	"github.com/gomirror/gomirror/core"
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

// Summary describes fp in l for a person: its subnets, gateway and VPN, or
// that it is offline. Describe is the English line rules are named by; the
// GUI's Profiles screen and gomirrorctl network show Summary.
func (fp Fingerprint) Summary(l *core.Lang) string {
	if fp.ID == Offline {
		s, _ := l.Message("profiles.net.offline", nil)
		return s
	}
	none, _ := l.Message("profiles.net.nothing", nil)
	gw, vpn := fp.Gateway(), strings.Join(fp.VPN, ", ")
	if gw == "" {
		gw = none
	}
	if vpn == "" {
		vpn = none
	}
	s, _ := l.Message("profiles.net.summary", map[string]string{"Subnets": strings.Join(fp.Subnets, ", "), "Gateway": gw, "VPN": vpn})
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
