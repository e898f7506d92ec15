//go:build !windows

package main

// uiLanguage is the Windows UI language; elsewhere the locale variables say.
func uiLanguage() string { return "" }
