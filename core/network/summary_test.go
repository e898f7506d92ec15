package network

import (
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
)

// TestSummary: a network is summarised in the language asked for, and an
// offline one says so; Describe stays the English line rules are named by.
func TestSummary(t *testing.T) {
	fp := Fingerprint{ID: "x", Subnets: []string{"192.0.2.0/24"}, DefaultRoute: &Route{Gateway: "192.0.2.1"}, VPN: []string{"wg0"}}
	zh := core.NewLang("zh-Hans")
	if got := fp.Summary(zh); !strings.Contains(got, "子网：192.0.2.0/24") || !strings.Contains(got, "网关：192.0.2.1") || !strings.Contains(got, "VPN：wg0") {
		t.Errorf("Chinese summary = %q", got)
	}
	if got := fp.Summary(core.English); got != "Subnets: 192.0.2.0/24 · Gateway: 192.0.2.1 · VPN: wg0" {
		t.Errorf("English summary = %q", got)
	}
	if got := (Fingerprint{ID: Offline}).Summary(zh); !strings.HasPrefix(got, "离线") {
		t.Errorf("offline summary = %q", got)
	}
	if got := fp.Describe(); got != "192.0.2.0/24 via 192.0.2.1, VPN wg0" {
		t.Errorf("Describe = %q", got)
	}
}
