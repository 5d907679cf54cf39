#pragma once

#include "compare/pageresult.h"
#include "sheetimage.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QString>
#include <atomic>
#include <memory>

class QThreadPool;

namespace bt {
class Document;
}

namespace bt::ui {

// The opened sets, shared by the loads of successive sheets of one comparison (opening a
// 200-sheet set validates every page in a render helper). Only workers open, use and drop them.
class DocumentCache {
public:
    std::shared_ptr<const Document> find(const QString &path) const;
    QStringList paths() const; // of the documents kept
    // Keeps doc under path and drops documents of other paths than keep.
    void insert(const QString &path, std::shared_ptr<const Document> doc, const QStringList &keep);

private:
    mutable QMutex m_mutex;
    QHash<QString, std::shared_ptr<const Document>> m_docs;
};

// Everything the viewer shows of one sheet apart from the result itself; built off the GUI
// thread by SheetLoader.
struct OverlayLoad {
    SheetImage overlay;
    QString error; // the overlay PNG could not be read
    quint64 generation = 0;
};

struct RenderLoad {
    SheetImage oldImage; // aligned onto NEW's frame (as the overlay)
    SheetImage newImage;
    SheetImage composedOverlay; // when asked for: the overlay made from the two renders
    QString error;              // one line, for the user
    bool cancelled = false;
    quint64 generation = 0;
};

struct RenderRequest {
    PageResult page;
    QString oldPath;
    QString newPath;
    bool composeOverlay = false;
    std::shared_ptr<DocumentCache> documents;
    std::shared_ptr<std::atomic<bool>> cancel; // set when the viewer moved on to another sheet
};

// The loading work, run on threadPool() (never the GUI thread).
class SheetLoader {
    Q_DECLARE_TR_FUNCTIONS(bt::ui::SheetLoader)
public:
    // Resolution used for a sheet the engine did not diff (added, removed, failed).
    static constexpr double kFallbackDpi = 150;

    static OverlayLoad loadOverlay(const QString &path);
    // Renders the pair as the diff did (page.oldDpi / page.dpi) and warps OLD onto NEW with
    // page.alignment: the frame of the overlay and of the region boxes.
    static RenderLoad render(const RenderRequest &request);
    // The NEW frame size in pixels the renders will have (so regions can be shown before).
    static QSize expectedFrameSize(const PageResult &page);
    // A pool of the viewer's own: its loads don't queue behind a running comparison's tasks on
    // the global pool. Parented to the application, which waits for it when it quits.
    static QThreadPool *threadPool();
};

} // namespace bt::ui
