package main

import (
	"encoding/json"
	"runtime"
	"strings"

	"github.com/gomirror/gomirror/assets/translations"
	"github.com/gomirror/gomirror/core"
)

// catalogue is the translations of one language, key to go-i18n template;
// nil is English, core's own templates.
type catalogue map[string]string

// msgs is the language of this invocation's text output, set by run. JSON
// output stays in English whatever it is.
var msgs catalogue

// cliText holds gomirrorctl's own words around core's messages, by
// language; keys are the English text.
var cliText = map[string]map[string]string{
	"zh-Hans": {
		"No problems found.": "未发现问题。",
		"error":              "错误",
		"warning":            "警告",
		"info":               "提示",
		"other":              "其他",
		"fix":                "修复",
		"at":                 "位置",
	},
}

// takeLang removes --lang TAG or --lang=TAG from args (before a "--") and
// returns the rest and TAG ("" if absent).
func takeLang(args []string) ([]string, string) {
	out := make([]string, 0, len(args))
	tag := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(out, args[i:]...), tag
		case a == "--lang" || a == "-lang":
			if i+1 < len(args) {
				tag = args[i+1]
				i++
			}
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
			_, tag, _ = strings.Cut(a, "=")
		default:
			out = append(out, a)
		}
	}
	return out, tag
}

// chooseLang returns the translation tag for the --lang value, or else for
// the locale: LC_ALL, LC_MESSAGES or LANG (the first that is set, as POSIX
// says), else on Windows the user's UI language. Simplified Chinese
// (zh, zh_CN, zh_SG, zh-Hans...) gives "zh-Hans"; anything else "en".
func chooseLang(flag string, env []string) string {
	if flag != "" {
		return langTag(flag)
	}
	vars := map[string]string{}
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok {
			vars[k] = v
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := vars[k]; v != "" {
			return langTag(v)
		}
	}
	if runtime.GOOS == "windows" {
		return langTag(uiLanguage())
	}
	return "en"
}

// langTag maps a locale name or language tag to a translation tag.
func langTag(locale string) string {
	l := strings.ToLower(strings.ReplaceAll(locale, "_", "-"))
	l, _, _ = strings.Cut(l, ".") // zh-cn.utf-8
	switch {
	case l == "zh" || strings.HasPrefix(l, "zh-hans") || strings.HasPrefix(l, "zh-cn") || strings.HasPrefix(l, "zh-sg"):
		return "zh-Hans"
	}
	return "en"
}

// loadCatalogue returns the translations of tag, nil for English or if
// they cannot be read.
func loadCatalogue(tag string) catalogue {
	if tag == "en" {
		return nil
	}
	data, err := translations.Read(tag)
	if err != nil {
		return nil
	}
	var raw map[string]json.RawMessage
	if json.Unmarshal(data, &raw) != nil {
		return nil
	}
	c := catalogue{}
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			c[k] = s
		}
	}
	for en, t := range cliText[tag] {
		c["cli."+en] = t
	}
	return c
}

// text returns the translation of key rendered from data, or english.
func (c catalogue) text(key, english string, data map[string]string) string {
	if t, ok := c[key]; ok {
		return core.Execute(t, data)
	}
	return core.Execute(english, data)
}

// cli returns gomirrorctl's own text english in the language.
func (c catalogue) cli(english string) string { return c.text("cli."+english, english, nil) }

// problem returns p's message and fix in the language: the translation of
// its code's templates rendered from its Args, as the GUI shows them, or
// p's own English when it does not come from a core template.
func (c catalogue) problem(p core.Problem) (message, fix string) {
	t, ok := core.ProblemTemplate(p.Code)
	if c == nil || !ok || !p.Templated() {
		return p.Message, p.Fix
	}
	data := p.Data(c.snippet)
	return c.text("problem."+p.Code+".message", t.Message, data), c.text("problem."+p.Code+".fix", t.Fix, data)
}

// snippet renders the core snippet code in the language.
func (c catalogue) snippet(code string, data map[string]string) string {
	t, _ := core.SnippetTemplate(code)
	return c.text("snippet."+code, t, data)
}
