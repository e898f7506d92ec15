# The two quick-start commands are `make run` and `make test`; both install
# what they need first (scripts/setup.sh).
GO ?= go
# GUI_TAGS are the app's build tags (packaging/lib.sh's gui_tags: no Fyne emoji font).
GUI_TAGS ?= no_emoji
SHOTS ?= shots

.PHONY: run test setup build vet dist dist-check

setup:
	@bash scripts/setup.sh

# The app builds with the patched Fyne through a generated workspace
# (third_party/fyne/PATCH.md); a plain `go build` gets stock Fyne.
FYNE_WORK = GOWORK=$$(bash scripts/fyne-patch.sh workspace)

run: setup
	$(FYNE_WORK) $(GO) run -tags $(GUI_TAGS) ./cmd/gomirror

build: setup
	$(FYNE_WORK) $(GO) build -tags $(GUI_TAGS) -o bin/gomirror ./cmd/gomirror
	CGO_ENABLED=0 $(GO) build -o bin/gomirrorctl ./cmd/gomirrorctl

vet:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; echo "gofmt: the files above need formatting"; exit 1; }
	$(GO) vet ./...
	CGO_ENABLED=0 GOOS=windows $(GO) vet ./core/... ./cmd/gomirrorctl/
	CGO_ENABLED=0 GOOS=darwin $(GO) vet ./core/... ./cmd/gomirrorctl/

test: build vet
	bash scripts/test.sh
	bash scripts/gui-smoke.sh bin/gomirror $(SHOTS)
	bash scripts/gui-fit.sh bin/gomirror $(SHOTS)

# dist builds the release packages this OS can make into dist/ (packaging/*.sh;
# macOS: see packaging/macos.md); dist-check verifies them, and walks macos.md as far
# as this machine can without a Mac (packaging/macos-check.sh).
dist:
	@case "$$($(GO) env GOOS)" in \
	linux) bash packaging/linux.sh && bash packaging/windows.sh ;; \
	*) echo "dist: only gomirrorctl on this OS; the app: packaging/macos.md or packaging/windows.sh on Linux" ;; \
	esac
	bash packaging/cli.sh
	cd dist && sha256sum gomirror* >SHA256SUMS

dist-check:
	bash packaging/check.sh
	bash packaging/macos-check.sh
