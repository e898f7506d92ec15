package origin

import "github.com/gomirror/gomirror/core/resolve"

// VarDiff is a Go variable that differs between the terminal and the
// desktop contexts, in the OS environment or in effect.
type VarDiff struct {
	Var string `json:"var"`
	// TerminalEnv and DesktopEnv are the OS environment values; the Set
	// fields say whether the variable is present at all.
	TerminalEnv    string `json:"terminal_env"`
	TerminalEnvSet bool   `json:"terminal_env_set"`
	DesktopEnv     string `json:"desktop_env"`
	DesktopEnvSet  bool   `json:"desktop_env_set"`
	// Terminal and Desktop are the effective values the go command uses.
	Terminal string `json:"terminal"`
	Desktop  string `json:"desktop"`
}

// Effective reports whether the difference changes what the go command
// uses, not only where the value comes from.
func (d VarDiff) Effective() bool { return d.Terminal != d.Desktop }

// Diff compares the resolutions of the terminal and desktop contexts and
// returns every Go variable whose OS value or effective value differs, in
// GoVars order. For GOROOT the effective value is the installation found.
func Diff(terminal, desktop *resolve.Resolution) []VarDiff {
	var out []VarDiff
	for _, name := range GoVars() {
		d := VarDiff{
			Var:            name,
			TerminalEnv:    terminal.OSEnv(name),
			TerminalEnvSet: terminal.OSEnvPresent(name),
			DesktopEnv:     desktop.OSEnv(name),
			DesktopEnvSet:  desktop.OSEnvPresent(name),
			Terminal:       effective(terminal, name),
			Desktop:        effective(desktop, name),
		}
		if d.Effective() || d.TerminalEnv != d.DesktopEnv || d.TerminalEnvSet != d.DesktopEnvSet {
			out = append(out, d)
		}
	}
	return out
}

func effective(r *resolve.Resolution, name string) string {
	if name == "GOROOT" {
		return r.Goroot.Path
	}
	return r.Value(name)
}
