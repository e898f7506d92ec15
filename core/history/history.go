// Package history keeps a bounded record of every write Go Mirror makes to
// the user env file, with the bytes before and after, so a write can be undone
// exactly.
package history

import "time"

// Change is one key a write changed.
type Change struct {
	Key    string `json:"key"`
	Old    string `json:"old"`
	New    string `json:"new"`
	Unset  bool   `json:"unset,omitempty"`
	OldSet bool   `json:"old_set"`
}

// Entry is one recorded write.
type Entry struct {
	ID            string    `json:"id"`
	Time          time.Time `json:"time"`
	File          string    `json:"file"`
	Summary       string    `json:"summary"`
	Changes       []Change  `json:"changes"`
	BeforeExisted bool      `json:"before_existed"`
	Before        []byte    `json:"before"`
	After         []byte    `json:"after"`
	Undo          bool      `json:"undo,omitempty"`    // this entry is itself an undo
	UndoOf        string    `json:"undo_of,omitempty"` // the entry it undid
}

// Store is the history kept in a directory of the app's config dir.
type Store struct {
	Dir string
	Max int // entries kept; DefaultMax if zero
}

// DefaultMax is the number of entries kept by default.
const DefaultMax = 100

// Add records e. TODO(helper): implement.
func (s *Store) Add(e Entry) (Entry, error) { return e, nil }

// List returns the entries, newest first. TODO(helper): implement.
func (s *Store) List() ([]Entry, error) { return nil, nil }
