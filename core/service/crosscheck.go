package service

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// Disagreement is a variable whose value Go Mirror computed differently from
// the real go env -json.
type Disagreement struct {
	Var  string `json:"var"`
	Ours string `json:"ours"`
	Go   string `json:"go"`
}

// CrossCheck runs the real go env -json in the service's environment and
// reports every managed variable whose value differs from r (a fresh
// resolution if nil).
func (s *Service) CrossCheck(ctx context.Context, r *resolve.Resolution) ([]Disagreement, error) {
	if r == nil {
		r = s.Resolve()
	}
	if !r.Goroot.Installed() {
		return nil, core.NewError("service.no-go", nil, nil)
	}
	got, err := GoEnvJSON(ctx, r.Goroot.GoBinary, s.opts.Env, s.opts.Cwd, core.VarNames()...)
	if err != nil {
		return nil, err
	}
	var out []Disagreement
	for _, st := range r.Settings {
		if g := got[st.Name]; g != st.Value {
			out = append(out, Disagreement{Var: st.Name, Ours: st.Value, Go: g})
		}
	}
	return out, nil
}

// GoEnvJSON runs "go env -json names..." with exactly env and dir.
func GoEnvJSON(ctx context.Context, goBin string, env []string, dir string, names ...string) (map[string]string, error) {
	cmd := exec.CommandContext(ctx, goBin, append([]string{"env", "-json"}, names...)...)
	cmd.Env, cmd.Dir = env, dir
	core.HideConsole(cmd)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, core.NewError("service.go-env-failed", map[string]string{"Stderr": string(bytes.TrimSpace(stderr.Bytes()))}, err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(out, &m); err != nil {
		return nil, core.NewError("service.go-env-json", nil, err)
	}
	return m, nil
}
