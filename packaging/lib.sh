# lib.sh holds what the packaging scripts share. Source it; it defines:
#   repo          the repository root
#   version       [Details] Version from FyneApp.toml
#   gui_tags      the build tags of every build of the app: no_emoji leaves out Fyne's
#                 4 MB colour emoji font, which the app never shows and Fyne would
#                 otherwise parse once per text style (about 20 MB of the app's memory)
#   fyne_cli      prints the path of the fyne CLI, installing the pinned version if needed
#   stage_source  DIR copies the module's sources into DIR, with a go.work that builds
#                 them with the patched Fyne (scripts/fyne-patch.sh workspace), and puts
#                 FyneApp.toml next to cmd/gomirror there, because `fyne package` reads it from the directory it
#                 builds and also writes into that directory (a generated metadata file, the
#                 Windows .syso, Build+1 in FyneApp.toml); the checkout stays untouched.
# shellcheck shell=bash

# zsh (macOS's login shell) has no BASH_SOURCE: repo would be the parent of the
# working directory. Refuse instead.
if [ -z "${BASH_VERSION:-}" ]; then
	echo "packaging/lib.sh is a bash file: run bash first, then source it (macOS's login shell is zsh)" >&2
	return 1 2>/dev/null || exit 1
fi

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fyne_version=v1.7.4
app_id=io.github.gomirror.app
gui_tags=no_emoji
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' "$repo/FyneApp.toml")

fyne_cli() {
	local bin
	bin=$(command -v fyne || true)
	[ -n "$bin" ] || bin=$(go env GOPATH)/bin/fyne
	# Not "version | grep -q": under pipefail grep's early exit fails the pipe.
	if [[ $("$bin" version 2>/dev/null) != *"cli version: $fyne_version"* ]]; then
		echo "packaging: installing the fyne CLI $fyne_version" >&2
		GOBIN=$(go env GOPATH)/bin go install "fyne.io/tools/cmd/fyne@$fyne_version" >&2
		bin=$(go env GOPATH)/bin/fyne
	fi
	echo "$bin"
}

stage_source() {
	local dir=$1
	mkdir -p "$dir"
	if git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		# Tracked and new files, as the working tree has them; ignored ones (dist/, bin/) stay out.
		(cd "$repo" && git ls-files -z -co --exclude-standard |
			while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
			tar --null -T - -cf -) | tar -xf - -C "$dir"
	else
		tar -C "$repo" --exclude=./.git --exclude=./dist --exclude=./bin -cf - . | tar -xf - -C "$dir"
	fi
	# The patched Fyne (third_party/fyne/PATCH.md): fyne package and go build in DIR
	# find this go.work above them.
	bash "$repo/scripts/fyne-patch.sh" workspace "$dir/go.work" "$dir" >/dev/null
	# FyneApp.toml moves next to the main package; its icon path is made absolute so the
	# icon is not copied around. The [LinuxAndBSD] desktop-entry fields live in
	# packaging/linux/desktop.toml until FyneApp.toml carries its own.
	sed "s|^Icon *=.*|Icon = \"$repo/assets/icon.png\"|" "$repo/FyneApp.toml" >"$dir/cmd/gomirror/FyneApp.toml"
	if ! grep -q '^\[LinuxAndBSD\]' "$repo/FyneApp.toml"; then
		{ echo; cat "$repo/packaging/linux/desktop.toml"; } >>"$dir/cmd/gomirror/FyneApp.toml"
	fi
}
