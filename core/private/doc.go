// Package private groups Go Mirror's support for private modules. It has no
// code of its own; the work is done by its subpackages:
//
//   - pattern analyses GOPRIVATE, GONOPROXY, GONOSUMDB and GOINSECURE;
//   - route explains, step by step, where the go command fetches a module;
//   - cred keeps credentials in the OS keyring with an index without secrets;
//   - goauth serves those credentials through the go command's GOAUTH protocol;
//   - gitcred serves them to git through its credential-helper protocol;
//   - netrc reads .netrc files as the go command does and migrates them.
package private
