package main

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestFitSize(t *testing.T) {
	tests := []struct {
		size          fyne.Size
		width, height int
		scale         float32
		want          fyne.Size
	}{
		// 150% on a 1920×1080 screen with a 48 px taskbar.
		{fyne.NewSize(1100, 720), 1920, 1032, 1.5, fyne.NewSize(1100, 619.2)},
		{fyne.NewSize(1100, 720), 1920, 1032, 1, fyne.NewSize(1100, 720)},
		{fyne.NewSize(1100, 720), 1366, 728, 1, fyne.NewSize(1100, 655.2)},
		{fyne.NewSize(800, 560), 0, 0, 1, fyne.NewSize(800, 560)},
	}
	for _, tt := range tests {
		got := fitSize(tt.size, tt.width, tt.height, tt.scale)
		if d := got.Subtract(tt.want); d.Width*d.Width > 0.01 || d.Height*d.Height > 0.01 {
			t.Errorf("fitSize(%v, %d×%d, %.1f) = %v, want %v", tt.size, tt.width, tt.height, tt.scale, got, tt.want)
		}
	}
}
