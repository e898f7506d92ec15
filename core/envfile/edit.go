package envfile

import "errors"

// ErrChanged reports that the file changed on disk since it was read.
var ErrChanged = errors.New("the env file changed on disk since it was read")

// Edit applies go env -w (set) and go env -u (unset) to the file contents
// data and returns the new contents, following cmd/go's updateEnvFile for the
// lines it touches. TODO(helper): implement.
func Edit(data []byte, set map[string]string, unset []string) []byte {
	return data
}

// WriteAtomic replaces the file at path with data: a temp file in the same
// directory, fsync, rename, keeping the existing file's mode. base is the
// content the caller read (nil with baseExisted false if the file did not
// exist); if the file no longer matches it, WriteAtomic returns ErrChanged and
// writes nothing. TODO(helper): implement.
func WriteAtomic(path string, data, base []byte, baseExisted bool) error {
	return errors.New("not implemented")
}
