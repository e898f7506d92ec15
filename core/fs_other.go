//go:build !unix

package core

import "os"

// openNonBlocking opens name for reading. Outside Unix, opening a file
// does not wait for a writer.
func openNonBlocking(name string) (*os.File, error) {
	return os.Open(name)
}
