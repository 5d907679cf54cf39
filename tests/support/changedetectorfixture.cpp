#include "changedetectorfixture.h"

#include "testutil.h"

#include <QStringList>

namespace bt::test {

QString regionsText(const ChangeRegions &regions) {
    QStringList out;
    for (const ChangeRegion &r : regions)
        out << QStringLiteral("#%1 %2 %3 old '%4' new '%5'")
                   .arg(r.id)
                   .arg(changeKindName(r.kind), rectText(r.boxPt), r.oldText.join(QLatin1Char(' ')),
                        r.newText.join(QLatin1Char(' ')));
    return out.isEmpty() ? QStringLiteral("(none)") : out.join(QStringLiteral("; "));
}

bool openRendered(const QString &path, Rendered &out, double dpi) {
    DocumentError error;
    out.doc = Document::open(path, QString(), &error);
    if (!out.doc) {
        qWarning("%s", qPrintable(error.message));
        return false;
    }
    out.page = out.doc->render(0, RenderOptions{dpi, RenderOptions().maxPixels});
    out.words = out.doc->textLayerWords(0);
    return !out.page.isNull();
}

Run compareRendered(const Rendered &o, const Rendered &n, bool useWords) {
    Run run;
    run.newGrey = n.page.grey;
    run.alignment = alignPages(o.page.grey, n.page.grey);
    run.alignedOld = warpOldOntoNew(o.page.grey, run.alignment, n.page.grey.size());
    const Words oldWords =
        useWords ? mapWordsOntoNew(o.words, run.alignment, o.page.dpi, n.page.dpi) : Words();
    const Words newWords = useWords ? n.words : Words();
    run.detection =
        detectChanges(run.alignedOld, n.page.grey, n.page.dpi, ChangeOptions(), oldWords, newWords);
    run.regions = run.detection.regions;
    attachRegionTexts(run.regions, oldWords, newWords, n.page.dpi);
    return run;
}

} // namespace bt::test
