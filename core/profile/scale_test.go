package profile

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// manyProfiles is an exported file of n profiles.
func manyProfiles(n int) []byte {
	var b strings.Builder
	for i := range n {
		if i%2 == 0 { // a table of its own
			fmt.Fprintf(&b, "[profiles.\"P%d\"]\ndescription = \"x\"\n", i)
		} // else only implied by the next table
		fmt.Fprintf(&b, "[profiles.\"P%d\".set]\nGOPROXY = \"https://m%d.example.test,direct\"\n\n", i, i)
	}
	return []byte(b.String())
}

func BenchmarkParse(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		data := manyProfiles(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Parse("p.toml", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestKeyLinesAgreeWithTheParser: the lines found in one pass are the
// lines the toml package reports for each key.
func TestKeyLinesAgreeWithTheParser(t *testing.T) {
	const file = `# profiles
[profiles."Home"]
description = "GOPROXY = not a key [profiles.x]"
credentials = ["git.example.test"]

  [profiles."Home".set]
  # set GOPROXY = later
  GOPROXY = "https://home.example.test,direct"
  'GOSUMDB' = "sum.example.test"

[profiles.Work]
unset = ["GOPROXY"]
set = { GOPRIVATE = "*.corp.example.test", GOFLAGS = "-mod=mod" }
`
	var top map[string]toml.Primitive
	md, err := toml.Decode(file, &top)
	if err != nil {
		t.Fatal(err)
	}
	lines := keyLines(file, md.Keys())
	for _, k := range md.Keys() {
		want := probeLine(t, file, k)
		if got, ok := lines[k.String()]; !ok || got != want {
			t.Errorf("line of %s = %d (found %v), want %d", k, got, ok, want)
		}
	}
}

// probeLine returns the line toml reports for key k of file.
func probeLine(t *testing.T, file string, k toml.Key) int {
	var top map[string]toml.Primitive
	md, _ := toml.Decode(file, &top)
	d := &decoder{md: &md}
	var prim toml.Primitive = top[k[0]]
	for _, part := range k[1:] {
		var m map[string]toml.Primitive
		if err := md.PrimitiveDecode(prim, &m); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		prim = m[part]
	}
	return d.line(prim)
}
