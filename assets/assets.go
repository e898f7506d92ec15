// Package assets embeds Go Mirror's icon and its translations.
package assets

import (
	"embed"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

//go:embed translations icon.png
var files embed.FS

// TranslationsDir is the embedded directory that holds one JSON file of
// translations per language, named after the language tag (en.json,
// zh-Hans.json).
const TranslationsDir = "translations"

// Icon is the application icon, a 512×512 PNG.
var Icon = fyne.NewStaticResource("icon.png", mustRead("icon.png"))

var loadOnce struct {
	sync.Once
	err error
}

// LoadTranslations adds the embedded translations to Fyne's lang package.
// It does the work once; later calls return the first call's error.
func LoadTranslations() error {
	loadOnce.Do(func() {
		loadOnce.err = lang.AddTranslationsFS(files, TranslationsDir)
	})
	return loadOnce.err
}

// Translation returns the embedded translations of the language tag ("en",
// "zh-Hans"), as JSON.
func Translation(tag string) ([]byte, error) {
	return files.ReadFile(TranslationsDir + "/" + tag + ".json")
}

func mustRead(name string) []byte {
	data, err := files.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return data
}
