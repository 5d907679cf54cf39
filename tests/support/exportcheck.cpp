// Readers for the exported files (exportcheck.h).
// qpdf 11: std::shared_ptr where older releases had PointerHolder (no transition warning).
#define POINTERHOLDER_TRANSITION 4

#include "exportcheck.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QXmlStreamReader>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace bt::test {

ToolRun runTool(const QString &program, const QStringList &args) {
    QProcess p;
    p.start(program, args);
    ToolRun r;
    if (!p.waitForFinished(120000)) return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// The objects of `qpdf --json` (version 2): "obj:N 0 R" -> value.
QJsonObject qpdfObjects(const QString &pdf) {
    const ToolRun r =
        runTool(QStringLiteral("qpdf"), {QStringLiteral("--json"), QStringLiteral("--json-key=qpdf"), pdf});
    if (r.code != 0) return {};
    return QJsonDocument::fromJson(r.out).object().value(QStringLiteral("qpdf")).toArray().at(1).toObject();
}

QJsonValue qpdfValue(const QJsonObject &objects, const QJsonValue &refOrValue) {
    if (refOrValue.isString() && refOrValue.toString().endsWith(QLatin1String(" R")))
        return objects.value(QStringLiteral("obj:") + refOrValue.toString())
            .toObject()
            .value(QStringLiteral("value"));
    return refOrValue;
}

// qpdf JSON v2 strings: "u:text" (Unicode) or "b:hex".
QString qpdfText(const QJsonValue &v) {
    const QString s = v.toString();
    return s.startsWith(QLatin1String("u:")) ? s.mid(2) : s;
}

// Page content streams as stored (not decoded, not decrypted): what "untouched" means.
QVector<QByteArray> rawContentStreams(const QString &pdf, const char *password) {
    QVector<QByteArray> out;
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processFile(QFile::encodeName(pdf).constData(), password);
        for (QPDFPageObjectHelper &page : QPDFPageDocumentHelper(q).getAllPages()) {
            QByteArray bytes;
            QPDFObjectHandle contents = page.getObjectHandle().getKey("/Contents");
            std::vector<QPDFObjectHandle> streams =
                contents.isArray() ? contents.getArrayAsVector() : std::vector<QPDFObjectHandle>{contents};
            for (QPDFObjectHandle &s : streams) {
                const std::shared_ptr<Buffer> raw = s.getRawStreamData();
                bytes +=
                    QByteArray(reinterpret_cast<const char *>(raw->getBuffer()), qsizetype(raw->getSize()));
                bytes += "\n--\n"; // between streams: [a, bc] is not [ab, c]
            }
            out << bytes;
        }
    } catch (const std::exception &e) {
        qWarning("%s: %s", qPrintable(pdf), e.what());
        return {};
    }
    return out;
}

// Every page turned by `rotate` and cropped to `crop` (user space): the contents stay as they are.
bool turnAndCrop(const QString &in, const QString &out, int rotate, const QRectF &crop) {
    try {
        QPDF q;
        q.processFile(QFile::encodeName(in).constData());
        for (QPDFPageObjectHelper &page : QPDFPageDocumentHelper(q).getAllPages()) {
            QPDFObjectHandle p = page.getObjectHandle();
            p.replaceKey("/Rotate", QPDFObjectHandle::newInteger(rotate));
            p.replaceKey("/CropBox", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(
                                         crop.left(), crop.top(), crop.right(), crop.bottom())));
        }
        QPDFWriter w(q, QFile::encodeName(out).constData());
        w.write();
        return true;
    } catch (const std::exception &e) {
        qWarning("%s", e.what());
        return false;
    }
}

// One page of a PDF as pdftoppm draws it (annotations included, the CropBox shown as viewers do).
QImage renderPage(const QString &pdf, int page, double dpi, const QString &prefix) {
    const ToolRun r =
        runTool(QStringLiteral("pdftoppm"),
                {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-cropbox"), QStringLiteral("-f"),
                 QString::number(page), QStringLiteral("-l"), QString::number(page),
                 QStringLiteral("-singlefile"), QStringLiteral("-png"), pdf, prefix});
    if (r.code != 0) return {};
    return QImage(prefix + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32);
}

// The cells of one worksheet of an XLSX file ("B3" -> text), shared strings resolved.
QMap<QString, QString> xlsxCells(const QString &file, int sheet) {
    QStringList shared;
    {
        QXmlStreamReader x(runTool(QStringLiteral("unzip"),
                                   {QStringLiteral("-p"), file, QStringLiteral("xl/sharedStrings.xml")})
                               .out);
        QString current;
        bool inSi = false;
        while (!x.atEnd()) {
            x.readNext();
            if (x.isStartElement() && x.name() == QLatin1String("si")) {
                inSi = true;
                current.clear();
            } else if (x.isStartElement() && x.name() == QLatin1String("t") && inSi) {
                current += x.readElementText();
            } else if (x.isEndElement() && x.name() == QLatin1String("si")) {
                shared << current;
                inSi = false;
            }
        }
    }
    QMap<QString, QString> cells;
    QXmlStreamReader x(
        runTool(QStringLiteral("unzip"),
                {QStringLiteral("-p"), file, QStringLiteral("xl/worksheets/sheet%1.xml").arg(sheet)})
            .out);
    QString ref, type;
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement() && x.name() == QLatin1String("c")) {
            ref = x.attributes().value(QStringLiteral("r")).toString();
            type = x.attributes().value(QStringLiteral("t")).toString();
        } else if (x.isStartElement() && x.name() == QLatin1String("v")) {
            const QString v = x.readElementText();
            cells.insert(ref, type == QLatin1String("s") ? shared.value(v.toInt()) : v);
        } else if (x.isStartElement() && x.name() == QLatin1String("t") &&
                   type == QLatin1String("inlineStr")) {
            cells.insert(ref, x.readElementText());
        }
    }
    return cells;
}

QString xlsxCellRef(int column, int row) {
    return QString(QChar(QLatin1Char('A').unicode() + column)) + QString::number(row);
}

} // namespace bt::test
