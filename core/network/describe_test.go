package network

import "testing"

func TestDescribeAndPutRule(t *testing.T) {
	office := NewFingerprint([]Interface{lo, home, vpn}, homeGW)
	if got := (Fingerprint{ID: Offline}).Describe(); got != Offline {
		t.Errorf("Describe(offline) = %q, want %q", got, Offline)
	}
	if d := office.Describe(); d == Offline || office.Gateway() == "" {
		t.Errorf("Describe(office) = %q, gateway %q", d, office.Gateway())
	}
	a := RuleFor(office, "China", false)
	if !a.Matches(office) || a.Check() != nil {
		t.Fatalf("RuleFor(office) = %+v does not match office", a)
	}
	other := Rule{Name: "VPN", VPN: "*", Profile: "Company"}
	rules := PutRule([]Rule{other}, a)
	b := RuleFor(office, "Offline", true)
	rules = PutRule(rules, b)
	if len(rules) != 2 || rules[0].Profile != "Offline" || rules[1].Name != "VPN" {
		t.Errorf("PutRule twice for one network = %+v, want the new rule first, once", rules)
	}
	if rules = RemoveRule(rules, b); len(rules) != 1 || rules[0].Name != "VPN" {
		t.Errorf("RemoveRule = %+v, want only the VPN rule", rules)
	}
}
