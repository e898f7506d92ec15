package scan

import (
	"runtime"

	"golang.org/x/sys/windows"
)

// systemDocuments is the Documents folder Windows reports for the current
// user (moved into OneDrive or elsewhere, it is not Home\Documents), when
// the scan is of the running system.
func systemDocuments(goos string) string {
	if goos != runtime.GOOS {
		return ""
	}
	d, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0)
	if err != nil {
		return ""
	}
	return d
}
