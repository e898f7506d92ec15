# The two quick-start commands are `make run` and `make test`; both install
# what they need first (scripts/setup.sh).
GO ?= go
SHOTS ?= shots

.PHONY: run test setup build vet

setup:
	@bash scripts/setup.sh

run: setup
	$(GO) run ./cmd/gomirror

build: setup
	$(GO) build -o bin/gomirror ./cmd/gomirror
	CGO_ENABLED=0 $(GO) build -o bin/gomirrorctl ./cmd/gomirrorctl

vet:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; echo "gofmt: the files above need formatting"; exit 1; }
	$(GO) vet ./...
	CGO_ENABLED=0 GOOS=windows $(GO) vet ./core/... ./cmd/gomirrorctl/
	CGO_ENABLED=0 GOOS=darwin $(GO) vet ./core/... ./cmd/gomirrorctl/

test: build vet
	bash scripts/test.sh
	bash scripts/gui-smoke.sh bin/gomirror $(SHOTS)
