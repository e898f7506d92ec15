package core

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/gomirror/gomirror/assets/translations"
)

// The message catalogue is the JSON files of package assets/translations,
// one per language in go-i18n's format; the GUI registers the same files
// with Fyne's lang package. Core's texts live there under these keys:
//
//	problem.<code>.message, problem.<code>.fix
//	snippet.<code>   sentences shared by several problems
//	note.<code>      layer notes
//	text.<code>      other sentences (route steps, warnings)
//	error.<code>     errors a person reads (see Error)
//
// A code core produces needs only its entries in the JSON files (English
// and every other language); there is no Go copy of the English.
const (
	keyProblem = "problem."
	keySnippet = "snippet."
	keyNote    = "note."
	keyText    = "text."
	keyMessage = ".message"
	keyFix     = ".fix"
)

// catalogue is the parsed message files, loaded once.
var catalogue = sync.OnceValue(loadCatalogue)

type messages struct {
	bundle  *i18n.Bundle
	byTag   map[string]map[string]string // tag to key to template
	english map[string]string            // byTag["en"]
}

// loadCatalogue parses the embedded message files; one that does not
// parse is a build mistake the tests catch, so it panics.
func loadCatalogue() *messages {
	m := &messages{bundle: i18n.NewBundle(language.English), byTag: map[string]map[string]string{}}
	m.bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, tag := range translations.Tags() {
		data, err := translations.Read(tag)
		if err != nil {
			panic("core: message file " + tag + ".json: " + err.Error())
		}
		if _, err := m.bundle.ParseMessageFileBytes(data, tag+".json"); err != nil {
			panic("core: message file " + tag + ".json: " + err.Error())
		}
		entries := map[string]string{}
		if err := json.Unmarshal(data, &entries); err != nil {
			panic("core: message file " + tag + ".json: " + err.Error())
		}
		m.byTag[tag] = entries
	}
	m.english = m.byTag["en"]
	return m
}

// has reports whether the language tag has an entry for key.
func (m *messages) has(tag, key string) bool {
	_, ok := m.byTag[tag][key]
	return ok
}

// catalogueTags returns the language tags of the catalogue, sorted.
func catalogueTags() []string { return slices.Sorted(maps.Keys(catalogue().byTag)) }

// langs returns a renderer for every language of the catalogue.
func langs() []*Lang {
	var out []*Lang
	for _, tag := range catalogueTags() {
		out = append(out, NewLang(tag))
	}
	return out
}

// Langs returns a renderer for every language of the catalogue, sorted by
// tag.
func Langs() []*Lang { return langs() }

// Lang renders core's messages in one language, falling back to English
// for a key the language lacks. The zero value is not usable; see NewLang.
type Lang struct {
	tag      string
	localize Localize
}

// Localize renders the catalogue entry key, whose English template is
// english, from data in one language.
type Localize func(key, english string, data map[string]string) (string, error)

// English renders core's messages in English.
var English = NewLang("en")

// NewLang returns the renderer of the language tag ("en", "zh-Hans").
func NewLang(tag string) *Lang {
	localizer := sync.OnceValue(func() *i18n.Localizer {
		return i18n.NewLocalizer(catalogue().bundle, tag, "en")
	})
	return &Lang{tag: tag, localize: func(key, _ string, data map[string]string) (string, error) {
		return localizer().Localize(&i18n.LocalizeConfig{MessageID: key, TemplateData: data})
	}}
}

// NewLangFunc returns the renderer of the language tag ("" if unknown) that
// renders each entry with localize. The GUI passes Fyne's lang.X, which
// holds the same message files and picks the language itself.
func NewLangFunc(tag string, localize Localize) *Lang { return &Lang{tag: tag, localize: localize} }

// Tag returns the language tag of l.
func (l *Lang) Tag() string { return l.tag }

// Message returns the catalogue entry key rendered from data, and whether
// the catalogue has it. An entry whose template fails is returned as it is.
func (l *Lang) Message(key string, data map[string]string) (string, bool) {
	en, ok := catalogue().english[key]
	if !ok {
		return "", false
	}
	s, err := l.localize(key, en, data)
	if err != nil {
		return en, true
	}
	return s, true
}

// text returns the entry key rendered from data, or "" without one.
func (l *Lang) text(key string, data map[string]string) string {
	s, _ := l.Message(key, data)
	return s
}

// Problem returns p's message and fix in l: its code's entries rendered
// from its data, or p's own text for a code without entries.
func (l *Lang) Problem(p Problem) (message, fix string) {
	if !HasProblem(p.Code) {
		return p.Message, p.Fix
	}
	data := p.data(l)
	return l.text(keyProblem+p.Code+keyMessage, data), l.text(keyProblem+p.Code+keyFix, data)
}

// Snippet returns the snippet code rendered from args in l, or english
// for a code without an entry.
func (l *Lang) Snippet(code string, args map[string]string, english string) string {
	if s, ok := l.Message(keySnippet+code, args); ok {
		return s
	}
	return english
}

// Note returns layer's note in l, or its own note for a code without an
// entry.
func (l *Lang) Note(layer Layer) string {
	if s, ok := l.Message(keyNote+layer.NoteCode, layer.noteData(l)); ok {
		return s
	}
	return layer.Note
}

// Text returns t in l, or english for a code without an entry.
func (l *Lang) Text(t Text, english string) string {
	if s, ok := l.Message(keyText+t.Code, t.data(l)); ok {
		return s
	}
	return english
}

// HasProblem reports whether the catalogue has a message for the problem
// code. (Its fix is optional: a refusal may need none.)
func HasProblem(code string) bool {
	_, ok := catalogue().english[keyProblem+code+keyMessage]
	return ok
}

// codes returns the codes of the English entries whose keys are prefix +
// code + suffix, sorted.
func codes(prefix, suffix string) []string {
	var out []string
	for k := range maps.Keys(catalogue().english) {
		if rest, ok := strings.CutPrefix(k, prefix); ok {
			if code, ok := strings.CutSuffix(rest, suffix); ok {
				out = append(out, code)
			}
		}
	}
	slices.Sort(out)
	return out
}

// english returns the English template of key.
func english(key string) (string, bool) {
	s, ok := catalogue().english[key]
	return s, ok
}

// Keys returns the catalogue keys of core's messages (problems, snippets,
// notes, texts and errors), sorted; the rest of the message files belongs
// to the GUI.
func Keys() []string {
	var out []string
	for k := range catalogue().english {
		if isCoreKey(k) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// isCoreKey reports whether key belongs to core's messages.
func isCoreKey(key string) bool {
	for _, p := range []string{keyProblem, keySnippet, keyNote, keyText, keyError} {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}
