// bt-gensample: writes the bundled sample pair (resources/samples) and the hand-made PDFs
// behind the bad-input fixtures (tests/data). Deterministic: rerunning gives the same drawings.

#include "drawinggenerator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>

namespace bt::test {
namespace {

QVector<SheetSpec> sampleOld() {
    SheetSpec a101;
    a101.number = QStringLiteral("A-101");
    a101.title = QStringLiteral("FIRST FLOOR PLAN");
    a101.seed = 101;
    SheetSpec a102 = a101;
    a102.number = QStringLiteral("A-102");
    a102.title = QStringLiteral("SECOND FLOOR PLAN");
    a102.seed = 102;
    SheetSpec a103 = a101;
    a103.number = QStringLiteral("A-103");
    a103.title = QStringLiteral("THIRD FLOOR PLAN");
    a103.seed = 103;
    return {a101, a102, a103};
}

// A dimension text that the sheet does not already use: the old value plus 2'-0".
QString changedDimension(const QString &text, const QStringList &taken) {
    const int feet = text.section(QLatin1Char('\''), 0, 0).toInt();
    const QString inches = text.section(QLatin1Char('-'), 1);
    for (int add = 2;; ++add) {
        const QString candidate = QStringLiteral("%1'-%2").arg(feet + add).arg(inches);
        if (!taken.contains(candidate)) return candidate;
    }
}

QVector<SheetSpec> sampleNew() {
    const QVector<SheetSpec> old = sampleOld();
    SheetSpec a101 = old[0];
    a101.revision = QStringLiteral("REV 2");
    a101.extraNotes << QStringLiteral("PROVIDE ACOUSTIC SEALANT AT THE HEAD AND BASE OF ALL PARTITIONS "
                                      "BETWEEN SLEEPING ROOMS.");
    a101.revisionRows << QStringLiteral("2 ADDENDUM 1 03/21/2025");

    SheetSpec a103 = old[2];
    const QStringList rooms = roomNames(a103);
    a103.roomRenames.insert(rooms.value(1), QStringLiteral("QUIET STUDY"));
    const QStringList dims = dimensionTexts(a103);
    a103.dimensionEdits.insert(dims.value(1), changedDimension(dims.value(1), dims));
    // A new closet in the back right corner of another (top row) room: a partition and its return,
    // clear of the room tag, the door and the furniture (which starts at the left).
    const QRectF room = roomRects(a103).value(QStringLiteral("room:") + rooms.value(3));
    const double t = 0.5 * 72 * 3 / 16; // 6" partition at the sheet's 3/16" = 1'-0"
    const double x = room.right() - room.width() * 0.3, y = room.top() + room.height() * 0.28;
    for (const QRectF &pt : {QRectF(x, room.top(), t, y - room.top()), QRectF(x, y, room.right() - x, t)})
        a103.extraWallsIn << QRectF(pt.topLeft() / 72.0, pt.size() / 72.0);

    return {a101, a103, old[1]};
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

int writeFixtures(const QDir &dir) {
    // Empty page tree: the file parses, but there is nothing to compare.
    const bool ok =
        writeFile(
            dir.filePath(QStringLiteral("zero-pages.pdf")),
            handwrittenPdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"})) &&
        // 20000 pt square (277.8 in): 192.9 MP at 50 dpi. PDFium ignores /UserUnit, so the size has
        // to be in the MediaBox itself (beyond the 14400 of the spec's implementation limits).
        writeFile(dir.filePath(QStringLiteral("huge-page.pdf")),
                  handwrittenPdf(onePagePdf("[0 0 20000 20000]", "HUGE PAGE"))) &&
        // Input for `qpdf --encrypt secret secret 256 -- plain-1page.pdf encrypted.pdf`.
        writeFile(dir.filePath(QStringLiteral("plain-1page.pdf")),
                  handwrittenPdf(onePagePdf("[0 0 612 792]", "ENCRYPTED FIXTURE")));
    if (!ok) {
        std::fprintf(stderr, "bt-gensample: cannot write fixtures to %s\n", qPrintable(dir.path()));
        return 1;
    }
    return 0;
}

int writeSamples(const QDir &dir) {
    QElapsedTimer timer;
    timer.start();
    const QString oldPath = dir.filePath(QStringLiteral("old.pdf"));
    const QString newPath = dir.filePath(QStringLiteral("new.pdf"));
    if (writeVectorSet(oldPath, sampleOld()).isEmpty() || writeVectorSet(newPath, sampleNew()).isEmpty()) {
        std::fprintf(stderr, "bt-gensample: cannot write %s\n", qPrintable(dir.path()));
        return 1;
    }
    std::printf("wrote %s (%lld bytes) and %s (%lld bytes) in %lld ms\n", qPrintable(oldPath),
                QFileInfo(oldPath).size(), qPrintable(newPath), QFileInfo(newPath).size(), timer.elapsed());
    return 0;
}

} // namespace
} // namespace bt::test

int main(int argc, char **argv) {
    // Fonts need a GUI application; no window is shown, so run headless by default.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const bool fixtures = args.value(0) == QLatin1String("--fixtures");
    const QString out = fixtures ? args.value(1) : args.value(0);
    if (out.isEmpty() || out.startsWith(QLatin1Char('-')) || args.size() != (fixtures ? 2 : 1)) {
        std::fprintf(stderr,
                     "usage: bt-gensample OUTDIR             writes OUTDIR/old.pdf and OUTDIR/new.pdf\n"
                     "       bt-gensample --fixtures OUTDIR  writes zero-pages.pdf, huge-page.pdf and\n"
                     "                                       plain-1page.pdf (to encrypt with qpdf)\n");
        return 2;
    }
    QDir dir(out);
    if (!dir.mkpath(QStringLiteral("."))) {
        std::fprintf(stderr, "bt-gensample: cannot create %s\n", qPrintable(out));
        return 1;
    }
    return fixtures ? bt::test::writeFixtures(dir) : bt::test::writeSamples(dir);
}
