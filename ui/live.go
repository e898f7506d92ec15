package ui

import (
	"context"
	"log"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/gomirror/gomirror/core/troubleshoot/watch"
)

// liveWatch is the watcher of files changed outside the app.
type liveWatch struct {
	post   func(func())       // fyne.Do once started; nil: not watching
	cancel context.CancelFunc // stops the current watcher
	rc     []string           // the shell startup files watched
}

// startLive watches the env file and $GOROOT/go.env for changes made
// outside the app (go env -w, an editor) and reloads every screen after
// each burst of them; once the terminal context is inspected, the shell
// startup files the login shell read are watched too (watchRC). Watching
// stops when the app does.
func (u *UI) startLive() {
	u.live.post = fyne.Do
	u.overview.rcRead = u.watchRC
	u.rewatch(nil)
	onAppStopped(u.app, func() { u.live.cancel() })
}

// watchRC watches files, the shell startup files, from now on, unless they
// are those watched already.
func (u *UI) watchRC(files []string) {
	if u.live.post != nil && !slices.Equal(files, u.live.rc) {
		u.rewatch(files)
	}
}

// rewatch replaces the watcher with one of the env file, go.env and rc,
// set up off the UI goroutine.
func (u *UI) rewatch(rc []string) {
	if u.live.cancel != nil {
		u.live.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	u.live.cancel, u.live.rc = cancel, rc
	post := u.live.post
	go func() {
		files := watch.Files(u.svc.Resolve(), rc...)
		if err := u.watchFiles(ctx, files, post); err != nil {
			log.Printf("Go Mirror: %v", err) // the app still works; File > Reload catches up
		}
	}()
}

// watchFiles reloads every screen, through post, after each change to
// files, until ctx is done.
func (u *UI) watchFiles(ctx context.Context, files []string, post func(func())) error {
	events, err := watch.Watch(ctx, files, watch.Options{})
	if err != nil {
		return err
	}
	go func() {
		for range events {
			lost := u.svc.Overwritten(overwriteWindow)
			post(func() {
				u.Reload()
				if len(lost) > 0 && u.win != nil {
					msg, fix := problemText(lost[0])
					dialog.ShowInformation(lang.L("live.overwritten.title"), msg+"\n\n"+fix, u.win)
				}
			})
		}
	}()
	return nil
}

// overwriteWindow is how long after a write of Go Mirror's an outside
// change to one of its keys is reported as overwriting it.
const overwriteWindow = 2 * time.Minute

// onAppStopped adds f to what runs when the app stops, after the callback
// set before (the network watcher's), which it keeps.
func onAppStopped(a fyne.App, f func()) {
	lc := a.Lifecycle()
	var prev func()
	if g, ok := lc.(interface{ OnStopped() func() }); ok {
		prev = g.OnStopped()
	}
	lc.SetOnStopped(func() {
		if prev != nil {
			prev()
		}
		f()
	})
}
