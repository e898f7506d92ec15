package shell

import (
	"html"
	"regexp"
	"strings"
	"sync"

	"github.com/gomirror/gomirror/core/origin"
)

// Problem returns the first error a shell of kind k reported on standard
// error, on one line, or "" if it reported none. Terminal colours, carriage
// returns, PowerShell's CLIXML wrapping and its progress records are
// removed; a PowerShell error record gives its message (lines wrapped at
// the console width joined again) and the script file and line it names.
// Noise every capture meets (bash's "no job control in this shell", for
// a shell started without a terminal) and warnings are skipped.
func Problem(k origin.ShellKind, stderr string) string {
	s := plain(stderr)
	if k == origin.Pwsh {
		return pwshProblem(s)
	}
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !posixNoise(l) {
			return l
		}
	}
	return ""
}

// posixNoise reports a line an interactive shell started without a
// terminal prints, or an rc file's command fails with only because the
// capture has no terminal (stty, tput, a tty-reading prompt): a real
// terminal would not show it.
func posixNoise(l string) bool {
	for _, s := range []string{"cannot set terminal process group", "no job control in this shell",
		"can't access tty; job control turned off", "Inappropriate ioctl for device", "not a tty",
		"No such device or address", "can't set tty pgrp"} {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

var (
	ansiRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]`)
	})
	clixmlErrRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<S S="Error">(.*?)</S>`)
	})
	clixmlEscRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`_x([0-9A-Fa-f]{4})_`) })
)

// plain removes colours, carriage returns and CLIXML from shell output.
func plain(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = ansiRE().ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if i := strings.Index(s, "#< CLIXML"); i >= 0 {
		s = s[:i] + clixml(s[i+len("#< CLIXML"):])
	}
	return s
}

// clixml returns the error text of PowerShell's serialized error stream
// (what powershell.exe writes to a redirected standard error when it
// believes its caller is another PowerShell): the <S S="Error"> strings,
// unescaped; progress, verbose and other records are dropped.
func clixml(s string) string {
	var b strings.Builder
	for _, m := range clixmlErrRE().FindAllStringSubmatch(s, -1) {
		t := html.UnescapeString(m[1])
		t = clixmlEscRE().ReplaceAllStringFunc(t, func(e string) string {
			var r rune
			for _, c := range e[2:6] {
				r = r*16 + hexVal(c)
			}
			return string(r)
		})
		b.WriteString(t)
	}
	return strings.ReplaceAll(strings.ReplaceAll(b.String(), "\r\n", "\n"), "\r", "\n")
}

func hexVal(c rune) rune {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

var (
	// At line:1 char:3 / At C:\Users\x\profile.ps1:4 char:1
	pwshAtRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^At (.+?):(\d+) char:\d+$|^At line:\d+ char:\d+$`) })
	// "Line |" opens the source excerpt of PowerShell 7's concise view.
	pwshLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?:Line |\d+ )?\|`) })
)

// pwshProblem finds the first error record in PowerShell's error output.
func pwshProblem(s string) string {
	lines := strings.Split(s, "\n")
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" || pwshSkip(l) {
			continue
		}
		// PowerShell 7's concise view: "cmd: file:line", "Line |", the
		// source, the squiggle, then "     | message" lines.
		if i+1 < len(lines) && strings.TrimSpace(lines[i+1]) == "Line |" {
			return conciseRecord(l, lines[i+2:])
		}
		return normalRecord(l, lines[i+1:])
	}
	return ""
}

// pwshSkip reports a line that is not an error: a warning, or progress
// text.
func pwshSkip(l string) bool {
	u := strings.ToUpper(l)
	return strings.HasPrefix(u, "WARNING:") || strings.HasPrefix(u, "VERBOSE:") || strings.HasPrefix(u, "DEBUG:")
}

// normalRecord joins the message of Windows PowerShell's (normal view)
// record starting at first: its wrapped lines up to "At …", "+ …" or a
// blank line, and adds the script and line of "At file:N char:M".
func normalRecord(first string, rest []string) string {
	msg := []string{strings.TrimPrefix(first, ". : ")}
	where := ""
	for _, l := range rest {
		l = strings.TrimSpace(l)
		if m := pwshAtRE().FindStringSubmatch(l); m != nil {
			if m[1] != "" {
				where = m[1] + ":" + m[2]
			}
			break
		}
		if l == "" || strings.HasPrefix(l, "+ ") || pwshSkip(l) {
			break
		}
		msg = append(msg, l)
	}
	text := strings.Join(msg, " ")
	if where != "" && !strings.Contains(text, where) {
		text = where + ": " + text
	}
	return text
}

// conciseRecord joins the message of PowerShell 7's concise view: the
// header names the command and "file:line"; the message follows the
// source excerpt on lines starting with "|".
func conciseRecord(header string, rest []string) string {
	where := header
	if i := strings.Index(header, ": "); i >= 0 {
		where = header[i+2:]
	}
	var msg []string
	started := false
	for _, l := range rest {
		t := strings.TrimSpace(l)
		if !pwshLineRE().MatchString(l) {
			break
		}
		_, body, _ := strings.Cut(t, "|")
		body = strings.TrimSpace(body)
		switch {
		case !started && strings.Trim(body, "~ ") == "" && body != "":
			started = true // the squiggle under the source
		case started && body != "":
			msg = append(msg, body)
		}
	}
	if len(msg) == 0 {
		return header
	}
	return where + ": " + strings.Join(msg, " ")
}
