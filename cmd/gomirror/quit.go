package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// quitGrace is how long Fyne has to stop once the app begins to quit.
const quitGrace = 5 * time.Second

// exitIfStuck ends the process quitGrace from now if it is still running.
// Fyne 2.7.1 can lose a callback that its event queue hands to the main
// loop while that loop is shutting down, and then waits for it for ever:
// the window is gone but the process stays (seen in CI, and here about
// once in a hundred quits on a loaded machine). Nothing is lost by leaving
// then: Fyne writes the preferences on every change, and the app's own
// files are written as each change is made.
func exitIfStuck() {
	time.AfterFunc(quitGrace, func() {
		fmt.Fprintf(os.Stderr, "gomirror: still running %v after quitting began; exiting\n", quitGrace)
		os.Exit(0)
	})
}

// exitIfStuckOnSignal arms exitIfStuck on SIGINT or SIGTERM, which Fyne
// also receives and answers by quitting.
func exitIfStuckOnSignal() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		exitIfStuck()
	}()
}
