package ui

import "fyne.io/fyne/v2"

// runner runs work off the UI goroutine, then applies the function work
// returns on the UI goroutine: the model update and its Refresh together.
type runner func(work func() (apply func()))

// background is the runner of the real app: work runs on a new goroutine
// and its result is applied with fyne.Do.
func background(work func() func()) {
	go func() {
		apply := work()
		fyne.Do(apply)
	}()
}

// inline runs work and applies its result before returning. Tests use it to
// wait for service calls deterministically.
func inline(work func() func()) { work()() }
