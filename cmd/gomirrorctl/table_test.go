package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"text/tabwriter"
)

// TestTableMatchesTabwriter: on text of one-column characters, the table
// lays out exactly as text/tabwriter did, so English output is unchanged.
func TestTableMatchesTabwriter(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 3))
	pieces := []string{"a", "bc", "GOPROXY", "", "—", "é", " ", "\t", "\t", "\n", "\n", "x y"}
	for i := range 3000 {
		var in strings.Builder
		for range rng.IntN(40) {
			in.WriteString(pieces[rng.IntN(len(pieces))])
		}
		var want, got strings.Builder
		tw := tabwriter.NewWriter(&want, 0, 8, 2, ' ', 0)
		fmt.Fprint(tw, in.String())
		tw.Flush()
		tb := newTable(&got)
		fmt.Fprint(tb, in.String())
		tb.Flush()
		if got.String() != want.String() {
			t.Fatalf("case %d %q:\n got %q\nwant %q", i, in.String(), got.String(), want.String())
		}
	}
}

// TestTableAlignsWideCells: every column starts at the same display column
// on every row when cells hold Chinese characters.
func TestTableAlignsWideCells(t *testing.T) {
	var b strings.Builder
	tb := newTable(&b)
	fmt.Fprintln(tb, "名称\t值\t来源")
	fmt.Fprintln(tb, "GOPROXY\thttps://mirror.example.test\t环境变量文件")
	fmt.Fprintln(tb, "中国大陆\t预设\tx")
	tb.Flush()
	assertAligned(t, b.String(), 3)
}

// assertAligned checks that each of the first n cells of every line of out
// (cells split on runs of two or more spaces) starts at the same display
// column.
func assertAligned(t *testing.T, out string, n int) {
	t.Helper()
	starts := map[int]int{}
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		col, cell, gap := 0, 0, 2
		for _, r := range l {
			if r == ' ' {
				gap++
			} else {
				if gap >= 2 && cell < n {
					if s, ok := starts[cell]; ok && s != col {
						t.Fatalf("cell %d of %q starts at column %d, not %d:\n%s", cell, l, col, s, out)
					}
					starts[cell] = col
					cell++
				}
				gap = 0
			}
			col += columns(string(r))
		}
	}
}
