package desktop

import (
	"runtime"
	"slices"
	"testing"

	"github.com/gomirror/gomirror/core/origin"
)

func TestMerge(t *testing.T) {
	base := []string{"PATH=/bin", "GOPROXY=https://stale.example.test", "GOFLAGS=-mod=mod"}
	lookup := func([]string) ([]origin.OSVar, error) {
		return []origin.OSVar{
			{Var: "GOPROXY", Value: "https://system.example.test", Scope: origin.ScopeSystem},
			{Var: "GOPROXY", Value: "https://user.example.test", Scope: origin.ScopeUser},
			{Var: "GOSUMDB", Value: "off", Scope: origin.ScopeUser},
		}, nil
	}
	env, vars, err := merge(base, lookup)
	if err != nil {
		t.Fatal(err)
	}
	got := origin.EnvMap(env, "")
	for k, want := range map[string]string{"GOPROXY": "https://user.example.test", "GOSUMDB": "off", "GOFLAGS": "-mod=mod", "PATH": "/bin"} {
		if got[k] != want {
			t.Errorf("%s = %q, want %q", k, got[k], want)
		}
	}
	var scopes []string
	for _, v := range vars {
		scopes = append(scopes, v.Var+":"+v.Scope)
	}
	want := []string{"GOPROXY:system", "GOPROXY:user", "GOSUMDB:user", "GOPROXY:process", "GOFLAGS:process"}
	if !slices.Equal(scopes, want) {
		t.Errorf("vars = %v, want %v", scopes, want)
	}
}

func TestEnvIncludesOwnEnvironment(t *testing.T) {
	t.Setenv("GOPROXY", "https://own.example.test")
	env, _, _ := Env()
	if got := origin.EnvMap(env, "")["GOPROXY"]; got != "https://own.example.test" && runtime.GOOS == "linux" {
		t.Errorf("GOPROXY = %q, want this process's own value", got)
	}
}
