//go:build unix

package core

import (
	"os"
	"syscall"
)

// openNonBlocking opens name for reading with O_NONBLOCK, so that opening
// a named pipe with no writer returns at once instead of waiting for one.
// Regular files ignore the flag.
func openNonBlocking(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
