package ui

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/gomirror/gomirror/core/service"
)

// mapFS serves core.FS from memory, so that paths in the snapshot are the
// same on every machine. Paths are absolute; fstest.MapFS's are not.
type mapFS fstest.MapFS

func (m mapFS) ReadFile(name string) ([]byte, error) {
	return fs.ReadFile(fstest.MapFS(m), strings.TrimPrefix(name, "/"))
}

func (m mapFS) Stat(name string) (fs.FileInfo, error) {
	return fs.Stat(fstest.MapFS(m), strings.TrimPrefix(name, "/"))
}

func (m mapFS) EvalSymlinks(name string) (string, error) { return name, nil }

func TestOverviewMarkup(t *testing.T) {
	files := mapFS{
		"opt/go/bin/go":              {Data: []byte("#!/bin/sh\n"), Mode: 0o755},
		"opt/go/pkg/tool/README":     {Data: []byte("tools\n")},
		"opt/go/VERSION":             {Data: []byte("go1.26.8\n")},
		"opt/go/go.env":              {Data: []byte(fakeGoEnv)},
		"home/gopher/.config/go/env": {Data: []byte("GOPROXY=https://file.example.test,direct\n")},
	}
	svc := service.New(service.Options{
		Env:       []string{"HOME=/home/gopher", "PATH=/opt/go/bin", "GOPROXY=https://os.example.test"},
		GOOS:      "linux",
		Cwd:       "/home/gopher",
		FS:        files,
		ConfigDir: t.TempDir(),
		Now:       func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) },
	})
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	u := newUI(a, w, svc, inline)
	w.Resize(fyne.NewSize(1000, 760))
	u.overview.load()
	u.overview.selectSetting("GOPROXY")

	test.AssertRendersToMarkup(t, "overview.xml", w.Canvas())
}
