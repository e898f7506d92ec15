#!/usr/bin/env bash
# fyne-patch.sh keeps third_party/fyne, the copy of Fyne the build uses (go.mod
# replaces fyne.io/fyne/v2 with it): Fyne at the version go.mod requires, as
# the module proxy serves it, without what a build never reads (tests,
# testdata, the commands, images, the changelog and CI files), with
# third_party/fyne.patch applied. Why: third_party/fyne/PATCH.md.
#
#   scripts/fyne-patch.sh check    rebuild the copy in a temp dir and fail if
#                                  third_party/fyne differs (make test runs it)
#   scripts/fyne-patch.sh diff     rewrite third_party/fyne.patch from the copy,
#                                  after editing files in third_party/fyne
#   scripts/fyne-patch.sh update   rebuild the copy in place from the version in
#                                  go.mod, e.g. after raising it (the patch may
#                                  then need mending: git apply says where)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
copy=third_party/fyne patch=third_party/fyne.patch
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT

version=$(awk '$1 == "fyne.io/fyne/v2" && $2 ~ /^v/ {print $2; exit}' go.mod)
[ -n "$version" ] || { echo "fyne-patch: go.mod requires no fyne.io/fyne/v2 version" >&2; exit 1; }

# pristine DIR: Fyne $version from the module cache (downloaded if need be),
# less what a build never reads.
pristine() {
	local src
	src=$(cd "$tmp" && go mod download -json "fyne.io/fyne/v2@$version" |
		awk -F'"' '$2 == "Dir" {print $4}')
	[ -d "$src" ] || { echo "fyne-patch: could not download fyne.io/fyne/v2@$version" >&2; exit 1; }
	mkdir -p "$1"
	(cd "$src" && find . -type f ! -path './.github/*' ! -path './cmd/*' ! -path './img/*' \
		! -path './tools/*' ! -path '*/testdata/*' ! -name '*_test.go' ! -name CHANGELOG.md -print0 |
		tar --null -T - -cf -) | tar -xf - -C "$1"
	chmod -R u+w "$1"
}

# patched DIR: the pristine copy with the patch applied.
patched() {
	pristine "$1"
	if command -v git >/dev/null; then
		(cd "$1" && git apply --whitespace=nowarn "$repo/$patch")
	else
		(cd "$1" && patch -s -p1 <"$repo/$patch")
	fi
}

case ${1:-check} in
check)
	patched "$tmp/b"
	if ! diff -r "$tmp/b" "$copy" >"$tmp/diff"; then
		echo "fyne-patch: $copy is not Fyne $version with $patch applied:" >&2
		head -40 "$tmp/diff" >&2
		echo "fyne-patch: after editing $copy on purpose, run scripts/fyne-patch.sh diff" >&2
		exit 1
	fi
	echo "fyne-patch: $copy is Fyne $version with $patch applied"
	;;
diff)
	pristine "$tmp/a"
	cp -r "$copy" "$tmp/b"
	(cd "$tmp" && git diff --no-index --no-color --src-prefix= --dst-prefix= a b >"$repo/$patch") || [ $? -eq 1 ]
	echo "fyne-patch: wrote $patch ($(grep -c '^diff --git' "$patch") files)"
	;;
update)
	patched "$tmp/b"
	rm -rf "$copy"
	mv "$tmp/b" "$copy"
	echo "fyne-patch: $copy rebuilt from Fyne $version and $patch"
	;;
*)
	echo "usage: scripts/fyne-patch.sh [check|diff|update]" >&2
	exit 2
	;;
esac
