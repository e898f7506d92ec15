#!/usr/bin/env bash
# ci-package.sh is the packaging half of CI: it builds the release packages
# (make dist: the Linux .tar.xz, the signed Windows exe, gomirrorctl for every
# OS/arch), verifies them (make dist-check: the tarball lists the binary, the
# .desktop file and the metainfo; osslsigncode verify says ok), then starts the
# RELEASE Linux binary from the package under Xvfb (scripts/gui-smoke.sh) and
# keeps its screenshots in $SHOTS/release (default shots/release).
#
# On Debian/Ubuntu it installs mingw-w64 and osslsigncode first if missing.
# Without GOMIRROR_SIGN_PKCS12 the exe is signed with a throwaway certificate.
#
# Usage: scripts/ci-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shots=${SHOTS:-shots}/release
start=$SECONDS
step() { echo "ci-package: $1 ($((SECONDS - start)) s so far)" >&2; }

bash scripts/setup.sh
extra=()
for p in gcc-mingw-w64-x86-64 osslsigncode; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || extra+=("$p")
done
if [ ${#extra[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	echo "ci-package: installing ${extra[*]}" >&2
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${extra[@]}" >/dev/null
fi
step "tools ready"

make dist
step "make dist done"
make dist-check
step "make dist-check done"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xJf "dist/gomirror-linux-$(go env GOARCH).tar.xz" -C "$tmp"
bin=$(find "$tmp" -path '*/bin/gomirror' -type f)
bash scripts/gui-smoke.sh "$bin" "$shots"
step "release binary shown under Xvfb; screenshots in $shots"
