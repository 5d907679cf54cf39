#pragma once

// The overlay viewer as the viewer tests drive it (tst_overlayviewer, tst_viewertiles): a window
// of a fixed size, and a page shown with its images ready.

#include "compare/pageresult.h"
#include "viewer/overlayviewer.h"

#include <QString>

#include <memory>

namespace bt::test {

// How long a page's images may take to load.
constexpr int kLoadTimeoutMs = 60000;

// A 1200 x 800 viewer, shown and active; null when the window never became active.
std::unique_ptr<ui::OverlayViewer> openViewerWindow();

// Shows a page and waits until its images are ready (and the paint that follows); the load time in
// `ms` when given. False when loading did not finish in kLoadTimeoutMs.
bool showPageAndWait(ui::OverlayViewer &viewer, const PageResult &page, const QString &oldPath,
                     const QString &newPath, qint64 *ms = nullptr);

// The viewer tests' pair: sheet A-101 and its revision (REV 2, a note added, a room renamed, a
// wall added) written to `dir` as old.pdf and new.pdf and diffed at `dpi`. Returns an error
// message, empty on success.
QString writeEditedPair(const QString &dir, double dpi, QString *oldPath, QString *newPath, PageResult *page);

} // namespace bt::test
