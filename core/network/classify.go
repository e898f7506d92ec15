package network

import "strings"

// virtualPrefixes name local container and VM bridges and Apple's
// peer-to-peer links: they say nothing about the network the machine is on.
var virtualPrefixes = []string{
	"docker", "br-", "veth", "virbr", "vboxnet", "vmnet", "cni", "flannel", "cali",
	"podman", "lxcbr", "lxdbr", "awdl", "llw", "anpi", "bridge", "vethernet",
}

// vpnPrefixes name VPN and tunnel interfaces on Unix systems.
var vpnPrefixes = []string{"utun", "tun", "tap", "wg", "ppp", "ipsec", "gpd", "cscotun", "tailscale", "zt", "nordlynx", "proton"}

// vpnWords appear in the names Windows gives VPN adapters.
var vpnWords = []string{"vpn", "wireguard", "tap-windows", "openvpn", "anyconnect", "globalprotect", "fortinet", "tailscale", "zerotier"}

// classify says what kind of interface in is, from its flags and name.
func classify(in Interface) Kind {
	name := strings.ToLower(in.Name)
	switch {
	case in.Has("loopback") || name == "lo" || strings.HasPrefix(name, "lo0"):
		return KindLoopback
	case hasPrefix(name, virtualPrefixes):
		return KindVirtual
	case in.Has("pointtopoint") || hasPrefix(name, vpnPrefixes) || containsAny(name, vpnWords):
		return KindVPN
	}
	return KindPhysical
}

func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
