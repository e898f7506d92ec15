package shell

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/internal/corpus"
)

// recording is one case of testdata/pwsh/corpus.txt.
type recording struct {
	id, url, date, shell, console, split, problem, what string
	stdout, stderr                                      string
}

func readCorpus(path string) ([]recording, error) {
	raw, err := corpus.Read(path, corpus.Schema{
		Fields: []string{"url", "date", "shell", "console", "split", "problem", "what"},
		Parts:  []string{"stdout", "stderr"},
	})
	var out []recording
	for _, r := range raw {
		out = append(out, recording{id: r.ID, url: r.Field("url"), date: r.Field("date"), shell: r.Field("shell"),
			console: r.Field("console"), split: r.Field("split"), problem: r.Field("problem"), what: r.Field("what"),
			stdout: r.Parts["stdout"], stderr: r.Parts["stderr"]})
	}
	return out, err
}

// TestMain lets the test binary stand in for PowerShell: with
// GOMIRROR_FAKE_PWSH set to "corpus-file#id" it behaves as pwsh.exe or
// powershell.exe run by Run, replaying that recording.
func TestMain(m *testing.M) {
	if spec := os.Getenv("GOMIRROR_FAKE_PWSH"); spec != "" {
		os.Exit(fakePwsh(spec, os.Args[1:]))
	}
	os.Exit(m.Run())
}

var markerRE = regexp.MustCompile(`<<gomirror-[0-9a-f]+-(?:begin|end)>>`)

// fakePwsh writes what PowerShell writes for "-NoLogo -Command cmd": the
// recorded standard output (the profile's banners, in the console's code
// page, CRLF line ends), then what cmd prints, then the recorded standard
// error. For cmd it follows what .NET documents: text written through
// [Console]::Out is encoded in [Console]::OutputEncoding, which is the
// console's code page (the OEM one in Windows PowerShell 5.1 and
// PowerShell 7 alike) unless something set it; bytes written to the stream
// [Console]::OpenStandardOutput() returns pass unchanged.
func fakePwsh(spec string, args []string) int {
	file, id, _ := strings.Cut(spec, "#")
	var rec *recording
	recs, err := readCorpus(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fake pwsh:", err)
		return 2
	}
	for _, r := range recs {
		if r.id == id {
			rec = &r
			break
		}
	}
	if len(args) > 0 && args[0] == "-Login" { // Linux and macOS: a login shell, and first
		args = args[1:]
	}
	if rec == nil || len(args) != 3 || args[0] != "-NoLogo" || args[1] != "-Command" {
		fmt.Fprintf(os.Stderr, "fake pwsh: bad call %q for %s\n", args, spec)
		return 2
	}
	cmd := args[2]
	if c := os.Getenv("GOMIRROR_FAKE_CONSOLE"); c != "" {
		rec.console = c
	}
	console := consoleEncoding(rec.console)
	os.Stdout.Write(encode(console, crlf(rec.stdout)))
	marks := markerRE.FindAllString(cmd, -1)
	if len(marks) != 2 {
		fmt.Fprintln(os.Stderr, "fake pwsh: no markers in the command")
		return 1
	}
	var body strings.Builder
	body.WriteString(marks[0])
	for _, kv := range os.Environ() {
		body.WriteString(kv + "\x00")
	}
	body.WriteString(marks[1])
	switch {
	case strings.Contains(cmd, "OpenStandardOutput()") && strings.Contains(cmd, "[Text.Encoding]::UTF8.GetBytes("):
		os.Stdout.WriteString(body.String())
	case strings.Contains(cmd, "[Console]::Out.Write("):
		os.Stdout.Write(encode(console, body.String()))
	default:
		fmt.Fprintln(os.Stderr, "fake pwsh: the command prints in a way this fake does not know")
		return 1
	}
	os.Stderr.WriteString(crlf(rec.stderr))
	return 0
}

func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

func consoleEncoding(name string) encoding.Encoding {
	switch name {
	case "cp437":
		return charmap.CodePage437
	case "gbk":
		return simplifiedchinese.GBK
	case "utf-16le":
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	}
	return unicode.UTF8
}

// encode encodes s as .NET's encoders do: characters the code page lacks
// become "?".
func encode(e encoding.Encoding, s string) []byte {
	b, err := encoding.ReplaceUnsupported(e.NewEncoder()).Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

// pwshEnv is the environment every replayed capture starts with: a user
// whose name is Chinese, as many of Go Mirror's users are.
func pwshEnv(spec string) []string {
	return []string{
		"GOMIRROR_FAKE_PWSH=" + spec,
		`USERPROFILE=C:\Users\张伟`,
		`Path=C:\Program Files\Go\bin;C:\Users\张伟\go\bin`,
		"GOPROXY=https://mirror.example.test,direct",
		"GOPRIVATE=*.corp.example.test",
	}
}

// TestPwshConsoleEncodings replays one recording with the console code
// pages a capture meets: 437 (US), 936 (GBK, Simplified Chinese Windows),
// UTF-8 (a profile that sets [Console]::OutputEncoding to UTF-8, as people
// do for git diff) and UTF-16 (one that sets it to [Text.Encoding]::Unicode).
// The banners come out in that encoding; the environment must not.
func TestPwshConsoleEncodings(t *testing.T) {
	corpus, _ := filepath.Abs("testdata/pwsh/corpus.txt")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, cp := range []string{"cp437", "gbk", "utf-8", "utf-16le"} {
		env := append(pwshEnv(corpus+"#p02"), "GOMIRROR_FAKE_CONSOLE="+cp)
		c, err := Run(context.Background(), Shell{Path: self, Kind: origin.Pwsh}, Options{Env: env, Dir: t.TempDir()})
		if err != nil {
			t.Errorf("%s: %v", cp, err)
			continue
		}
		m := origin.EnvMap(c.Env, "windows")
		if m["USERPROFILE"] != `C:\Users\张伟` || m["GOPROXY"] != "https://mirror.example.test,direct" {
			t.Errorf("%s: USERPROFILE = %q, GOPROXY = %q", cp, m["USERPROFILE"], m["GOPROXY"])
		}
	}
}

// pwshScore runs every recording of split ("" for all) through Run and
// reports per case whether the environment and the problem came out right.
func pwshScore(t *testing.T, split string) (envOK, problemOK, n int) {
	corpus, err := filepath.Abs("testdata/pwsh/corpus.txt")
	if err != nil {
		t.Fatal(err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	recs, err := readCorpus(corpus)
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		if split != "" && rec.split != split {
			continue
		}
		n++
		sh := Shell{Path: self, Kind: origin.Pwsh, FoundBy: "PATH"}
		cp, err := Run(context.Background(), sh, Options{Env: pwshEnv(corpus + "#" + rec.id), Dir: t.TempDir()})
		if err != nil {
			t.Errorf("%s (%s): Run: %v", rec.id, rec.url, err)
			continue
		}
		env := origin.EnvMap(cp.Env, "windows")
		wantEnv := map[string]string{"USERPROFILE": `C:\Users\张伟`, "PATH": `C:\Program Files\Go\bin;C:\Users\张伟\go\bin`,
			"GOPROXY": "https://mirror.example.test,direct", "GOPRIVATE": "*.corp.example.test"}
		good := true
		for k, want := range wantEnv {
			if env[k] != want {
				good = false
				t.Errorf("%s (%s): %s = %q, want %q", rec.id, rec.url, k, env[k], want)
			}
		}
		if good {
			envOK++
		}
		want := rec.problem
		switch {
		case want == "-" && cp.Problem == "":
			problemOK++
		case want == "-":
			t.Errorf("%s (%s): Problem = %q, want none", rec.id, rec.url, cp.Problem)
		case strings.Contains(cp.Problem, want):
			problemOK++
		default:
			t.Errorf("%s (%s): Problem = %q, want it to contain %q", rec.id, rec.url, cp.Problem, want)
		}
	}
	return envOK, problemOK, n
}

// TestPwshRecordings replays the train split of the recorded PowerShell
// outputs (CORPUS_SPLIT=holdout or all for the others).
func TestPwshRecordings(t *testing.T) {
	split := os.Getenv("CORPUS_SPLIT")
	switch split {
	case "":
		split = "train"
	case "all":
		split = ""
	}
	envOK, problemOK, n := pwshScore(t, split)
	t.Logf("split %q: environment right %d/%d, problem right %d/%d", split, envOK, n, problemOK, n)
}
