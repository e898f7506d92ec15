package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// placeholderScreen stands in for a screen that a later version brings.
type placeholderScreen struct {
	title string // translation key of the screen's title
	icon  fyne.Resource
}

func newPlaceholderScreen(title string, icon fyne.Resource) *placeholderScreen {
	return &placeholderScreen{title: title, icon: icon}
}

// buildUI shows the screen's icon and title over a short explanation.
func (p *placeholderScreen) buildUI() fyne.CanvasObject {
	icon := widget.NewIcon(p.icon)
	title := widget.NewLabelWithStyle(lang.X(p.title, p.title), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(lang.L("placeholder.later"))
	msg.Alignment = fyne.TextAlignCenter
	size := container.NewGridWrap(fyne.NewSquareSize(64), icon)
	return container.NewCenter(container.NewVBox(container.NewCenter(size), title, msg))
}
