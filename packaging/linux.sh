#!/usr/bin/env bash
# linux.sh builds the Linux package dist/gomirror-linux-ARCH.tar.xz with `fyne package`:
# the gomirror binary, its .desktop file, icon and AppStream metainfo, plus the Makefile
# fyne generates (`sudo make install` or `make user-install`).
#
# The default is a release build (-release: no debug, -trimpath, stripped; FyneApp.toml's
# [Migrations] fyneDo = true adds the migrated_fynedo tag, which turns Fyne's thread checks
# off). --debug builds without -release and without the migration, so the checks stay on;
# its package is named ...-debug.tar.xz.
#
# Usage: packaging/linux.sh [--debug]
set -euo pipefail
# shellcheck source=packaging/lib.sh
. "$(dirname "$0")/lib.sh"

debug=false
[ "${1:-}" = --debug ] && debug=true
arch=$(go env GOARCH)
out=$repo/dist/gomirror-linux-$arch.tar.xz
$debug && out=$repo/dist/gomirror-linux-$arch-debug.tar.xz
metainfo=$repo/packaging/linux/$app_id.metainfo.xml

fyne=$(fyne_cli)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if command -v appstreamcli >/dev/null; then
	appstreamcli validate --no-net --pedantic "$metainfo" >&2 || { echo "linux.sh: $metainfo is not valid" >&2; exit 1; }
fi
grep -q "<release version=\"$version\"" "$metainfo" ||
	{ echo "linux.sh: $metainfo has no <release version=\"$version\"> (FyneApp.toml's Version)" >&2; exit 1; }

stage_source "$tmp/src"
src=$tmp/src/cmd/gomirror
flags=(--release --tags "$gui_tags")
if $debug; then
	flags=(--tags "$gui_tags")
	sed -i '/^fyneDo *=/d' "$src/FyneApp.toml"
fi
(cd "$src" && "$fyne" package --os linux --icon "$repo/assets/icon.png" "${flags[@]}")

# Unpack fyne's tarball, add the metainfo file (and its lines in the Makefile), repack.
mkdir "$tmp/pkg"
tar -xJf "$src/Go Mirror.tar.xz" -C "$tmp/pkg"
root=$(dirname "$(find "$tmp/pkg" -name Makefile -print -quit)")
share=$(dirname "$(find "$root/usr" -type d -name applications -print -quit)")
install -Dm0644 "$metainfo" "$share/metainfo/$app_id.metainfo.xml"
local=${share#"$root/usr/"}; local=${local%share}
awk -v l="$local" -v id="$app_id" '
	{ print }
	/^\tinstall .*share\/pixmaps\// || /^\t-rm .*\/share\/(pixmaps|icons)\// {
		dest = $NF; sub(/\/share\/.*/, "/share/metainfo/" id ".metainfo.xml", dest)
		if ($1 == "-rm") printf "\t-rm %s\n", dest
		else printf "\tinstall -Dm00644 usr/%sshare/metainfo/%s.metainfo.xml %s\n", l, id, dest
	}
' "$root/Makefile" >"$tmp/Makefile" && cat "$tmp/Makefile" >"$root/Makefile"
if command -v desktop-file-validate >/dev/null; then
	desktop-file-validate "$share/applications/$app_id.desktop"
fi

mkdir -p "$repo/dist"
tar -C "$tmp/pkg" --owner=0 --group=0 --sort=name -cJf "$out.tmp" . && mv "$out.tmp" "$out"
echo "linux.sh: $out"
tar -tJvf "$out" >&2
