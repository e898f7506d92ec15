package main

import (
	"slices"
	"strings"
	"testing"
)

func TestLangTag(t *testing.T) {
	for in, want := range map[string]string{
		"zh_CN.UTF-8": "zh-Hans", "zh_SG": "zh-Hans", "zh-Hans-CN": "zh-Hans", "zh": "zh-Hans", "ZH-cn": "zh-Hans",
		"zh_TW.UTF-8": "en", "zh-Hant": "en", "en_US.UTF-8": "en", "C": "en", "POSIX": "en", "": "en", "de_DE": "en",
	} {
		if got := langTag(in); got != want {
			t.Errorf("langTag(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestChooseLang(t *testing.T) {
	tests := []struct {
		flag string
		env  []string
		want string
	}{
		{"", []string{"LANG=zh_CN.UTF-8"}, "zh-Hans"},
		{"", []string{"LANG=zh_CN.UTF-8", "LC_MESSAGES=en_US.UTF-8"}, "en"},
		{"", []string{"LC_ALL=zh_CN.UTF-8", "LC_MESSAGES=en_US.UTF-8"}, "zh-Hans"},
		{"", []string{"LC_ALL=", "LANG=zh_CN"}, "zh-Hans"}, // an empty variable is unset
		{"en", []string{"LC_ALL=zh_CN.UTF-8"}, "en"},
		{"zh", []string{"LANG=C"}, "zh-Hans"},
	}
	for _, tt := range tests {
		if got := chooseLang(tt.flag, tt.env); got != tt.want {
			t.Errorf("chooseLang(%q, %q) = %q, want %q", tt.flag, tt.env, got, tt.want)
		}
	}
}

func TestTakeLang(t *testing.T) {
	for _, tt := range []struct {
		in   []string
		rest []string
		tag  string
	}{
		{[]string{"--lang", "zh", "doctor"}, []string{"doctor"}, "zh"},
		{[]string{"doctor", "--lang=en", "--json"}, []string{"doctor", "--json"}, "en"},
		{[]string{"set", "--", "--lang=x"}, []string{"set", "--", "--lang=x"}, ""},
	} {
		rest, tag := takeLang(tt.in)
		if !slices.Equal(rest, tt.rest) || tag != tt.tag {
			t.Errorf("takeLang(%q) = %q, %q; want %q, %q", tt.in, rest, tag, tt.rest, tt.tag)
		}
	}
}

// TestDoctorSpeaksTheLocale checks that doctor's text follows LANG and
// --lang, with the message the GUI shows for the same problem, while its
// JSON and exit status do not change.
func TestDoctorSpeaksTheLocale(t *testing.T) {
	s := newSandbox(t, "LANG=zh_CN.UTF-8", "GOPROXY=localhost")
	zh := s.ctl("doctor", "--no-shell")
	en := s.ctl("--lang", "en", "doctor", "--no-shell")
	mustSucceed(t, zh, "doctor in Chinese")
	mustSucceed(t, en, "doctor --lang en")
	want := longestLiteral(entry(t, "zh-Hans", "problem.proxy-missing-scheme.message"))
	if want == "" || !strings.Contains(zh.stdout, want) {
		t.Errorf("doctor with LANG=zh_CN.UTF-8 does not show the Chinese message (%q):\n%s", want, zh.stdout)
	}
	if !strings.Contains(en.stdout, "has no scheme") || strings.Contains(en.stdout, "修复") {
		t.Errorf("doctor --lang en is not in English:\n%s", en.stdout)
	}
	zhJSON, enJSON := s.ctl("doctor", "--no-shell", "--json"), s.ctl("doctor", "--no-shell", "--json", "--lang", "en")
	if zhJSON.stdout != enJSON.stdout || zhJSON.code != enJSON.code {
		t.Errorf("doctor --json depends on the language:\n%s\n%s", zhJSON.stdout, enJSON.stdout)
	}
}

// longestLiteral returns the longest run of a template outside {{...}}.
func longestLiteral(tmpl string) string {
	best := ""
	for _, part := range strings.Split(tmpl, "{{") {
		if _, lit, ok := strings.Cut(part, "}}"); ok {
			part = lit
		}
		if part = strings.TrimSpace(part); len(part) > len(best) {
			best = part
		}
	}
	return best
}

// entry returns the catalogue template of key in the language tag.
func entry(t *testing.T, tag, key string) string {
	t.Helper()
	return catalogueFile(t, tag)[key]
}

// TestFailuresSpeakChinese checks that failures whose texts were English
// only (usage checks, history lookups, the GOAUTH helper, module checks)
// print their catalogue text in Chinese with --lang zh-Hans, in English
// with --lang en, and exit the same way in both.
func TestFailuresSpeakChinese(t *testing.T) {
	s := newSandbox(t)
	for _, tt := range []struct {
		args []string
		key  string // the catalogue entry the failure prints
		code int
	}{
		{[]string{"verify", "bad@@arg"}, "error.verify.bad-module", exitRefused},
		{[]string{"verify"}, "error.cli.verify-none", exitRefused},
		{[]string{"probe", "--count", "-1"}, "error.cli.probe-count", exitRefused},
		{[]string{"use", "--sep", ";", "goproxy.example.test"}, "error.cli.use-sep", exitRefused},
		{[]string{"undo", "--entry", "20260101-000000-1"}, "error.history.not-found", exitRefused},
		{[]string{"goauth", "a", "b"}, "error.goauth.usage", exitRefused},
		{[]string{"route", "Not A Path"}, "error.cli.bad-module-path", exitRefused},
	} {
		zh := s.ctl(append([]string{"--lang", "zh-Hans"}, tt.args...)...)
		en := s.ctl(append([]string{"--lang", "en"}, tt.args...)...)
		if zh.code != tt.code || en.code != tt.code {
			t.Errorf("%q exits %d in Chinese and %d in English, want %d\n%s\n%s", tt.args, zh.code, en.code, tt.code, zh, en)
		}
		want := longestLiteral(entry(t, "zh-Hans", tt.key))
		if want == "" || !strings.Contains(zh.stderr, want) {
			t.Errorf("%q --lang zh-Hans does not print %s in Chinese (%q):\n%s", tt.args, tt.key, want, zh.stderr)
		}
		if want := longestLiteral(entry(t, "en", tt.key)); !strings.Contains(en.stderr, want) {
			t.Errorf("%q --lang en does not print %s in English (%q):\n%s", tt.args, tt.key, want, en.stderr)
		}
	}
}
