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
// lines and the checksum boilerplate. The output is cleaned first (see
// cleanLines), so CI and Docker prefixes never reach the rules.
func splitRecords(output string) []record {
	var out []record
	for _, line := range cleanLines(output) {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "", isTrace(line), hasAnyPrefix(trimmed, boilerplate):
			continue
		case len(out) > 0 && continues(line, trimmed):
			out[len(out)-1].lines = append(out[len(out)-1].lines, line)
		default:
			out = append(out, record{lines: []string{line}})
		}
	}
	return out
}

// continuation starts lines that belong to the message before them even
// when a paste lost their indentation.
var continuation = []string{
	"module declares its path as", "but was required as", "server response", "downloaded:", "go.sum:",
	"fatal:", "remote:", "Confirm the import path", "If this is a private repository", "GitLab:",
	"Please make sure you have", "and the repository exists", "Cloning into", "restoring ",
	"Username for ", "Password for ",
}

// continues reports whether line continues the record before it: it is
// indented, or starts like the second line of a known message.
func continues(line, trimmed string) bool {
	return strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "  ") || hasAnyPrefix(trimmed, continuation)
}

var (
	ansiRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07`) })
	// noiseRE matches one prefix that CI systems, Docker and loggers put
	// before a line: BuildKit steps ("#14 182.1 "), bare elapsed seconds
	// ("14.66 "), timestamps, log levels, build-service tags ("[STG/0] ERR",
	// "[   47s]"), GitHub Actions markers and quoting ("> ", "# output:").
	noiseRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:` +
			`#\d+ \d+(?:\.\d+)? ?` + `|#\d+ (?:\[[^\]]*\] )?` +
			`|\d+\.\d+ ` +
			`|\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})? ?` +
			`|\d{2}:\d{2}:\d{2}(?:[.,]\d+)? ` +
			`|\[ *\d+(?:\.\d+)?s\] ` + `|\[[A-Z]+/\d+\] (?:OUT|ERR) ` +
			`|(?:level=)?(?:INFO|WARN|WARNING|ERROR|ERR|DEBUG|FATAL|error|info|warn)\b:? ?` +
			`|\[(?:INFO|WARN|WARNING|ERROR|ERR|DEBUG|FATAL|Info|Warn|Error)\] ` +
			`|##\[(?:error|warning|group|endgroup)\]` + `|err: ` + `|> ?` + `|# output: ?` + `|\| ` +
			`)`)
	})
)

// cleanLines splits output into lines without what pastes from CI, Docker
// and terminals add: ANSI colours, carriage returns (a progress line keeps
// its last state), log prefixes (see noiseRE), and a URL that a terminal
// wrapped onto a line of its own.
func cleanLines(output string) []string {
	output = ansiRE().ReplaceAllString(output, "")
	var out []string
	for _, line := range strings.Split(output, "\n") {
		line = strings.TrimRight(line, "\r")
		if i := strings.LastIndex(line, "\r"); i >= 0 {
			line = line[i+1:]
		}
		line = stripNoise(line)
		if n := len(out); n > 0 && isWrappedURL(out[n-1], line) {
			out[n-1] += " " + strings.TrimSpace(line)
			continue
		}
		out = append(out, line)
	}
	return out
}

// stripNoise removes the prefixes of noiseRE, repeatedly (a timestamp
// before a log level before a BuildKit step), keeping the indentation after
// them.
func stripNoise(line string) string {
	for i := 0; i < 4; i++ {
		rest := strings.TrimLeft(line, " ")
		m := noiseRE().FindString(rest)
		if m == "" {
			break
		}
		line = rest[len(m):]
	}
	return line
}

// isWrappedURL reports a URL alone on a line after a line that ends where a
// URL was expected.
func isWrappedURL(prev, line string) bool {
	t := strings.TrimSpace(line)
	if !strings.HasPrefix(t, "https://") && !strings.HasPrefix(t, "http://") {
		return false
	}
	p := strings.TrimSpace(prev)
	return strings.HasSuffix(p, "reading") || strings.HasSuffix(p, "Get") || strings.HasSuffix(p, "fetching")
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
	for _, line := range cleanLines(output) {
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
