package network

import (
	"errors"
	"io/fs"
	"os"
)

// systemRoute reads the default route from /proc/net/route.
func systemRoute() (*Route, error) {
	data, err := os.ReadFile("/proc/net/route")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return parseProcRoute(data), nil
}
