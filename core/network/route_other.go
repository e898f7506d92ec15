//go:build !linux

package network

// systemRoute reports no default route: this OS offers no cheap, portable
// way to read it without running a command, so fingerprints leave it out.
func systemRoute() (*Route, error) { return nil, nil }
