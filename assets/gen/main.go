//go:build ignore

// Command gen draws assets/icon.png: a Go-cyan rounded square with a white
// mirror axis between two arrows, bold enough to read at 16 px.
//
// Run it from the repository root with: go run assets/gen/main.go
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"os"
)

const (
	size   = 512
	margin = 16.0
	radius = 104.0
	ss     = 4 // supersamples per axis
)

var (
	goCyan = color.NRGBA{0x00, 0xAD, 0xD8, 0xFF}
	white  = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
)

type point struct{ x, y float64 }

func main() {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			img.SetNRGBA(x, y, pixel(float64(x), float64(y)))
		}
	}
	f, err := os.Create("assets/icon.png")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
}

// pixel averages ss×ss samples of the shapes over one pixel.
func pixel(px, py float64) color.NRGBA {
	var bg, fgAlpha float64
	for j := 0; j < ss; j++ {
		for i := 0; i < ss; i++ {
			x, y := px+(float64(i)+0.5)/ss, py+(float64(j)+0.5)/ss
			if !inRoundedSquare(x, y) {
				continue
			}
			bg++
			fgAlpha += glyph(x, y)
		}
	}
	n := float64(ss * ss)
	if bg == 0 {
		return color.NRGBA{}
	}
	c := blend(goCyan, white, fgAlpha/bg)
	c.A = uint8(255 * bg / n)
	return c
}

func blend(a, b color.NRGBA, t float64) color.NRGBA {
	l := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.NRGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 0xFF}
}

func inRoundedSquare(x, y float64) bool {
	lo, hi := margin+radius, size-margin-radius
	cx, cy := clamp(x, lo, hi), clamp(y, lo, hi)
	dx, dy := x-cx, y-cy
	return x >= margin && x <= size-margin && y >= margin && y <= size-margin && dx*dx+dy*dy <= radius*radius
}

func clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// glyph returns the white coverage at (x, y): a solid arrow on the left, the
// mirror axis, and its slightly translucent reflection on the right.
func glyph(x, y float64) float64 {
	switch {
	case x >= 230 && x <= 282 && y >= 96 && y <= 416:
		return 1
	case inTriangle(point{x, y}, point{198, 120}, point{198, 392}, point{62, 256}):
		return 1
	case inTriangle(point{x, y}, point{314, 120}, point{314, 392}, point{450, 256}):
		return 0.72
	}
	return 0
}

func inTriangle(p, a, b, c point) bool {
	s := func(p1, p2, p3 point) float64 { return (p1.x-p3.x)*(p2.y-p3.y) - (p2.x-p3.x)*(p1.y-p3.y) }
	d1, d2, d3 := s(p, a, b), s(p, b, c), s(p, c, a)
	neg := d1 < 0 || d2 < 0 || d3 < 0
	pos := d1 > 0 || d2 > 0 || d3 > 0
	return !(neg && pos)
}
