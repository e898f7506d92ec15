package main

import (
	"runtime"
	"strings"

	"github.com/gomirror/gomirror/core"
)

// msgs is the language of this invocation's text output, set by run: core
// renders its messages from the same catalogue the GUI shows. JSON output
// stays in English whatever it is.
var msgs = core.English

// cliText holds gomirrorctl's own words around core's messages, by
// language; keys are the English text.
var cliText = map[string]map[string]string{
	"zh-Hans": {
		"No problems found.":       "未发现问题。",
		"error":                    "错误",
		"warning":                  "警告",
		"info":                     "提示",
		"other":                    "其他",
		"fix":                      "修复",
		"at":                       "位置",
		"refused, nothing written": "已拒绝，未写入任何内容",
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

// word returns gomirrorctl's own text english in the language of msgs.
func word(english string) string {
	if t, ok := cliText[msgs.Tag()][english]; ok {
		return t
	}
	return english
}
