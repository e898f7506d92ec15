package core

import "testing"

func TestMaskUserinfo(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://alice:PW@proxy.example.test,direct", "https://alice:xxxxx@proxy.example.test,direct"},
		{"https://a.example.test|https://TOKEN@b.example.test", "https://a.example.test|https://xxxxx@b.example.test"},
		{"alice:TOKEN@git.example.test", "alice:xxxxx@git.example.test"},
		{`invalid prefix "alice:TOKEN@git.example.test": no`, `invalid prefix "alice:xxxxx@git.example.test": no`},
		{"sum.example.test https://u:p@sum.example.test", "sum.example.test https://u:xxxxx@sum.example.test"},
		{"GOPROXY=https://u:p@x.example.test", "GOPROXY=https://u:xxxxx@x.example.test"},
		{"git@github.com:org/repo.git", "xxxxx@github.com:org/repo.git"},
		{"https://proxy.example.test/a@v1.2.3", "https://proxy.example.test/a@v1.2.3"},
		{"example.com/mod@v1.2.3", "example.com/mod@v1.2.3"},
		{"no secrets here", "no secrets here"},
	} {
		if got := MaskUserinfo(tt.in); got != tt.want {
			t.Errorf("MaskUserinfo(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
