package network

import (
	"errors"
	"io/fs"
	"net/netip"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/gomirror/gomirror/core"
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
		return core.NewError("network.no-profile", map[string]string{"Rule": r.Name}, nil)
	case r.Fingerprint == "" && r.Subnet == "" && r.VPN == "":
		return core.NewError("network.no-condition", map[string]string{"Rule": r.Name}, nil)
	}
	if r.Subnet != "" {
		if _, err := netip.ParsePrefix(r.Subnet); err != nil {
			return core.NewError("network.bad-subnet", map[string]string{"Rule": r.Name, "Subnet": r.Subnet}, nil)
		}
	}
	if _, err := path.Match(r.VPN, ""); err != nil {
		return core.NewError("network.bad-vpn", map[string]string{"Rule": r.Name, "VPN": r.VPN}, nil)
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
		return nil, core.NewError("network.read", nil, err)
	}
	var d rulesData
	md, err := toml.Decode(string(data), &d)
	if err != nil {
		return nil, core.NewError("network.invalid-toml", map[string]string{"Path": s.Path()}, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return nil, core.NewError("network.unknown-setting", map[string]string{"Path": s.Path(), "Setting": u[0].String()}, nil)
	}
	for _, r := range d.Rules {
		if err := r.Check(); err != nil {
			return nil, core.NewError("network.invalid-rule", map[string]string{"Path": s.Path()}, err)
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
		return core.NewError("network.encode", nil, err)
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return core.NewError("profile.mkdir", nil, err)
	}
	old, readErr := os.ReadFile(s.Path())
	if err := envfile.WriteAtomic(s.Path(), []byte(b.String()), old, readErr == nil); err != nil {
		return core.NewError("network.save", nil, err)
	}
	return nil
}
