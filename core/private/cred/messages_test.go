package cred

import (
	"errors"
	"testing"

	"github.com/gomirror/gomirror/core"
)

// TestErrorsInCatalogue checks that the errors of this package have their
// entries in every language of the message catalogue.
func TestErrorsInCatalogue(t *testing.T) {
	errs := []error{ErrNotFound, ErrNoSessionBus, ErrNoSecretSvc, ErrLocked, ErrTimeout, ErrTooBig, ErrUnsupported,
		ErrKeyringFailure, ErrBadUser, ErrEmptySecret, ErrInvalidPrefix}
	for _, in := range []string{"", "http://git.example.test", "git.example.test/a//b", "https://u@git.example.test", "git.example.test?x=1"} {
		_, err := ParsePrefix(in)
		errs = append(errs, err)
	}
	for _, err := range errs {
		var ce *core.Error
		if !errors.As(err, &ce) {
			t.Errorf("%v is not a core.Error", err)
			continue
		}
		if err := core.CheckError(ce); err != nil {
			t.Error(err)
		}
		if zh := core.NewLang("zh-Hans").Error(err); zh == err.Error() {
			t.Errorf("%v has no Chinese text", err)
		}
	}
}
