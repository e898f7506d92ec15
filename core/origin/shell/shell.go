// Package shell finds the user's login shell and captures the environment
// a new terminal gets: it runs the shell as a terminal emulator would
// (login and interactive), makes it print its environment between random
// markers so that banners and prompts cannot corrupt the capture, and kills
// the shell's whole process group if it takes too long.
package shell

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
)

// Shell is a login shell.
type Shell struct {
	Path string           `json:"path"`
	Kind origin.ShellKind `json:"kind"`
	// FoundBy says where the shell was found: "SHELL", "passwd", "dscl",
	// "PATH" (PowerShell on Windows) or "default".
	FoundBy string `json:"found_by"`
}

// DefaultTimeout bounds a capture when Options.Timeout is zero.
const DefaultTimeout = 5 * time.Second

// Options configure a capture.
type Options struct {
	// Env is the complete environment the shell starts with, as a terminal
	// emulator would pass it; it should hold HOME. Nothing else is
	// inherited, except that nil means this process's environment.
	Env []string
	// Dir is the working directory; the HOME of Env if empty.
	Dir string
	// Timeout bounds the run; DefaultTimeout if zero.
	Timeout time.Duration
}

// Capture is the environment a login shell ended up with.
type Capture struct {
	Shell Shell    `json:"shell"`
	Env   []string `json:"env"`
	// Stderr is what the shell and its rc files wrote to standard error
	// (at most a few kilobytes), for diagnostics.
	Stderr string `json:"stderr,omitempty"`
	// Problem is the first error the rc files reported, as the shell
	// worded it but on one line: for PowerShell the message of its first
	// error record with the file and line it names ("File …profile.ps1
	// cannot be loaded because running scripts is disabled on this
	// system…"), with colours, CLIXML and progress records removed. Empty
	// when the shell reported no error.
	Problem  string        `json:"problem,omitempty"`
	Duration time.Duration `json:"duration"`
}

// TimeoutError reports a shell that did not finish in time. Its process
// group has been killed.
type TimeoutError struct {
	Shell   Shell
	Timeout time.Duration
	// Stderr is the shell's first error, as Capture.Problem.
	Stderr string
}

// Error returns e in English.
func (e *TimeoutError) Error() string { return e.Localize(core.English) }

// Localize returns e in l.
func (e *TimeoutError) Localize(l *core.Lang) string {
	try := e.Shell.Path + " -l -i -c exit"
	if e.Shell.Kind == origin.Pwsh {
		try = e.Shell.Path + " -NoLogo -Command exit"
	}
	args := map[string]string{"Path": e.Shell.Path, "Timeout": e.Timeout.String(), "Try": try, "Stderr": e.Stderr}
	return core.NewError("shell.timeout", args, nil).Localize(l)
}

// ErrUnsupported reports a shell Go Mirror cannot run as a login shell.
var ErrUnsupported error = core.NewError("shell.unsupported", nil, nil)

// Run starts sh as a login and interactive shell with exactly o.Env, its
// standard input reading from the null device (an rc file that reads input
// gets end of file), and returns the environment it prints. After o.Timeout
// the shell's whole process group is killed and a *TimeoutError returned.
// Processes the rc files leave in the group are killed when the shell exits.
func Run(ctx context.Context, sh Shell, o Options) (*Capture, error) {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	begin, end := markers()
	args, err := argv(sh.Kind, begin, end)
	if err != nil {
		return nil, core.NewError("shell.unsupported-kind", map[string]string{"Path": sh.Path, "Kind": string(sh.Kind)}, err)
	}
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, sh.Path, args...)
	cmd.Env, cmd.Dir = o.Env, o.Dir
	if cmd.Dir == "" {
		cmd.Dir = homeDir(o.Env)
	}
	newGroup(cmd)
	cmd.Cancel = func() error { return killGroup(cmd) }
	start := time.Now()
	stdout, stderr, runErr := run(cmd)
	c := &Capture{Shell: sh, Stderr: strings.TrimSpace(stderr), Duration: time.Since(start)}
	c.Problem = Problem(sh.Kind, c.Stderr)
	if err := parent.Err(); err != nil {
		return nil, err
	}
	if cmd.Process == nil {
		return nil, core.NewError("shell.start", map[string]string{"Path": sh.Path}, runErr)
	}
	if ctx.Err() != nil {
		return nil, &TimeoutError{Shell: sh, Timeout: o.Timeout, Stderr: c.Problem}
	}
	if c.Env, err = parse(stdout, begin, end); err != nil {
		return nil, core.NewError("shell.capture", map[string]string{"Path": sh.Path, "Exit": fmt.Sprint(runErr), "Stderr": c.Problem}, err)
	}
	return c, nil
}

// run runs cmd with its output going to pipes, and returns what it wrote.
// As soon as the shell exits, whatever it left running in its process
// group is killed; output is then read until every writer has gone, or for
// at most a second (a process that left the group may hold a pipe open).
func run(cmd *exec.Cmd) (stdout []byte, stderr string, err error) {
	outR, outW, err := os.Pipe()
	if err != nil {
		return nil, "", err
	}
	errR, errW, err := os.Pipe()
	if err != nil {
		outR.Close()
		outW.Close()
		return nil, "", err
	}
	cmd.Stdout, cmd.Stderr = outW, errW
	out, errOut := &limitedBuffer{max: 16 << 20}, &limitedBuffer{max: 8 << 10}
	done := make(chan struct{}, 2)
	go func() { io.Copy(out, outR); done <- struct{}{} }()
	go func() { io.Copy(errOut, errR); done <- struct{}{} }()
	err = cmd.Start()
	outW.Close()
	errW.Close()
	if err == nil {
		joinGroup(cmd)
		err = cmd.Wait()
		killGroup(cmd) // background jobs the rc files left behind
	}
	timeout := time.After(time.Second)
	for i := 0; i < 2; i++ {
		select {
		case <-done:
		case <-timeout:
			outR.Close()
			errR.Close()
			<-done
		}
	}
	outR.Close()
	errR.Close()
	return out.Bytes(), errOut.String(), err
}

// markers returns unique begin and end markers.
func markers() (string, string) {
	b := make([]byte, 12)
	rand.Read(b)
	id := hex.EncodeToString(b)
	return "<<gomirror-" + id + "-begin>>", "<<gomirror-" + id + "-end>>"
}

// argv returns the arguments that run a login and interactive shell of
// kind k printing its environment between the markers.
func argv(k origin.ShellKind, begin, end string) ([]string, error) {
	posix := fmt.Sprintf("printf '%%s' '%s'; %s -0; printf '%%s' '%s'", begin, envCommand(), end)
	switch k {
	case origin.Bash, origin.Zsh, origin.Fish, origin.Sh:
		return []string{"-l", "-i", "-c", posix}, nil
	case origin.Csh: // csh takes -l only as its sole option
		return []string{"-i", "-c", posix}, nil
	case origin.Pwsh:
		// A terminal on Linux or macOS starts pwsh as a login shell (argv[0]
		// "-pwsh"): it first runs /bin/sh as a login shell to read
		// /etc/profile and ~/.profile. -Login asks for the same, and must
		// come first. On Windows there is no such thing.
		if runtime.GOOS != "windows" {
			return []string{"-Login", "-NoLogo", "-Command", pwshCommand(begin, end)}, nil
		}
		return []string{"-NoLogo", "-Command", pwshCommand(begin, end)}, nil
	}
	return nil, ErrUnsupported
}

// envCommand is an absolute env, so that an rc file changing PATH cannot
// hide it.
func envCommand() string {
	for _, p := range []string{"/usr/bin/env", "/bin/env"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "env"
}

// pwshCommand prints the environment as UTF-8 bytes written straight to
// the standard output stream. [Console]::Out would encode it in the
// console's code page (the OEM one, e.g. 437 or 936, in Windows PowerShell
// 5.1) or in whatever [Console]::OutputEncoding a profile set (UTF-16
// included), and a value outside it (a user name in Chinese) would come
// back as "?" or mojibake.
func pwshCommand(begin, end string) string {
	return fmt.Sprintf(`[Console]::Out.Flush(); $gomirrorOut = [Console]::OpenStandardOutput(); $gomirrorEnv = [Text.Encoding]::UTF8.GetBytes('%s' + ((Get-ChildItem env: | ForEach-Object { $_.Name + '=' + $_.Value + [char]0 }) -join '') + '%s'); $gomirrorOut.Write($gomirrorEnv, 0, $gomirrorEnv.Length); $gomirrorOut.Flush()`, begin, end)
}

// homeDir is the directory a terminal starts in: HOME, or USERPROFILE on
// Windows, where HOME is usually unset.
func homeDir(env []string) string {
	m := origin.EnvMap(env, "")
	if h := m["HOME"]; h != "" {
		return h
	}
	return origin.EnvMap(env, "windows")["USERPROFILE"]
}

// parse extracts the NUL-separated environment between the markers.
func parse(out []byte, begin, end string) ([]string, error) {
	i := bytes.Index(out, []byte(begin))
	j := bytes.LastIndex(out, []byte(end))
	if i < 0 || j < i {
		return nil, core.NewError("shell.no-env", nil, nil)
	}
	body := out[i+len(begin) : j]
	var env []string
	for _, kv := range bytes.Split(body, []byte{0}) {
		if len(kv) > 0 && bytes.IndexByte(kv, '=') > 0 {
			env = append(env, string(kv))
		}
	}
	return env, nil
}

// limitedBuffer keeps the first max bytes written to it and drops the rest.
type limitedBuffer struct {
	bytes.Buffer
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
