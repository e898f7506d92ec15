// Package assets embeds Go Mirror's icon and its translations.
package assets

import (
	"embed"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/gomirror/gomirror/assets/translations"
)

//go:embed icon.png
var files embed.FS

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
		for _, tag := range translations.Tags() {
			data, err := translations.Read(tag)
			if err == nil {
				err = lang.AddTranslations(fyne.NewStaticResource(tag+".json", data))
			}
			if err != nil && loadOnce.err == nil {
				loadOnce.err = err
			}
		}
	})
	return loadOnce.err
}

// Translation returns the embedded translations of the language tag ("en",
// "zh-Hans"), as JSON.
func Translation(tag string) ([]byte, error) {
	return translations.Read(tag)
}

func mustRead(name string) []byte {
	data, err := files.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return data
}
