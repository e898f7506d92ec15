package troubleshoot

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"time"

	"github.com/gomirror/gomirror/core/resolve"
)

// ProveTimeout is how long Prove lets the download run.
const ProveTimeout = time.Minute

// Proof is the outcome of Prove: one real download through the settings.
type Proof struct {
	Module  string `json:"module"`            // as asked for, with @latest
	Version string `json:"version,omitempty"` // what was downloaded
	// GOPROXY and GOSUMDB are the values the download went through.
	GOPROXY string  `json:"goproxy"`
	GOSUMDB string  `json:"gosumdb"`
	Report  *Report `json:"report"`
}

// OK reports whether the module was downloaded and verified.
func (p *Proof) OK() bool { return !p.Report.Failed() && p.Version != "" }

// Prove runs "go mod download -json module@latest" with the settings of r
// (env is the environment r was resolved from, e.g. Service.Env()), into a
// throwaway module cache so that the module really comes through GOPROXY
// and its checksum is really checked against GOSUMDB; the cache is removed
// afterwards. It is the proof that the first-run assistant and
// "gomirrorctl prove" end with. The error is for a command that could not
// be started at all.
func Prove(ctx context.Context, r *resolve.Resolution, env []string, module string) (*Proof, error) {
	tmp, err := os.MkdirTemp("", "gomirror-prove-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	flags := strings.TrimSpace(r.Value("GOFLAGS") + " -modcacherw") // so the cache can be removed
	env = append(append([]string(nil), env...), "GOMODCACHE="+tmp+"/mod", "GOFLAGS="+flags)
	mod := module + "@latest"
	rep, err := Run(ctx, r, Command{Args: []string{"mod", "download", "-json", mod}, Dir: tmp, Env: env, Timeout: ProveTimeout})
	if err != nil {
		return nil, err
	}
	p := &Proof{Module: mod, GOPROXY: r.Value("GOPROXY"), GOSUMDB: r.Value("GOSUMDB"), Report: rep}
	var out struct{ Version, Error string }
	if json.Unmarshal([]byte(jsonPart(rep.Output)), &out) == nil && out.Error == "" {
		p.Version = out.Version
	}
	return p, nil
}

// jsonPart returns the JSON object in output, which may also hold stderr
// lines.
func jsonPart(output string) string {
	i, j := strings.Index(output, "{"), strings.LastIndex(output, "}")
	if i < 0 || j < i {
		return ""
	}
	return output[i : j+1]
}
