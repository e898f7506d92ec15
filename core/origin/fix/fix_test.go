package fix

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/origin"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func rcFile(t *testing.T, content string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), ".zshrc")
	if err := os.WriteFile(f, []byte(content), 0o640); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestCommentOutApplyUndoIsByteExact(t *testing.T) {
	const before = "# my zshrc\r\nalias ll='ls -l'\r\nexport GOPROXY=https://old.example.test\r\nexport PATH=$PATH:~/go/bin" // CRLF, no final newline
	f := rcFile(t, before)
	store := &history.Store{Dir: filepath.Join(t.TempDir(), "history")}
	p, err := CommentOut(f, 3, "GOPROXY")
	if err != nil {
		t.Fatal(err)
	}
	wantAfter := strings.Replace(before, "export GOPROXY", "# export GOPROXY", 1)
	wantAfter = strings.Replace(wantAfter, "old.example.test\r\n", "old.example.test  "+Marker+"\r\n", 1)
	if string(p.After) != wantAfter {
		t.Errorf("After = %q, want %q", p.After, wantAfter)
	}
	wantDiff := "--- " + f + "\n+++ " + f + "\n@@ -1,4 +1,4 @@\n # my zshrc\n alias ll='ls -l'\n" +
		"-export GOPROXY=https://old.example.test\n+# export GOPROXY=https://old.example.test  # disabled by Go Mirror\n export PATH=$PATH:~/go/bin\n"
	if p.Diff != wantDiff {
		t.Errorf("Diff =\n%s\nwant\n%s", p.Diff, wantDiff)
	}

	res, err := Apply(p, store, now)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(f); string(got) != wantAfter {
		t.Errorf("file after Apply = %q", got)
	}
	if fi, _ := os.Stat(f); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode after Apply = %v, want 0640 kept", fi.Mode().Perm())
	}
	if b, err := os.ReadFile(res.Backup); err != nil || string(b) != before {
		t.Errorf("backup %s = %q, %v; want the original bytes", res.Backup, b, err)
	}
	if fi, _ := os.Stat(res.Backup); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode = %v, want 0600", fi.Mode().Perm())
	}

	u, err := Undo(store, res.ID, now.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(f); string(got) != before {
		t.Errorf("file after Undo = %q, want the original bytes %q", got, before)
	}
	if !u.Undo || u.UndoOf != res.ID {
		t.Errorf("undo entry = %+v", u)
	}
}

func TestApplyAndUndoRefuseAChangedFile(t *testing.T) {
	f := rcFile(t, "export GOPROXY=x\n")
	store := &history.Store{Dir: filepath.Join(t.TempDir(), "history")}
	p, err := CommentOut(f, 1, "GOPROXY")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(f, []byte("export GOPROXY=y\n"), 0o644) // edited meanwhile
	var re *core.RefusedError
	if _, err := Apply(p, store, now); !errors.As(err, &re) || re.Problems[0].Code != "file-changed" {
		t.Fatalf("Apply on a changed file: %v, want a file-changed refusal", err)
	}
	if p := re.Problems[0]; p.File != f || p.Message != f+" changed on disk since Go Mirror read it (perhaps in an editor)." || !rendered(p) {
		t.Errorf("file-changed refusal = %+v, want the rc-file text about %s", p, f)
	}
	if backups, _ := filepath.Glob(f + ".gomirror-*"); len(backups) != 0 {
		t.Errorf("refused Apply left backups %v", backups)
	}
	p, _ = CommentOut(f, 1, "GOPROXY")
	res, err := Apply(p, store, now)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(f, []byte("edited\n"), 0o644)
	if _, err := Undo(store, res.ID, now); !errors.As(err, &re) {
		t.Fatalf("Undo on a changed file: %v, want a refusal", err)
	}
	if got, _ := os.ReadFile(f); string(got) != "edited\n" {
		t.Errorf("refused Undo changed the file to %q", got)
	}
}

func TestCommentOutRefuses(t *testing.T) {
	f := rcFile(t, "# export GOPROXY=x\nexport GOFLAGS=-mod=mod \\\n  GOPROXY=y\n")
	for _, c := range []struct {
		line int
		code string
	}{{1, "rc-line-commented"}, {2, "rc-line-continued"}, {3, "rc-line-continued"}, {9, "rc-line-missing"}} {
		_, err := CommentOut(f, c.line, "GOPROXY")
		var re *core.RefusedError
		if !errors.As(err, &re) || re.Problems[0].Code != c.code {
			t.Errorf("CommentOut(line %d) error = %v, want code %s", c.line, err, c.code)
		} else if err := core.CheckRendered(re.Problems[0]); err != nil {
			t.Errorf("CommentOut(line %d): %v", c.line, err)
		}
	}
}

func TestReplaceKeepsIndentation(t *testing.T) {
	f := rcFile(t, "if true; then\n  export GOPROXY=old\nfi\n")
	p, err := Replace(f, 2, "GOPROXY", ExportLine(origin.Zsh, "GOPROXY", "https://new.example.test,direct"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "if true; then\n  export GOPROXY=https://new.example.test,direct\nfi\n"; !bytes.Equal(p.After, []byte(want)) {
		t.Errorf("After = %q, want %q", p.After, want)
	}
}

func TestExportLine(t *testing.T) {
	cases := []struct {
		kind        origin.ShellKind
		value, want string
	}{
		{origin.Bash, "https://a.example.test,direct", "export GOPROXY=https://a.example.test,direct"},
		{origin.Bash, "it's a|b", `export GOPROXY='it'\''s a|b'`},
		{origin.Fish, `a\b c`, `set -gx GOPROXY 'a\\b c'`},
		{origin.Csh, "a b", "setenv GOPROXY 'a b'"},
		{origin.Pwsh, "it's", "$env:GOPROXY = 'it''s'"},
		{origin.Sh, "", "export GOPROXY=''"},
	}
	for _, c := range cases {
		if got := ExportLine(c.kind, "GOPROXY", c.value); got != c.want {
			t.Errorf("ExportLine(%s, %q) = %q, want %q", c.kind, c.value, got, c.want)
		}
	}
}

func TestApplyThroughASymlinkKeepsTheLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "dotfiles", "zshrc")
	os.MkdirAll(filepath.Dir(real), 0o755)
	os.WriteFile(real, []byte("export GOPROXY=x\n"), 0o644)
	link := filepath.Join(dir, ".zshrc")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	store := &history.Store{Dir: filepath.Join(dir, "history")}
	p, err := CommentOut(link, 1, "GOPROXY")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Apply(p, store, now)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symlink", link)
	}
	if got, _ := os.ReadFile(real); !strings.HasPrefix(string(got), "# export GOPROXY=x") {
		t.Errorf("linked file = %q, want the line commented out", got)
	}
	if _, err := Undo(store, res.ID, now); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(real); string(got) != "export GOPROXY=x\n" {
		t.Errorf("after Undo = %q", got)
	}
}

func TestAppendLine(t *testing.T) {
	dir := t.TempDir()
	store := &history.Store{Dir: filepath.Join(dir, "history")}
	for _, tt := range []struct{ name, before, after string }{
		{"no final newline", "PATH=/usr/bin", "PATH=/usr/bin\nexport PATH=\"$PATH\":/opt/go/bin\n"},
		{"final newline", "# a\n", "# a\nexport PATH=\"$PATH\":/opt/go/bin\n"},
		{"missing", "", "export PATH=\"$PATH\":/opt/go/bin\n"},
	} {
		file := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-"))
		if tt.name != "missing" {
			os.WriteFile(file, []byte(tt.before), 0o644)
		}
		p, err := AppendLine(file, "PATH", PathLine(origin.Bash, "/opt/go/bin"))
		if err != nil {
			t.Fatal(err)
		}
		if p.Created != (tt.name == "missing") || !strings.HasSuffix(p.Diff, "+export PATH=\"$PATH\":/opt/go/bin\n") {
			t.Errorf("%s: plan Created %t, diff:\n%s", tt.name, p.Created, p.Diff)
		}
		res, err := Apply(p, store, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(file); string(got) != tt.after {
			t.Errorf("%s: file = %q, want %q", tt.name, got, tt.after)
		}
		if res.Entry.BeforeExisted == p.Created || (res.Backup == "") != p.Created {
			t.Errorf("%s: entry BeforeExisted %t, backup %q", tt.name, res.Entry.BeforeExisted, res.Backup)
		}
	}
}

func TestLoginFile(t *testing.T) {
	home := t.TempDir()
	if got := LoginFile(origin.Bash, home); got != filepath.Join(home, ".profile") {
		t.Errorf("LoginFile(bash, empty home) = %q, want ~/.profile", got)
	}
	os.WriteFile(filepath.Join(home, ".bash_login"), nil, 0o644)
	if got := LoginFile(origin.Bash, home); got != filepath.Join(home, ".bash_login") {
		t.Errorf("LoginFile(bash) = %q, want ~/.bash_login, the one bash reads", got)
	}
	if got := LoginFile(origin.Zsh, home); got != filepath.Join(home, ".zprofile") {
		t.Errorf("LoginFile(zsh) = %q", got)
	}
	if got := LoginFile(origin.Pwsh, home); got != "" {
		t.Errorf("LoginFile(pwsh) = %q, want none", got)
	}
}

// rendered reports whether p's text is its code's catalogue entries
// rendered in English from its arguments.
func rendered(p core.Problem) bool {
	m, f := core.English.Problem(p)
	return m == p.Message && f == p.Fix
}
