package core

// Source names the layer an effective value comes from. The strings are part
// of the CLI's JSON output and must not change.
type Source string

// The layers, in the order the go command consults them.
const (
	SourceProcessEnv Source = "process-env" // the process (OS) environment
	SourceEnvFile    Source = "env-file"    // the user env file written by go env -w
	SourceGorootEnv  Source = "goroot-env"  // $GOROOT/go.env
	SourceDefault    Source = "default"     // compiled into the go command
	SourceDerived    Source = "derived"     // computed from another setting
)

// LayerState says what a layer contributes to the effective value.
type LayerState string

// Layer states.
const (
	StateWins     LayerState = "wins"     // this layer supplies the effective value
	StateShadowed LayerState = "shadowed" // set here, but a higher layer wins
	StateUnset    LayerState = "unset"    // not set in this layer
	StateIgnored  LayerState = "ignored"  // present, but the go command ignores it here
)

// Layer is one step of a setting's precedence chain.
type Layer struct {
	Source Source     `json:"source"`
	State  LayerState `json:"state"`
	Set    bool       `json:"set"`
	Value  string     `json:"value"`
	File   string     `json:"file,omitempty"`
	Line   int        `json:"line,omitempty"`
	// Note explains the layer in a sentence, e.g. "empty values count as
	// unset", in English: NoteCode's catalogue entry rendered from NoteArgs
	// (see Lang.Note), so that a translation can render it again.
	Note     string            `json:"note,omitempty"`
	NoteCode string            `json:"note_code,omitempty"`
	NoteArgs map[string]string `json:"note_args,omitempty"`
}

// Setting is the resolved value of one variable with the chain behind it.
type Setting struct {
	Name   string  `json:"-"`
	Value  string  `json:"value"`
	Source Source  `json:"source"`
	Chain  []Layer `json:"chain"`
}

// Winner returns the layer that supplies the value, or a zero Layer.
func (s Setting) Winner() Layer {
	for _, l := range s.Chain {
		if l.State == StateWins {
			return l
		}
	}
	return Layer{}
}
