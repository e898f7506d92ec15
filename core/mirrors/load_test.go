package mirrors

import (
	"path/filepath"
	"testing"

	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/service"
)

func TestCompose(t *testing.T) {
	cases := []struct {
		sep  Sep
		urls []string
		end  string
		want string
	}{
		{Pipe, []string{"https://a.example.test", "https://b.example.test"}, Direct, "https://a.example.test|https://b.example.test,direct"},
		{Comma, []string{"https://a.example.test"}, "", "https://a.example.test"},
		{Pipe, []string{"https://a.example.test"}, Off, "https://a.example.test,off"},
		{Pipe, nil, Direct, "direct"},
	}
	for _, c := range cases {
		if got := Compose(c.sep, c.urls, c.end).String(); got != c.want {
			t.Errorf("Compose(%q, %q, %q) = %q, want %q", c.sep, c.urls, c.end, got, c.want)
		}
	}
}

func TestLoadWithUserMirror(t *testing.T) {
	env, dir := machine(t, testGoEnv)
	svc := service.New(service.Options{Env: env, GOOS: "linux", Cwd: dir, ConfigDir: filepath.Join(dir, "gomirror")})
	st, err := UserStore(svc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Add(Mirror{Name: "Company", URL: "https://athens.example.test"}); err != nil {
		t.Fatal(err)
	}
	r, cat, err := Load(svc)
	if err != nil {
		t.Fatal(err)
	}
	if cat[0].ID != DefaultID || cat[len(cat)-1].Name != "Company" || cat[len(cat)-1].Origin != OriginUser {
		t.Errorf("Load catalogue = first %q, last %+v; want the default first and the user's mirror last", cat[0].ID, cat[len(cat)-1])
	}
	if got := ProbeOptions(r).SumDB; got != "sum.example.test" {
		t.Errorf("ProbeOptions(r).SumDB = %q, want go.env's database", got)
	}
}

func TestSumDBAdvice(t *testing.T) {
	r := resolveWith(t, testGoEnv)
	chain := Compose(Pipe, []string{huawei}, Direct)
	v, why := SumDBAdvice(r, Builtin(), chain, []probe.Summary{healthy(huawei, 20, probe.SumDBNo)})
	if v != ChinaSumDB || len(why) != 1 {
		t.Errorf("SumDBAdvice for a mirror without the database = %q, %q; want %s and one reason", v, why, ChinaSumDB)
	}
	if v, _ := SumDBAdvice(r, Builtin(), chain, []probe.Summary{healthy(huawei, 20, probe.SumDBYes)}); v != "" {
		t.Errorf("SumDBAdvice for a mirror with the database = %q, want \"\"", v)
	}
}
