package ui

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
)

// plotImage draws the latency chart's series into one image, anti-aliased:
// a line per series, a dot per measurement and a marker per failure. The
// chart shows that image as a single raster, redrawn once per refresh, so a
// frame costs one draw call however many points the series hold (as canvas
// objects, hundreds of segments and dots each cost a draw call on every
// frame).
type plotImage struct {
	img    *image.RGBA
	origin fyne.Position // the chart position of the image's top left corner
	scale  float32       // image pixels per chart unit
}

// newPlotImage returns a transparent w×h image of the chart from origin
// on, at scale pixels per unit, reusing buf's memory when it has the size.
func newPlotImage(buf *image.RGBA, w, h int, origin fyne.Position, scale float32) plotImage {
	if buf == nil || buf.Rect.Dx() != w || buf.Rect.Dy() != h {
		buf = image.NewRGBA(image.Rect(0, 0, w, h))
	} else {
		clear(buf.Pix)
	}
	return plotImage{img: buf, origin: origin, scale: scale}
}

// pixel maps a chart position to the image's pixels.
func (p plotImage) pixel(x, y float32) (float32, float32) {
	return (x - p.origin.X) * p.scale, (y - p.origin.Y) * p.scale
}

// blend paints c over the pixel at x, y with coverage cov (0 to 1).
func (p plotImage) blend(x, y int, c color.NRGBA, cov float32) {
	if x < 0 || y < 0 || x >= p.img.Rect.Dx() || y >= p.img.Rect.Dy() || cov <= 0 {
		return
	}
	a := min(cov, 1) * float32(c.A) / 255
	i := p.img.PixOffset(x, y)
	px := p.img.Pix[i : i+4 : i+4]
	px[0] = uint8(float32(c.R)*a + float32(px[0])*(1-a))
	px[1] = uint8(float32(c.G)*a + float32(px[1])*(1-a))
	px[2] = uint8(float32(c.B)*a + float32(px[2])*(1-a))
	px[3] = uint8(255*a + float32(px[3])*(1-a))
}

// line draws a segment from (x1, y1) to (x2, y2), in chart units, width
// units wide. It walks the longer axis and, at each step, the pixels near
// the segment across it, each covered by how close it is to the segment.
func (p plotImage) line(x1, y1, x2, y2, width float32, c color.Color) {
	x1, y1 = p.pixel(x1, y1)
	x2, y2 = p.pixel(x2, y2)
	hw := width * p.scale / 2
	nc := toNRGBA(c)
	dx, dy := x2-x1, y2-y1
	steep := abs32(dy) > abs32(dx)
	if steep { // walk y: swap the axes, and back when blending
		x1, y1, x2, y2, dx, dy = y1, x1, y2, x2, dy, dx
	}
	if x1 > x2 {
		x1, y1, x2, y2, dx, dy = x2, y2, x1, y1, -dx, -dy
	}
	length := hypot(dx, dy)
	if length == 0 {
		p.disc(x1, y1, hw, nc)
		return
	}
	// Across the walked axis, the band of pixels that can be within hw+0.5
	// of the line (the ones it covers at all).
	reach := (hw+0.5)*length/max(abs32(dx), 1e-6) + 0.5
	for u := int(floor32(x1 - hw)); u <= int(x2+hw); u++ {
		t := min(max((float32(u)+0.5-x1)/max(dx, 1e-6), 0), 1)
		mid := y1 + t*dy
		for v := int(floor32(mid - reach)); v <= int(mid+reach); v++ {
			d2 := segmentDistance2(float32(u)+0.5, float32(v)+0.5, x1, y1, dx, dy, length)
			if d2 >= (hw+0.5)*(hw+0.5) {
				continue // not covered
			}
			cov := hw + 0.5 - float32(math.Sqrt(float64(d2)))
			if steep {
				p.blend(v, u, nc, cov)
			} else {
				p.blend(u, v, nc, cov)
			}
		}
	}
}

// dot draws a filled circle of radius r centred at x, y, in chart units.
func (p plotImage) dot(x, y, r float32, c color.Color) {
	x, y = p.pixel(x, y)
	p.disc(x, y, r*p.scale, toNRGBA(c))
}

// disc draws a filled circle of radius r centred at x, y, in pixels.
func (p plotImage) disc(x, y, r float32, nc color.NRGBA) {
	for v := int(floor32(y - r - 1)); v <= int(y+r+1); v++ {
		for u := int(floor32(x - r - 1)); u <= int(x+r+1); u++ {
			d := hypot(float32(u)+0.5-x, float32(v)+0.5-y)
			p.blend(u, v, nc, r+0.5-d)
		}
	}
}

// segmentDistance2 is the squared distance from (px, py) to the segment
// starting at (x, y) with direction (dx, dy) and the given length.
func segmentDistance2(px, py, x, y, dx, dy, length float32) float32 {
	t := min(max(((px-x)*dx+(py-y)*dy)/(length*length), 0), 1)
	ex, ey := px-x-t*dx, py-y-t*dy
	return ex*ex + ey*ey
}

func toNRGBA(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

func abs32(f float32) float32    { return float32(math.Abs(float64(f))) }
func floor32(f float32) float32  { return float32(math.Floor(float64(f))) }
func hypot(x, y float32) float32 { return float32(math.Sqrt(float64(x*x + y*y))) }
