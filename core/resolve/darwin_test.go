package resolve_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core/resolve"
)

// TestDarwinDefaultsRecorded resolves the settings of the users whose
// go env output is in testdata/darwin (HOME taken from the recorded GOENV)
// and checks the defaults Go Mirror derives for macOS: the env file under
// ~/Library/Application Support, GOPATH and GOMODCACHE.
func TestDarwinDefaultsRecorded(t *testing.T) {
	files, _ := filepath.Glob("testdata/darwin/go-env-*.txt")
	if len(files) == 0 {
		t.Fatal("no recordings")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		sc := bufio.NewScanner(strings.NewReader(string(data)))
		for sc.Scan() {
			k, v, _ := strings.Cut(sc.Text(), "=")
			if want[k], err = strconv.Unquote(v); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
		}
		home, _, _ := strings.Cut(want["GOENV"], "/Library/")
		in := resolve.Input{GOOS: "darwin", Cwd: home, FS: newMemFS("/usr/local/go", ""),
			Env: []string{"HOME=" + home, "PATH=/usr/local/go/bin:/usr/bin:/bin"}}
		r := resolve.Resolve(in)
		for name, w := range want {
			got := ""
			if name == "GOENV" {
				got = r.EnvFile.Path
			} else if s, ok := r.Get(name); ok {
				got = s.Value
			}
			if got != w {
				t.Errorf("%s: %s = %q, want %q (recorded)", filepath.Base(f), name, got, w)
			}
		}
	}
}
