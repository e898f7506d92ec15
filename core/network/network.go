// Package network recognises the network the machine is on, so that Go
// Mirror can suggest (or, when the user opted in, apply) the profile that
// belongs to it.
//
// A Fingerprint summarises the interfaces that are up: their addresses and
// subnets, VPN and tunnel interfaces, and the default route where the OS
// offers it. Its ID is a short hash that stays the same while the machine
// stays on the same network; see NewFingerprint for what it ignores. Rules
// map networks to profiles, and a Watcher polls the interfaces and reports
// each real change once.
package network

import (
	"context"
	"slices"
)

// Interface is one network interface as a Source reports it.
type Interface struct {
	Name string `json:"name"`
	// Flags are gopsutil's flag names: "up", "loopback", "pointtopoint",
	// "broadcast", "multicast", "running".
	Flags        []string `json:"flags"`
	Addrs        []string `json:"addrs"` // CIDR notation, e.g. "192.0.2.10/24"
	HardwareAddr string   `json:"hardware_addr,omitempty"`
}

// Has reports whether the interface has the named flag.
func (i Interface) Has(flag string) bool { return slices.Contains(i.Flags, flag) }

// Route is the default route: the interface and gateway that traffic to the
// internet leaves through.
type Route struct {
	Interface string `json:"interface"`
	Gateway   string `json:"gateway,omitempty"` // empty for a point-to-point route
}

// Source reads the machine's network state. Tests inject their own.
type Source struct {
	Interfaces func(ctx context.Context) ([]Interface, error)
	// DefaultRoute returns the default route, or nil if there is none or the
	// OS does not tell. A nil func means "unknown".
	DefaultRoute func() (*Route, error)
}

// System returns the Source for this machine: interfaces from gopsutil and,
// on Linux, the default route from /proc/net/route. Elsewhere the default
// route is absent from fingerprints.
func System() Source {
	return Source{Interfaces: systemInterfaces, DefaultRoute: systemRoute}
}

// Current takes the fingerprint of the network src reports now. A failure
// to read the default route only leaves it out.
func Current(ctx context.Context, src Source) (Fingerprint, error) {
	ifs, err := src.Interfaces(ctx)
	if err != nil {
		return Fingerprint{}, err
	}
	var route *Route
	if src.DefaultRoute != nil {
		route, _ = src.DefaultRoute()
	}
	return NewFingerprint(ifs, route), nil
}
