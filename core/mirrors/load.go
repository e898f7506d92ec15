package mirrors

import (
	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/resolve"
)

// Settings is what the catalogue needs of the settings service
// (*service.Service): the resolved settings and the user's configuration
// directory.
type Settings interface {
	Resolve() *resolve.Resolution
	ConfigDir() (string, error)
}

// UserStore returns the Store of the user's mirrors in svc's configuration
// directory.
func UserStore(svc Settings) (Store, error) {
	dir, err := svc.ConfigDir()
	if err != nil {
		return Store{}, err
	}
	return Store{Dir: dir}, nil
}

// Load resolves the settings with svc and returns them with the catalogue:
// the toolchain default, the built-in mirrors and the user's. If the user's
// list cannot be read, the catalogue holds the others and err says why.
func Load(svc Settings) (*resolve.Resolution, []Mirror, error) {
	r := svc.Resolve()
	st, err := UserStore(svc)
	var user []Mirror
	if err == nil {
		user, err = st.Load()
	}
	return r, Catalogue(r, user), err
}

// ProbeOptions returns the probe options for r: the checksum database the
// go command will ask the mirrors about, a full check of each mirror every
// probe.DefaultRecheck, and the defaults otherwise.
func ProbeOptions(r *resolve.Resolution) probe.Options {
	return probe.Options{SumDB: SumDBName(r), Recheck: probe.DefaultRecheck}
}

// Compose links mirror URLs with sep and, if end is direct or off, ends the
// chain with it after ",": a mirror that fails (with "|", in any way)
// falls back to the next mirror, and only a module no mirror has (404/410)
// reaches direct.
func Compose(sep Sep, urls []string, end string) Chain {
	c := NewChain(sep, urls...)
	if end == Direct || end == Off {
		if len(c) > 0 {
			c[len(c)-1].Sep = Comma
		}
		c = append(c, Link{Target: end})
	}
	return c
}

// SumDBAdvice pairs GOSUMDB with a chain the user built, from probe
// summaries, as Suggest does: the value to write ("" to keep the current
// one) and why (at most one reason, in English as its String).
func SumDBAdvice(r *resolve.Resolution, cat []Mirror, chain Chain, sums []probe.Summary) (string, []core.Text) {
	return sumdbAdvice(r, chain, candidates(cat, sums))
}
