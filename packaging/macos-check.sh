#!/usr/bin/env bash
# macos-check.sh walks packaging/macos.md as far as a machine without a Mac can:
# the files and FyneApp.toml fields it relies on, the lib.sh functions it calls,
# the fyne CLI's version and flags, the Info.plist `fyne package` would write
# (rendered from the pinned fyne CLI's own template with FyneApp.toml's values,
# then corrected with the doc's plutil lines) and gomirrorctl built and vetted for
# darwin/amd64 and arm64. The Apple tools (codesign, notarytool, lipo, ...) exist
# only on macOS; their flags are checked against Apple's documentation by hand.
#
# Usage: packaging/macos-check.sh   (needs Go and python3; a few seconds with a warm build cache)
set -euo pipefail
# shellcheck source=packaging/lib.sh
. "$(dirname "$0")/lib.sh"
cd "$repo"
doc=packaging/macos.md
fail() { echo "macos-check: $*" >&2; exit 1; }
ok() { echo "macos-check: $*"; }

# What the doc names must exist.
for f in FyneApp.toml assets/icon.png packaging/lib.sh packaging/cli.sh cmd/gomirror/main.go scripts/fyne-patch.sh; do
	[ -f "$f" ] || fail "$f is missing"
done
toml() { sed -n "s/^$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\}$/\1/p" FyneApp.toml | head -1; }
[ "$(toml ID)" = "$app_id" ] || fail "FyneApp.toml's ID is not $app_id"
[ "$(toml Name)" = "Go Mirror" ] || fail "FyneApp.toml's Name is not Go Mirror"
[ -n "$(toml Version)" ] && [ -n "$(toml Build)" ] || fail "FyneApp.toml has no Version or Build"
[ -f "$(toml Icon)" ] || fail "FyneApp.toml's Icon $(toml Icon) is missing"
grep -q '^fyneDo *= *true' FyneApp.toml || fail "FyneApp.toml does not migrate to fyne.Do (the doc says --release adds migrated_fynedo)"
grep -q "$app_id" "$doc" || fail "$doc does not name the bundle ID $app_id"
ok "files and FyneApp.toml fields ok"

# lib.sh provides what step 1 uses, and refuses zsh.
for fn in fyne_cli stage_source; do declare -F "$fn" >/dev/null || fail "lib.sh defines no $fn"; done
[ -n "$repo" ] && [ -n "$version" ] && [ -n "$gui_tags" ] || fail "lib.sh leaves repo, version or gui_tags empty"
if command -v zsh >/dev/null; then
	! zsh -c ". packaging/lib.sh" 2>/dev/null || fail "lib.sh sourced from zsh does not refuse"
fi
ok "lib.sh ok"

# The fyne CLI the doc installs is the one lib.sh pins, with the flags used.
grep -q "fyne.io/tools/cmd/fyne@$fyne_version" "$doc" || fail "$doc installs another fyne CLI than lib.sh's $fyne_version"
fyne=$(fyne_cli)
phelp=$("$fyne" package --help 2>&1)
bhelp=$("$fyne" build --help 2>&1)
for flag in --os --release --tags --icon; do grep -q -- "$flag" <<<"$phelp" || fail "fyne package has no $flag"; done
for flag in --os --release --tags "-o value"; do grep -q -- "$flag" <<<"$bhelp" || fail "fyne build has no $flag"; done
ok "fyne CLI $fyne_version has the flags the doc uses"

# The Info.plist fyne package writes, corrected as the doc says.
tmpl=$(go env GOMODCACHE)/fyne.io/tools@$fyne_version/cmd/fyne/internal/templates/data/Info.plist
[ -f "$tmpl" ] || GOFLAGS=-mod=mod go mod download "fyne.io/tools@$fyne_version" >/dev/null 2>&1 || true
[ -f "$tmpl" ] || fail "fyne's Info.plist template is not in the module cache ($tmpl)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/main.go" <<'EOF'
package main

import (
	"os"
	"strconv"
	"text/template"
)

// Renders fyne's Info.plist template with the fields fyne package fills
// (package-darwin.go): args are template, name, exe, id, version, build.
func main() {
	t := template.Must(template.ParseFiles(os.Args[1]))
	build, _ := strconv.Atoi(os.Args[6])
	data := map[string]any{"Name": os.Args[2], "ExeName": os.Args[3], "AppID": os.Args[4], "Version": os.Args[5],
		"Build": build, "Category": "", "Languages": []string(nil), "Microphone": false}
	if err := t.Execute(os.Stdout, data); err != nil {
		panic(err)
	}
}
EOF
# ExeName is the base name of the directory fyne package runs in (cmd/gomirror).
name=$(toml Name) appversion=$(toml Version) build=$(toml Build)
(cd "$work" && GOWORK=off GOFLAGS= go run main.go "$tmpl" "$name" gomirror "$app_id" "$appversion" "$build") >"$work/Info.plist"
grep -o "plutil -replace [A-Za-z]* -[a-z]* [^ ]*" "$doc" >"$work/edits"
python3 - "$work/Info.plist" "$work/edits" "$app_id" "$appversion" <<'EOF'
import json, plistlib, sys
path, edits, app_id, version = sys.argv[1:]
with open(path, "rb") as f:
    p = plistlib.load(f)
for line in open(edits):
    _, _, key, typ, value = line.split(None, 4)
    value = value.strip().strip("'\"")
    p[key] = json.loads(value) if typ == "-json" else value
want = {"CFBundleIdentifier": app_id, "CFBundleExecutable": "gomirror", "CFBundleName": "Go Mirror",
        "CFBundleShortVersionString": version, "NSHighResolutionCapable": True, "LSMinimumSystemVersion": "12.0",
        "CFBundlePackageType": "APPL", "CFBundleIconFile": "icon.icns"}
bad = [f"{k} = {p.get(k)!r}, want {v!r}" for k, v in want.items() if p.get(k) != v]
cat = p.get("LSApplicationCategoryType", "")
if not cat.startswith("public.app-category.") or cat == "public.app-category.":
    bad.append(f"LSApplicationCategoryType = {cat!r}")
if sorted(p.get("CFBundleLocalizations", [])) != ["en", "zh_Hans"]:
    bad.append(f"CFBundleLocalizations = {p.get('CFBundleLocalizations')!r}")
if bad:
    sys.exit("macos-check: Info.plist after the doc's plutil edits: " + "; ".join(bad))
EOF
ok "Info.plist (fyne $fyne_version's template + the doc's plutil edits) has the bundle ID, executable, version, NSHighResolutionCapable, LSMinimumSystemVersion 12.0, a category and en/zh_Hans"

# gomirrorctl for macOS: built and vetted for both architectures.
for arch in amd64 arm64; do
	GOOS=darwin GOARCH=$arch CGO_ENABLED=0 go build -trimpath -o "$work/gomirrorctl-darwin-$arch" ./cmd/gomirrorctl
	GOOS=darwin GOARCH=$arch go vet ./cmd/gomirrorctl
	[[ $(file "$work/gomirrorctl-darwin-$arch") == *"Mach-O 64-bit"* ]] || fail "gomirrorctl-darwin-$arch is not a Mach-O binary"
done
GOOS=darwin GOARCH=arm64 go vet ./core/... # the darwin code paths, once
ok "gomirrorctl builds and vets for darwin/amd64 and darwin/arm64"
ok "needs a Mac: building the .app (cgo with Apple's clang), lipo, vtool, plutil, codesign, notarytool, stapler, spctl, hdiutil"
