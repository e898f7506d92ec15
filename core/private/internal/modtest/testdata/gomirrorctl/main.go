// Command gomirrorctl is a test stand-in for the real CLI's helper
// subcommands, "gomirrorctl goauth [URL]" and "gomirrorctl git-credential
// get|store|erase": it runs the same library code over a credential index
// in $GOMIRROR_TEST_CONFIG and a keyring lent by the test process over the
// unix socket $GOMIRROR_TEST_KEYRING (see internal/rpckeyring), or the OS
// keyring when that is unset (tests in a throwaway keyring session).
//
// The compromise: the real CLI reads the OS keyring. A test must not touch
// the user's keyring, and a second process cannot see go-keyring's
// in-memory mock, so the test process lends its mock over a private socket
// instead of writing the secret to any file.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/gitcred"
	"github.com/gomirror/gomirror/core/private/goauth"
	"github.com/gomirror/gomirror/core/private/internal/rpckeyring"
)

func main() {
	if len(os.Args) < 2 {
		fail(2, "usage: gomirrorctl goauth [URL] | git-credential get|store|erase")
	}
	s := &cred.Store{Dir: os.Getenv("GOMIRROR_TEST_CONFIG"), Keyring: cred.OSKeyring{Timeout: 20 * time.Second}}
	if sock := os.Getenv(rpckeyring.EnvVar); sock != "" {
		k, err := rpckeyring.Dial(sock)
		if err != nil {
			fail(1, err.Error())
		}
		defer k.Close()
		s.Keyring = k
	}
	var err error
	switch os.Args[1] {
	case goauth.HelperArg:
		err = goauth.Serve(os.Args[2:], os.Stdin, os.Stdout, os.Stderr, s, nil)
	case gitcred.HelperArg:
		if len(os.Args) != 3 {
			fail(2, "usage: gomirrorctl git-credential get|store|erase")
		}
		err = gitcred.Serve(os.Args[2], os.Stdin, os.Stdout, s)
	default:
		fail(2, "unknown command "+os.Args[1])
	}
	if err != nil {
		fail(1, "gomirrorctl "+os.Args[1]+": "+err.Error())
	}
}

func fail(code int, msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(code)
}
