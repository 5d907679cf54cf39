#include "reportfixture.h"

#include <QDateTime>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QProcess>

namespace bt::test {

QString flat(const QString &text) {
    return text.simplified();
}

QString pageText(QPdfDocument &doc, int page) {
    return flat(doc.getAllText(page).text());
}

QVector<QStringList> parseCsv(const QByteArray &bytes) {
    const QString s = QString::fromUtf8(bytes);
    QVector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < s.size() && s[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < s.size() && s[i + 1] == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) rows << (row << field);
    return rows;
}

ReportInput syntheticInput(int sheets, int regions) {
    ReportInput in;
    in.comparison.jobId = QStringLiteral("synthetic");
    in.comparison.oldPath = QStringLiteral("/nowhere/old.pdf");
    in.comparison.newPath = QStringLiteral("/nowhere/new.pdf");
    in.comparison.started = QDateTime::currentDateTimeUtc();
    in.comparison.status = JobStatus::Completed;
    for (int i = 0; i < sheets; ++i) {
        PageResult p;
        p.pageNumber = i + 1;
        p.oldPage = p.newPage = i;
        p.newIdentity.number = QStringLiteral("S-%1").arg(101 + i);
        p.newIdentity.title = QStringLiteral("SYNTHETIC SHEET %1").arg(i + 1);
        p.diffDone = true;
        p.dpi = 220;
        p.pageSizePt = QSizeF(2592, 1728);
        if (i == 0)
            for (int r = 0; r < regions; ++r) {
                ChangeRegion c;
                c.id = r + 1;
                c.kind = ChangeKind::Modified;
                c.boxPt = QRectF(100 + 10 * (r % 200), 100 + 5 * (r % 300), 40, 12);
                c.boxPx = QRectF(c.boxPt.topLeft() * 220 / 72, c.boxPt.size() * 220 / 72).toRect();
                c.oldText = {QStringLiteral("OLDTEXT%1").arg(c.id)};
                c.newText = {QStringLiteral("NEWTEXT%1").arg(c.id)};
                p.regions.append(c);
            }
        p.summaryText = QStringLiteral("%1: %2 changes.").arg(p.drawingName()).arg(p.regions.size());
        in.comparison.pages.append(p);
    }
    return in;
}

QString tool(const QString &program, const QStringList &args) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) return QString();
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString pdfText(const QString &pdf, int first, int last) {
    // NFKC: the "fi" ligature the text layer may use reads as "fi".
    return tool(QStringLiteral("pdftotext"),
                {QStringLiteral("-f"), QString::number(first), QStringLiteral("-l"), QString::number(last),
                 pdf, QStringLiteral("-")})
        .normalized(QString::NormalizationForm_KC);
}

} // namespace bt::test
