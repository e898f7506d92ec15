//go:build !windows

package fix

// OSUserEnv returns the user environment variables of the registry; there
// is no registry on this system, so nil (a registry fix is then refused).
func OSUserEnv() UserEnv { return nil }
