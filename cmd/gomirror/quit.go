package main

import (
	"fmt"
	"log"
	"os"
	"os/exec"
	"os/signal"
	"runtime/pprof"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
)

// quitGrace is how long Fyne has to stop once the app begins to quit.
const quitGrace = 5 * time.Second

// exitIfStuck ends the process quitGrace from now if it is still running,
// after writing every goroutine's stack to stderr so that a log shows why.
// Fyne 2.7.1 can lose a callback that its event queue hands to the main
// loop while that loop is shutting down, and then waits for it for ever:
// the window is gone but the process stays (seen in CI, and now and then
// here on a loaded machine). Nothing is lost by leaving then: Fyne writes
// the preferences on every change, and the app's own files are written as
// each change is made.
func exitIfStuck() {
	time.AfterFunc(quitGrace, func() {
		fmt.Fprintf(os.Stderr, "gomirror: still running %v after quitting began; exiting. Where it was:\n", quitGrace)
		pprof.Lookup("goroutine").WriteTo(os.Stderr, 1)
		os.Exit(0)
	})
}

// quitOnSignal quits a on SIGINT or SIGTERM, with exitIfStuck armed.
// Fyne answers them the same way, but only once a goroutine it starts in
// Run has asked for them: a signal that comes first would find just this
// handler (seen on a loaded machine), and Quit is harmless twice.
func quitOnSignal(a fyne.App) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		exitIfStuck()
		fyne.Do(a.Quit)
	}()
}

// restart starts this executable again with the same arguments and
// environment (the new process reads the saved preferences, such as a new
// language), then quits this one.
func restart(a fyne.App) {
	exe, err := os.Executable()
	if err == nil {
		cmd := exec.Command(exe, os.Args[1:]...)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		err = cmd.Start()
	}
	if err != nil {
		log.Printf("Go Mirror: cannot restart: %v", err)
		return
	}
	a.Quit()
}
