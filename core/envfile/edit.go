package envfile

import (
	"sort"
	"strings"

	"github.com/gomirror/gomirror/core"
)

// ErrChanged reports that the file changed on disk since it was read.
var ErrChanged error = core.NewError("envfile.changed", nil, nil)

// Edit applies go env -w (set) and go env -u (unset) to the file contents
// data and returns the new contents, byte for byte what cmd/go's
// updateEnvFile writes for the same input:
//
//  1. A final '\n' is added if missing.
//  2. Every line with a key (see [LineKey]) that has a later line with the
//     same key is removed, for all keys, not only those being edited.
//  3. Each set key replaces its surviving line in place, or is appended.
//  4. Each unset key's surviving line is removed.
//  5. Each run of consecutive key lines is sorted by key; lines without a
//     key, and removed lines, end a run.
//
// Comments, blank and invalid lines are kept in order, and no key line
// crosses them. A removed line ends a run now but is gone at the next edit,
// so the result is not always sorted: like go env -w, Edit(Edit(x)) may
// differ from Edit(x). For valid keys and disjoint set and unset, a third
// application changes nothing.
//
// Keys are taken as given: the caller validates them as go env -w does (no
// '=', '#', '\n' or '\r'). Set keys missing from the file are appended in
// sorted key order; go appends them in map order, which the final sort
// makes irrelevant for valid keys. A key in both set and unset is handled as
// updateEnvFile would: set first, then the line the file already had for it
// is removed, which keeps an appended line.
func Edit(data []byte, set map[string]string, unset []string) []byte {
	lines := splitLines(string(data))
	last := dropDuplicates(lines)
	lines = applySet(lines, last, set)
	for _, k := range unset {
		if p, ok := last[k]; ok {
			lines[p] = ""
		}
	}
	sortRuns(lines)
	return []byte(strings.Join(lines, ""))
}

// splitLines splits s after each '\n', adding a final '\n' if missing, as
// cmd/go's readEnvFileLines does.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		return lines[:len(lines)-1]
	}
	lines[len(lines)-1] += "\n"
	return lines
}

// dropDuplicates blanks all but the last line of each key and returns the
// index of each key's last line.
func dropDuplicates(lines []string) map[string]int {
	last := make(map[string]int)
	for i, line := range lines {
		if key := LineKey(line); key != "" {
			if p, ok := last[key]; ok {
				lines[p] = ""
			}
			last[key] = i
		}
	}
	return last
}

// applySet replaces the lines of keys in set that the file has and appends
// the others, in sorted key order.
func applySet(lines []string, last map[string]int, set map[string]string) []string {
	var add []string
	for key, val := range set {
		if p, ok := last[key]; ok {
			lines[p] = key + "=" + val + "\n"
			continue
		}
		add = append(add, key)
	}
	sort.Strings(add)
	for _, key := range add {
		lines = append(lines, key+"="+set[key]+"\n")
	}
	return lines
}

// sortRuns sorts each run of consecutive key lines by key.
func sortRuns(lines []string) {
	start := 0
	for i := 0; i <= len(lines); i++ {
		if i == len(lines) || LineKey(lines[i]) == "" {
			run := lines[start:i]
			sort.Slice(run, func(a, b int) bool { return LineKey(run[a]) < LineKey(run[b]) })
			start = i + 1
		}
	}
}

// LineKey returns the key that go env -w and -u see in line: the text before
// the first '=', or "" if there is no '=' or that text contains '#'. It is
// looser than the reader ([Parse]): " GOPROXY", "GOSUMDB " and "goproxy" are
// keys to the writer, but the go command never reads them.
func LineKey(line string) string {
	i := strings.Index(line, "=")
	if i < 0 || strings.Contains(line[:i], "#") {
		return ""
	}
	return line[:i]
}
