package ui

import "github.com/gomirror/gomirror/core/mirrors/probe"

// probeDetail is the detail of a probe failure in the user's language.
func probeDetail(e *probe.Error) string { return e.Text(uiLang) }
