#!/usr/bin/env bash
# windows.sh cross-builds the GUI for Windows with mingw-w64 and signs it with osslsigncode:
# dist/gomirror-windows-amd64.exe.
#
# The build is the plain cgo cross-build (-H=windowsgui, stripped, -trimpath) with what
# `fyne package -release` would add (the release and migrated_fynedo tags, the app
# metadata) and a resource object for the icon, manifest and version info made by
# mingw's windres. `fyne package -os windows` is not used: its hardening CGO_CFLAGS
# (_FORTIFY_SOURCE, -fstack-protector-strong) need libssp, which Debian's mingw-w64
# only links as libssp-0.dll, a DLL Windows does not have.
#
# Signing: with GOMIRROR_SIGN_PKCS12 (path to a .p12/.pfx) and GOMIRROR_SIGN_PASSWORD it
# signs with that certificate, verifies against GOMIRROR_SIGN_CAFILE (default: the system CA
# bundle) and timestamps with GOMIRROR_SIGN_TIMESTAMP_URL if set. Without them it makes a
# throwaway self-signed code-signing certificate, signs, verifies with it as the CA, and
# leaves the certificate in dist/throwaway-signing-cert.pem for `make dist-check`.
# It exits non-zero unless osslsigncode verify says ok.
#
# Usage: packaging/windows.sh
set -euo pipefail
# shellcheck source=packaging/lib.sh
. "$(dirname "$0")/lib.sh"

cc=${CC_WINDOWS:-x86_64-w64-mingw32-gcc}
windres=${WINDRES:-x86_64-w64-mingw32-windres}
for tool in "$cc" "$windres" osslsigncode openssl convert; do
	command -v "$tool" >/dev/null || { echo "windows.sh: $tool not found (apt: gcc-mingw-w64-x86-64 osslsigncode openssl imagemagick)" >&2; exit 1; }
done
build=$(sed -n 's/^Build *= *\([0-9]*\)/\1/p' "$repo/FyneApp.toml")
IFS=. read -r major minor patch <<<"$version"
winver="${major:-0}.${minor:-0}.${patch:-0}.${build:-1}"
out=$repo/dist/gomirror-windows-amd64.exe

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stage_source "$tmp/src"
src=$tmp/src/cmd/gomirror

# Resources: icon (16–256 px), manifest, version info. Go links *.syso files of the package.
convert "$repo/assets/icon.png" -define icon:auto-resize=256,128,64,48,32,24,16 "$tmp/gomirror.ico"
sed "s/@VERSION@/$winver/" "$repo/packaging/windows/gomirror.exe.manifest" >"$tmp/gomirror.exe.manifest"
cat >"$tmp/gomirror.rc" <<RC
#include <winver.h>
1 ICON "gomirror.ico"
1 24 "gomirror.exe.manifest"
1 VERSIONINFO
FILEVERSION ${winver//./,}
PRODUCTVERSION ${winver//./,}
FILEOS VOS_NT_WINDOWS32
FILETYPE VFT_APP
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904B0"
    BEGIN
      VALUE "CompanyName", "The Go Mirror authors"
      VALUE "FileDescription", "Go Mirror"
      VALUE "FileVersion", "$winver"
      VALUE "InternalName", "gomirror"
      VALUE "OriginalFilename", "gomirror.exe"
      VALUE "ProductName", "Go Mirror"
      VALUE "ProductVersion", "$version"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
RC
(cd "$tmp" && "$windres" -O coff -i gomirror.rc -o "$src/rsrc_windows_amd64.syso")

# The metadata `fyne package` would inject, so fyne.CurrentApp().Metadata() matches the Linux build.
cat >"$src/fyne_metadata_init.go" <<GO
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
)

func init() {
	app.SetMetadata(fyne.AppMetadata{ID: "$app_id", Name: "Go Mirror", Version: "$version", Build: ${build:-1},
		Release: true, Migrations: map[string]bool{"fyneDo": true}})
}
GO

(cd "$tmp/src" && GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC="$cc" \
	go build -trimpath -tags "release,migrated_fynedo,$gui_tags" -ldflags "-H=windowsgui -s -w" -o "$tmp/unsigned.exe" ./cmd/gomirror)

# Only system DLLs: anything like libssp-0.dll or libwinpthread-1.dll would be missing on a user's PC.
if x86_64-w64-mingw32-objdump -p "$tmp/unsigned.exe" | grep -i 'DLL Name: lib'; then
	echo "windows.sh: the exe imports a MinGW runtime DLL (above) that Windows does not ship" >&2
	exit 1
fi

sign=(osslsigncode sign -h sha256 -n "Go Mirror" -i https://github.com/gomirror/gomirror)
if [ -n "${GOMIRROR_SIGN_PKCS12:-}" ]; then
	(umask 077 && printf '%s' "${GOMIRROR_SIGN_PASSWORD:-}" >"$tmp/pass") # not on the command line
	sign+=(-pkcs12 "$GOMIRROR_SIGN_PKCS12" -readpass "$tmp/pass")
	[ -z "${GOMIRROR_SIGN_TIMESTAMP_URL:-}" ] || sign+=(-ts "$GOMIRROR_SIGN_TIMESTAMP_URL")
	cafile=${GOMIRROR_SIGN_CAFILE:-/etc/ssl/certs/ca-certificates.crt}
	echo "windows.sh: signing with the certificate in GOMIRROR_SIGN_PKCS12" >&2
else
	openssl req -x509 -newkey rsa:3072 -sha256 -days 30 -nodes -keyout "$tmp/sign.key" -out "$tmp/sign.crt" \
		-subj "/CN=Go Mirror throwaway code signing" -addext extendedKeyUsage=codeSigning 2>/dev/null
	sign+=(-certs "$tmp/sign.crt" -key "$tmp/sign.key")
	cafile=$tmp/sign.crt
	echo "windows.sh: no GOMIRROR_SIGN_PKCS12; signing with a throwaway self-signed certificate" >&2
fi
"${sign[@]}" -in "$tmp/unsigned.exe" -out "$tmp/signed.exe" >/dev/null ||
	{ echo "windows.sh: osslsigncode sign failed (a wrong GOMIRROR_SIGN_PASSWORD says 'mac verify failure')" >&2; exit 1; }
osslsigncode verify -CAfile "$cafile" -in "$tmp/signed.exe" >"$tmp/verify.log" 2>&1 ||
	{ cat "$tmp/verify.log" >&2; echo "windows.sh: signature verification failed" >&2; exit 1; }
grep -q '^Signature verification: ok' "$tmp/verify.log" ||
	{ cat "$tmp/verify.log" >&2; echo "windows.sh: osslsigncode did not say ok" >&2; exit 1; }

mkdir -p "$repo/dist"
mv "$tmp/signed.exe" "$out"
if [ -z "${GOMIRROR_SIGN_PKCS12:-}" ]; then
	cp "$tmp/sign.crt" "$repo/dist/throwaway-signing-cert.pem"
else
	rm -f "$repo/dist/throwaway-signing-cert.pem"
fi
echo "windows.sh: $out ($(du -h "$out" | cut -f1)), signature verified"
