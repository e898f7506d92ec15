// Package corpus reads the corpora of real-world outputs that tests keep in
// testdata (go command failures, PowerShell output, PowerShell profiles).
// A corpus file is a header of free text, then cases:
//
//	=== ID
//	key: value          fields; a key may repeat
//	--- part            a declared part: every following line up to the next
//	...                 "=== " line or declared "--- part" line, as posted
//
// Only declared part names start a part, so a posted "--- FAIL:" line stays
// in the text it belongs to.
package corpus

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
)

// Case is one case of a corpus.
type Case struct {
	ID     string
	Fields map[string][]string
	// Parts holds each part's lines, each ending in "\n".
	Parts map[string]string
}

// Field returns the first value of the field key, or "".
func (c Case) Field(key string) string {
	if vs := c.Fields[key]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// Schema names a corpus's fields and parts. A field not in Fields is an
// error.
type Schema struct {
	Fields []string
	Parts  []string
}

// Read parses the corpus file path.
func Read(path string, s Schema) ([]Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cases []Case
	var cur *Case
	part := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 4<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		name, isPart := strings.CutPrefix(line, "--- ")
		isPart = isPart && slices.Contains(s.Parts, name)
		switch {
		case strings.HasPrefix(line, "=== "):
			cases = append(cases, Case{ID: strings.TrimSpace(line[4:]), Fields: map[string][]string{}, Parts: map[string]string{}})
			cur, part = &cases[len(cases)-1], ""
		case cur == nil:
			// The header.
		case isPart:
			part = name
			cur.Parts[part] += ""
		case part != "":
			cur.Parts[part] += line + "\n"
		case strings.TrimSpace(line) == "":
		default:
			k, v, _ := strings.Cut(line, ": ")
			if !slices.Contains(s.Fields, k) {
				return nil, fmt.Errorf("%s:%d: case %s: unknown field %q", path, n, cur.ID, k)
			}
			cur.Fields[k] = append(cur.Fields[k], v)
		}
	}
	return cases, sc.Err()
}
