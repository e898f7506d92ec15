// Package core holds Go Mirror's domain types: the module-download settings
// the go command reads, where each value comes from, and the chain of layers
// behind it. Implementations live in subpackages that do not know each other:
//
//   - core/envfile parses and edits the go command's user env file;
//   - core/resolve computes effective values exactly as cmd/go does;
//   - core/validate checks values before they are written;
//   - core/diagnose explains why a setting is not taking effect;
//   - core/history keeps a bounded, undoable record of writes;
//   - core/service wires them together for the GUI and the CLI.
//
// Every problem, note, snippet, text and refusal code has its entries in
// the message catalogue, the go-i18n JSON files of assets/translations (see
// catalogue.go), in English and in every other language; there is no other
// copy of the words. Problems and layers carry the code and the arguments
// the English text was rendered from, so that the GUI and the CLI render the
// same entry in the user's language (see Lang).
//
// Nothing under core imports Fyne.
package core
