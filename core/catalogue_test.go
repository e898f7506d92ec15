package core

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/gomirror/gomirror/assets/translations"
)

// TestCatalogueFilesAreSorted checks that each message file lists its keys
// once each, in sorted order: JSON decoders keep the last of two equal keys
// without a word, and merges of sorted files stay clean.
func TestCatalogueFilesAreSorted(t *testing.T) {
	for _, tag := range translations.Tags() {
		data, err := translations.Read(tag)
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		if _, err := dec.Token(); err != nil { // {
			t.Fatal(err)
		}
		prev := ""
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				t.Fatalf("%s: %v", tag, err)
			}
			key := tok.(string)
			var value string
			if err := dec.Decode(&value); err != nil {
				t.Fatalf("%s: %s: %v", tag, key, err)
			}
			switch {
			case key == prev:
				t.Errorf("%s: key %q appears twice", tag, key)
			case key < prev:
				t.Errorf("%s: key %q comes after %q; keep the keys sorted", tag, key, prev)
			}
			prev = key
		}
	}
}
