#!/usr/bin/env bash
# cli.sh builds gomirrorctl for linux, darwin and windows on amd64 and arm64 as plain static
# binaries (pure Go, CGO_ENABLED=0) into dist/gomirrorctl-OS-ARCH[.exe], with the version
# from FyneApp.toml (gomirrorctl version prints it).
#
# Usage: packaging/cli.sh
set -euo pipefail
# shellcheck source=packaging/lib.sh
. "$(dirname "$0")/lib.sh"

mkdir -p "$repo/dist"
cd "$repo"
for os in linux darwin windows; do
	for arch in amd64 arm64; do
		out=dist/gomirrorctl-$os-$arch
		[ "$os" = windows ] && out=$out.exe
		CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath \
			-ldflags "-s -w -X main.version=v$version" -o "$out" ./cmd/gomirrorctl
		echo "cli.sh: $out"
	done
done
