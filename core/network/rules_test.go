package network

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestRuleMatches(t *testing.T) {
	office := NewFingerprint([]Interface{lo, home, vpn}, homeGW)
	plain := NewFingerprint([]Interface{lo, home}, homeGW)
	tests := []struct {
		rule       Rule
		office, at bool
	}{
		{Rule{Fingerprint: plain.ID}, false, true},
		{Rule{Subnet: "192.168.0.0/16"}, true, true},
		{Rule{Subnet: "10.8.0.0/16"}, true, false},
		{Rule{VPN: "*"}, true, false},
		{Rule{VPN: "wg*"}, true, false},
		{Rule{VPN: "utun*"}, false, false},
		{Rule{Subnet: "192.168.1.0/24", VPN: "*"}, true, false},
	}
	for _, tt := range tests {
		tt.rule.Profile = "P"
		if got := tt.rule.Matches(office); got != tt.office {
			t.Errorf("%+v.Matches(office) = %t, want %t", tt.rule, got, tt.office)
		}
		if got := tt.rule.Matches(plain); got != tt.at {
			t.Errorf("%+v.Matches(home) = %t, want %t", tt.rule, got, tt.at)
		}
	}
	rules := []Rule{{Name: "VPN", VPN: "*", Profile: "Company"}, {Name: "LAN", Subnet: "192.168.1.0/24", Profile: "China"}}
	if r, ok := Decide(rules, office); !ok || r.Name != "VPN" {
		t.Errorf("Decide(office) = %q, %t, want VPN", r.Name, ok)
	}
	if r, ok := Decide(rules, plain); !ok || r.Name != "LAN" {
		t.Errorf("Decide(home) = %q, %t, want LAN", r.Name, ok)
	}
}

func TestRuleCheck(t *testing.T) {
	bad := []Rule{
		{Name: "no profile", VPN: "*"},
		{Name: "no condition", Profile: "P"},
		{Name: "bad subnet", Subnet: "10.0.0.0", Profile: "P"},
		{Name: "bad glob", VPN: "[", Profile: "P"},
	}
	for _, r := range bad {
		if err := r.Check(); err == nil || !strings.Contains(err.Error(), r.Name) {
			t.Errorf("Check(%+v) = %v, want an error naming the rule", r, err)
		}
		if r.Matches(Fingerprint{}) {
			t.Errorf("invalid rule %q matches", r.Name)
		}
	}
}

func TestRuleStore(t *testing.T) {
	st := RuleStore{Dir: filepath.Join(t.TempDir(), "gomirror")}
	if rules, err := st.Load(); err != nil || rules != nil {
		t.Fatalf("empty store: %v, %v", rules, err)
	}
	want := []Rule{{Name: "Office", VPN: "wg*", Profile: "Company", Auto: true}, {Name: "Home", Fingerprint: "0123456789ab", Profile: "Mainland China"}}
	if err := st.Save(want); err != nil {
		t.Fatal(err)
	}
	got, err := st.Load()
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Load = %+v, %v, want %+v", got, err, want)
	}
	if err := os.WriteFile(st.Path(), []byte("[[rule]]\nname = \"x\"\nprofil = \"P\"\nvpn = \"*\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Load(); err == nil || !strings.Contains(err.Error(), "profil") {
		t.Errorf("misspelt key: %v", err)
	}
}
