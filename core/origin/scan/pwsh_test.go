package scan

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/internal/corpus"
)

// profileCase is one case of testdata/pwsh/corpus.txt.
type profileCase struct {
	id, url, split, goos, shell, home, documents, file string
	env                                                []string
	want, profile                                      string
}

func readProfiles(t *testing.T) []profileCase {
	t.Helper()
	raw, err := corpus.Read("testdata/pwsh/corpus.txt", corpus.Schema{
		Fields: []string{"url", "date", "split", "goos", "shell", "home", "documents", "file", "env", "note"},
		Parts:  []string{"want", "profile"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []profileCase
	for _, r := range raw {
		out = append(out, profileCase{id: r.ID, url: r.Field("url"), split: r.Field("split"), goos: r.Field("goos"),
			shell: r.Field("shell"), home: r.Field("home"), documents: r.Field("documents"), file: r.Field("file"),
			env: r.Fields["env"], want: r.Parts["want"], profile: r.Parts["profile"]})
	}
	return out
}

// winSummary renders assignments as summary does, with the scope of a
// registry write and the base name of a Windows path.
func winSummary(as []origin.Assignment) string {
	var b strings.Builder
	for _, a := range as {
		a.File = a.File[strings.LastIndexAny(a.File, `\/`)+1:]
		line := summary([]origin.Assignment{a})
		if a.Scope != "" {
			line = strings.TrimSuffix(line, "\n") + " [" + a.Scope + "]\n"
		}
		b.WriteString(line)
	}
	return b.String()
}

// TestPwshProfiles scans the recorded profiles as Windows (or the case's goos) would load them
// (CORPUS_SPLIT=holdout or all for the others).
func TestPwshProfiles(t *testing.T) {
	split := os.Getenv("CORPUS_SPLIT")
	switch split {
	case "":
		split = "train"
	case "all":
		split = ""
	}
	right, n := 0, 0
	for _, c := range readProfiles(t) {
		if split != "" && c.split != split {
			continue
		}
		n++
		fsys := files{c.file: c.profile}
		if c.goos == "" {
			c.goos = "windows"
		}
		res := Scan(Options{Kind: origin.Pwsh, Home: c.home, Env: c.env, GOOS: c.goos, Shell: c.shell,
			Documents: c.documents, ReadFile: fsys.read, Glob: fsys.glob})
		if got := winSummary(res.Assignments); got != c.want {
			t.Errorf("%s (%s): Scan found\n%s\nwant:\n%s(read %q)", c.id, c.url, got, c.want, res.Read)
			continue
		}
		right++
	}
	t.Logf("split %q: %d/%d profiles scanned right", split, right, n)
}

// TestPwshProfileUTF16 scans case s10's profile as Windows PowerShell 5.1
// writes it with echo '...' > $PROFILE: UTF-16LE with a byte order mark and
// CRLF line ends (the bytes recorded in
// https://github.com/PowerShell/PowerShell/issues/9152, 2019-03-16: ff fe 61
// 00 0d 00 0a 00 ...). PowerShell reads such a profile; so must the scan.
func TestPwshProfileUTF16(t *testing.T) {
	var c profileCase
	for _, p := range readProfiles(t) {
		if p.id == "s10" {
			c = p
		}
	}
	text := strings.ReplaceAll(c.profile, "\n", "\r\n")
	le, be := []byte{0xff, 0xfe}, []byte{0xfe, 0xff}
	for _, r := range utf16.Encode([]rune(text)) {
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	for name, data := range map[string][]byte{"UTF-16LE": le, "UTF-16BE": be} {
		fsys := files{c.file: string(data)}
		res := Scan(Options{Kind: origin.Pwsh, Home: c.home, GOOS: "windows", Shell: c.shell, ReadFile: fsys.read, Glob: fsys.glob})
		if got := winSummary(res.Assignments); got != c.want {
			t.Errorf("%s: Scan found\n%s\nwant:\n%s", name, got, c.want)
		}
	}
}

// TestPwshWindowsForms covers the forms of the recorded profiles in the
// spellings Windows allows: names in any case (one variable), ${env:NAME},
// += on PATH inherited as "Path", a process-scope SetEnvironmentVariable
// (the shell's own value), setx /M (the system's), and a quoted line in a
// here-string or a block comment (not read).
func TestPwshWindowsForms(t *testing.T) {
	profile := "$ENV:goproxy = 'https://a.example.test'\r\n" +
		"${env:GoSumDB} = \"sum.example.test\"; $env:GOFLAGS='-mod=mod' # trailing\r\n" +
		"$env:Path += \";C:\\Go\\bin\"\r\n" +
		"Remove-Item Env:\\goflags\r\n" +
		"[environment]::SetEnvironmentVariable(\"goprivate\", \"*.corp.example.test\")\r\n" +
		"setx GONOSUMDB corp.example.test /M\r\n" +
		"<#\r\n$env:GOTOOLCHAIN = 'local'\r\n#>\r\n" +
		"$s = @\"\r\n$env:GOTOOLCHAIN = 'auto'\r\n\"@\r\n" +
		"if ($true) { $env:GOINSECURE = \"$env:GOPRIVATE\" }\r\n"
	const file = `C:\Users\ann\Documents\PowerShell\Microsoft.PowerShell_profile.ps1`
	fsys := files{file: profile}
	res := Scan(Options{Kind: origin.Pwsh, Home: `C:\Users\ann`, Env: []string{`Path=C:\Windows`}, GOOS: "windows",
		Shell: `C:\Program Files\PowerShell\7\pwsh.exe`, ReadFile: fsys.read, Glob: fsys.glob})
	want := `Microsoft.PowerShell_profile.ps1:01 GOPROXY=https://a.example.test ($env:)
Microsoft.PowerShell_profile.ps1:02 GOSUMDB=sum.example.test ($env:)
Microsoft.PowerShell_profile.ps1:02 GOFLAGS=-mod=mod ($env:)
Microsoft.PowerShell_profile.ps1:03 PATH=C:\Windows;C:\Go\bin ($env: +=)
Microsoft.PowerShell_profile.ps1:04 GOFLAGS unset (Remove-Item Env:)
Microsoft.PowerShell_profile.ps1:05 GOPRIVATE=*.corp.example.test ([Environment]::SetEnvironmentVariable)
Microsoft.PowerShell_profile.ps1:06 GONOSUMDB=corp.example.test (setx) [system]
Microsoft.PowerShell_profile.ps1:13 GOINSECURE=*.corp.example.test ($env:)
`
	if got := winSummary(res.Assignments); got != want {
		t.Errorf("Scan found\n%s\nwant:\n%s", got, want)
	}
	wantRead := []string{`C:\Program Files\PowerShell\7\profile.ps1`, `C:\Program Files\PowerShell\7\Microsoft.PowerShell_profile.ps1`,
		`C:\Users\ann\Documents\PowerShell\profile.ps1`, file}
	if !slices.Equal(res.Watched, wantRead) {
		t.Errorf("Watched = %q, want %q (PowerShell 7's four profiles, in load order)", res.Watched, wantRead)
	}
}
