package network

import (
	"crypto/sha256"
	"encoding/hex"
	"net/netip"
	"slices"
	"strings"
)

// Kind classifies an interface.
type Kind string

// Interface kinds.
const (
	KindPhysical Kind = "physical" // Ethernet, Wi-Fi, cellular
	KindVPN      Kind = "vpn"      // a VPN or tunnel
	KindVirtual  Kind = "virtual"  // a local container or VM bridge: ignored
	KindLoopback Kind = "loopback" // ignored
)

// Iface is an interface that counts for the fingerprint.
type Iface struct {
	Name    string   `json:"name"`
	Kind    Kind     `json:"kind"`
	Addrs   []string `json:"addrs"`   // CIDR, link-local addresses left out
	Subnets []string `json:"subnets"` // the networks of Addrs
}

// Fingerprint describes the network the machine is on.
type Fingerprint struct {
	// ID is stable while the machine stays on the same network; "offline"
	// when no interface has a usable address.
	ID           string   `json:"id"`
	Interfaces   []Iface  `json:"interfaces"` // sorted by name
	Subnets      []string `json:"subnets"`    // of all Interfaces, sorted
	VPN          []string `json:"vpn"`        // names of VPN interfaces
	DefaultRoute *Route   `json:"default_route,omitempty"`
	Ignored      []string `json:"ignored,omitempty"` // up, but loopback or virtual
}

// Offline is the ID of a machine with no usable network address.
const Offline = "offline"

// NewFingerprint builds the fingerprint of ifs and the default route (nil
// if unknown). Interfaces that are down are skipped, and so are loopback
// interfaces and local container or VM bridges (docker0, br-*, veth*,
// virbr*, vmnet*, ...), which appear when a program starts rather than when
// the network changes. Link-local addresses (fe80::/10, 169.254.0.0/16) are
// left out: every interface has them. A tunnel with only link-local
// addresses (macOS keeps several utun interfaces so) is not a VPN.
//
// The ID hashes the sorted subnets, not the addresses (a renewed DHCP lease
// or an IPv6 privacy address does not change the network), the presence of
// a VPN, and the default gateway; not interface names or order, so Wi-Fi and
// Ethernet on the same LAN are the same network. Global IPv6 prefixes count
// only when there is no IPv4 subnet, because many ISPs rotate them. Two
// networks with the same private subnet and gateway (two home routers
// 192.168.1.1/24, say) get the same ID; rules can add a VPN condition.
func NewFingerprint(ifs []Interface, route *Route) Fingerprint {
	fp := Fingerprint{DefaultRoute: route}
	for _, in := range ifs {
		if !in.Has("up") {
			continue
		}
		kind := classify(in)
		if kind == KindLoopback || kind == KindVirtual {
			fp.Ignored = append(fp.Ignored, in.Name)
			continue
		}
		if it, ok := newIface(in, kind); ok {
			fp.Interfaces = append(fp.Interfaces, it)
		}
	}
	slices.SortFunc(fp.Interfaces, func(a, b Iface) int { return strings.Compare(a.Name, b.Name) })
	slices.Sort(fp.Ignored)
	for _, it := range fp.Interfaces {
		fp.Subnets = append(fp.Subnets, it.Subnets...)
		if it.Kind == KindVPN {
			fp.VPN = append(fp.VPN, it.Name)
		}
	}
	slices.Sort(fp.Subnets)
	fp.Subnets = slices.Compact(fp.Subnets)
	fp.ID = fp.hash()
	return fp
}

// newIface keeps in's usable addresses; ok is false if it has none.
func newIface(in Interface, kind Kind) (Iface, bool) {
	it := Iface{Name: in.Name, Kind: kind}
	for _, a := range in.Addrs {
		p, err := netip.ParsePrefix(a)
		if err != nil || p.Addr().IsLinkLocalUnicast() || p.Addr().IsLoopback() {
			continue
		}
		it.Addrs = append(it.Addrs, p.String())
		it.Subnets = append(it.Subnets, p.Masked().String())
	}
	return it, len(it.Addrs) > 0
}

// hash computes the ID; see NewFingerprint.
func (fp Fingerprint) hash() string {
	var parts []string
	hasV4 := slices.ContainsFunc(fp.Subnets, func(s string) bool { return !strings.Contains(s, ":") })
	for _, s := range fp.Subnets {
		p := netip.MustParsePrefix(s)
		if p.Addr().Is4() || !hasV4 || isULA(p.Addr()) {
			parts = append(parts, "net "+s)
		}
	}
	if len(parts) == 0 {
		return Offline
	}
	if len(fp.VPN) > 0 {
		parts = append(parts, "vpn")
	}
	if fp.DefaultRoute != nil && fp.DefaultRoute.Gateway != "" {
		parts = append(parts, "gw "+fp.DefaultRoute.Gateway)
	}
	sum := sha256.Sum256([]byte(strings.Join(parts, "\n")))
	return hex.EncodeToString(sum[:6])
}

// isULA reports whether a is an IPv6 unique local address (fc00::/7),
// which a site keeps.
func isULA(a netip.Addr) bool { return a.Is6() && a.As16()[0]&0xfe == 0xfc }
