package troubleshoot

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// Command is a go command to run and explain.
type Command struct {
	// Args follow "go", e.g. {"mod", "download", "example.test/m@v1.0.0"}.
	Args []string
	// Dir is the directory to run in; the current one if empty.
	Dir string
	// Env is the environment, e.g. service.Service.Env(); the resolution
	// passed to Run must have been computed from it. Nil means this
	// process's environment.
	Env []string
	// Trace adds -x where the subcommand accepts it, so that each HTTP
	// request shows and the report can say which proxy answered what.
	Trace bool
	// Timeout stops the command, and every process it started; DefaultTimeout
	// if zero.
	Timeout time.Duration
	// Go is the go binary; the resolution's, else "go" from PATH.
	Go string
}

// DefaultTimeout is how long Run lets a go command run.
const DefaultTimeout = 2 * time.Minute

// maxOutput bounds the captured output.
const maxOutput = 4 << 20

// Report is the outcome of Run.
type Report struct {
	Args     []string  `json:"args"` // as run, after "go"
	Dir      string    `json:"dir,omitempty"`
	Output   string    `json:"output"` // stdout and stderr interleaved
	ExitCode int       `json:"exit_code"`
	TimedOut bool      `json:"timed_out"`
	Duration float64   `json:"duration_seconds"`
	Findings []Finding `json:"findings"`
}

// Failed reports whether the command failed or was stopped.
func (r *Report) Failed() bool { return r.ExitCode != 0 || r.TimedOut }

// Run runs the go command c with the settings of r, waits for it (or for
// ctx, or for the timeout, after which its whole process group is killed),
// and explains its output. The error is for a command that could not be
// started at all.
func Run(ctx context.Context, r *resolve.Resolution, c Command) (*Report, error) {
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	args := c.Args
	if c.Trace {
		args = withTrace(args)
	}
	cmd := exec.CommandContext(ctx, goBinary(r, c), args...)
	cmd.Dir, cmd.Env = c.Dir, c.Env
	out := &limitedBuffer{max: maxOutput}
	cmd.Stdout, cmd.Stderr = out, out
	prepare(cmd)
	begin := time.Now()
	err := cmd.Start()
	if err != nil {
		return nil, core.NewError("troubleshoot.start", map[string]string{"Path": cmd.Path}, err)
	}
	err = cmd.Wait()
	killGroup(cmd)
	rep := &Report{Args: args, Dir: c.Dir, Output: out.String(), Duration: time.Since(begin).Seconds()}
	rep.TimedOut = errors.Is(ctx.Err(), context.DeadlineExceeded)
	rep.ExitCode = exitCode(cmd, err)
	rep.Findings = Explain(r, rep.Output)
	if rep.TimedOut {
		rep.Findings = append(rep.Findings, killed(r, rep.Output, timeout))
	}
	return rep, nil
}

func goBinary(r *resolve.Resolution, c Command) string {
	switch {
	case c.Go != "":
		return c.Go
	case r != nil && r.Goroot.GoBinary != "":
		return r.Goroot.GoBinary
	}
	return "go"
}

func exitCode(cmd *exec.Cmd, err error) int {
	if cmd.ProcessState != nil && cmd.ProcessState.ExitCode() >= 0 {
		return cmd.ProcessState.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// traceable lists the subcommands (one or two words) that accept -x.
var traceable = [][]string{
	{"build"}, {"install"}, {"get"}, {"list"}, {"run"}, {"test"}, {"vet"}, {"generate"},
	{"mod", "download"}, {"mod", "tidy"}, {"mod", "vendor"},
}

// withTrace inserts -x after the subcommand, if it accepts it and the
// arguments do not have it already.
func withTrace(args []string) []string {
	if slices.Contains(args, "-x") {
		return args
	}
	for _, t := range traceable {
		if len(args) >= len(t) && slices.Equal(args[:len(t)], t) {
			out := append(slices.Clone(args[:len(t)]), "-x")
			return append(out, args[len(t):]...)
		}
	}
	return args
}

// killed reports a command stopped by the timeout, naming the request it
// was still waiting for and the setting that sent it there (known only
// with -x).
func killed(r *resolve.Resolution, output string, timeout time.Duration) Finding {
	a := args{"Timeout": timeout.String()}
	rec := record{lines: []string{}}
	var pending []string
	for _, g := range parseTrace(output) {
		if !g.Done {
			rec.lines = append(rec.lines, "# get "+g.URL)
			pending = append(pending, g.URL)
		}
	}
	if len(pending) == 0 || r == nil {
		f := Finding{Lines: rec.lines}
		f.Problem = core.NewProblem(core.SeverityError, "", "fail-killed", a)
		return f
	}
	e := newEnv(r)
	f := Finding{Lines: rec.lines, URL: pending[0], Host: hostOf(pending[0])}
	a["URL"] = pending[0]
	return e.finish(f, core.SeverityError, "fail-killed", roleVar(e.classifyURL(f.URL)), a)
}

// limitedBuffer keeps the first max bytes written to it.
type limitedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := b.max - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (b *limitedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.ToValidUTF8(b.buf.String(), "\uFFFD")
}
