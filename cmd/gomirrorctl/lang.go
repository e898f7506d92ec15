package main

import (
	"runtime"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/gomirror/gomirror/core"
)

// msgs is the language of this invocation's text output, set by run: core
// renders its messages from the same catalogue the GUI shows. JSON output
// stays in English whatever it is.
var msgs = core.English

// takeLang removes --lang TAG or --lang=TAG from args (before a "--") and
// returns the rest and TAG ("" if absent).
func takeLang(args []string) ([]string, string) {
	out := make([]string, 0, len(args))
	tag := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(out, args[i:]...), tag
		case a == "--lang" || a == "-lang":
			if i+1 < len(args) {
				tag = args[i+1]
				i++
			}
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
			_, tag, _ = strings.Cut(a, "=")
		default:
			out = append(out, a)
		}
	}
	return out, tag
}

// chooseLang returns the translation tag for the --lang value, or else for
// the locale: LC_ALL, LC_MESSAGES or LANG (the first that is set, as POSIX
// says), else on Windows the user's UI language. Simplified Chinese
// (zh, zh_CN, zh_SG, zh-Hans...) gives "zh-Hans"; anything else "en".
func chooseLang(flag string, env []string) string {
	if flag != "" {
		return langTag(flag)
	}
	vars := map[string]string{}
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok {
			vars[k] = v
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := vars[k]; v != "" {
			return langTag(v)
		}
	}
	if runtime.GOOS == "windows" {
		return langTag(uiLanguage())
	}
	return "en"
}

// langTag maps a locale name or language tag to a translation tag.
func langTag(locale string) string {
	l := strings.ToLower(strings.ReplaceAll(locale, "_", "-"))
	l, _, _ = strings.Cut(l, ".") // zh-cn.utf-8
	switch {
	case l == "zh" || strings.HasPrefix(l, "zh-hans") || strings.HasPrefix(l, "zh-cn") || strings.HasPrefix(l, "zh-sg"):
		return "zh-Hans"
	}
	return "en"
}

// word returns gomirrorctl's own word key (the catalogue entry
// "cli.<key>") in the language of msgs; a key without an entry (a severity
// core may add) is its last element.
func word(key string) string {
	if s, ok := msgs.Message("cli."+key, nil); ok {
		return s
	}
	return key[strings.LastIndex(key, ".")+1:]
}

// cliText returns gomirrorctl's catalogue entry "cli.<key>" in the
// language of msgs, rendered from the name/value pairs kv (values already
// formatted: a quoted name comes quoted). A key without an entry comes
// back as itself, which the tests catch.
func cliText(key string, kv ...string) string {
	var data map[string]string
	if len(kv) > 0 {
		data = make(map[string]string, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			data[kv[i]] = kv[i+1]
		}
	}
	if s, ok := msgs.Message("cli."+key, data); ok {
		return s
	}
	return "cli." + key
}

// say returns the fixed phrase cli.say.<name>, rendered from the
// name/value pairs kv.
func say(name string, kv ...string) string { return cliText("say."+name, kv...) }

// flagErrors maps the prefixes of package flag's errors to phrases.
var flagErrors = []struct{ prefix, phrase string }{
	{"flag provided but not defined: ", "flag-undefined"},
	{"flag needs an argument: ", "flag-needs-argument"},
	{"bad flag syntax: ", "flag-bad-syntax"},
}

// flagError returns the text of an error of package flag in the language
// of msgs: its own English when it is not one of flagErrors.
func flagError(err error) string {
	for _, fe := range flagErrors {
		if rest, ok := strings.CutPrefix(err.Error(), fe.prefix); ok {
			return say(fe.phrase, "Flag", rest)
		}
	}
	return err.Error()
}

// quoted returns s Go-quoted, as %q prints it, for a phrase argument.
func quoted(s string) string { return strconv.Quote(s) }

// labels returns the phrases cli.say.<name> of names, each padded with
// spaces to the display width of the widest plus gap, so that what follows
// them lines up (a Chinese character takes two columns).
func labels(gap int, names ...string) []string {
	out := make([]string, len(names))
	widest := 0
	for i, n := range names {
		out[i] = say(n)
		widest = max(widest, columns(out[i]))
	}
	for i, s := range out {
		out[i] = s + strings.Repeat(" ", widest-columns(s)+gap)
	}
	return out
}

// columns returns the display width of s in a terminal: two columns for
// each wide or full-width character, one for any other.
func columns(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// shownCode returns code, a value the English output prints as it is (a
// script may grep it: "physical", "goroot-env"), in English, and the
// catalogue entry key in any other language where the catalogue has one.
func shownCode(key, code string) string {
	if msgs.Tag() == core.English.Tag() {
		return code
	}
	if s, ok := msgs.Message(key, nil); ok {
		return s
	}
	return code
}

// padTo returns s padded with spaces to n display columns, as %-*s pads
// to n runes.
func padTo(s string, n int) string { return s + strings.Repeat(" ", max(0, n-columns(s))) }

// yesNo is b as the English output prints it ("true", "false"), in other
// languages as a word (是, 否).
func yesNo(b bool) string {
	s := strconv.FormatBool(b)
	return shownCode("cli.bool."+s, s)
}
