package mirrors

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
)

func TestStore(t *testing.T) {
	s := Store{Dir: filepath.Join(t.TempDir(), "gomirror")}
	if ms, err := s.Load(); err != nil || len(ms) != 0 {
		t.Fatalf("Load() of a new store = %v, %v; want nothing", ms, err)
	}
	m, err := s.Add(Mirror{Name: "Company Athens", URL: "athens.corp.example.test/"})
	if err != nil {
		t.Fatal(err)
	}
	if m.ID != "company-athens" || m.URL != "https://athens.corp.example.test" || m.Origin != OriginUser {
		t.Errorf("Add() = %+v, want ID company-athens, https URL, origin user", m)
	}
	if _, err := s.Add(Mirror{Name: "公司镜像", URL: "http://10.0.0.1:3000"}); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Load()
	if err != nil || len(ms) != 2 || ms[1].ID != "10.0.0.1" {
		t.Fatalf("Load() = %+v, %v; want 2 mirrors, the second with ID from its host", ms, err)
	}
	var raw struct{ Version int }
	data, _ := os.ReadFile(s.Path())
	if err := json.Unmarshal(data, &raw); err != nil || raw.Version != 1 {
		t.Errorf("file %s = %s, want version 1 JSON", s.Path(), data)
	}
	if err := s.Remove("https://athens.corp.example.test/"); err != nil {
		t.Fatal(err)
	}
	if ms, _ := s.Load(); len(ms) != 1 || ms[0].Name != "公司镜像" {
		t.Errorf("after Remove: %+v, want only the second mirror", ms)
	}
	entries, _ := os.ReadDir(s.Dir)
	if len(entries) != 1 {
		t.Errorf("store dir holds %d files, want only %s (no temp files left)", len(entries), StoreFile)
	}
}

func TestStoreRefuses(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	if _, err := s.Add(Mirror{Name: "Corp", URL: "https://corp.example.test"}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		m    Mirror
		code string
	}{
		{Mirror{Name: " ", URL: "https://a.example.test"}, "mirror-no-name"},
		{Mirror{Name: "A", URL: "ftp://a.example.test"}, "mirror-bad-url"},
		{Mirror{Name: "A", URL: "localhost"}, "mirror-bad-url"},
		{Mirror{Name: "A", URL: "https://user:secret@a.example.test"}, "mirror-credentials"},
		{Mirror{Name: "corp", URL: "https://b.example.test"}, "mirror-duplicate"},
		{Mirror{Name: "B", URL: "corp.example.test/"}, "mirror-duplicate"},
		{Mirror{Name: "My Aliyun", URL: "https://mirrors.aliyun.com/goproxy"}, "mirror-duplicate"},
		{Mirror{ID: "baidu", Name: "B", URL: "https://b.example.test"}, "mirror-duplicate"},
	}
	for _, c := range cases {
		_, err := s.Add(c.m)
		if code := refusedCode(err); code != c.code {
			t.Errorf("Add(%+v) = %v, want refusal %s", c.m, err, c.code)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("Add(%+v) error shows the password: %v", c.m, err)
		}
	}
	for _, q := range []string{"aliyun", "nothing"} {
		if err := s.Remove(q); err == nil {
			t.Errorf("Remove(%q) succeeded, want a refusal", q)
		}
	}
}

func TestStoreCorrupt(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	os.WriteFile(s.Path(), []byte("{"), 0o600)
	if _, err := s.Load(); err == nil || !strings.Contains(err.Error(), "fix or delete") {
		t.Errorf("Load() of a corrupt file = %v, want an actionable error", err)
	}
}

func refusedCode(err error) string {
	var re *core.RefusedError
	if errors.As(err, &re) && len(re.Problems) > 0 {
		return re.Problems[0].Code
	}
	if err != nil {
		return "other: " + err.Error()
	}
	return ""
}
