package profile

import (
	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// Effective returns the value the go command will use for key once p is
// applied over r: the OS environment's when it sets key (it shadows the env
// file), else p's value, else, for a key p unsets, the value of the layers
// below the env file ($GOROOT/go.env, the default), else today's value.
func Effective(r *resolve.Resolution, p Profile, key string) string {
	if r.OSEnvPresent(key) && r.OSEnv(key) != "" {
		return r.OSEnv(key)
	}
	c := p.Get(key)
	switch c.Action {
	case Set:
		return c.Value
	case Unset:
		return below(r, key)
	}
	return r.Value(key)
}

// below returns the value of key's first set layer under the env file.
func below(r *resolve.Resolution, key string) string {
	s, _ := r.Get(key)
	for _, l := range s.Chain {
		if l.Set && l.Source != core.SourceEnvFile && l.Source != core.SourceProcessEnv {
			return l.Value
		}
	}
	return ""
}
