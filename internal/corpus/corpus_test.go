package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	const text = `# header: anything
key: not a field yet
=== a1
url: https://example.test/1
env: A=1
env: B=2
--- output
$ go test ./...
--- FAIL: TestX (0.00s)
url: stays in the output

=== a2
url: https://example.test/2
--- output
--- stderr
oops
`
	path := filepath.Join(t.TempDir(), "corpus.txt")
	if err := os.WriteFile(path, []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}
	got, err := Read(path, Schema{Fields: []string{"url", "env"}, Parts: []string{"output", "stderr"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []Case{
		{ID: "a1", Fields: map[string][]string{"url": {"https://example.test/1"}, "env": {"A=1", "B=2"}},
			Parts: map[string]string{"output": "$ go test ./...\n--- FAIL: TestX (0.00s)\nurl: stays in the output\n\n"}},
		{ID: "a2", Fields: map[string][]string{"url": {"https://example.test/2"}},
			Parts: map[string]string{"output": "", "stderr": "oops\n"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Read = %#v\nwant %#v", got, want)
	}
	if got[0].Field("env") != "A=1" || got[1].Field("env") != "" {
		t.Errorf("Field: %q, %q", got[0].Field("env"), got[1].Field("env"))
	}
	if _, err := Read(path, Schema{Fields: []string{"url"}, Parts: []string{"output"}}); err == nil || !strings.Contains(err.Error(), `unknown field "env"`) {
		t.Errorf("Read with env undeclared: %v, want an unknown field error", err)
	}
}
