package probe

import (
	"errors"
	"net"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
)

// TestErrorDetailIsCoreText checks that each failure's message comes from
// a core text (so the UI can translate it) and reads as before in English.
func TestErrorDetailIsCoreText(t *testing.T) {
	dns := &net.DNSError{Err: "no such host", Name: "mirror.example.test", IsNotFound: true}
	for _, tt := range []struct {
		e          *Error
		code, want string
	}{
		{statusError(StepList, 503, nil), "probe.status-5xx", "503 Service Unavailable: the mirror is failing or overloaded; try again later or put another mirror first"},
		{statusError(StepList, 404, []byte("<html>login</html>")), "probe.status-not-found", "404 Not Found: the mirror does not have the probe module; check the mirror URL's path (an HTML page: the URL is probably a web site or a login page, not a module proxy; check the path, e.g. a required /goproxy/ suffix)"},
		{statusError(StepList, 404, nil), "probe.status-not-found", "404 Not Found: the mirror does not have the probe module; check the mirror URL's path"},
		{classify(t.Context(), StepList, &timeline{}, dns), "probe.dns", "the host name does not resolve; check the spelling, your DNS, or your VPN (lookup mirror.example.test: no such host)"},
		{classify(t.Context(), StepList, &timeline{}, errors.New("reset")), "probe.network", "the connection failed (reset)"},
		{checkList([]byte("v1.0.0\n<html>")), "probe.bad-list", `the version list contains "<html>", which is not a version`},
		{checkList([]byte("<!DOCTYPE html>")), "probe.bad-list", `the version list contains "<!DOCTYPE html>", which is not a version (an HTML page: the URL is probably a web site or a login page, not a module proxy; check the path, e.g. a required /goproxy/ suffix)`},
		{second(checkInfo([]byte("nope"))), "probe.bad-info", `expected version JSON, got "nope"`},
		{second(checkInfo([]byte(`{"Version":"latest"}`))), "probe.bad-info-version", `the version JSON names "latest", which is not a version`},
		{second(checkMod([]byte("module other.example.test\n"), "m.example.test")), "probe.bad-mod", `expected a go.mod for m.example.test, got "module other.example.test"`},
		{second(baseURL("ftp://mirror.example.test")), "probe.url-scheme", `mirror URL "ftp://mirror.example.test": only http and https mirrors can be probed`},
		{second(baseURL("https://")), "probe.url-no-host", `mirror URL "https://" has no host`},
	} {
		if tt.e.Detail.Code != tt.code || tt.e.Message != tt.want {
			t.Errorf("Detail %q, Message %q; want %q, %q", tt.e.Detail.Code, tt.e.Message, tt.code, tt.want)
		}
	}
}

// second returns the second of two results.
func second[A, B any](_ A, b B) B { return b }

// TestErrorLocalize checks that a failure says itself in Chinese through
// the catalogue, with its step and class as in English.
func TestErrorLocalize(t *testing.T) {
	e := statusError(StepList, 503, nil)
	zh := core.NewLang("zh-Hans")
	if got := zh.Error(e); got == e.Error() || !strings.HasPrefix(got, "list (http-5xx): 503 Service Unavailable") {
		t.Errorf("zh.Error(%q) = %q, want the Chinese text after the same step and class", e.Error(), got)
	}
	if got := e.Text(core.English); got != e.Message {
		t.Errorf("Text(English) = %q, want Message %q", got, e.Message)
	}
}
