package netrc

import (
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/gomirror/gomirror/core/private/internal/modtest"
)

// TestParseMatchesGo gives each parse case to the real go command as its
// NETRC, with a.test standing for a local HTTPS proxy, and checks that the
// credential go sends is the one Parse says it uses.
func TestParseMatchesGo(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, p, _ := r.BasicAuth()
		mu.Lock()
		seen = append(seen, u+" "+p)
		mu.Unlock()
		http.Error(w, "gone", http.StatusGone)
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "https://")
	dir := t.TempDir()
	cert := filepath.Join(dir, "cert.pem")
	os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o644)
	for _, tt := range parseTests {
		data := strings.ReplaceAll(tt.data, "a.test", host)
		want := " " // no credential
		for _, e := range Effective(Parse(data)) {
			if e.Machine == host {
				want = e.Login + " " + e.Password.Reveal()
			}
		}
		netrc := filepath.Join(dir, "netrc")
		os.WriteFile(netrc, []byte(data), 0o600)
		work := modtest.NewModule(t, t.TempDir())
		mu.Lock()
		seen = nil
		mu.Unlock()
		modtest.Download(t, work, modtest.Env(filepath.Dir(work), "GOPROXY="+srv.URL, "GOSUMDB=off",
			"GOAUTH=netrc", "NETRC="+netrc, "SSL_CERT_FILE="+cert), "example.test/mod")
		mu.Lock()
		if len(seen) == 0 || seen[0] != want {
			t.Errorf("%s: go sent %q, Parse says %q", tt.name, seen, want)
		}
		mu.Unlock()
	}
}
