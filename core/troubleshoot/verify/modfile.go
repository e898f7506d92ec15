package verify

import (
	"github.com/gomirror/gomirror/core"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// Requirements returns the module versions a go.mod file requires, for
// analysing each of them.
func Requirements(gomod string) ([]module.Version, error) {
	data, err := core.ReadFile(gomod)
	if err != nil {
		return nil, err
	}
	f, err := modfile.ParseLax(gomod, data, nil)
	if err != nil {
		return nil, core.NewError("verify.bad-gomod", map[string]string{"Path": gomod}, err)
	}
	var out []module.Version
	for _, r := range f.Require {
		out = append(out, r.Mod)
	}
	return out, nil
}
