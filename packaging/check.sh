#!/usr/bin/env bash
# check.sh verifies what `make dist` built for this OS: the Linux package holds the
# binary, the .desktop file, the icon and the AppStream metainfo; the Windows exe is
# a GUI-subsystem PE that imports no MinGW runtime DLL and whose signature
# osslsigncode verifies; every gomirrorctl binary is there, the Linux ones static,
# and the native one prints the version; SHA256SUMS matches.
#
# The Windows signature is checked against dist/throwaway-signing-cert.pem when
# packaging/windows.sh left one, else against GOMIRROR_SIGN_CAFILE (default: the
# system CA bundle), as windows.sh did.
#
# Usage: packaging/check.sh
set -euo pipefail
# shellcheck source=packaging/lib.sh
. "$(dirname "$0")/lib.sh"
cd "$repo/dist"
fail() { echo "dist-check: $*" >&2; exit 1; }

check_linux() {
	local tarball=gomirror-linux-$(go env GOARCH).tar.xz list
	[ -f "$tarball" ] || fail "$tarball is missing"
	list=$(tar -tJf "$tarball")
	for want in "bin/gomirror" "share/applications/$app_id.desktop" "share/pixmaps/$app_id.png" \
		"share/metainfo/$app_id.metainfo.xml" "Makefile"; do
		grep -q "/$want\$" <<<"$list" || fail "$tarball has no .../$want"
	done
	local tmp
	tmp=$(mktemp -d)
	tar -xJf "$tarball" -C "$tmp"
	local desktop bin
	desktop=$(find "$tmp" -name "$app_id.desktop")
	bin=$(find "$tmp" -path '*/bin/gomirror')
	grep -qx 'Exec=gomirror' "$desktop" || fail "the .desktop file does not run gomirror"
	grep -qx "Icon=$app_id" "$desktop" || fail "the .desktop file's Icon is not $app_id"
	[[ $(file "$bin") == *", stripped"* ]] || fail "$bin is not a stripped release build"
	if command -v appstreamcli >/dev/null; then
		appstreamcli validate --no-net "$(find "$tmp" -name "$app_id.metainfo.xml")" >/dev/null || fail "metainfo does not validate"
	fi
	rm -rf "$tmp"
	echo "dist-check: $tarball ok"
}

check_windows() {
	local exe=gomirror-windows-amd64.exe cafile=${GOMIRROR_SIGN_CAFILE:-/etc/ssl/certs/ca-certificates.crt}
	[ ! -f throwaway-signing-cert.pem ] || cafile=throwaway-signing-cert.pem
	[ -f "$exe" ] || fail "$exe is missing"
	local headers verify
	headers=$(x86_64-w64-mingw32-objdump -p "$exe")
	grep -q 'Subsystem.*(Windows GUI)' <<<"$headers" || fail "$exe is not a GUI-subsystem exe"
	! grep -i 'DLL Name: lib' <<<"$headers" || fail "$exe imports a MinGW runtime DLL (above)"
	verify=$(osslsigncode verify -CAfile "$cafile" -in "$exe" 2>&1) && grep -q '^Signature verification: ok' <<<"$verify" ||
		{ echo "$verify" >&2; fail "osslsigncode verify -CAfile $cafile -in $exe does not say ok"; }
	echo "dist-check: $exe ok (signature verified against $cafile)"
}

check_cli() {
	local os arch f
	for os in linux darwin windows; do
		for arch in amd64 arm64; do
			f=gomirrorctl-$os-$arch
			[ "$os" = windows ] && f=$f.exe
			[ -f "$f" ] || fail "$f is missing"
			[ "$os" != linux ] || [[ $(file "$f") == *"statically linked"* ]] || fail "$f is not static"
		done
	done
	local native=gomirrorctl-$(go env GOOS)-$(go env GOARCH)
	[ "$(go env GOOS)" = windows ] && native=$native.exe
	[[ $("./$native" version) == "gomirrorctl v$version "* ]] || fail "$native version does not say v$version"
	echo "dist-check: gomirrorctl for 3 OSes x 2 arches ok"
}

case "$(go env GOOS)" in
linux) check_linux; check_windows ;;
esac
check_cli
sha256sum -c --quiet SHA256SUMS || fail "SHA256SUMS does not match"
echo "dist-check: SHA256SUMS ok"
