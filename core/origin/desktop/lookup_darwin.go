package desktop

import (
	"context"
	"os/exec"
	"strings"
	"time"

	"github.com/gomirror/gomirror/core/origin"
)

// lookupOS asks launchd for each variable (launchctl getenv NAME): launchd
// gives those set with launchctl setenv to every app it starts from then
// on.
func lookupOS(names []string) ([]origin.OSVar, error) {
	var out []origin.OSVar
	for _, name := range names {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		b, err := exec.CommandContext(ctx, "launchctl", "getenv", name).Output()
		cancel()
		if err != nil {
			return out, err
		}
		if v := strings.TrimSuffix(string(b), "\n"); v != "" {
			out = append(out, origin.OSVar{Var: name, Value: v, Scope: origin.ScopeLaunchctl, Location: "launchctl getenv " + name})
		}
	}
	return out, nil
}
