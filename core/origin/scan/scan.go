// Package scan reads a shell's rc files statically, in the order the shell
// loads them as a login and interactive shell (what a new terminal runs),
// and reports every line that sets, exports or removes an environment
// variable. It follows sourced files. It never runs anything: the result is
// a best guess that core/origin compares with what the shell really did.
package scan

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"github.com/gomirror/gomirror/core/origin"
)

// Options describe the shell and the environment it starts with.
type Options struct {
	Kind origin.ShellKind
	// Home is the user's home directory (for ~ and the rc file names).
	Home string
	// Env is the environment the shell starts with, "KEY=VALUE"; it seeds
	// variable expansion and tells which variables are already exported.
	Env  []string
	GOOS string
	// Shell is the shell's executable. For PowerShell it tells PowerShell
	// 7 (pwsh, profiles in Documents\PowerShell) from Windows PowerShell
	// (powershell.exe, Documents\WindowsPowerShell) and gives $PSHOME,
	// the folder of the all-users profiles. If empty, the current user's
	// profiles of both are read.
	Shell string
	// Documents is the user's Documents folder, where PowerShell keeps
	// the current user's profiles on Windows; often moved (into OneDrive,
	// or to another drive). If empty: the folder Windows reports when
	// scanning the running system, else Home\Documents.
	Documents string
	// ReadFile and Glob default to os.ReadFile and filepath.Glob.
	ReadFile func(name string) ([]byte, error)
	Glob     func(pattern string) ([]string, error)
}

// Result is what the scan found.
type Result struct {
	// Assignments are the lines that set, export or remove a variable, in
	// load order.
	Assignments []origin.Assignment
	// Read lists the files read, in load order, including sourced ones.
	Read []string
	// Watched lists every file whose creation, change or removal could
	// change the result: Read plus candidates that do not exist (a new
	// ~/.bash_profile hides ~/.profile). Use it to invalidate caches.
	Watched []string
}

// maxFiles bounds the number of files one scan reads, against source loops.
const maxFiles = 200

// Scan reads the rc files of o.Kind in load order.
func Scan(o Options) Result {
	if o.ReadFile == nil {
		o.ReadFile = os.ReadFile
	}
	if o.Glob == nil {
		o.Glob = filepath.Glob
	}
	s := newState(o)
	switch o.Kind {
	case origin.Bash:
		s.bash()
	case origin.Zsh:
		s.zsh()
	case origin.Fish:
		s.fish()
	case origin.Sh:
		s.sh()
	case origin.Csh:
		s.csh()
	case origin.Pwsh:
		s.pwsh()
	}
	return s.res
}

// state is the scan in progress: the shell variables known so far and
// which of them are exported.
type state struct {
	o         Options
	res       Result
	vars      map[string]string
	inexact   map[string]bool // variables whose value is not known for sure
	exported  map[string]bool
	allexport bool
	seen      map[string]bool
	watched   map[string]bool
	funcs     map[string]posixFunc // shell functions defined so far
	pvars     map[string]pwshVar   // PowerShell variables, by lower-case name
}

func newState(o Options) *state {
	s := &state{o: o, vars: map[string]string{}, inexact: map[string]bool{},
		exported: map[string]bool{}, seen: map[string]bool{}, watched: map[string]bool{},
		funcs: map[string]posixFunc{}}
	for k, v := range origin.EnvMap(o.Env, o.GOOS) {
		s.vars[k], s.exported[k] = v, true
	}
	if o.Home != "" {
		s.vars["HOME"] = o.Home
	}
	return s
}

// home returns the file name under the home directory.
func (s *state) home(name string) string { return filepath.Join(s.o.Home, name) }

// watch records a candidate file.
func (s *state) watch(path string) {
	if !s.watched[path] {
		s.watched[path] = true
		s.res.Watched = append(s.res.Watched, path)
	}
}

// read returns a file's content, recording it as watched and, if it
// exists, as read. A file is read once per scan.
func (s *state) read(path string) ([]byte, bool) {
	s.watch(path)
	if s.seen[path] || len(s.seen) >= maxFiles {
		return nil, false
	}
	data, err := s.o.ReadFile(path)
	if err != nil {
		return nil, false
	}
	s.seen[path] = true
	s.res.Read = append(s.res.Read, path)
	return data, true
}

// exists reports whether path can be read, watching it.
func (s *state) exists(path string) bool {
	s.watch(path)
	_, err := s.o.ReadFile(path)
	return err == nil
}

// firstOf returns the first readable file of paths, or "".
func (s *state) firstOf(paths ...string) string {
	for _, p := range paths {
		if s.exists(p) {
			return p
		}
	}
	return ""
}

// glob returns the sorted matches of pattern, watching the directory.
func (s *state) glob(pattern string) []string {
	s.watch(filepath.Dir(pattern))
	m, _ := s.o.Glob(pattern)
	return m
}

// add records an assignment found at file:line.
func (s *state) add(a origin.Assignment) {
	if s.o.GOOS == "windows" {
		a.Var = strings.ToUpper(a.Var)
	}
	s.res.Assignments = append(s.res.Assignments, a)
}

// setVar records a shell variable's new value.
func (s *state) setVar(name, value string, exact bool) {
	s.vars[name] = value
	s.inexact[name] = !exact
}

// lookup returns a variable's value and whether it is known for sure.
func (s *state) lookup(name string) (string, bool) {
	v, ok := s.vars[name]
	return v, ok && !s.inexact[name]
}

// lines splits data into lines without their line ends. A UTF-8 byte order
// mark is dropped, and a file with a UTF-16 one is decoded: Windows
// PowerShell 5.1's > and Out-File write UTF-16LE with a BOM, so a profile
// made with echo '...' > $PROFILE is one, and PowerShell reads it.
func lines(data []byte) []string {
	data = decodeBOM(data)
	ls := strings.Split(string(data), "\n")
	for i, l := range ls {
		ls[i] = strings.TrimSuffix(l, "\r")
	}
	if n := len(ls); n > 0 && ls[n-1] == "" {
		ls = ls[:n-1]
	}
	return ls
}

// logical joins lines continued with a trailing backslash. Each logical
// line keeps the number of its first physical line and that line's text.
type logicalLine struct {
	n    int
	text string // the first physical line, as written
	code string // the joined logical line
}

func logical(ls []string) []logicalLine {
	var out []logicalLine
	for i := 0; i < len(ls); i++ {
		l := logicalLine{n: i + 1, text: ls[i], code: ls[i]}
		for strings.HasSuffix(l.code, `\`) && !strings.HasSuffix(l.code, `\\`) && i+1 < len(ls) {
			i++
			l.code = strings.TrimSuffix(l.code, `\`) + ls[i]
		}
		out = append(out, l)
	}
	return out
}

// decodeBOM returns data as UTF-8, decoding UTF-16 (little or big endian)
// marked by its byte order mark and dropping a UTF-8 one.
func decodeBOM(data []byte) []byte {
	var big bool
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		big = true
	default:
		return data
	}
	u := make([]uint16, 0, len(data)/2)
	for i := 2; i+1 < len(data); i += 2 {
		if big {
			u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	return []byte(string(utf16.Decode(u)))
}
