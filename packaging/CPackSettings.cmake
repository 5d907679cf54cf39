# The Debian package (cpack -G DEB in the build folder; packaging/test-deb.sh builds, installs
# and checks it). Included from the top-level CMakeLists.txt after every install rule.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME buildtrace)
set(CPACK_PACKAGE_VENDOR BuildTrace)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "compare two revisions of a construction drawing set")
# The same project, contact and licence as the AppStream metadata and packaging/copyright.
set(CPACK_PACKAGE_CONTACT "BuildTrace developers <developers@buildtrace.org>") # Maintainer
set(CPACK_PACKAGE_HOMEPAGE_URL "https://buildtrace.org/")                     # Homepage
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)

# One .deb per component. `buildtrace`: the GUI + CLI binary and its desktop integration. A
# `server` component (the job server) joins this list once it exists.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL buildtrace)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # buildtrace_0.1.0_amd64.deb
set(CPACK_DEBIAN_BUILDTRACE_PACKAGE_NAME buildtrace)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The long description; CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY before it as the first line.
set(CPACK_DEBIAN_BUILDTRACE_DESCRIPTION
    "BuildTrace compares two revisions of a construction drawing set (PDF or
images) sheet by sheet: it pairs the sheets by drawing number, aligns them,
clouds every change with the texts that changed, and writes overlays, a
summary per sheet, a PDF report and a change list. Desktop window (English,
German, French, Spanish) and command line (buildtrace compare OLD NEW).")

# Libraries: dpkg-shlibdeps (package dpkg-dev) reads them off the binary. What it cannot see is
# loaded at run time: Tesseract's English model, the SQLite driver of Qt Sql (the history), the
# TIFF image plugin (TIFF inputs), the DejaVu fonts the PDF report sets.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_BUILDTRACE_PACKAGE_DEPENDS
    "tesseract-ocr-eng, libqt6sql6-sqlite, qt6-image-formats-plugins, fonts-dejavu-core")
# Qt's own translations (dialogs, buttons) and the native Wayland platform (XWayland works
# without it).
set(CPACK_DEBIAN_BUILDTRACE_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland")

include(CPack)
