package desktop

import (
	"context"
	"os/exec"
	"time"

	"github.com/gomirror/gomirror/core/origin"
)

// lookupOS asks launchd for each variable (launchctl getenv NAME), each
// call bounded by 2 s.
func lookupOS(names []string) ([]origin.OSVar, error) {
	return launchctlVars(names, func(name string, args ...string) ([]byte, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		return exec.CommandContext(ctx, name, args...).Output()
	})
}
