package toolchains

import (
	"strconv"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/resolve"
)

type args = map[string]string

// judge says whether the go command can get the toolchain.
func (a *Availability) judge(r *resolve.Resolution) {
	x := args{"Toolchain": a.Toolchain, "File": a.File, "Line": strconv.Itoa(a.Line), "Local": a.Local, "Mode": a.Mode}
	if a.Mode != "auto" && a.Needed {
		a.add(core.SeverityError, "GOTOOLCHAIN", "toolchain-no-download", x)
		a.suggest("GOTOOLCHAIN", "auto")
	}
	switch {
	case a.ServedBy != "":
		x["Mirror"] = a.ServedBy
		a.add(core.SeverityInfo, "GOPROXY", "toolchain-served", x)
	case a.hasAny() != "":
		x["Mirror"], x["Stop"] = a.hasAny(), a.stopper()
		x["Suggestion"] = allPipes(r.Value("GOPROXY"))
		a.add(a.severity(), "GOPROXY", "toolchain-walk-stops", x)
		a.suggest("GOPROXY", x["Suggestion"])
	default:
		a.add(a.severity(), "GOPROXY", "toolchain-not-served", x)
	}
}

// severity is an error when the toolchain is needed now, else a warning.
func (a *Availability) severity() core.Severity {
	if a.Needed && a.Mode == "auto" {
		return core.SeverityError
	}
	return core.SeverityWarning
}

// hasAny names a mirror that has the toolchain, or "".
func (a *Availability) hasAny() string {
	for _, m := range a.Mirrors {
		if m.Has {
			return m.Name
		}
	}
	return ""
}

// stopper names the mirror whose error ended the walk.
func (a *Availability) stopper() string {
	for _, m := range a.Mirrors {
		if !m.Has && m.Status != 404 && m.Status != 410 && m.Sep != mirrors.Pipe {
			return m.Name
		}
	}
	return ""
}

// allPipes returns the GOPROXY list with every separator '|'.
func allPipes(v string) string {
	c := mirrors.ParseChain(v)
	for i := range c {
		c[i].Sep = mirrors.Pipe
	}
	return strings.TrimSpace(c.String())
}

func (a *Availability) add(sev core.Severity, v, code string, x args) {
	a.Problems = append(a.Problems, core.NewProblem(sev, v, code, x))
}

func (a *Availability) suggest(k, v string) {
	if a.Set == nil {
		a.Set = map[string]string{}
	}
	a.Set[k] = v
}
