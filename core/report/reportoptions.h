#pragma once

#include <QList>
#include <QPageSize>
#include <QString>

namespace bt {

// What goes into a PDF report and how its sheet images are stored.
struct ReportOptions {
    enum class Scope {
        AllSheets,   // every sheet, unchanged ones included
        ChangedOnly, // changed, added and removed sheets, and failed ones (they need a look)
        Selected,    // the sheets listed in `pages`
    };
    // How the sheet images are embedded (measured on ARCH D at 150 DPI, docs in README "Report"):
    enum class ImageEncoding {
        // Each overlay colour (unchanged, removed, added, clouds) as its own image with a 1-bit
        // mask; grey whole (Flate), colours in tiles with ink (sheetlayers.h): sharp lines at a
        // fraction of a JPEG's size.
        ColourLayers,
        Jpeg, // Qt's PDF engine: DCT at its fixed quality 94 (soft edges, large on dense sheets)
    };

    QString title;    // report title; empty: "Drawing comparison"
    QString project;  // project name on the cover; empty: left out
    QString oldLabel; // name of each set on the cover; empty: the file name
    QString newLabel;
    Scope scope = Scope::AllSheets;
    QList<int> pages; // 1-based page numbers of the result (PageResult::pageNumber), for Selected
    double dpi = 150; // sheet image resolution, pixels per inch of the sheet
    ImageEncoding encoding = ImageEncoding::ColourLayers;
    QPageSize coverPageSize = QPageSize(QPageSize::Letter); // cover and sheet table (portrait)
};

} // namespace bt
