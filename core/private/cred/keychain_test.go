package cred

import (
	"errors"
	"os/exec"
	"testing"

	"github.com/zalando/go-keyring"
)

// TestKeychainErrors classifies what go-keyring returns on macOS, where it
// runs the security tool and keeps only its exit status (or maps "could not
// be found" to keyring.ErrNotFound). Exit status 36 is a locked keychain
// that cannot show its unlock dialog (errSecInteractionNotAllowed), as
// security reports it in an ssh session or with no window server. The exit
// errors are real: a shell exits with the status.
func TestKeychainErrors(t *testing.T) {
	exit := func(code string) error {
		err := exec.Command("sh", "-c", "exit "+code).Run()
		if err == nil {
			t.Fatalf("sh -c 'exit %s' succeeded", code)
		}
		return err
	}
	tests := []struct {
		goos string
		err  error
		want error
	}{
		{"darwin", exit("36"), ErrLocked},
		{"darwin", errors.New("exit status 36"), ErrLocked},
		{"darwin", keyring.ErrNotFound, ErrNotFound},
		{"darwin", exit("1"), ErrKeyringFailure},
		{"darwin", keyring.ErrSetDataTooBig, ErrTooBig},
		{"linux", exit("36"), ErrKeyringFailure}, // not the Keychain's status elsewhere
		{"linux", errors.New("Cannot autolaunch D-Bus without X11 $DISPLAY"), ErrNoSessionBus},
	}
	for _, tt := range tests {
		got := classifyFor(tt.goos, "get", tt.err)
		if !errors.Is(got, tt.want) {
			t.Errorf("classifyFor(%s, %v) = %v, want %v", tt.goos, tt.err, got, tt.want)
		}
	}
}
