package route

import (
	"github.com/gomirror/gomirror/core"
	"os"

	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/netrc"
	"github.com/gomirror/gomirror/core/resolve"
)

// Load returns the Config for resolution r with the credentials that exist:
// the prefixes in store (nil for none) and the machines of the .netrc file
// the go command would read. It reads no secret from the keyring. Problems
// reading either source are returned as notes (catalogue errors); the
// Config is still usable.
func Load(r *resolve.Resolution, store *cred.Store) (Config, []error) {
	var auth []AuthPrefix
	var notes []error
	if store != nil {
		ps, _, err := store.Prefixes()
		if err != nil {
			notes = append(notes, core.NewError("route.creds-hidden", map[string]string{"Source": "store"}, err))
		}
		for _, p := range ps {
			auth = append(auth, AuthPrefix{Prefix: p, Method: "helper"})
		}
	}
	machines, err := netrcMachines(r)
	if err != nil {
		notes = append(notes, core.NewError("route.creds-hidden", map[string]string{"Source": "netrc"}, err))
	}
	for _, p := range machines {
		auth = append(auth, AuthPrefix{Prefix: p, Method: "netrc"})
	}
	return FromResolution(r, auth), notes
}

// netrcMachines returns the machines of the .netrc the go command reads.
func netrcMachines(r *resolve.Resolution) ([]cred.Prefix, error) {
	path, err := netrc.Path(r.OSEnv, r.GOOS, func(p string) bool { _, err := os.Stat(p); return err == nil })
	if err != nil {
		return nil, nil
	}
	data, err := core.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, core.NewError("file.read", map[string]string{"Path": path}, err)
	}
	var ps []cred.Prefix
	for _, e := range netrc.Effective(netrc.Parse(string(data))) {
		if p, err := cred.ParsePrefix(e.Machine); err == nil && p.Path == "" {
			ps = append(ps, p)
		}
	}
	return ps, nil
}
