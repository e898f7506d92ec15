package ui

import (
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors/probe"
)

// TestProbeErrorDetailInChinese is issue 18's "DNS 解析失败: the host name
// does not resolve…": the detail of a failure class is translated too;
// the cause (the system's error) stays as it was.
func TestProbeErrorDetailInChinese(t *testing.T) {
	useLocale(t, "zh_CN")
	e := &probe.Error{Class: probe.ClassDNS, Detail: core.NewText("probe.dns", map[string]string{"Cause": "lookup mirror.example.test: no such host"})}
	e.Message = e.Detail.String()
	got := lastErrorText(probe.Summary{LastError: e})
	if !strings.Contains(got, "DNS 解析失败") || !strings.Contains(got, "主机名无法解析") ||
		!strings.Contains(got, "lookup mirror.example.test: no such host") || strings.Contains(got, "does not resolve") {
		t.Errorf("lastErrorText = %q, want the class and its detail in Chinese", got)
	}
	old := &probe.Error{Class: probe.ClassNetwork, Message: "stored before details had codes"}
	if got := probeDetail(old); got != old.Message {
		t.Errorf("probeDetail(without a code) = %q, want the message as it is", got)
	}
}
