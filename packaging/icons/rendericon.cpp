// Renders the application icon (SVG) to the PNG sizes of the hicolor theme:
//   bt-rendericon ICON.svg OUT_DIR SIZE...  ->  OUT_DIR/<size>x<size>/apps/<ICON>.png
// Run by the `render_icons` target; the PNGs are committed, so building needs no Qt SVG.

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <cstdio>

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        fprintf(stderr, "usage: bt-rendericon ICON.svg OUT_DIR SIZE...\n");
        return 2;
    }
    QSvgRenderer svg(args[1]);
    if (!svg.isValid()) {
        fprintf(stderr, "bt-rendericon: %s: not a valid SVG\n", qPrintable(args[1]));
        return 2;
    }
    const QString name = QFileInfo(args[1]).completeBaseName() + QStringLiteral(".png");
    for (const QString &arg : args.mid(3)) {
        const int size = arg.toInt();
        if (size <= 0) return 2;
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        svg.render(&painter, QRectF(0, 0, size, size));
        painter.end();
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args[2]).arg(size);
        if (!QDir().mkpath(dir) ||
            !image.convertToFormat(QImage::Format_ARGB32).save(dir + QLatin1Char('/') + name)) {
            fprintf(stderr, "bt-rendericon: cannot write %s/%s\n", qPrintable(dir), qPrintable(name));
            return 2;
        }
    }
    return 0;
}
