package mirrors

import (
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
)

func TestParseChainString(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://a.example.test,direct", "https://a.example.test,direct"},
		{" https://a.example.test | https://b.example.test ,, direct ", "https://a.example.test|https://b.example.test,direct"},
		{"off", "off"},
		{"", ""},
		{"direct,https://never.example.test", "direct,https://never.example.test"},
	}
	for _, c := range cases {
		if got := ParseChain(c.in).String(); got != c.want {
			t.Errorf("ParseChain(%q).String() = %q, want %q", c.in, got, c.want)
		}
	}
	if got := NewChain(Pipe, "https://a.example.test", "https://b.example.test", Direct).String(); got != "https://a.example.test|https://b.example.test|direct" {
		t.Errorf("NewChain(Pipe, …) = %q", got)
	}
}

func TestExplain(t *testing.T) {
	cat := Builtin()
	c := ParseChain("https://goproxy.cn|https://mirrors.aliyun.com/goproxy/,direct,https://never.example.test")
	xs := c.Explain(cat)
	want := []struct {
		name string
		used bool
		has  string
	}{
		{"Goproxy.cn", true, "fails in any way"},
		{"Alibaba Cloud", true, "only if it answers 404 or 410"},
		{"direct", true, "version-control host"},
		{"https://never.example.test", false, "Never used"},
	}
	for i, w := range want {
		if xs[i].Name != w.name || xs[i].Used != w.used || !strings.Contains(xs[i].Text, w.has) {
			t.Errorf("Explain[%d] = %+v, want name %q used %t text with %q", i, xs[i], w.name, w.used, w.has)
		}
		if text := core.NewText(xs[i].Code, xs[i].Args); core.CheckText(text) != nil || text.String() != xs[i].Text {
			t.Errorf("Explain[%d].Text = %q is not its text %s rendered", i, xs[i].Text, xs[i].Code)
		}
	}
	last := ParseChain("https://goproxy.cn").Explain(cat)
	if !strings.Contains(last[0].Text, "last entry") {
		t.Errorf("Explain(single) = %q, want the last-entry text", last[0].Text)
	}
}

func TestChainValidate(t *testing.T) {
	r := resolveWith(t, testGoEnv)
	cases := []struct {
		chain Chain
		code  string // the first error's code, "" for none
	}{
		{NewChain(Comma, "https://goproxy.cn", Direct), ""},
		{NewChain(Comma, "localhost", Direct), "proxy-missing-scheme"},
		{NewChain(Comma, "socks5://127.0.0.1:1080"), "proxy-bad-scheme"},
		{Chain{}, "*"}, // refused; the code is validate's business
	}
	for _, c := range cases {
		errs := core.Errors(c.chain.Validate(r))
		got := ""
		if len(errs) > 0 {
			got = errs[0].Code
		}
		if c.code == "*" && got != "" {
			continue
		}
		if got != c.code {
			t.Errorf("Validate(%q) first error = %q, want %q (%v)", c.chain, got, c.code, errs)
		}
	}
	as := NewChain(Comma, "https://goproxy.cn", Direct).Assignments()
	if len(as) != 1 || as[0].Key != "GOPROXY" || as[0].Value != "https://goproxy.cn,direct" {
		t.Errorf("Assignments() = %+v", as)
	}
}

func TestSumDB(t *testing.T) {
	r := resolveWith(t, testGoEnv)
	choices := SumDBChoices(r)
	var ids, values []string
	for _, c := range choices {
		ids, values = append(ids, c.ID), append(values, c.Value)
	}
	if strings.Join(ids, " ") != "default china off custom" || values[0] != "sum.example.test" || values[1] != ChinaSumDB {
		t.Errorf("SumDBChoices = %v %q, want default (from go.env), china, off, custom", ids, values)
	}
	if got := SumDBChoices(resolveWith(t, "GOPROXY=direct\n")); got[0].ID != "china" {
		t.Errorf("SumDBChoices without go.env GOSUMDB starts with %q, want china", got[0].ID)
	}
	names := []struct{ env, want string }{
		{"", "sum.example.test"},
		{"GOSUMDB=off", "sum.example.test"},
		{"GOSUMDB=" + ChinaSumDB, "sum.example.test"},
		{"GOSUMDB=sum.corp.example.test+abcd1234+AAAA https://sumdb.corp.example.test", "sum.corp.example.test"},
	}
	for _, n := range names {
		env := []string{}
		if n.env != "" {
			env = append(env, n.env)
		}
		if got := SumDBName(resolveWith(t, testGoEnv, env...)); got != n.want {
			t.Errorf("SumDBName(%s) = %q, want %q", n.env, got, n.want)
		}
	}
	if got := CustomSumDB(" sum.corp.example.test+abcd1234+AAAA ", ""); got != "sum.corp.example.test+abcd1234+AAAA" {
		t.Errorf("CustomSumDB without URL = %q", got)
	}
	if got := CustomSumDB("k", "https://s.example.test"); got != "k https://s.example.test" {
		t.Errorf("CustomSumDB with URL = %q", got)
	}
}
