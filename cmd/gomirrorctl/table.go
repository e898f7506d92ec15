package main

import (
	"bytes"
	"io"
	"strings"
)

// table lays out tab-separated text in columns as text/tabwriter does with
// NewWriter(w, 0, 8, 2, ' ', 0) — same column blocks, same two-space gap,
// the last cell of a line not padded — but measures each cell by its
// display width (columns), so a cell of Chinese characters, two columns
// each, does not push the rest of its row out of line. tabwriter counts
// runes and has no width hook. go-runewidth would do the measuring, but it
// makes ambiguous-width characters (—, …, ±) two columns when the locale
// is Chinese, which would change the English layout and the layout of
// data cells between locales; columns (golang.org/x/text/width, already a
// dependency) counts them as one, as tabwriter did. Only '\t' ends a cell
// and '\n' a line: gomirrorctl writes no '\v', '\f' or escapes.
type table struct {
	w   io.Writer
	buf bytes.Buffer
}

// newTable returns a table that writes to w on Flush.
func newTable(w io.Writer) *table { return &table{w: w} }

// Write buffers p.
func (t *table) Write(p []byte) (int, error) { return t.buf.Write(p) }

// Flush writes the buffered lines laid out in columns and empties the buffer.
func (t *table) Flush() error {
	lines := strings.Split(t.buf.String(), "\n")
	t.buf.Reset()
	cells := make([][]string, len(lines))
	for i, l := range lines {
		cells[i] = strings.Split(l, "\t")
	}
	// After the last newline, an empty last cell is no cell: the cell
	// before it, tab-ended, is the line's last (tabwriter's Flush).
	if last := cells[len(cells)-1]; last[len(last)-1] == "" {
		cells[len(cells)-1] = last[:len(last)-1]
	}
	var out strings.Builder
	layout(&out, cells, nil)
	// The last line is the text after the last newline: it has none.
	_, err := io.WriteString(t.w, strings.TrimSuffix(out.String(), "\n"))
	return err
}

// layout writes lines, whose enclosing column blocks have the widths
// widths: tabwriter's format. A column block is a run of consecutive lines
// that have a cell ended by a tab in that column; its width is its widest
// cell plus two.
func layout(out *strings.Builder, lines [][]string, widths []int) {
	col := len(widths)
	start := 0
	for i := 0; i < len(lines); i++ {
		if col >= len(lines[i])-1 {
			continue
		}
		writeLines(out, lines[start:i], widths)
		j, w := i, 0
		for ; j < len(lines) && col < len(lines[j])-1; j++ {
			w = max(w, columns(lines[j][col])+2)
		}
		layout(out, lines[i:j], append(widths, w))
		start, i = j, j-1
	}
	writeLines(out, lines[start:], widths)
}

// writeLines writes lines, each cell in a column padded to its width, and
// a newline after each.
func writeLines(out *strings.Builder, lines [][]string, widths []int) {
	for _, l := range lines {
		for j, c := range l {
			out.WriteString(c)
			if j < len(widths) {
				out.WriteString(strings.Repeat(" ", widths[j]-columns(c)))
			}
		}
		out.WriteByte('\n')
	}
}

// header returns a table's header line: the tab-separated English column
// names of line, each in the language of msgs (the entry cli.col.<name>,
// lower case, a space a hyphen) where the catalogue has one; names that
// read the same in every language (URL, P50) have none. Leading spaces stay.
func header(line string) string {
	indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
	cols := strings.Split(line[len(indent):], "\t")
	for i, c := range cols {
		key := "cli.col." + strings.ReplaceAll(strings.ToLower(c), " ", "-")
		if s, ok := msgs.Message(key, nil); ok {
			cols[i] = s
		}
	}
	return indent + strings.Join(cols, "\t")
}
