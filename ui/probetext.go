package ui

import "github.com/gomirror/gomirror/core/mirrors/probe"

// probeDetail is the detail of a probe failure in the user's language:
// its core text translated, or its message as the probe wrote it.
func probeDetail(e *probe.Error) string {
	if e.Detail.Code == "" {
		return e.Message
	}
	return textOf(e.Detail.Code, e.Detail.Args, e.Message)
}
