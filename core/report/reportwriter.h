#pragma once

// The report's page writer, shared by report.cpp (sheet pages, the run) and reportcover.cpp
// (cover, appendix). Not part of the report's interface: report.h is.

#include "diff/overlay.h"
#include "document/document.h"
#include "pdfnavigation.h"
#include "report.h"
#include "reporttable.h"

#include <QPageLayout>
#include <QPagedPaintDevice>

#include <memory>

namespace bt {

// Page sizes and areas of one sheet's pages.
struct SheetGeometry {
    QSizeF page; // points
    double scale = 1;
    double margin = 0;
    QRectF header, footer, content, imageArea, image, panel;

    // At the sheet's own size, or on `paper` turned to the sheet's orientation.
    SheetGeometry(QSizeF sheetPt, const std::optional<QPageSize> &paper);
    QPageLayout layout() const { return pageLayout(page); }
    static QPageLayout pageLayout(QSizeF sizePt);
};

// A change as the report shows it.
struct ShownChange {
    const ChangeRegion *region = nullptr;
    bool rejected = false; // drawn as a dashed grey cloud, struck through in the table
};

// One reported sheet, planned before anything is drawn so the cover can name its page.
struct SheetPlan {
    const PageResult *page = nullptr;
    QVector<ShownChange> changes;
    QString summary; // the sheet's summary, of the shown changes when some are left out
    ReportTable table;
    QVector<int> splits; // first change row of each page; splits[0] == 0
};

class ReportWriter {
public:
    ReportWriter(const ReportInput &input, const ReportOptions &options, QPagedPaintDevice &device);

    bool write(const ReportProgress &progress, const std::atomic<bool> *cancel, QString *error,
               ReportLayout *layout);
    const QVector<PdfLink> &links() const { return m_links; }
    QVector<PdfBookmark> outline(const ReportLayout &layout) const;

private:
    QString title() const;
    QString setLabel(bool oldSide) const;
    // The cover's line of a set: its name and, when the title blocks say, "revision 2, 2025-03-21".
    QString setWithRevision(bool oldSide) const;
    QVector<ShownChange> shownChanges(const PageResult &page) const;

    // reportcover.cpp
    QPageLayout coverLayout() const;
    ReportTable sheetTable() const;
    double coverInfo(QPainter *p, const QRectF &area) const; // returns the height used
    int planCover(const ReportTable &sheets) const;
    void drawCover(QPainter &p, const ReportTable &sheets, const QVector<int> &targets);
    ReportTable alignmentTable() const;
    double appendixInfo(QPainter *p, const QRectF &area) const;
    int planAppendix(const ReportTable &alignment) const;
    bool drawAppendix(QPainter &p, const ReportTable &alignment);
    void drawFooter(QPainter &p, const QRectF &footer, const ReportFonts &fonts) const;

    // report.cpp
    ReportTable changeTable(const PageResult &page, const QVector<ShownChange> &changes) const;
    void planSheet(SheetPlan &plan) const;
    double panelHead(QPainter *p, const SheetGeometry &g, const SheetPlan &plan) const;
    bool drawSheet(QPainter &p, const SheetPlan &plan, const std::atomic<bool> *cancel);
    void drawSheetImage(QPainter &p, const SheetGeometry &g, const SheetPlan &plan);
    void drawTags(QPainter &p, const SheetGeometry &g, const SheetPlan &plan, QSize overlayPx) const;
    void drawHeaderFooter(QPainter &p, const SheetGeometry &g, const SheetPlan &plan, bool continued) const;
    bool nextPage(const QPageLayout &layout);
    const Document *document(bool oldSide, QString *why);

    const ReportInput &m_in;
    SetRevision m_oldRevision, m_newRevision; // the cover's: the input's, else read on construction
    const ReportOptions &m_opt;
    QPagedPaintDevice &m_device;
    OverlayColours m_colours;
    int m_pageNumber = 0; // page being drawn, 1-based
    bool m_firstPage = true;
    QVector<PdfLink> m_links;
    std::unique_ptr<Document> m_docs[2];
    QString m_docErrors[2];
    bool m_docTried[2] = {false, false};
};

// Plain words for how NEW was laid onto OLD: "Aligned automatically.", "Alignment uncertain —
// check." with the reason.
QString alignmentText(const PageResult &page);

} // namespace bt
