package mirrors

import (
	"testing"

	"github.com/gomirror/gomirror/core"
)

// TestShownName: the toolchain default and a catalogue mirror with a
// Chinese name are named in Chinese, and in English as before.
func TestShownName(t *testing.T) {
	zh := core.NewLang("zh-Hans")
	tc := Mirror{Name: "Toolchain default", Origin: OriginToolchain}
	ali := Mirror{Name: "Alibaba Cloud", Names: map[string]string{"zh-Hans": "阿里云"}, Origin: OriginBuiltin}
	own := Mirror{Name: "mine", Origin: OriginUser}
	for _, c := range []struct {
		l    *core.Lang
		m    Mirror
		want string
	}{
		{zh, tc, "工具链默认"}, {core.English, tc, "Toolchain default"},
		{zh, ali, "阿里云"}, {core.English, ali, "Alibaba Cloud"},
		{zh, own, "mine"},
	} {
		if got := c.m.ShownName(c.l); got != c.want {
			t.Errorf("%s in %s = %q, want %q", c.m.Name, c.l.Tag(), got, c.want)
		}
	}
}
