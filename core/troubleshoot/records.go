package troubleshoot

import (
	"regexp"
	"strings"
	"sync"
)

// record is one message of the go command's output: a first line and the
// indented lines that continue it.
type record struct {
	lines []string
}

func (r record) text() string { return strings.Join(r.lines, "\n") }

// boilerplate starts the explanatory paragraphs the go command prints after
// a checksum mismatch; they belong to the message before them.
var boilerplate = []string{
	"SECURITY ERROR", "SECURITY WARNING", "This download ", "The bits may have been",
	"have intercepted the download", "intercepted the checksum", "For more information, see",
	"The checksum server ", "not contain an entry", "The download cannot be verified",
}

// benign starts go command lines that report progress, not failure.
var benign = []string{
	"go: downloading ", "go: finding ", "go: found ", "go: added ", "go: upgraded ",
	"go: downgraded ", "go: removed ", "go: extracting ", "go: creating new go.mod",
	"go: to add module requirements", "go: switching to ", "go: warning: ",
}

// splitRecords groups output into records, dropping blank lines, -x trace
// lines and the checksum boilerplate.
func splitRecords(output string) []record {
	var out []record
	for _, line := range strings.Split(strings.ReplaceAll(output, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "", isTrace(line), hasAnyPrefix(trimmed, boilerplate):
			continue
		case (strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "    ")) && len(out) > 0:
			out[len(out)-1].lines = append(out[len(out)-1].lines, line)
		default:
			out = append(out, record{lines: []string{line}})
		}
	}
	return out
}

// isTrace reports a line of go -x output: a "# get" line or a shell
// command it runs.
func isTrace(line string) bool {
	return strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "mkdir ") ||
		strings.HasPrefix(line, "cd ") || strings.HasPrefix(line, "WORK=") || strings.HasPrefix(line, "rm -r")
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func containsAny(s string, subs ...string) bool {
	for _, p := range subs {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// traceGet is one "# get URL: STATUS" line of go -x output.
type traceGet struct {
	URL    string
	Status int // 0 while pending or on a network error
	Done   bool
	Err    string
}

var (
	traceStartRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^# get (\S+)$`) })
	traceDoneRE  = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^# get (\S+): (?:(\d{3}) [^(]*|(.*?))(?: \([\d.]+m?s\))?$`)
	})
)

// parseTrace returns the requests of go -x output in order; a request
// started but never finished stays !Done.
func parseTrace(output string) []traceGet {
	var gets []traceGet
	open := map[string]int{}
	for _, line := range strings.Split(output, "\n") {
		line = strings.TrimRight(line, "\r")
		if m := traceStartRE().FindStringSubmatch(line); m != nil {
			open[m[1]] = len(gets)
			gets = append(gets, traceGet{URL: m[1]})
			continue
		}
		m := traceDoneRE().FindStringSubmatch(line)
		if m == nil {
			continue
		}
		i, ok := open[m[1]]
		if !ok {
			i = len(gets)
			gets = append(gets, traceGet{URL: m[1]})
		}
		gets[i].Done, gets[i].Status, gets[i].Err = true, atoi(m[2]), m[3]
		delete(open, m[1])
	}
	return gets
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}
