// Package validate checks settings before they are written: what go env -w
// rejects, and also what it accepts but breaks the go command or never
// matches.
package validate

import (
	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// Set checks go env -w KEY=VALUE against the current resolution r. Problems
// of severity error refuse the write. TODO(helper): implement.
func Set(r *resolve.Resolution, key, value string) []core.Problem { return nil }

// Unset checks go env -u KEY. TODO(helper): implement.
func Unset(r *resolve.Resolution, key string) []core.Problem { return nil }
