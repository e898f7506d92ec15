package ui

// latest numbers background loads and probe runs, so that a result
// that arrives after a newer one started is ignored. Use it on the UI
// goroutine only.
type latest int

// next starts a new load or run and returns its number.
func (g *latest) next() int {
	*g++
	return int(*g)
}

// current reports whether n is the newest load or run.
func (g latest) current(n int) bool { return int(g) == n }
