package mirrors

import (
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/validate"
)

// Sep is the separator after a GOPROXY entry; it says when the go command
// moves on to the next entry.
type Sep string

// Separators.
const (
	// Comma falls back to the next entry only when this one answers 404 or
	// 410 (it does not have the module); any other error stops the download.
	Comma Sep = ","
	// Pipe falls back to the next entry on any error: 404/410, timeouts,
	// refused connections, 5xx.
	Pipe Sep = "|"
)

// The GOPROXY keywords. Each ends the list.
const (
	Direct = "direct"
	Off    = "off"
)

// Link is one GOPROXY entry: a proxy URL, direct or off, and the separator
// that follows it (ignored on the last link).
type Link struct {
	Target string `json:"target"`
	Sep    Sep    `json:"sep,omitempty"`
}

// IsKeyword reports whether the link is direct or off.
func (l Link) IsKeyword() bool { return l.Target == Direct || l.Target == Off }

// Chain is a GOPROXY value as a list of links.
type Chain []Link

// NewChain links targets (mirror URLs, direct or off) with sep.
func NewChain(sep Sep, targets ...string) Chain {
	c := make(Chain, len(targets))
	for i, t := range targets {
		c[i] = Link{Target: t, Sep: sep}
	}
	return c
}

// String returns the GOPROXY value.
func (c Chain) String() string {
	var b strings.Builder
	for i, l := range c {
		if i > 0 {
			sep := c[i-1].Sep
			if sep != Pipe {
				sep = Comma
			}
			b.WriteString(string(sep))
		}
		b.WriteString(l.Target)
	}
	return b.String()
}

// ParseChain splits a GOPROXY value as the go command does: at ',' or '|',
// trimming spaces and skipping empty entries. Unlike the go command it keeps
// entries after direct or off, so that an editor can show them (Explain
// says they are never used).
func ParseChain(value string) Chain {
	var c Chain
	for s := value; s != ""; {
		e, sep := s, Comma
		if i := strings.IndexAny(s, ",|"); i >= 0 {
			e, sep, s = s[:i], Sep(s[i:i+1]), s[i+1:]
		} else {
			s = ""
		}
		if e = strings.TrimSpace(e); e != "" {
			c = append(c, Link{Target: e, Sep: sep})
		}
	}
	return c
}

// Validate checks the chain as a write of GOPROXY against r would be
// checked (core/validate); problems of severity error refuse the write.
func (c Chain) Validate(r *resolve.Resolution) []core.Problem {
	return validate.Set(r, "GOPROXY", c.String())
}

// Assignments returns the write of the chain, for service.Set.
func (c Chain) Assignments() []core.Assignment {
	return []core.Assignment{{Key: "GOPROXY", Value: c.String()}}
}

// Explanation says what one link does. Text is in English: the core.Text
// Code rendered from Args, so that the GUI can translate it.
type Explanation struct {
	Link
	Name string            `json:"name"` // the mirror's catalogue name, or the target
	Used bool              `json:"used"` // false after direct or off: the go command never gets there
	Text string            `json:"text"`
	Code string            `json:"-"`
	Args map[string]string `json:"-"`
}

// Explain describes each link in order, naming mirrors found in cat.
func (c Chain) Explain(cat []Mirror) []Explanation {
	out := make([]Explanation, len(c))
	ended := ""
	for i, l := range c {
		x := Explanation{Link: l, Name: nameOf(cat, l.Target), Used: ended == ""}
		switch {
		case ended != "":
			x.Code, x.Args = "mirrors.never-used", map[string]string{"End": ended}
		case l.Target == Off:
			x.Code, ended = "mirrors.off", l.Target
		case l.IsKeyword():
			x.Code, ended = "mirrors.direct", l.Target
		case i == len(c)-1:
			x.Code, x.Args = "mirrors.last", map[string]string{"Name": x.Name}
		case l.Sep == Pipe:
			x.Code, x.Args = "mirrors.then-pipe", map[string]string{"Name": x.Name, "Next": nameOf(cat, c[i+1].Target)}
		default:
			x.Code, x.Args = "mirrors.then-comma", map[string]string{"Name": x.Name, "Next": nameOf(cat, c[i+1].Target)}
		}
		x.Text = core.NewText(x.Code, x.Args).String()
		out[i] = x
	}
	return out
}

func nameOf(cat []Mirror, target string) string {
	if target == Direct || target == Off {
		return target
	}
	if m, ok := Find(cat, target); ok {
		return m.Name
	}
	return target
}
