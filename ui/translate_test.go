package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/core/origin/fix"
	"github.com/gomirror/gomirror/core/origin/procs"
)

// TestRouteStepsInChinese checks that the route explainer's steps and
// errors, which core reports in English, are shown in Chinese.
func TestRouteStepsInChinese(t *testing.T) {
	useLocale(t, "zh_CN")
	_, p, _ := newPrivateScreenFixture(t, newFakeKeyring(), "GOPRIVATE=*.corp.example.test\n")
	test.Type(p.routes.module, "git.corp.example.test/team/lib")
	for _, want := range []string{
		`私有：匹配 GOPRIVATE 模式 "*.corp.example.test"。`,
		`直接从源站获取：它匹配 GONOPROXY 模式 "*.corp.example.test"（GONOPROXY 沿用 GOPRIVATE）。`,
		`不经校验和数据库验证：它匹配 GONOSUMDB 模式 "*.corp.example.test"（GONOSUMDB 沿用 GOPRIVATE）。只有 go.sum 保护它。`,
	} {
		if !labelsContain(p.routes.details, want) {
			t.Errorf("the route box does not show the step %q", want)
		}
	}
	if labelsContain(p.routes.details, "Fetched directly") {
		t.Error("the route box still shows an English step")
	}
	p.routes.module.SetText("Not A Path")
	if !labelsContain(p.routes.details, `"Not A Path" 不是 go 命令可以下载的模块路径：`) {
		t.Error("the route box does not show the invalid module path in Chinese")
	}
}

// TestPatternProblemsInChinese checks the pattern editor's problems, which
// core/private/pattern reports.
func TestPatternProblemsInChinese(t *testing.T) {
	useLocale(t, "zh_CN")
	_, p, _ := newPrivateScreenFixture(t, newFakeKeyring(), "GOPRIVATE=*.corp.example.test,git.corp.example.test/org,corp\n")
	e := p.patterns.editor("GOPRIVATE")
	var texts []string
	for _, o := range e.problems.Objects {
		texts = append(texts, richTexts(o)...)
	}
	got := strings.Join(texts, "\n")
	for _, want := range []string{
		`GOPRIVATE 模式 "git.corp.example.test/org" 已被 "*.corp.example.test" 覆盖`,
		`请删除 "git.corp.example.test/org"。`,
		`GOPRIVATE 模式 "corp" 永远无法匹配任何模块路径：它的第一个路径元素 "corp" 不含点号`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("pattern problems =\n%s\nwant them to contain %q", got, want)
		}
	}
}

// TestChainExplanationInChinese checks the chain builder's explanation of
// each link and of the GOSUMDB pairing, which core/mirrors reports.
func TestChainExplanationInChinese(t *testing.T) {
	useLocale(t, "zh_CN")
	c := mirrors.ParseChain("https://a.example.test|https://b.example.test,direct")
	xs := c.Explain(nil)
	want := []string{
		`1. https://a.example.test，之后是 "|"：如果它以任何方式失败`,
		`2. https://b.example.test，之后是 ","：只有当它返回 404 或 410（没有该模块）时`,
		`3. direct：从模块的版本控制主机获取`,
	}
	for i, w := range want {
		if l := explanationRow(i, xs[i]); !labelsContain(l, w) {
			t.Errorf("link %d is not explained as %q", i+1, w)
		}
	}
	why := []core.Text{core.NewText("mirrors.sumdb-proxied", map[string]string{"Mirror": "A", "DB": "sum.example.test", "Value": "sum.example.test"})}
	if got, want := pairingText(nil, why), "A 代理了校验和数据库 sum.example.test，因此保持 GOSUMDB=sum.example.test。"; got != want {
		t.Errorf("pairingText = %q, want %q", got, want)
	}
}

// TestProfileNameValidatorInChinese checks the reason the name dialog
// gives for a refused profile name.
func TestProfileNameValidatorInChinese(t *testing.T) {
	if err := checkProfileName("Office"); err != nil {
		t.Errorf("checkProfileName(Office) = %v, want nil", err)
	}
	if err := checkProfileName(" "); err == nil || err.Error() != "a profile needs a name" {
		t.Errorf("checkProfileName(\" \") in English = %v, want \"a profile needs a name\"", err)
	}
	useLocale(t, "zh_CN")
	if err := checkProfileName("Office "); err == nil || err.Error() != `配置方案名称 "Office " 的开头或结尾有空格；请删除这些空格` {
		t.Errorf("checkProfileName(\"Office \") in Chinese = %v", err)
	}
}

// TestRefusalDialogInChinese checks that a refusal without an inline place
// (here, a profile file the profiles screen cannot read) is shown in
// Chinese, with the parser's own detail kept.
func TestRefusalDialogInChinese(t *testing.T) {
	useLocale(t, "zh_CN")
	f := newFixture(t)
	path := filepath.Join(f.dir, "gomirror", "profiles.toml")
	f.write(path, "version = 1\nactive = Home\n", 0o600)
	u, w := f.newUI()
	u.nav.Select(mustScreen(t, u, "nav.profiles"))
	d := topDialog(t, w)
	for _, want := range []string{path + " 不是有效的配置方案文件：", "TOML 语法错误：", "请修正所指出的那一行，或重新导出配置方案。", path + ":2"} {
		if !labelsContain(d, want) {
			t.Errorf("the error dialog does not show %q", want)
		}
	}
}

// TestRefusalTextOfAChangedFile checks the text of a write refused because
// the env file changed on disk: in Chinese, with the file named.
func TestRefusalTextOfAChangedFile(t *testing.T) {
	useLocale(t, "zh_CN")
	f := newFixture(t)
	f.writeEnvFile("GOFLAGS=-mod=mod\n")
	base := f.svc.Resolve()
	f.writeEnvFile("GOFLAGS=-mod=mod\nGOPROXY=https://theirs.example.test\n")
	_, err := f.svc.Set(base, []core.Assignment{{Key: "GOPROXY", Value: "https://a.example.test"}})
	var refused *core.RefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("Set over a changed key = %v, want a refusal", err)
	}
	got := refusalText(err, refused.Problems)
	want := "未写入任何内容：\n• GOPROXY: 自 Go Mirror 读取以来，环境文件 " + f.envFile + " 中的 GOPROXY 已被修改（可能是 go env -w、编辑器或另一个 Go Mirror 窗口所为），现在写入会撤销那次修改。 (" + f.envFile + ")" +
		"\n  请重新加载以查看当前值，如仍需要，再修改一次。"
	if got != want {
		t.Errorf("refusalText =\n%q\nwant\n%q", got, want)
	}
}

// TestFixWarningInChinese checks the warning of a planned rc-file change
// that affects more than the variable.
func TestFixWarningInChinese(t *testing.T) {
	useLocale(t, "zh_CN")
	rc := filepath.Join(t.TempDir(), ".bashrc")
	if err := os.WriteFile(rc, []byte("export GOPROXY=off; echo hi\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	plan, err := fix.CommentOut(rc, 1, "GOPROXY")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := textOf(plan.WarningCode, plan.WarningArgs, plan.Warning), "第 1 行不只是设置 GOPROXY；这次修改会影响整行。"; got != want {
		t.Errorf("warning = %q, want %q", got, want)
	}
}

// TestProcessRowInChinese checks a running process's reason and restart
// hint, which core/origin/procs reports.
func TestProcessRowInChinese(t *testing.T) {
	useLocale(t, "zh_CN")
	args := map[string]string{"Name": "gopls", "PID": "7", "Var": "GOPROXY", "Has": "off", "Want": "direct"}
	pr := procs.Process{PID: 7, Name: "gopls", Kind: procs.KindGopls, State: procs.StateStale,
		Reason: core.Snippet("procs.stale-env", args), ReasonCode: "procs.stale-env", ReasonArgs: args,
		Hint: procs.Hint(procs.KindGopls), HintCode: procs.HintCode(procs.KindGopls)}
	row := processRow(pr)
	for _, want := range []string{`gopls（PID 7）的环境中仍是 GOPROXY=off；现在的实际值是 "direct"。`, "请重启语言服务器"} {
		if !labelsContain(row, want) {
			t.Errorf("the process row does not show %q", want)
		}
	}
}

// TestOriginNoteInChinese checks the note under a shell origin, which
// core/origin reports.
func TestOriginNoteInChinese(t *testing.T) {
	useLocale(t, "zh_CN")
	test.NewTempApp(t)
	o := origin.Origin{Context: origin.Desktop, Var: "GOPROXY", Value: "off", Set: true, Status: origin.StatusNotFound}
	o.SetNote("origin.own-environment", nil)
	row := (&originsPanel{}).originRow(o)
	if want := "Go Mirror 自身的环境中有它"; !labelsContain(row, want) {
		t.Errorf("the origin row does not show the note %q", want)
	}
}
