//go:build !windows && !darwin

package desktop

import "github.com/gomirror/gomirror/core/origin"

// lookupOS finds nothing: on Linux and the BSDs desktop apps inherit the
// session's environment, which this process shares.
func lookupOS(names []string) ([]origin.OSVar, error) { return nil, nil }
