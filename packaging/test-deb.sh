#!/usr/bin/env bash
# Builds the Debian package with CPack, installs it on this machine (dpkg -i; apt-get -f for
# missing dependencies), checks the installed program and its desktop integration, then removes
# it again. Needs root or password-less sudo: ./dev test runs it after ctest when it has either.
#   1. cpack -G DEB in the build folder          -> $BUILD_DIR/packages/buildtrace_<version>_<arch>.deb
#   2. dpkg -i                                    (the package's Depends: shlibdeps + tesseract-ocr-eng, …)
#   3. /usr/bin/buildtrace --version
#   4. /usr/bin/buildtrace compare of resources/samples (old.pdf, new.pdf) with --db in a temp dir:
#      exit 1 (changes found), a result JSON with every sheet
#   5. appstreamcli validate --no-net, desktop-file-validate on the installed files; icons, man page
#   6. dpkg -r
# Environment: BUILD_DIR (default build).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
build_dir="$(cd "${BUILD_DIR:-build}" && pwd)"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
app_id=org.buildtrace.BuildTrace

step() { echo "== test-deb: $*"; }
fail() {
    echo "test-deb: FAILED: $*" >&2
    exit 1
}

for tool in cpack dpkg-shlibdeps appstreamcli desktop-file-validate; do
    command -v "$tool" >/dev/null || fail "$tool is missing (./dev installs it)"
done
if dpkg-query -W -f='${Status}' buildtrace 2>/dev/null | grep -q "install ok installed"; then
    fail "a buildtrace package is installed already; remove it first (dpkg -r buildtrace)"
fi

tmp="$(mktemp -d)"
installed=0
cleanup() {
    if [ "$installed" -eq 1 ]; then
        step "dpkg -r buildtrace"
        $sudo dpkg -r buildtrace >/dev/null || echo "test-deb: could not remove the package" >&2
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

step "cpack"
rm -f "$build_dir"/packages/buildtrace_*.deb
(cd "$build_dir" && cpack -G DEB) >"$tmp/cpack.log" 2>&1 || {
    cat "$tmp/cpack.log" >&2
    fail "cpack"
}
tail -n 2 "$tmp/cpack.log"
deb="$(ls "$build_dir"/packages/buildtrace_*.deb)"
dpkg-deb --field "$deb" Package Version Architecture Maintainer Homepage Depends Recommends
dpkg-deb --contents "$deb" | awk '{print $6}' | grep -v '/$' >"$tmp/contents"
for f in ./usr/bin/buildtrace "./usr/share/applications/$app_id.desktop" "./usr/share/metainfo/$app_id.metainfo.xml" \
    "./usr/share/icons/hicolor/scalable/apps/$app_id.svg" "./usr/share/icons/hicolor/16x16/apps/$app_id.png" \
    "./usr/share/icons/hicolor/256x256/apps/$app_id.png" ./usr/share/man/man1/buildtrace.1.gz \
    ./usr/share/doc/buildtrace/copyright; do
    grep -qxF "$f" "$tmp/contents" || fail "$f is not in the package"
done
depends="$(dpkg-deb --field "$deb" Depends)"
for d in libqt6core6 libqt6pdf6 libtesseract5 tesseract-ocr-eng libqt6sql6-sqlite fonts-dejavu-core; do
    grep -q "$d" <<<"$depends" || fail "Depends lacks $d"
done

step "dpkg -i $(basename "$deb")"
installed=1
if ! $sudo dpkg -i "$deb"; then
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -f -y -qq --no-install-recommends ||
        fail "the package's dependencies cannot be installed"
fi
dpkg-query -W -f='${Status}\n' buildtrace | grep -q "install ok installed" || fail "buildtrace is not installed"

step "/usr/libexec/buildtrace/buildtrace-renderer (PDFs render in its processes)"
[ -x /usr/libexec/buildtrace/buildtrace-renderer ] || fail "the render helper is not installed"

step "/usr/bin/buildtrace --version"
# A clean environment, as a user's first run: no build tree, no history, no display.
run() {
    env -i PATH=/usr/bin:/bin HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/runtime" LANG=C.UTF-8 "$@"
}
mkdir -p "$tmp/home" "$tmp/runtime"
chmod 700 "$tmp/runtime"
run /usr/bin/buildtrace --version | tee "$tmp/version"
version="$(sed -n 's/^buildtrace //p' "$tmp/version")"
[ "$version" = "$(dpkg-deb --field "$deb" Version)" ] || fail "--version says '$version'"
grep -q '^Qt 6\.' "$tmp/version" && grep -q '^OpenCV 4\.' "$tmp/version" && grep -q '^Tesseract [0-9]' "$tmp/version" ||
    fail "--version lacks a library"

step "/usr/bin/buildtrace compare resources/samples/old.pdf resources/samples/new.pdf --db (temp)"
status=0
run /usr/bin/buildtrace compare "$repo/resources/samples/old.pdf" "$repo/resources/samples/new.pdf" \
    --db "$tmp/history.sqlite" --out "$tmp/out" --json "$tmp/result.json" || status=$?
[ "$status" -eq 1 ] || fail "compare exited $status (expected 1: changes found)"
python3 - "$tmp/result.json" <<'PY' || fail "result JSON"
import json, sys
r = json.load(open(sys.argv[1]))
pages = r["pages"]
assert r["status"] == "completed" and len(pages) >= 1, r.get("status")
assert any(p["diff_result"]["changes_detected"] for p in pages if p.get("diff_result"))
print(f"result JSON: {len(pages)} sheets, status {r['status']}")
PY
ls "$tmp/out"/*_overlay.png >/dev/null || fail "no overlays in --out"
[ -f "$tmp/history.sqlite" ] || fail "no history at --db"

step "appstreamcli validate --no-net"
appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml" || fail "metainfo"
step "desktop-file-validate"
desktop-file-validate "/usr/share/applications/$app_id.desktop" || fail "desktop file"
echo "desktop file valid"
grep -q '^Exec=buildtrace %F$' "/usr/share/applications/$app_id.desktop" || fail "Exec line"
step "man page"
zcat /usr/share/man/man1/buildtrace.1.gz | grep -q '^\.TH BUILDTRACE 1' || fail "man page"
if command -v man >/dev/null; then
    MANWIDTH=80 man --warnings -l /usr/share/man/man1/buildtrace.1.gz >"$tmp/man.txt" 2>"$tmp/man.err"
    head -n 3 "$tmp/man.txt"
    [ ! -s "$tmp/man.err" ] || { cat "$tmp/man.err" >&2; fail "man page warnings"; }
fi

installed=0
step "dpkg -r buildtrace"
$sudo dpkg -r buildtrace >/dev/null
[ ! -e /usr/bin/buildtrace ] || fail "/usr/bin/buildtrace is still there"
echo "test-deb: OK"
