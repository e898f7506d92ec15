//go:build !windows

package fix

import "errors"

// RemovedVar is a user environment variable removed from the Windows
// registry.
type RemovedVar struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Expand bool   `json:"expand"`
}

// errNotWindows reports a registry fix asked for on another system.
var errNotWindows = errors.New("user environment variables in the registry exist only on Windows")

// RemoveUserVar is only available on Windows.
func RemoveUserVar(name string) (RemovedVar, error) { return RemovedVar{}, errNotWindows }

// RestoreUserVar is only available on Windows.
func RestoreUserVar(r RemovedVar) error { return errNotWindows }
