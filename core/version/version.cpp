#include "version.h"

#include "text/ocrengine.h"

#include <opencv2/core/utility.hpp>

namespace bt {

LibraryVersions libraryVersions() {
    LibraryVersions v;
    v.qt = QString::fromLatin1(qVersion());
    v.qtBuild = QStringLiteral(QT_VERSION_STR);
    v.openCv = QString::fromStdString(cv::getVersionString());
    v.tesseract = tesseractVersion();
    return v;
}

QString versionText(const QString &appVersion) {
    const LibraryVersions v = libraryVersions();
    QString qt = QStringLiteral("Qt %1").arg(v.qt);
    if (v.qt != v.qtBuild) qt += QStringLiteral(" (built with %1)").arg(v.qtBuild);
    return QStringLiteral("buildtrace %1\n%2\nOpenCV %3\nTesseract %4\n")
        .arg(appVersion, qt, v.openCv, v.tesseract);
}

} // namespace bt
