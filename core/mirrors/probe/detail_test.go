package probe

import (
	"errors"
	"net"
	"testing"
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
	} {
		if tt.e.Detail.Code != tt.code || tt.e.Message != tt.want {
			t.Errorf("Detail %q, Message %q; want %q, %q", tt.e.Detail.Code, tt.e.Message, tt.code, tt.want)
		}
	}
}
