package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
)

// These tests walk gomirrorctl's text output in Chinese (issue 19): no
// English UI word is left in the tables, presets, mirror names and
// history, the tables line up by display width, and the English output
// is what it was.

// table returns the lines of out from the one starting with head (after
// leading spaces) up to the first empty line.
func tableLines(t *testing.T, out, head string) string {
	t.Helper()
	var b strings.Builder
	in := false
	for _, l := range strings.Split(out, "\n") {
		switch {
		case !in && strings.HasPrefix(strings.TrimLeft(l, " *"), head):
			in = true
		case in && l == "":
			return b.String()
		}
		if in {
			b.WriteString(l + "\n")
		}
	}
	if !in {
		t.Fatalf("no table headed %q in:\n%s", head, out)
	}
	return b.String()
}

// mustContain fails unless out contains each of wants and none of nots.
func mustContain(t *testing.T, what, out string, wants, nots []string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("%s has no %q:\n%s", what, w, out)
		}
	}
	for _, n := range nots {
		if strings.Contains(out, n) {
			t.Errorf("%s still says %q:\n%s", what, n, out)
		}
	}
}

// TestChineseTablesLineUp: the tables of env, profile list, mirrors and
// history have Chinese headers and cells, and every column starts at the
// same display column on every row.
func TestChineseTablesLineUp(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, "LANG=zh_CN.UTF-8")
	mustSucceed(t, s.ctl("set", "GOSUMDB=off"), "set")
	mustSucceed(t, s.ctl("undo"), "undo")
	for _, c := range []struct {
		args       []string
		head       string
		cols       int
		wants, not []string
	}{
		{[]string{"env"}, "名称", 3, []string{"名称", "值", "来源", "$GOROOT/go.env", "默认值"}, []string{"NAME", "SOURCE", "goroot-env"}},
		{[]string{"profile", "list"}, "名称", 3, []string{"类型", "更改", "中国大陆", "预设", "设置 GOPROXY GOSUMDB"}, []string{"KIND", "preset", "Mainland China"}},
		{[]string{"mirrors"}, "ID", 7, []string{"名称", "运营方", "阿里云", "工具链默认", "内置", "未知"}, []string{"OPERATOR", "builtin"}},
		{[]string{"history"}, "时间", 5, []string{"摘要", "GOSUMDB=off（已撤销）", "已恢复 取消设置 GOSUMDB（撤销）", "gomirrorctl"}, []string{"SUMMARY", "(undone)", "undo:"}},
	} {
		r := s.ctl(c.args...)
		mustSucceed(t, r, strings.Join(c.args, " "))
		tbl := tableLines(t, r.stdout, c.head)
		mustContain(t, strings.Join(c.args, " "), tbl, c.wants, c.not)
		assertAligned(t, tbl, c.cols)
	}
}

// TestEnglishTablesUnchanged: the English tables keep their headers and
// words byte for byte.
func TestEnglishTablesUnchanged(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, "LANG=C")
	mustSucceed(t, s.ctl("set", "GOSUMDB=off"), "set")
	undo := s.ctl("undo")
	mustSucceed(t, undo, "undo")
	if !strings.HasPrefix(undo.stdout, "undo: GOSUMDB=off\n") {
		t.Errorf("English undo:\n%s", undo.stdout)
	}
	list := s.ctl("profile", "list")
	mustContain(t, "profile list", list.stdout, []string{
		"  NAME               KIND    CHANGES\n",
		"  Mainland China     preset  set GOPROXY GOSUMDB\n",
		"  Toolchain default  preset  unset GOPROXY GOSUMDB GOFLAGS GOTOOLCHAIN\n"}, nil)
	mustContain(t, "history", s.ctl("history").stdout, []string{"TIME                 ID  ", "  cli     undo: GOSUMDB=off  ", "  cli     GOSUMDB=off (undone)  "}, nil)
	mustContain(t, "env", s.ctl("env").stdout, []string{"NAME         VALUE", "goroot-env\n"}, nil)
	mustContain(t, "mirrors", s.ctl("mirrors").stdout, []string{"ID  ", "NAME", "Alibaba Cloud", "Toolchain default", "builtin",
		"  custom   Custom\n           Your own database: its verifier key"}, nil)
	mustContain(t, "route", s.ctl("route", "example.test/m").stdout, []string{"private: false"}, nil)
}

// TestChinesePresets: a preset is shown, described and accepted by its
// Chinese name; the stored name still works.
func TestChinesePresets(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, "LANG=zh_CN.UTF-8")
	show := s.ctl("profile", "show", "中国大陆")
	mustSucceed(t, show, "profile show 中国大陆")
	mustContain(t, "profile show", show.stdout, []string{"中国大陆（预设）\n通过 goproxy.cn 下载"}, []string{"Mainland China", "Downloads through"})
	apply := s.ctl("profile", "apply", "Mainland China", "--dry-run")
	mustSucceed(t, apply, "profile apply --dry-run")
	mustContain(t, "profile apply", apply.stdout, []string{`配置方案 "中国大陆"：`}, []string{"Mainland China"})
	mustSucceed(t, s.ctl("profile", "apply", "中国大陆", "--yes"), "profile apply 中国大陆")
	list := s.ctl("profile", "list")
	mustContain(t, "profile list", list.stdout, []string{"* 中国大陆 "}, nil)
	mustSucceed(t, s.ctl("profile", "dup", "离线", "mine"), "profile dup 离线")
	if r := s.ctl("profile", "rm", "离线"); r.code != 2 || !strings.Contains(r.stderr, "离线") {
		t.Errorf("profile rm 离线: want the preset refusal, got %v", r)
	}
	en := s.ctl("profile", "show", "中国大陆", "--lang", "en")
	mustSucceed(t, en, "profile show 中国大陆 --lang en")
	mustContain(t, "English profile show", en.stdout, []string{"Mainland China (preset, active)\nDownloads through"}, nil)
}

// TestChineseMirrorNames: use names the catalogue's mirrors in Chinese.
func TestChineseMirrorNames(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, "LANG=zh_CN.UTF-8")
	r := s.ctl("use", "aliyun", "goproxy.cn", "--dry-run")
	mustSucceed(t, r, "use --dry-run")
	mustContain(t, "use", r.stdout, []string{"  1. 阿里云，", "尝试 七牛云 Goproxy.cn；"}, []string{"Alibaba Cloud", "then"})
	fast := fakeMirror(t, "127.0.0.1", mirrortest.Behavior{})
	slow := fakeMirror(t, "localhost", mirrortest.Behavior{Delay: 40 * time.Millisecond})
	args := append([]string{"use", "--suggest", "--dry-run", slow, fast}, probeArgs()...)
	zh := s.ctl(args...)
	mustSucceed(t, zh, "use --suggest")
	mustContain(t, "use --suggest", zh.stdout, []string{" 是最快的健康镜像（p50 ", "（另一家运营方）通过 \"|\" 接替", "direct 放在最后"}, []string{"fastest", "comes last"})
	en := s.ctl(append(args, "--lang", "en")...)
	mustContain(t, "English use --suggest", en.stdout, []string{"  - " + fast + " is the fastest healthy mirror (p50 ", "% success).\n",
		"  - " + slow + " (a different operator) takes over with \"|\" if " + fast + " fails in any way.\n",
		"  - direct comes last after \",\": modules the mirrors do not have (404/410, e.g. private ones) are fetched from their repositories.\n"}, nil)
	mustContain(t, "mirrors", s.ctl("mirrors").stdout, []string{"  default  工具链默认（", "  custom   自定义\n           你自己的数据库"}, []string{"Custom", "Toolchain default"})
}

// TestChineseWords: the words of route, undo and redo in Chinese.
func TestChineseWords(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, "LANG=zh_CN.UTF-8")
	mustContain(t, "route", s.ctl("route", "example.test/m").stdout, []string{"私有：否  不安全：否"}, []string{"false"})
	net := s.ctl("network")
	mustSucceed(t, net, "network")
	mustContain(t, "network", net.stdout, []string{"网络："}, []string{" via ", "physical"})
	if !strings.Contains(net.stdout, "子网：") && !strings.Contains(net.stdout, "离线") {
		t.Errorf("network does not summarise the network in Chinese:\n%s", net.stdout)
	}
	mustSucceed(t, s.ctl("set", "GOFLAGS=-mod=mod"), "set")
	mustContain(t, "undo", s.ctl("undo").stdout, []string{"已恢复 取消设置 GOFLAGS（撤销）\n"}, []string{"undo:"})
	mustContain(t, "redo", s.ctl("redo").stdout, []string{"已重新进行：GOFLAGS=-mod=mod（重做）\n"}, []string{"redo:"})
	for _, args := range [][]string{{"profile", "list", "--json"}, {"profile", "show", "Mainland China", "--json"}, {"route", "example.test/m", "--json"}} {
		zh, en := s.ctl(args...), s.ctl(append(args, "--lang", "en")...)
		if zh.stdout != en.stdout || zh.code != en.code || zh.code != 0 {
			t.Errorf("gomirrorctl %q depends on the language:\n%v\n%v", args, zh, en)
		}
	}
}

// TestChineseProbe: probe's table in Chinese names the columns and the
// failure class as the GUI does, lines up, and its JSON is the English one.
func TestChineseProbe(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, "LANG=zh_CN.UTF-8")
	good := fakeMirror(t, "127.0.0.1", mirrortest.Behavior{})
	bad := fakeMirror(t, "127.0.0.1", mirrortest.Behavior{HTML: true})
	r := s.ctl(append([]string{"probe"}, probeArgs("--mirror", good, "--mirror", bad, "--count", "2")...)...)
	mustSucceed(t, r, "probe")
	tbl := tableLines(t, r.stdout, "镜像")
	mustContain(t, "probe", tbl, []string{"成功率", "状态", entry(t, "zh-Hans", "mirrors.class.badresponse")}, []string{"MIRROR", "SUCCESS", "bad-response"})
	assertAligned(t, tbl, 12)
	en := s.ctl(append([]string{"probe", "--lang", "en"}, probeArgs("--mirror", bad, "--count", "1")...)...)
	mustContain(t, "English probe", en.stdout, []string{"MIRROR", "bad-response"}, nil)
}

// TestChineseToolchains: toolchains' table in Chinese says whether each
// mirror serves the toolchain in a word, and lines up.
func TestChineseToolchains(t *testing.T) {
	t.Parallel()
	url := fakeMirror(t, "127.0.0.1", mirrortest.Behavior{})
	s := newSandbox(t, "LANG=zh_CN.UTF-8", "GOPROXY="+url, "GOSUMDB=off")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.test/p\n\ngo 1.26\n\ntoolchain go1.99.1\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	r := s.ctl("toolchains", "--dir", dir)
	tbl := strings.Join(strings.SplitAfter(tableLines(t, r.stdout, "镜像"), "\n")[:2], "") // the header and the one mirror
	mustContain(t, "toolchains", tbl, []string{"状态", "提供", "  否\n"}, []string{"SERVES", "false"})
	assertAligned(t, tbl, 3)
	en := s.ctl("toolchains", "--dir", dir, "--lang", "en")
	mustContain(t, "English toolchains", en.stdout, []string{"  MIRROR", "SERVES", "  false\n"}, nil)
}
