#!/usr/bin/env bash
# setup.sh installs what building and testing Go Mirror needs on a fresh
# Debian/Ubuntu machine: the C toolchain and X11/GL headers for Fyne, Xvfb and
# friends for the headless GUI test, gnome-keyring and D-Bus for the keyring
# tests, and a CJK font so Simplified Chinese renders. On other systems it
# only checks that Go and a C compiler are present.
set -euo pipefail

pkgs=(gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev xvfb xauth x11-utils imagemagick xdotool
	gnome-keyring dbus fonts-wqy-microhei zsh fish dash)

command -v go >/dev/null || { echo "setup: Go is not installed; get it from https://go.dev/dl/" >&2; exit 1; }

if [ -r /etc/debian_version ] && command -v dpkg-query >/dev/null; then
	missing=()
	for p in "${pkgs[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		sudo=""
		[ "$(id -u)" -eq 0 ] || sudo="sudo"
		echo "setup: installing ${missing[*]}" >&2
		$sudo apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	fi
else
	command -v cc >/dev/null || command -v gcc >/dev/null || command -v clang >/dev/null ||
		{ echo "setup: a C compiler is needed for the Fyne GUI (Xcode command line tools on macOS, MinGW-w64 on Windows)" >&2; exit 1; }
fi
