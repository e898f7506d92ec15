package envfile

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestEditMatchesGo runs the real go env -w/-u on a copy of each golden
// input and checks that Edit writes the same bytes, and that the golden
// file records them. It then repeats the same command on go's output, since
// a second rewrite can differ from the first (removed lines join runs).
func TestEditMatchesGo(t *testing.T) {
	bin := goBin(t)
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			in := readTestdata(t, tc.name+".in")
			want := realEdit(t, bin, in, tc.args)
			set, unset := editArgs(t, tc.args)
			if got := Edit(in, set, unset); !bytes.Equal(got, want) {
				t.Errorf("Edit(%q, %q) = %q, go env wrote %q", in, tc.args, got, want)
			}
			if golden := readTestdata(t, tc.name+".golden"); !bytes.Equal(golden, want) {
				t.Errorf("%s.golden = %q, go env wrote %q", tc.name, golden, want)
			}
			if tc.once {
				return
			}
			want2 := realEdit(t, bin, want, tc.args)
			if got := Edit(want, set, unset); !bytes.Equal(got, want2) {
				t.Errorf("second Edit(%q, %q) = %q, go env wrote %q", want, tc.args, got, want2)
			}
		})
	}
}

// randomLines are the pieces TestEditMatchesGoRandom builds files from:
// keys go reads, keys only the writer sees, and lines neither does.
var randomLines = []string{
	"GOPROXY=https://a.example.test\n", "GOPROXY=https://b.example.test\n",
	"GOSUMDB=off\n", "GOPRIVATE=p.example.test\n", "GOAUTH=netrc\n",
	"GOFLAGS=-mod=mod\n", "GONOSUMDB=n.example.test\r\n", "GO386=sse2\n",
	" GOPROXY=x\n", "GOSUMDB =off\n", "goprivate=y\n", "\ufeffGOAUTH=off\n",
	"# comment\n", "\n", "A#B=c\n", "=v\n", "junk\n", "GOINSECURE=i.example.test",
}

var randomKeys = []string{"GOPROXY", "GOSUMDB", "GOPRIVATE", "GOAUTH", "GOFLAGS", "GONOSUMDB", "GOINSECURE"}

// TestEditMatchesGoRandom compares Edit with the real go env -w/-u on
// pseudo-random files and arguments (fixed seed, so failures repeat).
func TestEditMatchesGoRandom(t *testing.T) {
	bin := goBin(t)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20 {
		var in []byte
		for range r.IntN(8) {
			in = append(in, randomLines[r.IntN(len(randomLines))]...)
		}
		args := randomArgs(r, i%3 == 0)
		want := realEdit(t, bin, in, args)
		set, unset := editArgs(t, args)
		if got := Edit(in, set, unset); !bytes.Equal(got, want) {
			t.Errorf("Edit(%q, %q) = %q, go env wrote %q", in, args, got, want)
		}
	}
}

// randomArgs returns go env arguments setting (or unsetting) one to three
// distinct keys.
func randomArgs(r *rand.Rand, unset bool) []string {
	args := []string{"-w"}
	if unset {
		args[0] = "-u"
	}
	for _, i := range r.Perm(len(randomKeys))[:1+r.IntN(3)] {
		if unset {
			args = append(args, randomKeys[i])
		} else {
			args = append(args, randomKeys[i]+"=v"+strconv.Itoa(r.IntN(10)))
		}
	}
	return args
}
