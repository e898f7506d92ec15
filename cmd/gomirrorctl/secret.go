package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/term"

	"github.com/gomirror/gomirror/core/private/cred"
)

// maxSecret is the longest secret read: a secret is refused, never cut
// short, beyond it.
const maxSecret = 64 << 10

// errNoSecret is what the errors of readSecret are (errors.Is): no secret
// can be read without echoing it.
var errNoSecret = errors.New("cannot read the secret")

// secretError is errNoSecret with its reason, in the language of msgs.
type secretError struct{ text string }

func (e *secretError) Error() string        { return e.text }
func (e *secretError) Is(target error) bool { return target == errNoSecret }

// noSecret returns errNoSecret for the reason given.
func noSecret(reason string) error {
	return &secretError{say("secret-unreadable", "Reason", reason)}
}

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
			return "", noSecret(say("secret-no-echo", "Err", err.Error()))
		}
		line = s
	} else {
		s, err := bufio.NewReader(io.LimitReader(in, maxSecret+2)).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", noSecret(err.Error())
		}
		line = s
	}
	if len(strings.TrimRight(line, "\r\n")) > maxSecret {
		return "", noSecret(say("secret-too-long", "KiB", strconv.Itoa(maxSecret>>10)))
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if line == "" {
		return "", noSecret(say("secret-empty", "Err", msgs.Error(cred.ErrEmptySecret)))
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
