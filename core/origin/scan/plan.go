package scan

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/gomirror/gomirror/core"
)

// The load orders below are those of a login and interactive shell, which
// is what a terminal emulator starts.

// bash reads /etc/profile (whose loop over /etc/profile.d/*.sh the scan
// cannot follow, so those files are read right after it), then the first
// of ~/.bash_profile, ~/.bash_login and ~/.profile. A login shell reads
// ~/.bashrc only when one of these sources it.
func (s *state) bash() {
	s.posixFile("/etc/profile")
	s.profileD()
	if f := s.firstOf(s.home(".bash_profile"), s.home(".bash_login"), s.home(".profile")); f != "" {
		s.posixFile(f)
	}
}

// sh reads /etc/profile, /etc/profile.d/*.sh, ~/.profile, then the file
// named by $ENV (interactive shells).
func (s *state) sh() {
	s.posixFile("/etc/profile")
	s.profileD()
	s.posixFile(s.home(".profile"))
	if env, exact := s.lookup("ENV"); exact && env != "" {
		s.posixFile(s.expandPath(env))
	}
}

func (s *state) profileD() {
	for _, f := range s.glob("/etc/profile.d/*.sh") {
		s.posixFile(f)
	}
}

// zsh reads, for each of zshenv, zprofile, zshrc and zlogin, the system
// file (/etc/zsh/<name> on Debian, /etc/<name> elsewhere) and then
// $ZDOTDIR/.<name>, where ZDOTDIR defaults to the home directory and may be
// changed by an earlier file.
func (s *state) zsh() {
	for _, stage := range []string{"zshenv", "zprofile", "zshrc", "zlogin"} {
		if f := s.firstOf("/etc/zsh/"+stage, "/etc/"+stage); f != "" {
			s.posixFile(f)
		}
		s.posixFile(filepath.Join(s.zdotdir(), "."+stage))
	}
}

func (s *state) zdotdir() string {
	if d, ok := s.lookup("ZDOTDIR"); ok && d != "" {
		return s.expandPath(d)
	}
	return s.o.Home
}

// fish loads universal variables, then the conf.d snippets of the user
// and the system sorted by file name (a user file hides a system file of
// the same name), then /etc/fish/config.fish and the user's config.fish.
func (s *state) fish() {
	dir := s.home(".config/fish")
	if x, ok := s.lookup("XDG_CONFIG_HOME"); ok && filepath.IsAbs(x) {
		dir = filepath.Join(x, "fish")
	}
	s.fishVariables(filepath.Join(dir, "fish_variables"))
	for _, f := range s.confD(filepath.Join(dir, "conf.d"), "/etc/fish/conf.d") {
		s.fishFile(f)
	}
	s.fishFile("/etc/fish/config.fish")
	s.fishFile(filepath.Join(dir, "config.fish"))
}

// confD merges the *.fish files of the directories by base name; the
// first directory wins.
func (s *state) confD(dirs ...string) []string {
	byName := map[string]string{}
	var names []string
	for _, d := range dirs {
		for _, f := range s.glob(filepath.Join(d, "*.fish")) {
			if b := filepath.Base(f); byName[b] == "" {
				byName[b] = f
				names = append(names, b)
			}
		}
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = byName[n]
	}
	return out
}

// csh reads /etc/csh.cshrc, /etc/csh.login, ~/.tcshrc (or ~/.cshrc), then
// ~/.login.
func (s *state) csh() {
	s.cshFile("/etc/csh.cshrc")
	s.cshFile("/etc/csh.login")
	if f := s.firstOf(s.home(".tcshrc"), s.home(".cshrc")); f != "" {
		s.cshFile(f)
	}
	s.cshFile(s.home(".login"))
}

// pwsh reads the profiles of PowerShell in its load order: all users all
// hosts ($PSHOME\profile.ps1), all users current host ($PSHOME\
// Microsoft.PowerShell_profile.ps1), then the current user's two, in
// Documents\PowerShell (PowerShell 7) or Documents\WindowsPowerShell
// (Windows PowerShell) on Windows, ~/.config/powershell elsewhere. On Linux
// and macOS a login pwsh first runs /bin/sh -l, which reads /etc/profile
// (and /etc/profile.d) and ~/.profile.
func (s *state) pwsh() {
	goos := s.o.GOOS
	var dirs []string
	exe := strings.ToLower(s.o.Shell[strings.LastIndexAny(s.o.Shell, `\/`)+1:])
	if s.o.Shell != "" {
		dirs = append(dirs, s.dirOf(s.o.Shell))
	}
	switch {
	case goos != "windows":
		// A login pwsh (what a terminal starts) first has /bin/sh read the
		// login files, and inherits what they export.
		s.posixFile("/etc/profile")
		s.profileD()
		s.posixFile(s.home(".profile"))
		dirs = append(dirs, s.home(".config/powershell"))
	case exe == "powershell.exe" || exe == "powershell":
		dirs = append(dirs, core.JoinPath(goos, s.documents(), "WindowsPowerShell"))
	case exe == "pwsh.exe" || exe == "pwsh":
		dirs = append(dirs, core.JoinPath(goos, s.documents(), "PowerShell"))
	default:
		dirs = append(dirs, core.JoinPath(goos, s.documents(), "PowerShell"), core.JoinPath(goos, s.documents(), "WindowsPowerShell"))
	}
	for _, d := range dirs {
		s.pwshFile(core.JoinPath(goos, d, "profile.ps1"))
		s.pwshFile(core.JoinPath(goos, d, "Microsoft.PowerShell_profile.ps1"))
	}
}

// documents is the user's Documents folder on Windows.
func (s *state) documents() string {
	if s.o.Documents != "" {
		return s.o.Documents
	}
	if d := systemDocuments(s.o.GOOS); d != "" {
		return d
	}
	return core.JoinPath(s.o.GOOS, s.o.Home, "Documents")
}
