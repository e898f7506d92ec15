package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"golang.org/x/term"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/cred"
)

// maxSecret is the longest secret read: a secret is refused, never cut
// short, beyond it.
const maxSecret = 64 << 10

// errNoSecret is returned when no secret can be read without echoing it.
var errNoSecret error = core.NewError("cli.no-secret", nil, nil)

// stdin is the invocation's standard input. The cli struct does not carry
// it yet, so the helpers read the process's.
func (c *cli) stdin() io.Reader { return os.Stdin }

// readSecret reads one line from in. When in is a terminal (a Unix tty or a
// Windows console) it prompts on prompt's writer and reads with echo turned
// off; otherwise it reads the line as it comes, as from a pipe. The trailing
// line break is dropped.
func readSecret(in io.Reader, promptTo io.Writer, prompt string) (cred.Secret, error) {
	var line string
	if f, ok := in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		s, err := readHidden(f, promptTo, prompt)
		if err != nil {
			return "", core.NewError("cli.secret-echo", map[string]string{"Cause": err.Error()}, errNoSecret)
		}
		line = s
	} else {
		s, err := bufio.NewReader(io.LimitReader(in, maxSecret+2)).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", core.NewError("cli.secret-read", map[string]string{"Cause": err.Error()}, errNoSecret)
		}
		line = s
	}
	if len(strings.TrimRight(line, "\r\n")) > maxSecret {
		return "", core.NewError("cli.secret-long", map[string]string{"KiB": fmt.Sprint(maxSecret >> 10)}, errNoSecret)
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if line == "" {
		return "", core.NewError("cli.secret-empty", nil, errNoSecret)
	}
	return cred.Secret(line), nil
}

// readHidden prompts on promptTo and reads a line from the terminal f with
// echo off. If the user interrupts the prompt, the terminal's state is put
// back before the process exits.
func readHidden(f *os.File, promptTo io.Writer, prompt string) (string, error) {
	fd := int(f.Fd())
	state, err := term.GetState(fd)
	if err != nil {
		return "", err
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sig:
			term.Restore(fd, state)
			fmt.Fprintln(promptTo)
			os.Exit(130)
		case <-done:
		}
	}()
	defer func() {
		signal.Stop(sig)
		close(done)
	}()
	fmt.Fprint(promptTo, prompt)
	defer fmt.Fprintln(promptTo)
	b, err := term.ReadPassword(fd)
	return string(b), err
}
