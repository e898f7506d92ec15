package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
)

// useLocale switches Fyne's translations to locale (as LANGUAGE and LC_ALL
// name it, e.g. zh_CN) for the rest of the test, then back to English.
func useLocale(t *testing.T, locale string) {
	t.Helper()
	reload := func() {
		for _, name := range translationFiles {
			data, err := os.ReadFile(filepath.Join("..", "assets", "translations", name))
			if err != nil {
				t.Fatal(err)
			}
			// Adding translations makes lang pick the locale again.
			if err := lang.AddTranslationsForLocale(data, fyne.Locale(strings.TrimSuffix(name, ".json"))); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Cleanup(reload) // runs after the environment is restored
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		t.Setenv(k, locale+".UTF-8")
	}
	t.Setenv("LANGUAGE", locale)
	reload()
}

// richTexts returns the texts of the rich text segments inside o.
func richTexts(o fyne.CanvasObject) []string {
	var out []string
	switch o := o.(type) {
	case *widget.RichText:
		for _, s := range o.Segments {
			if ts, ok := s.(*widget.TextSegment); ok {
				out = append(out, ts.Text)
			}
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			out = append(out, richTexts(c)...)
		}
	}
	return out
}

func TestProblemRowEnglish(t *testing.T) {
	p := core.NewProblem(core.SeverityWarning, "GOPROXY", "os-shadows-write",
		map[string]string{"OSValue": "off", "@Hint": "os-remove.unix"})
	got := richTexts(problemRow(p))
	if len(got) != 2 || got[0] != p.Message || got[1] != p.Fix {
		t.Errorf("problemRow texts = %q, want core's English %q, %q", got, p.Message, p.Fix)
	}
}

func TestProblemRowChinese(t *testing.T) {
	useLocale(t, "zh_CN")
	p := core.NewProblem(core.SeverityWarning, "GOPROXY", "os-shadows-write",
		map[string]string{"OSValue": "off", "@Hint": "os-remove.unix"})
	got := richTexts(problemRow(p))
	want := []string{
		"你的操作系统环境变量设置了 GOPROXY=off，它会覆盖环境文件：这次写入会被保存，但在删除该环境变量之前不会生效。",
		"请从 shell 配置文件（~/.bashrc、~/.zshrc、~/.profile 或 /etc/environment）中删除设置 GOPROXY 的那一行，或在该 shell 中运行 unset GOPROXY；然后打开新的终端。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problemRow texts in Chinese =\n%q\nwant\n%q", got, want)
	}
}

func TestProblemRowChineseFromDiagnosis(t *testing.T) {
	useLocale(t, "zh_CN")
	f := newFixture(t, "GOPROXY=https://os.example.test")
	f.writeEnvFile("GOPROXY=https://file.example.test\n")
	var p core.Problem
	for _, q := range f.svc.Doctor(f.svc.Resolve()) {
		if q.Code == "os-shadows-file" {
			p = q
		}
	}
	texts := strings.Join(richTexts(problemRow(p)), "\n")
	for _, want := range []string{"覆盖环境文件中的 GOPROXY=https://file.example.test", "unset GOPROXY"} {
		if !strings.Contains(texts, want) {
			t.Errorf("problem %s in Chinese = %q, want it to contain %q", p.Code, texts, want)
		}
	}
}

// TestProblemRowOwnText checks that a problem whose code has no catalogue
// entry is shown with its own text. (A known code always renders its entry:
// core.CheckRendered, in the producers' tests, holds the text to it.)
func TestProblemRowOwnText(t *testing.T) {
	useLocale(t, "zh_CN")
	for _, code := range []string{"not-in-core"} {
		p := core.Problem{Severity: core.SeverityError, Code: code, Message: "As it is.", Fix: "Kept."}
		if got := richTexts(problemRow(p)); strings.Join(got, "|") != "As it is.|Kept." {
			t.Errorf("problemRow(%s) texts = %q, want the problem's own text", code, got)
		}
	}
}

func TestLayerNoteChinese(t *testing.T) {
	useLocale(t, "zh_CN")
	l := core.Layer{Source: core.SourceEnvFile, State: core.StateWins, Set: true}
	l.SetNote("empty-no-fallthrough", map[string]string{"@Prior": "file-duplicates", "Lines": "2", "Var": "GOPROXY"})
	row := newLayerRow(l)
	if want := "有 2 行设置了 GOPROXY；以最后一行为准；值为空：不会回退到 go.env"; row.note.Text != want {
		t.Errorf("note = %q, want %q", row.note.Text, want)
	}
}

// sampleArgs gives every argument the templates of code use a value.
func sampleArgs(code string) map[string]string {
	args := map[string]string{}
	for _, f := range fieldSet(englishEntry("problem."+code+".message") + englishEntry("problem."+code+".fix")) {
		switch f = strings.TrimPrefix(f, "."); f {
		case "Var":
		case "Hint", "Before":
			args["@"+f] = "os-remove.unix"
		case "From":
			args["@From"] = "from.process-env"
		case "Reason":
			args["@Reason"], args["Name"], args["PID"] = "procs.ok", "gopls", "1"
		case "Case": // the first case the message names
			if m := caseRe.FindStringSubmatch(englishEntry("problem." + code + ".message")); m != nil {
				args[f] = m[1]
			}
		default:
			args[f] = "x"
		}
	}
	return args
}

// caseRe matches the first case of a message with several, such as
// {{if eq .Case "no-args"}}.
var caseRe = regexp.MustCompile(`eq \.Case "([^"]*)"`)

// TestEveryProblemInChinese renders every core problem in Chinese.
func TestEveryProblemInChinese(t *testing.T) {
	useLocale(t, "zh_CN")
	for _, code := range core.ProblemCodes() {
		p := core.NewProblem(core.SeverityWarning, "GOPROXY", code, sampleArgs(code))
		msg, fix := problemText(p)
		for _, s := range []string{msg, fix} {
			if s == "" && s == fix && p.Fix == "" {
				continue // a refusal without a fix
			}
			if s == p.Message || s == p.Fix || strings.Contains(s, "<no value>") || !strings.ContainsFunc(s, isHan) {
				t.Errorf("%s in Chinese = %q, %q; English %q, %q", code, msg, fix, p.Message, p.Fix)
				break
			}
		}
	}
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
