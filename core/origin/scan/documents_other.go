//go:build !windows

package scan

// systemDocuments is empty off Windows: PowerShell's profiles live in
// ~/.config/powershell there.
func systemDocuments(string) string { return "" }
