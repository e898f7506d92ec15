package mirrors

import (
	"bufio"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core/mirrors/probe"
)

func TestBuiltin(t *testing.T) {
	ms := Builtin()
	if len(ms) != 7 {
		t.Fatalf("Builtin() has %d mirrors, want 7", len(ms))
	}
	seen := map[string]bool{}
	for _, m := range ms {
		u, err := url.Parse(m.URL)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			t.Errorf("%s: URL %q is not an https URL", m.ID, m.URL)
		}
		if m.ID == "" || m.Name == "" || m.Operator == "" || m.Region == "" || seen[m.ID] {
			t.Errorf("%+v: want a unique ID, a name, an operator and a region", m)
		}
		if m.SumDB != probe.SumDBUnknown || m.Origin != OriginBuiltin {
			t.Errorf("%s: sumdb %q origin %q, want unknown (until probed) and builtin", m.ID, m.SumDB, m.Origin)
		}
		seen[m.ID] = true
	}
	ms[0].Name = "changed"
	if Builtin()[0].Name == "changed" {
		t.Error("Builtin() returned shared storage")
	}
}

// TestNoHardCodedDefaults: the toolchain's default proxy and checksum
// database hosts come from $GOROOT/go.env at run time, never from our
// sources or data. The hosts are read from the real go.env here, too.
func TestNoHardCodedDefaults(t *testing.T) {
	hosts := realGoEnvHosts(t)
	t.Logf("checking for %d hosts from go.env", len(hosts))
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		for _, h := range hosts {
			if strings.Contains(string(data), h) {
				t.Errorf("%s mentions %s; read it from $GOROOT/go.env instead", path, h)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// realGoEnvHosts returns the hosts named by the installed toolchain's go.env.
func realGoEnvHosts(t *testing.T) []string {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Skip("no go command:", err)
	}
	f, err := os.Open(filepath.Join(strings.TrimSpace(string(out)), "go.env"))
	if err != nil {
		t.Skip("no go.env:", err)
	}
	defer f.Close()
	var hosts []string
	for sc := bufio.NewScanner(f); sc.Scan(); {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok || (k != "GOPROXY" && k != "GOSUMDB") {
			continue
		}
		for _, l := range ParseChain(v) {
			if u, err := url.Parse(NormalizeURL(strings.Fields(l.Target)[0])); err == nil && strings.Contains(u.Hostname(), ".") {
				hosts = append(hosts, u.Hostname())
			}
		}
	}
	return hosts
}

func TestToolchainDefault(t *testing.T) {
	cases := []struct{ goEnv, want string }{
		{testGoEnv, "https://proxy.example.test"},
		{"GOPROXY=proxy.example.test/x/|direct\n", "https://proxy.example.test/x"},
		{"GOPROXY= , http://127.0.0.1:3000,direct\n", "http://127.0.0.1:3000"},
		{"GOPROXY=direct\n", ""},
		{"GOPROXY=off,https://proxy.example.test\n", ""},
		{"GOSUMDB=sum.example.test\n", ""},
	}
	for _, c := range cases {
		r := resolveWith(t, c.goEnv)
		m, ok := ToolchainDefault(r)
		if ok != (c.want != "") || m.URL != c.want {
			t.Errorf("ToolchainDefault(go.env %q) = %q, %t; want %q", c.goEnv, m.URL, ok, c.want)
		}
		if ok && (m.ID != DefaultID || m.Origin != OriginToolchain) {
			t.Errorf("ToolchainDefault(go.env %q) = %+v, want ID default and origin toolchain", c.goEnv, m)
		}
	}
}

func TestCatalogueFind(t *testing.T) {
	r := resolveWith(t, testGoEnv)
	cat := Catalogue(r, []Mirror{{ID: "corp", Name: "Corp Athens", URL: "https://athens.corp.example.test"}})
	if len(cat) != 9 || cat[0].ID != DefaultID || cat[8].Origin != OriginUser {
		t.Fatalf("Catalogue: %d entries, first %q, last origin %q; want default + 7 + user", len(cat), cat[0].ID, cat[8].Origin)
	}
	for _, q := range []string{"aliyun", "ALIYUN", "Alibaba Cloud", "https://mirrors.aliyun.com/goproxy", "mirrors.aliyun.com/goproxy/"} {
		if m, ok := Find(cat, q); !ok || m.ID != "aliyun" {
			t.Errorf("Find(%q) = %q, %t; want aliyun", q, m.ID, ok)
		}
	}
	if m, ok := Find(cat, "proxy.example.test"); !ok || m.ID != DefaultID {
		t.Errorf("Find(go.env's host) = %q, %t; want the toolchain default", m.ID, ok)
	}
	if _, ok := Find(cat, "https://nowhere.example.test"); ok {
		t.Error("Find(unknown URL) found something")
	}
	if ts := Targets(cat); ts[1].ID != cat[1].ID || ts[1].URL != cat[1].URL {
		t.Errorf("Targets()[1] = %+v, want %s", ts[1], cat[1].URL)
	}
}
