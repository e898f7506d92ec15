// Package diagnose explains why a setting is not taking effect.
package diagnose

import (
	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// Run returns every finding for the resolution r, most severe first.
// TODO(helper): implement.
func Run(r *resolve.Resolution) []core.Problem { return nil }
