#!/usr/bin/env bash
# Runs lupdate over ui/, core/ and app/: new strings join every .ts file (unfinished), strings
# that are gone leave them. Then fill in the new ones (Qt Linguist: linguist
# translations/buildtrace_de.ts, or by hand) and run tests/tst_translations (it fails while a
# translation is unfinished).
#   translations/update.sh            # BUILD_DIR (default build) must be configured, as ./dev does
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
[ -f "$build_dir/CMakeCache.txt" ] || cmake -G Ninja -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" --target update_translations
# What is left to translate.
grep -c 'type="unfinished"' translations/*.ts || true
