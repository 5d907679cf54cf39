#!/usr/bin/env bash
# Runs the real window under Xvfb on each public corpus case and saves screenshots of it:
# out/screenshots/<case>/01-empty.png, 02-midway.png, 03-done.png, 04-viewer-overlay.png,
# 05-viewer-side-by-side.png, 06-viewer-swipe.png ($BT_SCREENSHOT_DIR, see app/main.cpp).
# Environment: BUILD_DIR (default build), CORPUS_DIR (default ../shared/corpus/public),
# OUT_DIR (default out/screenshots), CASE_TIMEOUT seconds per case (default 300).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
build_dir="${BUILD_DIR:-build}"
corpus_dir="${CORPUS_DIR:-../shared/corpus/public}"
out_dir="${OUT_DIR:-out/screenshots}"
case_timeout="${CASE_TIMEOUT:-300}"

command -v xvfb-run >/dev/null || { echo "gui-screenshots: xvfb-run is not installed" >&2; exit 2; }
cmake --build "$build_dir" -j2 --target buildtrace
app="$build_dir/app/buildtrace"
[[ -x "$app" ]] || { echo "gui-screenshots: no $app" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

failed=0
shopt -s nullglob
cases=("$corpus_dir"/*/)
[[ ${#cases[@]} -gt 0 ]] || { echo "gui-screenshots: no cases in $corpus_dir" >&2; exit 2; }
for case_dir in "${cases[@]}"; do
    case_name="$(basename "$case_dir")"
    [[ -f "$case_dir/old.pdf" && -f "$case_dir/new.pdf" ]] || continue
    dest="$out_dir/$case_name"
    rm -rf "$dest"
    mkdir -p "$dest"
    # A fresh history and fresh settings (window geometry, recent files) for every case.
    rm -f "$tmp/history.db"
    rm -rf "$tmp/config" "$tmp/runtime"
    mkdir -p "$tmp/config" "$tmp/runtime"
    chmod 700 "$tmp/runtime"
    echo "== $case_name"
    status=0
    BUILDTRACE_DB="$tmp/history.db" XDG_CONFIG_HOME="$tmp/config" XDG_RUNTIME_DIR="$tmp/runtime" \
        BT_SCREENSHOT_DIR="$dest" QT_QPA_PLATFORM=xcb \
        timeout "$case_timeout" xvfb-run -a -s "-screen 0 1600x1000x24" \
        "$app" "$case_dir/old.pdf" "$case_dir/new.pdf" >"$dest/run.log" 2>&1 || status=$?
    if [[ $status -ne 0 ]]; then
        echo "gui-screenshots: $case_name failed (exit $status), log: $dest/run.log" >&2
        tail -n 20 "$dest/run.log" >&2 || true
        failed=1
    fi
    for f in "$dest"/*.png; do echo "$f"; done
done
exit $failed
