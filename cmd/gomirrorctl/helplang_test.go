package main

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/gomirror/gomirror/assets/translations"
)

// TestHelpInEveryLanguage checks that every command's help renders in
// English and in Chinese from the catalogue, with no missing entry: the
// Chinese help has Chinese in it, is not the English, and keeps no
// English sentence of it; the English help has no Chinese. "help X" and
// "X --help" print the same.
func TestHelpInEveryLanguage(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	for _, cmd := range commands {
		en := s.ctl("--lang", "en", "help", cmd.name)
		zh := s.ctl("--lang", "zh-Hans", "help", cmd.name)
		for _, r := range []result{en, zh} {
			if r.code != 0 || r.stderr != "" || strings.Contains(r.stdout, "cli.") {
				t.Errorf("help %s: want exit 0 and a complete help, got %v", cmd.name, r)
			}
		}
		if hasHan(en.stdout) {
			t.Errorf("help %s --lang en has Chinese in it:\n%s", cmd.name, en.stdout)
		}
		if !hasHan(zh.stdout) || zh.stdout == en.stdout {
			t.Errorf("help %s --lang zh-Hans is not in Chinese:\n%s", cmd.name, zh.stdout)
		}
		if !strings.HasPrefix(zh.stdout, "用法：gomirrorctl "+cmd.name) {
			t.Errorf("help %s --lang zh-Hans does not start with its synopsis:\n%s", cmd.name, zh.stdout)
		}
		for _, words := range sentences(en.stdout) {
			if strings.Contains(zh.stdout, words) {
				t.Errorf("help %s --lang zh-Hans keeps English: %q", cmd.name, words)
			}
		}
		if again := s.ctl("--lang", "zh", cmd.name, "--help"); again.stdout != zh.stdout || again.code != 0 {
			t.Errorf("%s --help --lang zh differs from help %s:\n%v", cmd.name, cmd.name, again)
		}
	}
	en, zh := s.ctl("--lang", "en", "help"), s.ctl("--lang", "zh-Hans", "help")
	for _, words := range sentences(en.stdout) {
		if strings.Contains(zh.stdout, words) {
			t.Errorf("help --lang zh-Hans keeps English: %q", words)
		}
	}
}

// TestUsageInChinese checks the command list, a command's help and the
// usage after a mistake in Chinese, chosen by --lang or by LANG, with the
// exit statuses of English.
func TestUsageInChinese(t *testing.T) {
	t.Parallel()
	en, zh := newSandbox(t), newSandbox(t, "LANG=zh_CN.UTF-8")
	for _, tt := range []struct {
		args   []string
		code   int
		stderr bool // the text is on stderr
		want   string
	}{
		{[]string{"help"}, 0, false, "命令："},
		{[]string{"--help"}, 0, false, "运行 \"gomirrorctl help <命令>\""},
		{[]string{"help", "set"}, 0, false, "用法：gomirrorctl set KEY=VALUE..."},
		{[]string{"help", "help"}, 0, false, "用法：gomirrorctl help [命令]"},
		{[]string{}, 2, true, "命令："},
		{[]string{"bogus"}, 2, true, "gomirrorctl: 未知命令 \"bogus\""},
		{[]string{"help", "bogus"}, 2, true, "gomirrorctl help: 未知命令 \"bogus\""},
		{[]string{"help", "a", "b"}, 2, true, "最多只能给出一个命令名"},
		{[]string{"env", "--bogus"}, 2, true, "gomirrorctl env: 未定义的选项：-bogus\n用法：gomirrorctl env"},
		{[]string{"undo", "extra"}, 2, true, "gomirrorctl undo: 多余的参数 \"extra\"\n用法：gomirrorctl undo"},
		{[]string{"unset"}, 2, true, "请至少给出一个变量名"},
		{[]string{"profile", "show"}, 2, true, "用法：gomirrorctl profile show NAME\n运行 \"gomirrorctl help profile\""},
	} {
		want := en.ctl(tt.args...)
		for _, r := range []result{zh.ctl(tt.args...), en.ctl(append([]string{"--lang", "zh-Hans"}, tt.args...)...)} {
			out := r.stdout
			if tt.stderr {
				out = r.stderr
			}
			if r.code != tt.code || r.code != want.code || !strings.Contains(out, tt.want) {
				t.Errorf("gomirrorctl %q in Chinese: want exit %d and %q, got %v", tt.args, tt.code, tt.want, r)
			}
		}
	}
}

// TestChineseWrites checks the phrases of a write and its undo in Chinese,
// and that --json and the exit statuses do not depend on the language.
func TestChineseWrites(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, "LANG=zh_CN.UTF-8")
	set := s.ctl("set", "GOPROXY=https://mirror.example.test,direct")
	mustSucceed(t, set, "set")
	if !strings.Contains(set.stdout, "GOPROXY=https://mirror.example.test,direct（原先未设置）\n已写入 ") {
		t.Errorf("set in Chinese:\n%s", set.stdout)
	}
	undo := s.ctl("undo")
	mustSucceed(t, undo, "undo")
	if !strings.Contains(undo.stdout, "已删除 ") {
		t.Errorf("undo in Chinese:\n%s", undo.stdout)
	}
	for _, args := range [][]string{{"env", "--json"}, {"history", "--json"}, {"mirrors", "--json"}, {"doctor", "--no-shell", "--json"}} {
		zh, en := s.ctl(args...), s.ctl(append(args, "--lang", "en")...)
		if zh.stdout != en.stdout || zh.code != en.code {
			t.Errorf("gomirrorctl %q depends on the language:\n%v\n%v", args, zh, en)
		}
	}
}

// TestCliCatalogue checks gomirrorctl's own entries: each Chinese entry is
// not the English one and prints the same arguments.
func TestCliCatalogue(t *testing.T) {
	en, zh := catalogueFile(t, "en"), catalogueFile(t, "zh-Hans")
	n := 0
	for key, e := range en {
		if !strings.HasPrefix(key, "cli.") {
			continue
		}
		n++
		z, ok := zh[key]
		if !ok || z == e {
			t.Errorf("%s: zh-Hans.json has %q, want a translation of %q", key, z, e)
		}
		if f, g := templateArgs(e), templateArgs(z); !slices.Equal(f, g) {
			t.Errorf("%s prints %v in zh-Hans.json, want %v as in en.json", key, g, f)
		}
	}
	for _, cmd := range commands {
		for _, part := range []string{"summary", "help"} {
			if _, ok := en["cli.cmd."+cmd.name+"."+part]; !ok {
				t.Errorf("en.json has no cli.cmd.%s.%s", cmd.name, part)
			}
		}
	}
	if n < 2*len(commands) {
		t.Errorf("only %d cli.* entries", n)
	}
}

// catalogueFile returns the message file of the language tag.
func catalogueFile(t *testing.T, tag string) map[string]string {
	t.Helper()
	data, err := translations.Read(tag)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

var templateArg = regexp.MustCompile(`{{\s*\.([A-Za-z]+)\s*}}`)

// templateArgs returns the arguments a template prints, sorted.
func templateArgs(s string) []string {
	var out []string
	for _, m := range templateArg.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// hasHan reports whether s has a Chinese character.
func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// sentences returns the runs of four plain English words in the lines of
// an English help that are prose, not a command line or a JSON shape
// quoted as it is in every language.
func sentences(help string) []string {
	var out []string
	for _, line := range strings.Split(help, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "gomirrorctl ") || strings.HasPrefix(line, "go ") || strings.HasPrefix(line, "printf ") || strings.ContainsAny(line, "{}") {
			continue
		}
		var run []string
		for _, w := range strings.Fields(line) {
			if !plainWord.MatchString(w) {
				run = run[:0]
				continue
			}
			if run = append(run, w); len(run) >= 4 {
				out = append(out, strings.Join(run[len(run)-4:], " "))
			}
		}
	}
	return out
}

var plainWord = regexp.MustCompile(`^\(?[A-Za-z][a-z]*[,.;:)]*$`)

// TestLabelsLineUp checks that the values after route's labels start in the
// same terminal column in both languages, Chinese characters counting two.
func TestLabelsLineUp(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, "GOPROXY=https://proxy.example.test", "GOSUMDB=off")
	for _, lang := range []string{"en", "zh"} {
		r := s.ctl("--lang", lang, "route", "example.test/m")
		mustSucceed(t, r, "route --lang "+lang)
		lines := strings.Split(r.stdout, "\n")
		if len(lines) < 3 {
			t.Fatalf("route --lang %s:\n%s", lang, r.stdout)
		}
		var starts []int
		for _, l := range lines[1:3] { // sources, checksum
			starts = append(starts, valueColumn(l))
		}
		if starts[0] != starts[1] {
			t.Errorf("route --lang %s: values start in columns %v:\n%s", lang, starts, r.stdout)
		}
	}
	for s, want := range map[string]int{"sources:": 8, "来源：": 6, "ID：": 4} {
		if got := columns(s); got != want {
			t.Errorf("columns(%q) = %d, want %d", s, got, want)
		}
	}
}

// valueColumn returns the terminal column where the value after a line's
// label ("checksum: ", "校验和：") starts.
func valueColumn(line string) int {
	i := strings.IndexAny(line, ":：")
	if i < 0 {
		return -1
	}
	_, size := utf8.DecodeRuneInString(line[i:])
	rest := strings.TrimLeft(line[i+size:], " ")
	return columns(line[:len(line)-len(rest)])
}
