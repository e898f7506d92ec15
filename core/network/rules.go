package network

import (
	"errors"
	"fmt"
	"io/fs"
	"net/netip"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/gomirror/gomirror/core/envfile"
)

// Rule says "when on this network, use this profile". Its conditions are
// combined with AND; empty ones are ignored, and at least one must be set.
type Rule struct {
	Name        string `toml:"name" json:"name"`                                   // e.g. "Office"
	Fingerprint string `toml:"fingerprint,omitempty" json:"fingerprint,omitempty"` // a Fingerprint.ID
	Subnet      string `toml:"subnet,omitempty" json:"subnet,omitempty"`           // CIDR containing an address of the machine
	// VPN is a glob matched against the names of VPN interfaces that are up:
	// "*" for any VPN, "wg*" for WireGuard.
	VPN     string `toml:"vpn,omitempty" json:"vpn,omitempty"`
	Profile string `toml:"profile" json:"profile"`
	// Auto applies the profile without asking; otherwise it is suggested.
	// Off unless the user opts in.
	Auto bool `toml:"auto,omitempty" json:"auto,omitempty"`
}

// Check reports what is wrong with the rule, or nil.
func (r Rule) Check() error {
	switch {
	case r.Profile == "":
		return fmt.Errorf("network rule %q names no profile; choose the profile to use on that network", r.Name)
	case r.Fingerprint == "" && r.Subnet == "" && r.VPN == "":
		return fmt.Errorf("network rule %q has no condition; give a network, a subnet or a VPN", r.Name)
	}
	if r.Subnet != "" {
		if _, err := netip.ParsePrefix(r.Subnet); err != nil {
			return fmt.Errorf("network rule %q: subnet %q is not in CIDR notation such as 10.8.0.0/16", r.Name, r.Subnet)
		}
	}
	if _, err := path.Match(r.VPN, ""); err != nil {
		return fmt.Errorf("network rule %q: VPN pattern %q is malformed; use a name such as wg0, or wg* or *", r.Name, r.VPN)
	}
	return nil
}

// Matches reports whether the machine, as fp describes it, is on the rule's
// network.
func (r Rule) Matches(fp Fingerprint) bool {
	if r.Check() != nil {
		return false
	}
	return (r.Fingerprint == "" || r.Fingerprint == fp.ID) &&
		(r.Subnet == "" || inSubnet(fp, netip.MustParsePrefix(r.Subnet))) &&
		(r.VPN == "" || vpnMatches(fp, r.VPN))
}

func inSubnet(fp Fingerprint, sub netip.Prefix) bool {
	for _, it := range fp.Interfaces {
		for _, a := range it.Addrs {
			if p, err := netip.ParsePrefix(a); err == nil && sub.Contains(p.Addr()) {
				return true
			}
		}
	}
	return false
}

func vpnMatches(fp Fingerprint, pattern string) bool {
	for _, name := range fp.VPN {
		if ok, _ := path.Match(pattern, name); ok {
			return true
		}
	}
	return false
}

// Decide returns the first rule that matches fp; rules are in priority
// order.
func Decide(rules []Rule, fp Fingerprint) (Rule, bool) {
	for _, r := range rules {
		if r.Matches(fp) {
			return r, true
		}
	}
	return Rule{}, false
}

// RulesFile is the name of the rules file inside RuleStore.Dir.
const RulesFile = "networks.toml"

// RuleStore keeps the network rules as TOML in Dir, Go Mirror's
// configuration directory.
type RuleStore struct {
	Dir string
}

type rulesData struct {
	Version int    `toml:"version"`
	Rules   []Rule `toml:"rule"`
}

// Path returns the file the store reads and writes.
func (s RuleStore) Path() string { return filepath.Join(s.Dir, RulesFile) }

// Load returns the rules in priority order; none if the file does not exist.
func (s RuleStore) Load() ([]Rule, error) {
	data, err := os.ReadFile(s.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading your network rules: %w", err)
	}
	var d rulesData
	md, err := toml.Decode(string(data), &d)
	if err != nil {
		return nil, fmt.Errorf("%s: %w; fix the line or delete the file", s.Path(), err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return nil, fmt.Errorf("%s: unknown setting %q; a rule has name, fingerprint, subnet, vpn, profile and auto", s.Path(), u[0].String())
	}
	for _, r := range d.Rules {
		if err := r.Check(); err != nil {
			return nil, fmt.Errorf("%s: %w", s.Path(), err)
		}
	}
	return d.Rules, nil
}

// Save replaces the rules atomically.
func (s RuleStore) Save(rules []Rule) error {
	for _, r := range rules {
		if err := r.Check(); err != nil {
			return err
		}
	}
	var b strings.Builder
	b.WriteString("# Go Mirror network rules, first match wins.\n")
	if err := toml.NewEncoder(&b).Encode(rulesData{Version: 1, Rules: rules}); err != nil {
		return fmt.Errorf("encoding network rules: %w", err)
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return fmt.Errorf("creating the configuration directory: %w", err)
	}
	old, readErr := os.ReadFile(s.Path())
	if err := envfile.WriteAtomic(s.Path(), []byte(b.String()), old, readErr == nil); err != nil {
		return fmt.Errorf("saving your network rules: %w", err)
	}
	return nil
}
