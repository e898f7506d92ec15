package core

import "testing"

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"":                             "''",
		"/usr/bin/gomirrorctl":         "/usr/bin/gomirrorctl",
		"https://a.example.test,off":   "https://a.example.test,off",
		"/opt/Go Mirror/gomirrorctl":   "'/opt/Go Mirror/gomirrorctl'",
		"/opt/Bob's Mirror/x":          `'/opt/Bob'\''s Mirror/x'`,
		`C:\Program Files\x.exe`:       `'C:\Program Files\x.exe'`,
		"$HOME`x`!*?[]{}()<>|&;#~\"\n": "'$HOME`x`!*?[]{}()<>|&;#~\"\n'",
	} {
		if got := ShellQuote(in); got != want {
			t.Errorf("ShellQuote(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFishQuote(t *testing.T) {
	for in, want := range map[string]string{
		"a.example.test": "a.example.test",
		`it's a\b`:       `'it\'s a\\b'`,
	} {
		if got := FishQuote(in); got != want {
			t.Errorf("FishQuote(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestShellLine(t *testing.T) {
	got := ShellLine("git", "config", "credential.https://a.example.test.helper", "!'/opt/Go Mirror/x' git-credential")
	want := `git config credential.https://a.example.test.helper '!'\''/opt/Go Mirror/x'\'' git-credential'`
	if got != want {
		t.Errorf("ShellLine = %q, want %q", got, want)
	}
}
