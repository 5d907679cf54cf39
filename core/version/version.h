#pragma once

#include <QString>

namespace bt {

// The libraries in use, as loaded at run time (not as compiled against): what `buildtrace
// --version` prints and a bug report needs.
struct LibraryVersions {
    QString qt;        // qVersion()
    QString qtBuild;   // QT_VERSION_STR, the headers the program was built with
    QString openCv;    // cv::getVersionString()
    QString tesseract; // tesseract::TessBaseAPI::Version() (text/ocrengine.h)
};

LibraryVersions libraryVersions();

// "buildtrace 0.1.0\nQt 6.4.2\nOpenCV 4.6.0\nTesseract 5.3.0\n"; the Qt line says
// "(built with 6.x.y)" when the headers differ from the library.
QString versionText(const QString &appVersion);

} // namespace bt
