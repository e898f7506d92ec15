package main

import "golang.org/x/sys/windows"

// uiLanguage returns the user's preferred Windows UI language, e.g. "zh-CN".
func uiLanguage() string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil || len(langs) == 0 {
		return ""
	}
	return langs[0]
}
