package route

// Outcome is how one source answers, for Walk.
type Outcome int

// Outcomes.
const (
	OK       Outcome = iota // it serves the module (HTTP 200)
	NotFound                // 404, 410, or "off"
	Failed                  // any other error: 403, 500, a network error
)

// Walk returns the sources the go command tries, in order, when each answers
// as outcome says, and the index of the one that serves the module (-1 if
// none): it moves on after NotFound, and after Failed only when the link's
// fallback is any-error (modfetch.TryProxies). It works for Route.Sources
// and for Checksum.Via alike.
func Walk(sources []Source, outcome func(Source) Outcome) (tried []Source, served int) {
	for i, s := range sources {
		tried = append(tried, s)
		switch o := outcome(s); {
		case o == OK:
			return tried, i
		case o == Failed && s.Fallback != FallbackAnyError:
			return tried, -1
		}
	}
	return tried, -1
}
