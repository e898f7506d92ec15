package ui

import (
	"fmt"
	"os"
	"os/exec"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// startedLanguage is the language stored when the translations were
// loaded (loadTranslations): the one the screens show until a restart.
var startedLanguage string

// relaunch starts this program again, with its arguments and environment,
// for a restart; the caller then closes this instance.
func relaunch() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe, os.Args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}

// newRestartButton is the "Restart now" button of the settings dialog,
// hidden until the chosen language differs from the one shown.
func (s *settingsDialog) newRestartButton() *widget.Button {
	b := widget.NewButtonWithIcon(lang.L("settings.restart"), theme.ViewRefreshIcon(), s.onRestartTapped)
	b.Importance = widget.HighImportance
	s.restartNote = wrapped(lang.L("settings.restart.note"), widget.WarningImportance)
	s.restartBtn = b
	s.showRestart()
	return b
}

// showRestart offers the restart when the stored language is not the one
// the screens show.
func (s *settingsDialog) showRestart() {
	if s.restartBtn == nil {
		return
	}
	differs := s.app.Preferences().String(prefLanguage) != startedLanguage
	s.restartBtn.Hidden, s.restartNote.Hidden = !differs, !differs
	s.restartBtn.Refresh()
	s.restartNote.Refresh()
}

// onRestartTapped starts Go Mirror again and closes this instance (which
// saves its window size as on any quit), so that the chosen language
// applies to every screen and to Fyne's own dialogs.
func (s *settingsDialog) onRestartTapped() {
	if err := s.relaunch(); err != nil {
		showError(s.win, fmt.Errorf("%s: %w", lang.L("settings.restart.failed"), err))
		return
	}
	s.win.Close()
}
