// Package translations embeds Go Mirror's translations: one JSON file per
// language in go-i18n's format, named after the language tag (en.json,
// zh-Hans.json). The GUI registers them with Fyne's lang package (see
// package assets); gomirrorctl renders core's messages from the same files.
// It imports nothing of Fyne, so the command-line tool can use it.
package translations

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed *.json
var files embed.FS

// Tags returns the language tags there are translations for, sorted.
func Tags() []string {
	entries, _ := fs.ReadDir(files, ".")
	tags := make([]string, 0, len(entries))
	for _, e := range entries {
		tags = append(tags, strings.TrimSuffix(e.Name(), ".json"))
	}
	return tags
}

// Read returns the JSON translations of the language tag ("en", "zh-Hans").
func Read(tag string) ([]byte, error) { return files.ReadFile(tag + ".json") }
