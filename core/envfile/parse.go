// Package envfile reads and edits the go command's env files: the user file
// written by go env -w and $GOROOT/go.env. Reading follows cmd/go's
// readEnvFile byte for byte; editing follows go env -w/-u for the lines it
// touches and leaves every other byte alone.
package envfile

import "bytes"

// Entry is one KEY=VALUE line that the go command reads.
type Entry struct {
	Key   string
	Value string
	Line  int // 1-based line number
}

// Parse returns the entries of an env file in file order, exactly as the go
// command reads them: lines are split on '\n'; a line is a setting only if it
// contains '=' and its first byte is 'A'–'Z'; the key is the text before the
// first '=' and the value the rest, verbatim (no trimming, no quotes, a
// trailing '\r' kept).
func Parse(data []byte) []Entry {
	var entries []Entry
	for n := 1; len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = line[:i], data[i+1:]
		} else {
			data = nil
		}
		i := bytes.IndexByte(line, '=')
		if i < 0 || line[0] < 'A' || 'Z' < line[0] {
			continue
		}
		entries = append(entries, Entry{Key: string(line[:i]), Value: string(line[i+1:]), Line: n})
	}
	return entries
}

// Index maps each key to its entry. In the user file the last occurrence of a
// key wins (lastWins true); in $GOROOT/go.env the first does.
func Index(entries []Entry, lastWins bool) map[string]Entry {
	m := make(map[string]Entry, len(entries))
	for _, e := range entries {
		if _, ok := m[e.Key]; ok && !lastWins {
			continue
		}
		m[e.Key] = e
	}
	return m
}
