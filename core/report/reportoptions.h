#pragma once

#include <QList>
#include <QPageSize>
#include <QString>

#include <optional>

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
    // Changes the reviewer rejected.
    enum class Rejected {
        Shown,   // a dashed grey cloud, struck through in the change table
        LeftOut, // neither cloud nor row
    };

    QString title;                         // report title; empty: "Drawing comparison report"
    QString project;                       // project name on the cover; empty: left out
    QString projectNumber, client, issuer; // on the cover; empty: left out
    QString logoPath;                      // an image file for the cover's top right; empty: none
    QString oldLabel;                      // name of each set on the cover; empty: the file name
    QString newLabel;
    Scope scope = Scope::AllSheets;
    QList<int> pages; // 1-based page numbers of the result (PageResult::pageNumber), for Selected
    Rejected rejected = Rejected::Shown;
    bool reviewedOnly = false; // only changes with a review status other than open
    double dpi = 150;          // sheet image resolution, pixels per inch of the sheet
    ImageEncoding encoding = ImageEncoding::ColourLayers;
    // Pages: each sheet at its own size (small sheets scaled up to 17 in), or every page on this
    // paper (sheets fitted, turned to the sheet's orientation; the cover portrait).
    std::optional<QPageSize> paper;
    QPageSize coverPageSize = QPageSize(QPageSize::Letter); // cover and sheet table without `paper`
    bool cover = true;                                      // the cover with the sheet table
    bool appendix = true; // files, settings and alignment details at the end

    // "sheet" (nullopt), "a3", "a4", "tabloid", "letter" (any case); false for anything else.
    static bool paperFromName(const QString &name, std::optional<QPageSize> *paper);
};

inline bool ReportOptions::paperFromName(const QString &name, std::optional<QPageSize> *paper) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("sheet"))
        *paper = std::nullopt;
    else if (n == QLatin1String("a3"))
        *paper = QPageSize(QPageSize::A3);
    else if (n == QLatin1String("a4"))
        *paper = QPageSize(QPageSize::A4);
    else if (n == QLatin1String("tabloid"))
        *paper = QPageSize(QPageSize::Tabloid);
    else if (n == QLatin1String("letter"))
        *paper = QPageSize(QPageSize::Letter);
    else
        return false;
    return true;
}

} // namespace bt
