package profile

import (
	"fmt"
	"strings"
)

// fileHeader starts every profile file Go Mirror writes.
const fileHeader = `# Go Mirror profiles. Each [profiles."NAME"] table sets, unsets or leaves
# alone the go command's module settings; keys it does not mention are left
# as they are. Credentials are listed by host or module path prefix only:
# secrets never belong in this file.
`

// Encode returns f as TOML, profiles in order and keys in Keys order. Parse
// reads it back to the same profiles. Presets and origins are not written.
func Encode(f *File) []byte {
	var b strings.Builder
	b.WriteString(fileHeader)
	fmt.Fprintf(&b, "version = %d\n", FileVersion)
	if f.Active != "" {
		fmt.Fprintf(&b, "active = %s\n", quote(f.Active))
	}
	for _, p := range f.Profiles {
		encodeProfile(&b, p)
	}
	return []byte(b.String())
}

func encodeProfile(b *strings.Builder, p Profile) {
	table := "profiles." + quote(p.Name)
	fmt.Fprintf(b, "\n[%s]\n", table)
	if p.Description != "" {
		fmt.Fprintf(b, "description = %s\n", quote(p.Description))
	}
	var unset, set []string
	for _, k := range Keys {
		switch c := p.Get(k); c.Action {
		case Unset:
			unset = append(unset, quote(k))
		case Set:
			set = append(set, k+" = "+quote(c.Value))
		}
	}
	if len(unset) > 0 {
		fmt.Fprintf(b, "unset = [%s]\n", strings.Join(unset, ", "))
	}
	if len(p.Credentials) > 0 {
		creds := make([]string, len(p.Credentials))
		for i, c := range p.Credentials {
			creds[i] = quote(c)
		}
		fmt.Fprintf(b, "credentials = [%s]\n", strings.Join(creds, ", "))
	}
	if len(set) > 0 {
		fmt.Fprintf(b, "\n[%s.set]\n%s\n", table, strings.Join(set, "\n"))
	}
}

// quote returns s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
