package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"
	"syscall"

	"github.com/gomirror/gomirror/core/private/cred"
)

// maxSecret is the longest secret read: a secret is refused, never cut
// short, beyond it.
const maxSecret = 64 << 10

// errNoSecret is returned when no secret can be read without echoing it.
var errNoSecret = errors.New("cannot read the secret")

// stdin is the invocation's standard input. The cli struct does not carry
// it yet, so the helpers read the process's.
func (c *cli) stdin() io.Reader { return os.Stdin }

// readSecret reads one line from in. When in is a terminal it prompts on
// prompt's writer with echo turned off (through stty; without stty, as on
// Windows consoles, it refuses and asks for the secret on a pipe). The
// trailing line break is dropped.
func readSecret(in io.Reader, promptTo io.Writer, prompt string) (cred.Secret, error) {
	f, isFile := in.(*os.File)
	if isFile && isTerminal(f) {
		restore, err := noEcho(f)
		if err != nil {
			return "", fmt.Errorf("%w: stdin is a terminal and its echo cannot be turned off (%v); pipe the secret instead, e.g. printf '%%s\\n' \"$TOKEN\" | gomirrorctl cred set HOST --user NAME", errNoSecret, err)
		}
		defer restore()
		fmt.Fprint(promptTo, prompt)
		defer fmt.Fprintln(promptTo)
	}
	line, err := bufio.NewReader(io.LimitReader(in, maxSecret+2)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("%w: %v", errNoSecret, err)
	}
	if len(strings.TrimRight(line, "\r\n")) > maxSecret {
		return "", fmt.Errorf("%w: the secret is longer than %d KiB, more than any token or password; check that stdin is the secret alone", errNoSecret, maxSecret>>10)
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if line == "" {
		return "", fmt.Errorf("%w: nothing was given on stdin; %v", errNoSecret, cred.ErrEmptySecret)
	}
	return cred.Secret(line), nil
}

// isTerminal reports whether f is a character device such as a terminal.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// noEcho turns off the terminal f's echo with stty and returns the function
// that turns it on again.
func noEcho(f *os.File) (func(), error) {
	if runtime.GOOS == "windows" {
		return nil, errors.New("no stty on Windows")
	}
	stty := func(arg string) error {
		cmd := exec.Command("stty", arg)
		cmd.Stdin = f
		return cmd.Run()
	}
	if err := stty("-echo"); err != nil {
		return nil, err
	}
	// Turn echo on again if the user interrupts the prompt.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sig:
			stty("echo")
			os.Exit(130)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
		stty("echo")
	}, nil
}
