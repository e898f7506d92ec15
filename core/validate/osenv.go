package validate

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// OSRemoveHint tells how to remove key from the OS environment on goos.
func OSRemoveHint(goos, key string) string {
	switch goos {
	case "windows":
		return fmt.Sprintf("Remove %s from your environment: System Properties > Environment Variables (or in PowerShell: [Environment]::SetEnvironmentVariable('%s', $null, 'User')), then open a new terminal.", key, key)
	case "darwin":
		return fmt.Sprintf("Remove the line that sets %s from your shell profile (~/.zshrc, ~/.bash_profile) and, if set with launchctl, run launchctl unsetenv %s; then open a new terminal.", key, key)
	}
	return fmt.Sprintf("Remove the line that sets %s from your shell profile (~/.bashrc, ~/.zshrc, ~/.profile or /etc/environment) or run unset %s in that shell; then open a new terminal.", key, key)
}

// checkOSShadowsWrite warns when the OS environment overrides the new value,
// as go env -w does ("does not override conflicting OS environment
// variable").
func checkOSShadowsWrite(r *resolve.Resolution, key, value string) []core.Problem {
	osv := r.OSEnv(key)
	if osv == "" || osv == value || key == "GOROOT" { // the file's GOROOT still picks go.env
		return nil
	}
	return []core.Problem{warning(key, "os-shadows-write",
		fmt.Sprintf("Your OS environment sets %s=%s, which overrides the env file: this write is saved but has no effect until that variable is removed.", key, Redact(osv)),
		OSRemoveHint(r.GOOS, key))}
}

// checkOSShadowsUnset warns when unsetting key changes nothing visible
// because the OS environment sets it.
func checkOSShadowsUnset(r *resolve.Resolution, key string) []core.Problem {
	osv := r.OSEnv(key)
	if osv == "" {
		return nil
	}
	return []core.Problem{warning(key, "os-shadows-unset",
		fmt.Sprintf("Your OS environment sets %s=%s, which overrides the env file: removing it from the file has no effect until that variable is removed too.", key, Redact(osv)),
		OSRemoveHint(r.GOOS, key))}
}

// Redact hides passwords in URLs of a comma- or pipe-separated list (such as
// GOPROXY) so that a value can be shown in a message.
func Redact(value string) string {
	if !strings.Contains(value, "@") {
		return value
	}
	var b strings.Builder
	for value != "" {
		e, sep := value, ""
		if i := strings.IndexAny(value, ",|"); i >= 0 {
			e, sep, value = value[:i], value[i:i+1], value[i+1:]
		} else {
			value = ""
		}
		if u, err := url.Parse(strings.TrimSpace(e)); err == nil && u.User != nil {
			e = u.Redacted()
		}
		b.WriteString(e + sep)
	}
	return b.String()
}
