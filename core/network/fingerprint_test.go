package network

import (
	"slices"
	"testing"
)

func up(name string, addrs ...string) Interface {
	return Interface{Name: name, Flags: []string{"up", "broadcast", "multicast"}, Addrs: addrs}
}

var (
	lo      = Interface{Name: "lo", Flags: []string{"up", "loopback"}, Addrs: []string{"127.0.0.1/8", "::1/128"}}
	home    = up("wlan0", "192.168.1.23/24", "fe80::1c2d:3e4f:5a6b:7c8d/64", "2001:db8:aa:1::23/64")
	docker  = up("docker0", "172.17.0.1/16")
	vpn     = Interface{Name: "wg0", Flags: []string{"up", "pointtopoint"}, Addrs: []string{"10.8.0.5/24"}}
	appleLL = Interface{Name: "utun0", Flags: []string{"up", "pointtopoint"}, Addrs: []string{"fe80::aaaa/64"}}
	homeGW  = &Route{Interface: "wlan0", Gateway: "192.168.1.1"}
)

func TestFingerprintIgnoresNoise(t *testing.T) {
	base := NewFingerprint([]Interface{lo, home}, homeGW)
	same := [][]Interface{
		{home, lo},                           // order
		{home, lo, docker},                   // a container bridge starts
		{lo, appleLL, home},                  // macOS's link-local-only utun
		{lo, up("wlan0", "192.168.1.99/24")}, // a new DHCP lease
		{lo, up("eth0", "192.168.1.23/24")},  // Ethernet instead of Wi-Fi
		{lo, home, {Name: "eth1", Flags: nil, Addrs: []string{"10.0.0.2/8"}}}, // down
		{lo, up("wlan0", "192.168.1.23/24", "2001:db8:bb:2::23/64")},          // the ISP rotated the IPv6 prefix
	}
	for i, ifs := range same {
		if got := NewFingerprint(ifs, homeGW); got.ID != base.ID {
			t.Errorf("case %d: ID = %s, want %s (%+v)", i, got.ID, base.ID, got)
		}
	}
	different := [][]Interface{
		{lo, home, vpn},
		{lo, up("wlan0", "10.1.2.3/16")},
	}
	for i, ifs := range different {
		if got := NewFingerprint(ifs, homeGW); got.ID == base.ID {
			t.Errorf("different case %d: same ID %s", i, got.ID)
		}
	}
	if got := NewFingerprint([]Interface{lo, home}, &Route{Interface: "wlan0", Gateway: "192.168.1.254"}); got.ID == base.ID {
		t.Error("another gateway gives the same ID")
	}
}

func TestFingerprintDetails(t *testing.T) {
	fp := NewFingerprint([]Interface{vpn, docker, lo, appleLL, home}, homeGW)
	if !slices.Equal(fp.VPN, []string{"wg0"}) {
		t.Errorf("VPN = %v, want [wg0]", fp.VPN)
	}
	if !slices.Equal(fp.Ignored, []string{"docker0", "lo"}) {
		t.Errorf("Ignored = %v", fp.Ignored)
	}
	want := []string{"10.8.0.0/24", "192.168.1.0/24", "2001:db8:aa:1::/64"}
	if !slices.Equal(fp.Subnets, want) {
		t.Errorf("Subnets = %v, want %v", fp.Subnets, want)
	}
	if len(fp.Interfaces) != 2 || fp.Interfaces[0].Name != "wg0" || fp.Interfaces[1].Name != "wlan0" {
		t.Errorf("Interfaces = %+v", fp.Interfaces)
	}
	if off := NewFingerprint([]Interface{lo, appleLL}, nil); off.ID != Offline {
		t.Errorf("no usable address: ID = %q, want %q", off.ID, Offline)
	}
	v6 := NewFingerprint([]Interface{up("en0", "2001:db8:1::5/64")}, nil)
	if v6.ID == Offline {
		t.Error("an IPv6-only network is offline")
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		in   Interface
		want Kind
	}{
		{lo, KindLoopback},
		{up("lo0"), KindLoopback},
		{up("eth0"), KindPhysical},
		{up("en0"), KindPhysical},
		{up("Wi-Fi"), KindPhysical},
		{up("veth12ab"), KindVirtual},
		{up("br-4f2a"), KindVirtual},
		{up("vEthernet (WSL)"), KindVirtual},
		{up("utun3"), KindVPN},
		{up("tun0"), KindVPN},
		{up("tap0"), KindVPN},
		{up("ppp0"), KindVPN},
		{up("ipsec0"), KindVPN},
		{up("tailscale0"), KindVPN},
		{up("Corp VPN Adapter"), KindVPN},
		{Interface{Name: "x0", Flags: []string{"up", "pointtopoint"}}, KindVPN},
	}
	for _, tt := range tests {
		if got := classify(tt.in); got != tt.want {
			t.Errorf("classify(%q) = %s, want %s", tt.in.Name, got, tt.want)
		}
	}
}

func TestParseProcRoute(t *testing.T) {
	const table = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n" +
		"wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n" +
		"eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n" +
		"eth0\t000200C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n" +
		"tun0\t00000000\t00000000\t0000\t0\t0\t1\t00000000\t0\t0\t0\n" // not up
	got := parseProcRoute([]byte(table))
	if got == nil || *got != (Route{Interface: "eth0", Gateway: "192.0.2.1"}) {
		t.Errorf("parseProcRoute = %+v, want eth0 via 192.0.2.1", got)
	}
	if got := parseProcRoute([]byte("Iface\tDestination\n")); got != nil {
		t.Errorf("no default route: %+v", got)
	}
	p2p := "tun0\t00000000\t00000000\t0001\t0\t0\t0\t00000000\t0\t0\t0\n"
	if got := parseProcRoute([]byte(p2p)); got == nil || *got != (Route{Interface: "tun0"}) {
		t.Errorf("point-to-point default: %+v", got)
	}
}
