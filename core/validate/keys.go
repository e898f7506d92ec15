package validate

import (
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/resolve"
)

// knownEnv is a copy of cmd/go's internal/cfg.KnownEnv (Go 1.26): the
// variables go env -w accepts even when no env file mentions them.
var knownEnv = strings.Fields(`
	AR CC CGO_CFLAGS CGO_CFLAGS_ALLOW CGO_CFLAGS_DISALLOW CGO_CPPFLAGS
	CGO_CPPFLAGS_ALLOW CGO_CPPFLAGS_DISALLOW CGO_CXXFLAGS CGO_CXXFLAGS_ALLOW
	CGO_CXXFLAGS_DISALLOW CGO_ENABLED CGO_FFLAGS CGO_FFLAGS_ALLOW
	CGO_FFLAGS_DISALLOW CGO_LDFLAGS CGO_LDFLAGS_ALLOW CGO_LDFLAGS_DISALLOW CXX
	FC GCCGO GO111MODULE GO386 GOAMD64 GOARCH GOARM GOARM64 GOAUTH GOBIN
	GOCACHE GOCACHEPROG GOENV GOEXE GOEXPERIMENT GOFIPS140 GOFLAGS GOGCCFLAGS
	GOHOSTARCH GOHOSTOS GOINSECURE GOMIPS GOMIPS64 GOMODCACHE GONOPROXY
	GONOSUMDB GOOS GOPATH GOPPC64 GOPRIVATE GOPROXY GORISCV64 GOROOT GOSUMDB
	GOTMPDIR GOTOOLCHAIN GOTOOLDIR GOVCS GOWASM GOWORK GO_EXTLINK_ENABLED
	PKG_CONFIG`)

// readOnlyKeys are computed by the go command: go env -w and -u refuse them.
var readOnlyKeys = []string{"GOEXE", "GOGCCFLAGS", "GOHOSTARCH", "GOHOSTOS", "GOMOD", "GOWORK", "GOTOOLDIR", "GOVERSION", "GOTELEMETRY", "GOTELEMETRYDIR"}

// osOnlyKeys are read by the go command from the OS environment only.
var osOnlyKeys = []string{"GOENV", "GODEBUG"}

// OSOnlyNetworkKeys are variables people often put in the env file although
// the go command (through net/http) reads them from the OS environment only.
var OSOnlyNetworkKeys = []string{"NETRC", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy"}

// IsKnownKey reports whether key is in cmd/go's list of known variables.
func IsKnownKey(key string) bool { return contains(knownEnv, key) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// canGetenv mirrors cfg.CanGetenv: a key in the user file or go.env, or a
// known variable.
func canGetenv(r *resolve.Resolution, key string) bool {
	if _, ok := envfile.Index(r.EnvFile.Entries, true)[key]; ok {
		return true
	}
	if _, ok := GoEnvValue(r, key); ok {
		return true
	}
	return IsKnownKey(key)
}

// checkKey applies checkEnvWrite's key rules, shared by go env -w and -u.
// Writing an OS-only network variable is refused even where go env -w would
// accept it; removing one from the file is allowed.
func checkKey(r *resolve.Resolution, key string, unset bool) []core.Problem {
	switch {
	case contains(readOnlyKeys, key):
		return []core.Problem{errorp(key, "read-only", nil)}
	case contains(osOnlyKeys, key):
		return []core.Problem{errorp(key, "os-only", nil)}
	case contains(OSOnlyNetworkKeys, key) && !(unset && canGetenv(r, key)):
		return []core.Problem{errorp(key, "network-key", nil)}
	case !canGetenv(r, key):
		return []core.Problem{errorp(key, "unknown-key", args{"Suggestion": SuggestKey(key)})}
	}
	return nil
}

// SuggestKey returns the known variable key was probably meant to be (a
// different case, surrounding spaces, or one or two typos), or "".
func SuggestKey(key string) string {
	k := strings.ToUpper(strings.TrimSpace(key))
	if k != key && IsKnownKey(k) {
		return k
	}
	best, bestD := "", 3
	for _, v := range core.VarNames() {
		if d := editDistance(k, v); d < bestD && d > 0 {
			best, bestD = v, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
