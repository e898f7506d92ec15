package procs

import (
	"context"
	"os"
	"strings"
	"time"

	"github.com/shirou/gopsutil/v4/process"
)

// gather reads every process's identity with gopsutil. This process itself
// is left out.
func gather(ctx context.Context) ([]info, error) {
	ps, err := process.ProcessesWithContext(ctx)
	if err != nil {
		return nil, err
	}
	self := int32(os.Getpid())
	var out []info
	for _, p := range ps {
		if p.Pid == self {
			continue
		}
		in, ok := describe(ctx, p)
		if ok {
			out = append(out, in)
		}
	}
	return out, nil
}

// describe reads what classify needs; ok is false for a process that has
// gone or has no name.
func describe(ctx context.Context, p *process.Process) (info, bool) {
	name, err := p.NameWithContext(ctx)
	if err != nil || name == "" {
		return info{}, false
	}
	in := info{pid: p.Pid, name: name}
	in.ppid, _ = p.PpidWithContext(ctx)
	if maybeInteresting(name) {
		in.exe, _ = p.ExeWithContext(ctx)
		in.cmdline, _ = p.CmdlineWithContext(ctx)
		if ms, err := p.CreateTimeWithContext(ctx); err == nil {
			in.created = time.UnixMilli(ms)
		}
	}
	in.environ = func() ([]string, error) { return p.EnvironWithContext(ctx) }
	return in, true
}

// maybeInteresting reports whether a process name may belong to a known
// kind, so that the costlier fields are read only for those. Names are
// truncated on some systems (15 bytes on Linux), and macOS runs VS Code as
// "Electron" or "Code Helper".
func maybeInteresting(name string) bool {
	n := strings.ToLower(name)
	for _, s := range []string{"go", "dlv", "code", "cursor", "vim", "electron", "codium", "java"} {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}
