// Projects (history schema v6) and reviews that last across jobs, below the window: the project
// store, ignore areas and sheet history per project, the region matching that carries reviews
// over, carryReviews on stored results, the history model's sections and carry text, and the
// command line end to end (compare --project, projects, history, a sheet compared again at
// another DPI and against a reissued NEW set). The window: tst_mainwindowprojects.

#include "clifixture.h"
#include "compare/resultjson.h"
#include "drawinggenerator.h"
#include "jobfixture.h"
#include "jobhistorymodel.h"
#include "pipeline/pipeline.h"
#include "review/reviewcarry.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QtTest>

using namespace bt;
using namespace bt::test;

namespace {

ChangeRegion region(int id, ChangeKind kind, const QRectF &box, const QStringList &oldText = {},
                    const QStringList &newText = {}) {
    ChangeRegion r;
    r.id = id;
    r.kind = kind;
    r.boxPt = box;
    r.oldText = oldText;
    r.newText = newText;
    return r;
}

// A diffed sheet of `number` with these regions, stored as the pipeline stores it.
PageResult diffedPage(const QString &number, const ChangeRegions &regions, double dpi = 100) {
    PageResult p;
    p.pageNumber = 1;
    p.oldPage = p.newPage = 0;
    p.newIdentity.number = number;
    p.oldIdentity.number = number;
    p.diffDone = true;
    p.dpi = p.oldDpi = dpi;
    p.pageSizePt = QSizeF(1224, 792);
    p.alignment.method = QStringLiteral("identity");
    p.regions = regions;
    return p;
}

bool storeJob(JobStore &store, const QString &id, qint64 project, const PageResult &page,
              const QJsonObject &settings, const QString &oldHash = QStringLiteral("aaa"),
              const QString &newHash = QStringLiteral("bbb"), int minutes = 0) {
    JobRecord job = sampleJob(id, QDateTime(QDate(2026, 1, 1), QTime(9, minutes), Qt::UTC));
    job.projectId = project;
    job.settings = settings;
    job.oldHash = oldHash;
    job.newHash = newHash;
    job.status = JobStatus::Completed;
    return store.createJob(job) && store.saveDiffResult(id, page.pageNumber, page.drawingName(), QString(),
                                                        pageResultToJson(page, id));
}

RegionReview reviewOf(const QString &job, int region, ReviewStatus status, const QString &comment) {
    RegionReview r;
    r.jobId = job;
    r.pageNumber = 1;
    r.regionNumber = region;
    r.status = status;
    r.comment = comment;
    r.reviewer = QStringLiteral("ann");
    r.updatedAt = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
    return r;
}

QJsonObject jobOf(const QJsonObject &history, const QString &id) {
    for (const QJsonValue &v : history.value(QStringLiteral("jobs")).toArray())
        if (v.toObject().value(QStringLiteral("job_id")).toString() == id) return v.toObject();
    return {};
}

} // namespace

class TestProjects : public CliFixture {
    Q_OBJECT

private slots:
    void initTestCase() { setUpFiles(); }

    void projectsAreNamedOnce() {
        JobStore store(path(QStringLiteral("names.sqlite")));
        QVERIFY(store.open());
        QString error;
        const qint64 id = store.projectStore().addProject(ProjectRecord{0,
                                                                        QStringLiteral("Riverside Library"),
                                                                        QStringLiteral("2024-17"),
                                                                        QStringLiteral("City of Riverside"),
                                                                        {},
                                                                        {},
                                                                        0},
                                                          &error);
        QVERIFY2(id > JobStore::kDefaultProjectId, qPrintable(error));
        // The same name in other case is the same project: refused.
        QCOMPARE(store.projectStore().addProject(
                     ProjectRecord{0, QStringLiteral("riverside LIBRARY"), {}, {}, {}, {}, 0}, &error),
                 0);
        QVERIFY(error.contains(QStringLiteral("already")));
        QCOMPARE(store.projectStore().addProject(ProjectRecord{0, QStringLiteral("  "), {}, {}, {}, {}, 0},
                                                 &error),
                 0);
        QCOMPARE(store.projectStore().findProject(QStringLiteral("RIVERSIDE library"))->id, id);
        QCOMPARE(store.projectStore().findProject(QString::number(id))->name,
                 QStringLiteral("Riverside Library"));
        QVERIFY(!store.projectStore().findProject(QStringLiteral("Harbour Hotel")));
        // ensureProject: found, else created.
        QCOMPARE(store.projectStore().ensureProject(QStringLiteral("riverside library")), id);
        const qint64 harbour = store.projectStore().ensureProject(QStringLiteral("Harbour Hotel"));
        QVERIFY(harbour > id);
        QVERIFY(!store.projectStore().renameProject(harbour, QStringLiteral("Riverside Library"), &error));
        QVERIFY2(
            store.projectStore().renameProject(harbour, QStringLiteral("Harbour Hotel, Phase 2"), &error),
            qPrintable(error));
        const QVector<ProjectRecord> all = store.projectStore().projects();
        QCOMPARE(all.size(), 3); // with the default project
        QStringList names;
        for (const ProjectRecord &p : all)
            names << p.name;
        QCOMPARE(names,
                 (QStringList{QStringLiteral("Default project"), QStringLiteral("Harbour Hotel, Phase 2"),
                              QStringLiteral("Riverside Library")}));
        QCOMPARE(all.last().number, QStringLiteral("2024-17"));
        QCOMPARE(all.last().client, QStringLiteral("City of Riverside"));
    }

    // Every project has its own A-101: ignore areas and sheet history do not cross projects.
    void ignoreAreasAndSheetHistoryPerProject() {
        JobStore store(path(QStringLiteral("scoped.sqlite")));
        QVERIFY(store.open());
        const qint64 a = store.projectStore().ensureProject(QStringLiteral("A")),
                     b = store.projectStore().ensureProject(QStringLiteral("B"));
        const PageResult page = diffedPage(QStringLiteral("A-101"), {});
        QVERIFY(storeJob(store, QStringLiteral("job-a"), a, page, {}));
        QVERIFY(storeJob(store, QStringLiteral("job-b"), b, page, {}));
        QVERIFY(store.reviewStore().addIgnoreRegion(a, QStringLiteral("A-101"), QRectF(10, 10, 50, 20)) > 0);
        QCOMPARE(store.reviewStore().ignoreRegions(a, QStringLiteral("A-101")).size(), 1);
        QVERIFY(store.reviewStore().ignoreRegions(b, QStringLiteral("A-101")).isEmpty());
        QCOMPARE(ignoreAreasFor(store, page, a), QVector<QRectF>{QRectF(10, 10, 50, 20)});
        QVERIFY(ignoreAreasFor(store, page, b).isEmpty());
        QCOMPARE(store.sheetHistory(QStringLiteral("A-101"), a).size(), 1);
        QCOMPARE(store.sheetHistory(QStringLiteral("A-101"), a).first().jobId, QStringLiteral("job-a"));
        QCOMPARE(store.sheetHistory(QStringLiteral("A-101"), b).first().jobId, QStringLiteral("job-b"));
        QCOMPARE(store.sheetHistory(QStringLiteral("A-101")).size(), 2); // the whole history
    }

    // Same kind and overlapping boxes, or the same changed text; one to one, best pairs first.
    void regionsMatchByKindOverlapAndText() {
        const ChangeRegions before = {
            region(1, ChangeKind::Added, QRectF(100, 100, 80, 40)),
            region(2, ChangeKind::Modified, QRectF(400, 300, 60, 12), {QStringLiteral("SD-1")},
                   {QStringLiteral("SD-2")}),
            region(3, ChangeKind::Removed, QRectF(700, 500, 40, 40)),
            region(4, ChangeKind::Added, QRectF(900, 100, 30, 30)),
        };
        const ChangeRegions after = {
            // 1, a little larger at another tolerance
            region(1, ChangeKind::Added, QRectF(98, 98, 86, 44)),
            // 2's text, moved across the sheet
            region(2, ChangeKind::Modified, QRectF(40, 600, 62, 12), {QStringLiteral("SD-1")},
                   {QStringLiteral("SD-2")}),
            // where 3 was, but added ink, not removed: another change
            region(3, ChangeKind::Added, QRectF(700, 500, 40, 40)),
            // 4 barely touched (IoU < 0.3)
            region(4, ChangeKind::Added, QRectF(920, 120, 30, 30)),
        };
        const QHash<int, int> map = matchCarriedRegions(before, after);
        QCOMPARE(map.value(1), 1);
        QCOMPARE(map.value(2), 2);
        QVERIFY(!map.contains(3));
        QVERIFY(!map.contains(4));
        QCOMPARE(map.size(), 2);

        // Through a transform: the earlier frame is 50 pt to the left of this one.
        QTransform shift;
        shift.translate(50, 0);
        const ChangeRegions shifted = {region(7, ChangeKind::Added, QRectF(150, 100, 80, 40))};
        QVERIFY(matchCarriedRegions(before.mid(0, 1), shifted).isEmpty());
        QCOMPARE(matchCarriedRegions(before.mid(0, 1), shifted, shift).value(1), 7);

        // The same text twice: each goes to its nearer twin, one to one.
        const ChangeRegions twinsBefore = {
            region(1, ChangeKind::Added, QRectF(100, 100, 20, 10), {}, {QStringLiteral("F3")}),
            region(2, ChangeKind::Added, QRectF(600, 100, 20, 10), {}, {QStringLiteral("F3")})};
        const ChangeRegions twinsAfter = {
            region(5, ChangeKind::Added, QRectF(610, 104, 20, 10), {}, {QStringLiteral("F3")}),
            region(6, ChangeKind::Added, QRectF(105, 98, 20, 10), {}, {QStringLiteral("F3")})};
        const QHash<int, int> twins = matchCarriedRegions(twinsBefore, twinsAfter);
        QCOMPARE(twins.value(1), 6);
        QCOMPARE(twins.value(2), 5);
    }

    // The alignment in points, and through which set two comparisons' frames meet.
    void carryTransformGoesThroughTheSharedSet() {
        PageResult page = diffedPage(QStringLiteral("A-101"), {}, 200);
        page.oldDpi = 100; // a half-size print: NEW px 2 per OLD px 1
        page.alignment.newToOld = cv::Matx23d(0.5, 0, 10, 0, 0.5, -20); // px
        const QTransform t = newToOldPoints(page);
        // NEW pt (72, 72) = NEW px (200, 200) -> OLD px (110, 80) -> OLD pt (79.2, 57.6)
        const QPointF p = t.map(QPointF(72, 72));
        QVERIFY2(qAbs(p.x() - 79.2) < 1e-9 && qAbs(p.y() - 57.6) < 1e-9,
                 qPrintable(QStringLiteral("%1,%2").arg(p.x()).arg(p.y())));

        JobRecord earlier, now;
        earlier.oldHash = QStringLiteral("r1");
        earlier.newHash = QStringLiteral("r2");
        now.oldHash = QStringLiteral("r1");
        now.newHash = QStringLiteral("r2");
        PageResult other = diffedPage(QStringLiteral("A-101"), {});
        other.alignment.newToOld = cv::Matx23d(1, 0, 30, 0, 1, 0);
        QVERIFY(carryTransform(earlier, other, now, page).isIdentity()); // same NEW set
        now.newHash = QStringLiteral("r2b"); // NEW reissued, same OLD: back to OLD, forward again
        const QPointF viaOld = carryTransform(earlier, other, now, page).map(QPointF(0, 0));
        const QPointF expect = newToOldPoints(page).inverted().map(newToOldPoints(other).map(QPointF(0, 0)));
        QCOMPARE(viaOld, expect);
        now.oldHash = QStringLiteral("r2"); // the next revision: earlier NEW is this OLD
        now.newHash = QStringLiteral("r3");
        QCOMPARE(carryTransform(earlier, other, now, page).map(QPointF(0, 0)),
                 newToOldPoints(page).inverted().map(QPointF(0, 0)));
    }

    // carryReviews on stored results: the newest reviewed comparison of the sheet in the project
    // gives its reviews to the matching regions; never across projects; never over a review.
    void reviewsCarryWithinTheProject() {
        const QString db = path(QStringLiteral("carry.sqlite"));
        JobStore store(db);
        QVERIFY(store.open());
        const qint64 p = store.projectStore().ensureProject(QStringLiteral("Riverside")),
                     other = store.projectStore().ensureProject(QStringLiteral("Harbour"));
        const ChangeRegions first = {region(1, ChangeKind::Added, QRectF(100, 100, 80, 40)),
                                     region(2, ChangeKind::Modified, QRectF(400, 300, 60, 12),
                                            {QStringLiteral("OFFICE")}, {QStringLiteral("QUIET STUDY")}),
                                     region(3, ChangeKind::Removed, QRectF(700, 500, 40, 40))};
        const QJsonObject dpi100{{QStringLiteral("dpi"), 100}, {QStringLiteral("tolerance_pt"), 0.6}};
        const QJsonObject dpi150{{QStringLiteral("dpi"), 150}, {QStringLiteral("tolerance_pt"), 0.6}};
        QVERIFY(
            storeJob(store, QStringLiteral("first"), p, diffedPage(QStringLiteral("A-101"), first), dpi100));
        QVERIFY(store.reviewStore().setReview(
            reviewOf(QStringLiteral("first"), 1, ReviewStatus::Accepted, QStringLiteral("per RFI 12"))));
        QVERIFY(
            store.reviewStore().setReview(reviewOf(QStringLiteral("first"), 2, ReviewStatus::Rejected, {})));
        QVERIFY(store.reviewStore().setReview(
            reviewOf(QStringLiteral("first"), 3, ReviewStatus::Open, {}))); // nothing to carry

        // Compared again at 150 DPI: regions renumbered, one more.
        const ChangeRegions again = {region(1, ChangeKind::Added, QRectF(20, 20, 10, 10)),
                                     region(2, ChangeKind::Added, QRectF(99, 101, 82, 40)),
                                     region(3, ChangeKind::Modified, QRectF(401, 300, 58, 12),
                                            {QStringLiteral("OFFICE")}, {QStringLiteral("QUIET STUDY")}),
                                     region(4, ChangeKind::Removed, QRectF(700, 500, 40, 40))};
        const PageResult secondPage = diffedPage(QStringLiteral("A-101"), again, 150);
        QVERIFY(storeJob(store, QStringLiteral("second"), p, secondPage, dpi150, QStringLiteral("aaa"),
                         QStringLiteral("bbb"), 5));
        // Region 4 has a review of its own already: it stays.
        QVERIFY(store.reviewStore().setReview(
            reviewOf(QStringLiteral("second"), 4, ReviewStatus::NeedsClarification, QStringLiteral("mine"))));
        QString error;
        QCOMPARE(carryReviews(store, QStringLiteral("second"), secondPage, &error), 2);
        QHash<int, RegionReview> got;
        for (const RegionReview &r : store.reviewStore().reviews(QStringLiteral("second"), 1))
            got.insert(r.regionNumber, r);
        QCOMPARE(got.size(), 3);
        QVERIFY(!got.contains(1));
        QCOMPARE(got.value(2).status, ReviewStatus::Accepted);
        QCOMPARE(got.value(2).comment, QStringLiteral("per RFI 12"));
        QCOMPARE(got.value(2).reviewer, QStringLiteral("ann")); // who reviewed it, and when
        QCOMPARE(got.value(2).updatedAt, QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(got.value(3).status, ReviewStatus::Rejected);
        QCOMPARE(got.value(4).status, ReviewStatus::NeedsClarification);
        const QVector<CarriedReview> carried = store.carryStore().carries(QStringLiteral("second"));
        QCOMPARE(carried.size(), 2);
        QCOMPARE(carried.first().fromJobId, QStringLiteral("first"));
        QCOMPARE(carried.first().fromRegionNumber, 1);
        QCOMPARE(carried.first().regionNumber, 2);
        const QHash<QString, CarrySource> sources = store.carryStore().carrySources();
        QCOMPARE(sources.value(QStringLiteral("second")).fromJobId, QStringLiteral("first"));
        QCOMPARE(sources.value(QStringLiteral("second")).total, 2);
        // Carrying again changes nothing (the regions have reviews now).
        QCOMPARE(carryReviews(store, QStringLiteral("second"), secondPage), 0);

        // Another project's A-101 takes nothing.
        QVERIFY(storeJob(store, QStringLiteral("elsewhere"), other, secondPage, dpi150, QStringLiteral("aaa"),
                         QStringLiteral("bbb"), 9));
        QCOMPARE(carryReviews(store, QStringLiteral("elsewhere"), secondPage), 0);
        QVERIFY(store.reviewStore().reviews(QStringLiteral("elsewhere")).isEmpty());

        // What differs between the two jobs' settings.
        const QVector<SettingDifference> differ = settingsDifferences(dpi100, dpi150);
        QCOMPARE(differ.size(), 1);
        QCOMPARE(differ.first().key, QStringLiteral("dpi"));
        QCOMPARE(settingsDifferencesText(differ), QStringLiteral("dpi 100 \u2192 150"));
        QVERIFY(settingsDifferences(dpi100, dpi100).isEmpty());

        // The history model: a section per project (the current one first) and the carry text.
        ui::JobHistoryModel model;
        model.setStore(&store);
        model.setCurrentProject(other);
        QCOMPARE(model.rowCount(), 5); // Harbour, elsewhere, Riverside, second, first
        QVERIFY(model.index(0, 0).data(ui::JobHistoryModel::ProjectRowRole).toBool());
        QVERIFY(model.index(0, 0).data().toString().startsWith(QStringLiteral("Harbour")));
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsSelectable));
        QCOMPARE(model.rowOf(QStringLiteral("elsewhere")), 1);
        QCOMPARE(model.rowOfProject(p), 2);
        QCOMPARE(model.jobIds(), (QStringList{QStringLiteral("elsewhere"), QStringLiteral("second"),
                                              QStringLiteral("first")}));
        const QString text = model.index(model.rowOf(QStringLiteral("second")), 0)
                                 .data(ui::JobHistoryModel::CarryTextRole)
                                 .toString();
        // (English plurals come from the translator the application installs; none here)
        QVERIFY2(text.startsWith(QStringLiteral("2 review")) && text.contains(QStringLiteral("carried over")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("job first")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("DPI 100 → 150")), qPrintable(text));
        QVERIFY(model.index(model.rowOf(QStringLiteral("first")), 0)
                    .data(ui::JobHistoryModel::CarryTextRole)
                    .toString()
                    .isEmpty());
        QVERIFY(model.index(model.rowOf(QStringLiteral("second")), ui::JobHistoryModel::StatusColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("reviews carried")));
    }

    // The command line end to end: compare --project, review, compare again at another DPI and
    // against a reissued NEW set; history names the project and where reviews came from.
    void commandLineCarriesReviews() {
        const SheetSpec a101 =
            makeSheet(QStringLiteral("A-101"), QStringLiteral("FIRST FLOOR PLAN"), 5, kTabloid);
        const SheetSpec a102 =
            makeSheet(QStringLiteral("A-102"), QStringLiteral("SECOND FLOOR PLAN"), 8, kTabloid);
        SheetSpec edited = a101;
        edited.extraNotes << QStringLiteral("VERIFY ALL DIMENSIONS IN FIELD.");
        edited.revision = QStringLiteral("REV 2");
        SheetSpec reissued = edited; // the same edits and one more
        reissued.roomRenames.insert(roomNames(a101).value(2), QStringLiteral("QUIET STUDY"));
        const QString oldSet = path(QStringLiteral("p-old.pdf")), newSet = path(QStringLiteral("p-new.pdf")),
                      reissuedSet = path(QStringLiteral("p-new-b.pdf"));
        QCOMPARE(writeVectorSet(oldSet, {a101, a102}).size(), 2);
        QCOMPARE(writeVectorSet(newSet, {edited, a102}).size(), 2);
        QCOMPARE(writeVectorSet(reissuedSet, {reissued, a102}).size(), 2);
        const QString db = path(QStringLiteral("cli.sqlite"));
        auto compare = [&](const QString &newFile, const QString &dpi, const QString &project) {
            const CliRun r =
                runCli({QStringLiteral("compare"), oldSet, newFile, QStringLiteral("--db"), db,
                        QStringLiteral("--dpi"), dpi, QStringLiteral("--project"), project,
                        QStringLiteral("--json"), QStringLiteral("-"), QStringLiteral("--quiet")},
                       QStringLiteral("-"));
            return r;
        };
        const CliRun first = compare(newSet, QStringLiteral("100"), QStringLiteral("Riverside Library"));
        QVERIFY2(first.exitCode == 1, qPrintable(describe(first)));
        const QString firstId = first.json.value(QStringLiteral("job_id")).toString();
        const QJsonArray regions = regionsOf(pageByNew(first.json, 1));
        QVERIFY(regions.size() >= 1);
        const CliRun review =
            runCli({QStringLiteral("review"), firstId, QStringLiteral("1"), QStringLiteral("1"),
                    QStringLiteral("--status"), QStringLiteral("accepted"), QStringLiteral("--comment"),
                    QStringLiteral("per RFI 12"), QStringLiteral("--db"), db});
        QVERIFY2(review.exitCode == 0, qPrintable(describe(review)));

        // Again at 120 DPI in the same project: a new job, change 1's review carried over.
        const CliRun second = compare(newSet, QStringLiteral("120"), QStringLiteral("riverside library"));
        QVERIFY2(second.exitCode == 1, qPrintable(describe(second)));
        const QString secondId = second.json.value(QStringLiteral("job_id")).toString();
        QVERIFY(secondId != firstId);
        // Another project's comparison of the same files takes none.
        const CliRun elsewhere = compare(newSet, QStringLiteral("120"), QStringLiteral("Harbour Hotel"));
        QVERIFY2(elsewhere.exitCode == 1, qPrintable(describe(elsewhere)));
        const QString elsewhereId = elsewhere.json.value(QStringLiteral("job_id")).toString();
        QVERIFY(elsewhereId != secondId);
        // A reissued NEW set (same OLD): the note's review carries through both alignments.
        const CliRun third = compare(reissuedSet, QStringLiteral("100"), QStringLiteral("Riverside Library"));
        QVERIFY2(third.exitCode == 1, qPrintable(describe(third)));
        const QString thirdId = third.json.value(QStringLiteral("job_id")).toString();
        {
            JobStore store(db);
            QVERIFY(store.open());
            const QVector<RegionReview> carried = store.reviewStore().reviews(secondId, 1);
            QCOMPARE(carried.size(), 1);
            QCOMPARE(carried.first().status, ReviewStatus::Accepted);
            QCOMPARE(carried.first().comment, QStringLiteral("per RFI 12"));
            QVERIFY(store.reviewStore().reviews(elsewhereId).isEmpty());
            const QVector<RegionReview> reissuedReviews = store.reviewStore().reviews(thirdId, 1);
            QCOMPARE(reissuedReviews.size(), 1);
            QCOMPARE(reissuedReviews.first().comment, QStringLiteral("per RFI 12"));
            // The reviewed region is the note on both: same kind, overlapping boxes.
            const PageResult before = pageResultFromJson(*store.diffResult(firstId, 1));
            const PageResult after = pageResultFromJson(*store.diffResult(thirdId, 1));
            const auto boxOf = [](const PageResult &p, int id) {
                for (const ChangeRegion &r : p.regions)
                    if (r.id == id) return r.boxPt;
                return QRectF();
            };
            QVERIFY(boxOf(before, 1).intersects(boxOf(after, reissuedReviews.first().regionNumber)));
            QCOMPARE(store.job(thirdId)->projectId, store.job(firstId)->projectId);
        }

        // history names the project and where the reviews came from.
        const CliRun history =
            runCli({QStringLiteral("history"), QStringLiteral("--json"), QStringLiteral("--db"), db},
                   QStringLiteral("-"));
        QVERIFY2(history.exitCode == 0, qPrintable(describe(history)));
        const QJsonObject secondRow = jobOf(history.json, secondId);
        QCOMPARE(secondRow.value(QStringLiteral("project")).toString(), QStringLiteral("Riverside Library"));
        const QJsonObject from = secondRow.value(QStringLiteral("reviews_from")).toObject();
        QCOMPARE(from.value(QStringLiteral("job_id")).toString(), firstId);
        QCOMPARE(from.value(QStringLiteral("carried")).toInt(), 1);
        const QJsonObject differ = from.value(QStringLiteral("settings_differ")).toObject();
        QCOMPARE(differ.keys(), QStringList{QStringLiteral("dpi")});
        QCOMPARE(differ.value(QStringLiteral("dpi")).toObject().value(QStringLiteral("to")).toString(),
                 QStringLiteral("120"));
        QCOMPARE(jobOf(history.json, elsewhereId).value(QStringLiteral("project")).toString(),
                 QStringLiteral("Harbour Hotel"));
        QVERIFY(!jobOf(history.json, elsewhereId).contains(QStringLiteral("reviews_from")));
        QVERIFY(!jobOf(history.json, firstId).contains(QStringLiteral("reviews_from")));
        const CliRun text = runCli({QStringLiteral("history"), QStringLiteral("--db"), db});
        QVERIFY(text.stdOut.contains("Riverside Library"));
        QVERIFY2(
            text.stdOut.contains(QStringLiteral("1 review carried over from job %1; settings differ: dpi 100 "
                                                "\u2192 120")
                                     .arg(firstId)
                                     .toUtf8()),
            text.stdOut.constData());

        // projects: list, add, rename.
        const CliRun added =
            runCli({QStringLiteral("projects"), QStringLiteral("add"), QStringLiteral("Civic Hall"),
                    QStringLiteral("--number"), QStringLiteral("2025-03"), QStringLiteral("--client"),
                    QStringLiteral("County"), QStringLiteral("--db"), db});
        QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
        QCOMPARE(runCli({QStringLiteral("projects"), QStringLiteral("add"), QStringLiteral("civic hall"),
                         QStringLiteral("--db"), db})
                     .exitCode,
                 2);
        const CliRun renamed =
            runCli({QStringLiteral("projects"), QStringLiteral("rename"), QStringLiteral("Civic Hall"),
                    QStringLiteral("Civic Hall Annex"), QStringLiteral("--db"), db});
        QVERIFY2(renamed.exitCode == 0, qPrintable(describe(renamed)));
        const CliRun list =
            runCli({QStringLiteral("projects"), QStringLiteral("--json"), QStringLiteral("--db"), db},
                   QStringLiteral("-"));
        QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &v : list.json.value(QStringLiteral("projects")).toArray())
            byName.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
        QCOMPARE(byName.size(), 4);
        QCOMPARE(byName.value(QStringLiteral("Riverside Library")).value(QStringLiteral("jobs")).toInt(), 3);
        QCOMPARE(byName.value(QStringLiteral("Harbour Hotel")).value(QStringLiteral("jobs")).toInt(), 1);
        QCOMPARE(byName.value(QStringLiteral("Default project")).value(QStringLiteral("jobs")).toInt(), 0);
        QCOMPARE(byName.value(QStringLiteral("Civic Hall Annex")).value(QStringLiteral("number")).toString(),
                 QStringLiteral("2025-03"));
        // --project by id.
        const QString civicId = QString::number(
            byName.value(QStringLiteral("Civic Hall Annex")).value(QStringLiteral("id")).toInt());
        const CliRun byId = compare(newSet, QStringLiteral("100"), civicId);
        QVERIFY2(byId.exitCode == 1, qPrintable(describe(byId)));
        const QString civicJob = byId.json.value(QStringLiteral("job_id")).toString();
        {
            JobStore store(db);
            QVERIFY(store.open());
            QCOMPARE(store.job(civicJob)->projectId, civicId.toLongLong());
        }
        // The report's cover takes the project's name, number and client.
        const QString report = path(QStringLiteral("civic.pdf"));
        const CliRun show =
            runCli({QStringLiteral("show"), civicJob, QStringLiteral("--report"), report,
                    QStringLiteral("--db"), db, QStringLiteral("--report-dpi"), QStringLiteral("50")});
        QVERIFY2(show.exitCode == 0, qPrintable(describe(show)));
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"),
                        {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                         report, QStringLiteral("-")});
        QVERIFY(pdftotext.waitForFinished(30000));
        const QString cover = QString::fromUtf8(pdftotext.readAllStandardOutput());
        for (const char *expected : {"Civic Hall Annex", "2025-03", "County"})
            QVERIFY2(cover.contains(QLatin1String(expected)), qPrintable(cover));
    }
};

QTEST_MAIN(TestProjects)
#include "tst_projects.moc"
