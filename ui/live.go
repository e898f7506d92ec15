package ui

import (
	"context"
	"log"

	"fyne.io/fyne/v2"

	"github.com/gomirror/gomirror/core/troubleshoot/watch"
)

// startLive watches the env file and $GOROOT/go.env for changes made
// outside the app (go env -w, an editor) and reloads every screen after
// each burst of them. Watching stops when the app does.
func (u *UI) startLive() {
	ctx, cancel := context.WithCancel(context.Background())
	onAppStopped(u.app, cancel)
	go func() {
		files := watch.Files(u.svc.Resolve())
		if err := u.watchFiles(ctx, files, fyne.Do); err != nil {
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
			post(u.Reload)
		}
	}()
	return nil
}

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
