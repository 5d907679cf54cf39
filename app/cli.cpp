#include "cli.h"

#include "compare/comparison.h"
#include "compare/resultjson.h"
#include "text/ocrengine.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace bt {

namespace {

QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}

QTextStream &err() {
    static QTextStream s(stderr);
    return s;
}

// libpng reports a damaged file on stderr by itself (Qt leaves its error hook unset) before
// Qt returns the error we turn into our one-line message. Opening happens before any worker
// thread runs, so silencing stderr for that moment hides nothing else.
class StderrSilencer {
public:
    StderrSilencer() {
        if (qEnvironmentVariableIsSet("BT_VERBOSE")) return;
        fflush(stderr);
        m_saved = dup(STDERR_FILENO);
        const int null = ::open("/dev/null", O_WRONLY);
        if (m_saved >= 0 && null >= 0) dup2(null, STDERR_FILENO);
        if (null >= 0) ::close(null);
    }
    ~StderrSilencer() {
        if (m_saved < 0) return;
        fflush(stderr);
        dup2(m_saved, STDERR_FILENO);
        ::close(m_saved);
    }
    StderrSilencer(const StderrSilencer &) = delete;
    StderrSilencer &operator=(const StderrSilencer &) = delete;

private:
    int m_saved = -1;
};

std::unique_ptr<Document> openQuietly(const QString &path, const QString &password, DocumentError *error,
                                      qint64 maxPixels) {
    const StderrSilencer silence;
    return Document::open(path, password, error, maxPixels);
}

int fail(const QString &message) {
    err() << "buildtrace: " << message << Qt::endl;
    return ExitError;
}

const char *kCompareHelp = R"(Compares two drawing sets sheet by sheet.

OLD and NEW are PDF files (any number of pages) or single images (PNG, JPEG,
TIFF) taken as one-sheet sets. Sheets are paired by drawing number (A-101 ...),
then by visual similarity, then by page order; NEW is aligned onto OLD and the
changes are grouped into regions with the texts that changed.

Exit status: 0 no changes, 1 changes found, 2 error (bad input, bad option).
Result JSON schema: docs/result-schema.md.)";

int runCompare(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(kCompareHelp));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("OLD"), QStringLiteral("Old revision (PDF or image)."));
    parser.addPositionalArgument(QStringLiteral("NEW"), QStringLiteral("New revision (PDF or image)."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"),
                                     QStringLiteral("Write the result JSON to FILE ('-': stdout)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    QStringLiteral("Write overlays and aligned renders (PNG) to DIR."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption dpiOpt(
        QStringLiteral("dpi"), QStringLiteral("Render resolution (default 220, or $PAGE_EXTRACTION_DPI)."),
        QStringLiteral("N"));
    const QCommandLineOption oldPwOpt(QStringLiteral("old-password"),
                                      QStringLiteral("Password of the OLD PDF."), QStringLiteral("P"));
    const QCommandLineOption newPwOpt(QStringLiteral("new-password"),
                                      QStringLiteral("Password of the NEW PDF."), QStringLiteral("P"));
    const QCommandLineOption tolOpt(
        QStringLiteral("tolerance"),
        QStringLiteral("Ink within this distance (points) is unchanged (default 0.6)."),
        QStringLiteral("PT"));
    const QCommandLineOption colOpt(
        QStringLiteral("colors"), QStringLiteral("Overlay colours: standard (grey/red/green) or colorblind."),
        QStringLiteral("PRESET"), QStringLiteral("standard"));
    const QCommandLineOption capOpt(
        QStringLiteral("max-megapixels"),
        QStringLiteral("Per-page pixel cap; larger pages render at a lower DPI (default 120)."),
        QStringLiteral("MP"));
    const QCommandLineOption noRendersOpt(
        QStringLiteral("no-renders"),
        QStringLiteral("Write only overlays, not the aligned OLD/NEW renders."));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"), QStringLiteral("Print nothing but errors."));
    parser.addOptions(
        {jsonOpt, outOpt, dpiOpt, oldPwOpt, newPwOpt, tolOpt, colOpt, capOpt, noRendersOpt, quietOpt});

    if (!parser.parse(arguments)) return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText().replace(QStringLiteral("[options]"), QStringLiteral("compare [options]"));
        return ExitSame;
    }
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2)
        return fail(QStringLiteral("compare needs two files, OLD and NEW (see buildtrace compare --help)"));

    CompareSettings settings;
    settings.dpi = CompareSettings::defaultDpi();
    if (parser.isSet(dpiOpt)) {
        bool ok = false;
        settings.dpi = parser.value(dpiOpt).toDouble(&ok);
        if (!ok || settings.dpi < 30 || settings.dpi > 1200)
            return fail(QStringLiteral("--dpi must be a number from 30 to 1200"));
    }
    if (parser.isSet(tolOpt)) {
        bool ok = false;
        settings.change.tolerancePt = parser.value(tolOpt).toDouble(&ok);
        if (!ok || settings.change.tolerancePt < 0 || settings.change.tolerancePt > 20)
            return fail(QStringLiteral("--tolerance must be a number of points from 0 to 20"));
    }
    if (parser.isSet(capOpt)) {
        bool ok = false;
        const double mp = parser.value(capOpt).toDouble(&ok);
        if (!ok || mp < 1 || mp > 2000)
            return fail(QStringLiteral("--max-megapixels must be a number from 1 to 2000"));
        settings.maxPixels = qint64(mp * 1e6);
    }
    if (!OverlayColours::fromPreset(parser.value(colOpt), &settings.colours))
        return fail(QStringLiteral("--colors must be one of: %1")
                        .arg(OverlayColours::presetNames().join(QStringLiteral(", "))));
    settings.oldPassword = parser.value(oldPwOpt);
    settings.newPassword = parser.value(newPwOpt);
    settings.keepRenders = !parser.isSet(noRendersOpt);
    const bool quiet = parser.isSet(quietOpt);
    const QString jsonPath = parser.value(jsonOpt);
    if (parser.isSet(outOpt)) settings.outputDir = QFileInfo(parser.value(outOpt)).absoluteFilePath();

    // Both inputs are validated before anything is written.
    DocumentError error;
    const auto oldDoc = openQuietly(args[0], settings.oldPassword, &error, settings.maxPixels);
    if (!oldDoc) return fail(error.message);
    const auto newDoc = openQuietly(args[1], settings.newPassword, &error, settings.maxPixels);
    if (!newDoc) return fail(error.message);
    if (!settings.outputDir.isEmpty() && !QDir().mkpath(settings.outputDir))
        return fail(QStringLiteral("%1: cannot create the output folder").arg(settings.outputDir));

    const ComparisonResult result =
        compareDocuments(*oldDoc, *newDoc, settings, [quiet](const QString &line) {
            if (!quiet) err() << line << Qt::endl;
        });

    const QByteArray json = QJsonDocument(comparisonToJson(result)).toJson(QJsonDocument::Indented);
    if (jsonPath == QLatin1String("-")) {
        out() << json;
        out().flush();
    } else if (!jsonPath.isEmpty()) {
        QSaveFile file(jsonPath); // written whole or not at all
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
            return fail(QStringLiteral("%1: cannot write the result (%2)").arg(jsonPath, file.errorString()));
    }
    if (!quiet && jsonPath != QLatin1String("-")) {
        for (const PageResult &p : result.pages)
            out() << p.summaryText << Qt::endl;
        if (!jsonPath.isEmpty())
            out() << "Result JSON: " << QFileInfo(jsonPath).absoluteFilePath() << Qt::endl;
        if (!settings.outputDir.isEmpty()) out() << "Overlays: " << settings.outputDir << Qt::endl;
    }
    if (result.status != QLatin1String("completed")) return ExitError;
    return result.anyChanges() ? ExitChanged : ExitSame;
}

const char *kUsage = R"(Usage: buildtrace <command> [options]

Commands:
  compare OLD NEW   compare two drawing sets (buildtrace compare --help)

Options:
  -h, --help        show this help
  -v, --version     show the version
)";

} // namespace

int runCli(const QStringList &arguments) {
    initOcrEnvironment();
    const QString command = arguments.value(1);
    if (command == QLatin1String("compare")) return runCompare(arguments.mid(1));
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out() << "buildtrace " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitSame;
    }
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        out() << kUsage;
        return command.isEmpty() ? ExitError : ExitSame;
    }
    return fail(QStringLiteral("unknown command '%1' (see buildtrace --help)").arg(command));
}

} // namespace bt
