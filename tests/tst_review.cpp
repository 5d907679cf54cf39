// The review workflow on real generated comparisons: review statuses and comments per change
// region kept in the history (across a reopened store, carried over when a sheet is compared
// again), ignore areas (masking, a sheet redone with an area left out losing exactly the change
// inside it, the area remembered for a later comparison of the drawing number), and the earlier
// comparisons of a drawing number (store and viewer).
//
// One 17 x 11 in sheet A-101 in three revisions at 100 dpi: A; B = A with a general note added
// and a room renamed; C = B with that note shortened (inside the area B's note is ignored by) and
// another room renamed.

#include "drawinggenerator.h"
#include "guiapplication.h"
#include "testutil.h"

#include "compare/ignoreareas.h"
#include "compare/resultjson.h"
#include "pipeline/pipeline.h"
#include "review/regionreview.h"
#include "review/reviewsession.h"
#include "store/jobstore.h"
#include "viewer/overlayviewer.h"

#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

using namespace bt;
using namespace bt::test;

namespace {

const QSizeF kTabloid(17, 11);
constexpr double kDpi = 100;
constexpr int kTimeoutMs = 300000;
const QString kNumber = QStringLiteral("A-101");
const QString kRenamed = QStringLiteral("QUIET STUDY");
const QString kRenamedInC = QStringLiteral("PLAN ROOM");

CompareSettings settings() {
    CompareSettings s;
    s.dpi = kDpi;
    return s;
}

// Runs start() or resume() on a pipeline to the end; the finished status, or why it did not start.
QString runJob(Pipeline &pipeline, const std::function<bool(QString *)> &start, int *diffsRun = nullptr) {
    int diffs = 0;
    const QMetaObject::Connection c =
        QObject::connect(&pipeline, &Pipeline::stageChanged, [&diffs](const StageEvent &e) {
            if (e.stage == Stage::Diff && e.status == StageStatus::InProgress) ++diffs;
        });
    QString status, error;
    const QMetaObject::Connection f =
        QObject::connect(&pipeline, &Pipeline::jobFinished,
                         [&status](const QString &, JobStatus s, qint64) { status = jobStatusName(s); });
    if (!start(&error)) return QStringLiteral("not started: ") + error;
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &pipeline, [&pipeline] { pipeline.cancel(); });
    watchdog.start(kTimeoutMs);
    pipeline.waitForFinished();
    QObject::disconnect(c);
    QObject::disconnect(f);
    if (diffsRun) *diffsRun = diffs;
    return status;
}

// The region the scorer would count for that truth box; nullptr when none.
const ChangeRegion *regionAt(const PageResult &page, const QRectF &truth) {
    for (const ChangeRegion &r : page.regions)
        if (hits(truth, r.boxPt)) return &r;
    return nullptr;
}

QString regionsText(const PageResult &page) {
    QStringList parts;
    for (const ChangeRegion &r : page.regions)
        parts
            << QStringLiteral("#%1 %2 %3").arg(r.id).arg(rectText(r.boxPt), r.newText.join(QLatin1Char(' ')));
    return parts.join(QStringLiteral("; "));
}

} // namespace

class TestReview : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_a, m_b, m_c;
    SheetLayout m_layoutB, m_layoutC;
    QString m_noteKey; // the note B adds
    QString m_db;
    QString m_jobAB, m_jobBC;
    QRectF m_ignoredPt;
    int m_countAB = 0, m_countBC = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() {
        ui::setUpGuiApplication();
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("BuildTraceTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_review"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, path(QStringLiteral("settings")));
        QSettings().clear();
        qunsetenv("BUILDTRACE_INJECT_FAULT");

        SheetSpec a = makeSheet(kNumber, QStringLiteral("FIRST FLOOR PLAN"), 5, kTabloid);
        SheetSpec b = a;
        b.extraNotes << QStringLiteral("COORDINATE ALL OPENINGS WITH THE STRUCTURAL DRAWINGS.");
        b.roomRenames.insert(roomNames(a).first(), kRenamed);
        SheetSpec c = b;
        c.extraNotes = QStringList{QStringLiteral("COORDINATE ALL OPENINGS.")}; // a prefix: inside B's box
        c.roomRenames.insert(roomNames(a).value(2), kRenamedInC);
        m_a = path(QStringLiteral("set-rev-a.pdf"));
        m_b = path(QStringLiteral("set-rev-b.pdf"));
        m_c = path(QStringLiteral("set-rev-c.pdf"));
        const QVector<SheetLayout> la = writeVectorSet(m_a, {a}), lb = writeVectorSet(m_b, {b}),
                                   lc = writeVectorSet(m_c, {c});
        QCOMPARE(la.size(), 1);
        QCOMPARE(lb.size(), 1);
        QCOMPARE(lc.size(), 1);
        m_layoutB = lb.first();
        m_layoutC = lc.first();
        for (const QString &key : m_layoutB.keys())
            if (key.startsWith(QLatin1String("note:")) && !la.first().contains(key)) m_noteKey = key;
        QVERIFY(!m_noteKey.isEmpty());
        QVERIFY(m_layoutB.contains(QStringLiteral("room:") + kRenamed));
        QVERIFY(m_layoutC.contains(QStringLiteral("room:") + kRenamedInC));
        m_db = path(QStringLiteral("history/history.sqlite"));
    }

    // Statuses and comments are rows of the history: a store opened again has them, a second
    // review of a region replaces the first, deleting the job deletes them.
    void reviewsPersistAcrossReopen() {
        const QString db = path(QStringLiteral("reviews/history.sqlite"));
        {
            JobStore store(db);
            QVERIFY(store.open());
            JobRecord job;
            job.id = QStringLiteral("job-r");
            job.status = JobStatus::Completed;
            QVERIFY(store.createJob(job));
            RegionReview r;
            r.jobId = job.id;
            r.pageNumber = 2;
            r.regionNumber = 1;
            r.status = ReviewStatus::Accepted;
            QVERIFY(store.reviewStore().setReview(r));
            r.regionNumber = 3;
            r.status = ReviewStatus::NeedsClarification;
            r.comment = QStringLiteral("Which door schedule applies?");
            r.reviewer = QStringLiteral("jdoe");
            QVERIFY(store.reviewStore().setReview(r));
            r.pageNumber = 1;
            r.regionNumber = 1;
            r.status = ReviewStatus::Rejected;
            r.comment.clear();
            QVERIFY(store.reviewStore().setReview(r));
            r.status = ReviewStatus::Accepted; // again: replaces
            QVERIFY(store.reviewStore().setReview(r));
        }
        JobStore store(db);
        QVERIFY(store.open());
        QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
        const QVector<RegionReview> all = store.reviewStore().reviews(QStringLiteral("job-r"));
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[0].pageNumber, 1);
        QCOMPARE(all[0].status, ReviewStatus::Accepted);
        const QVector<RegionReview> page2 = store.reviewStore().reviews(QStringLiteral("job-r"), 2);
        QCOMPARE(page2.size(), 2);
        QCOMPARE(page2[0].status, ReviewStatus::Accepted);
        QCOMPARE(page2[0].reviewer, reviewerName()); // filled in by the store
        QVERIFY(page2[0].updatedAt.isValid());
        QCOMPARE(page2[0].updatedAt.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(page2[0].updatedAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        QCOMPARE(page2[1].status, ReviewStatus::NeedsClarification);
        QCOMPARE(page2[1].comment, QStringLiteral("Which door schedule applies?"));
        QCOMPARE(page2[1].reviewer, QStringLiteral("jdoe"));

        // The report writer's look-up: a region nobody reviewed is open.
        QCOMPARE(regionReview(store, QStringLiteral("job-r"), 2, 3).status, ReviewStatus::NeedsClarification);
        const RegionReview none = regionReview(store, QStringLiteral("job-r"), 2, 2);
        QCOMPARE(none.status, ReviewStatus::Open);
        QVERIFY(none.comment.isEmpty() && none.reviewer.isEmpty());
        QCOMPARE(rawQuery(db, QStringLiteral("SELECT status FROM region_reviews WHERE region_number = 3")),
                 QStringList{QStringLiteral("needs_clarification")});

        QVERIFY(store.deleteJob(QStringLiteral("job-r")));
        QVERIFY(store.reviewStore().reviews(QStringLiteral("job-r")).isEmpty());
        QCOMPARE(rawQuery(db, QStringLiteral("SELECT COUNT(*) FROM region_reviews")),
                 QStringList{QStringLiteral("0")});
    }

    // The review session (what the viewer writes through, usable without widgets): a sheet's
    // reviews read once, open where none is stored, written through with reviewer and time, an
    // unchanged comment not written again; a session without a job saves nothing.
    void reviewSessionWritesThrough() {
        const QString db = path(QStringLiteral("session/history.sqlite"));
        JobStore store(db);
        QVERIFY(store.open());
        JobRecord job;
        job.id = QStringLiteral("job-s");
        job.status = JobStatus::Completed;
        QVERIFY(store.createJob(job));
        {
            ReviewSession session(&store, job.id, 2);
            QVERIFY(session.canSave());
            QCOMPARE(session.review(4).status, ReviewStatus::Open);
            QVERIFY(session.setStatus(4, ReviewStatus::Rejected));
            QVERIFY(session.setComment(4, QStringLiteral("Not in the scope")));
            QVERIFY(session.setStatus(5, ReviewStatus::Accepted));
            QVERIFY(!session.setStatus(0, ReviewStatus::Accepted)); // no region
            QCOMPARE(session.reviewedCount({4, 5, 6}), 2);
        }
        const ReviewSession again(&store, job.id, 2);
        QCOMPARE(again.review(4).status, ReviewStatus::Rejected);
        QCOMPARE(again.review(4).comment, QStringLiteral("Not in the scope"));
        QCOMPARE(again.review(4).reviewer, reviewerName());
        QVERIFY(again.review(4).updatedAt.isValid());
        QCOMPARE(again.review(6).status, ReviewStatus::Open);
        QCOMPARE(store.reviewStore().reviews(job.id, 2).size(), 2);
        QCOMPARE(ReviewSession(&store, job.id, 1).reviewedCount({4, 5}), 0); // another sheet
        ReviewSession none;
        QVERIFY(!none.canSave());
        QVERIFY(!none.setStatus(1, ReviewStatus::Accepted));
    }

    void reviewerNameFromSettingsOrSystem() {
        QSettings().setValue(QLatin1String(kReviewerNameKey), QStringLiteral("Jane Reviewer"));
        QCOMPARE(reviewerName(), QStringLiteral("Jane Reviewer"));
        QSettings().remove(QLatin1String(kReviewerNameKey));
        QVERIFY(!reviewerName().isEmpty());
        if (qEnvironmentVariableIsSet("USER") && !qEnvironmentVariable("USER").isEmpty())
            QCOMPARE(reviewerName(), qEnvironmentVariable("USER"));
        for (const ReviewStatus s : {ReviewStatus::Open, ReviewStatus::Accepted, ReviewStatus::Rejected,
                                     ReviewStatus::NeedsClarification})
            QCOMPARE(reviewStatusFromName(reviewStatusName(s)), std::optional<ReviewStatus>(s));
        QVERIFY(!reviewStatusFromName(QStringLiteral("maybe")).has_value());
    }

    // The masking hook alone: white inside the areas (rounded outwards), nothing else touched;
    // words touching an area dropped; areas compared as sets.
    void maskingIsPure() {
        cv::Mat grey(200, 300, CV_8U, cv::Scalar(0));
        const double dpi = 144; // 2 px per point
        maskAreas(grey, {QRectF(10.2, 20, 30, 10.4)}, dpi);
        QCOMPARE(cv::countNonZero(grey),
                 (81 - 20) * (61 - 40)); // x 20.4..80.4 -> 20..80, y 40..60.8 -> 40..60
        QCOMPARE(int(grey.at<uchar>(40, 20)), 255);
        QCOMPARE(int(grey.at<uchar>(60, 80)), 255);
        QCOMPARE(int(grey.at<uchar>(61, 80)), 0);
        QCOMPARE(int(grey.at<uchar>(39, 20)), 0);
        QCOMPARE(int(grey.at<uchar>(40, 19)), 0);
        maskAreas(grey, {QRectF(140, 90, 50, 50)}, dpi); // past the edge: clipped
        QCOMPARE(int(grey.at<uchar>(199, 299)), 255);

        const Words words = {{QStringLiteral("REV"), QRectF(12, 22, 8, 4)},
                             {QStringLiteral("2"), QRectF(39, 22, 4, 4)}, // straddles the edge
                             {QStringLiteral("NOTE"), QRectF(100, 100, 20, 4)}};
        const Words kept = wordsOutside(words, {QRectF(10, 20, 30, 10)});
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().text, QStringLiteral("NOTE"));
        QCOMPARE(wordsOutside(words, {}).size(), 3);

        QVERIFY(sameAreas({}, {}));
        QVERIFY(
            sameAreas({QRectF(1, 2, 3, 4), QRectF(5, 6, 7, 8)}, {QRectF(5, 6, 7, 8), QRectF(1.01, 2, 3, 4)}));
        QVERIFY(!sameAreas({QRectF(1, 2, 3, 4)}, {QRectF(1, 2, 3, 5)}));
        QVERIFY(!sameAreas({QRectF(1, 2, 3, 4)}, {}));
    }

    // Rev B against rev A finds the added note and the room rename; an ignore area around the
    // note, then resuming the job, redoes that sheet: the note's change is gone, the rename stays,
    // one change less. The rename's review follows it to its new number.
    void ignoreAreaRemovesOnlyThatChange() {
        JobStore store(m_db);
        QVERIFY(store.open());
        PipelineOptions options;
        {
            Pipeline pipeline(&store);
            QCOMPARE(runJob(pipeline,
                            [&](QString *e) { return pipeline.start(m_a, m_b, settings(), options, e); }),
                     QStringLiteral("completed"));
            m_jobAB = pipeline.jobId();
        }
        const PageResult before = storedComparison(store, m_jobAB)->pages.value(0);
        const QRectF noteBox = m_layoutB.value(m_noteKey);
        const QRectF roomBox = m_layoutB.value(QStringLiteral("room:") + kRenamed);
        const ChangeRegion *note = regionAt(before, noteBox);
        const ChangeRegion *room = regionAt(before, roomBox);
        QVERIFY2(note && room && note != room, qPrintable(regionsText(before)));
        QVERIFY(before.ignoredPt.isEmpty());
        const int count = int(before.regions.size());
        const int roomId = room->id, noteId = note->id;
        const QRectF roomRegionBox = room->boxPt;

        RegionReview review;
        review.jobId = m_jobAB;
        review.pageNumber = 1;
        review.regionNumber = roomId;
        review.status = ReviewStatus::Accepted;
        review.comment = QStringLiteral("rename agreed with the owner");
        QVERIFY(store.reviewStore().setReview(review));
        review.regionNumber = noteId;
        review.status = ReviewStatus::Rejected;
        review.comment.clear();
        QVERIFY(store.reviewStore().setReview(review));

        // Around the note (the whole of its region), clear of the rename.
        m_ignoredPt = note->boxPt.united(noteBox).adjusted(-6, -6, 6, 6);
        QVERIFY(!m_ignoredPt.intersects(roomRegionBox));
        QVERIFY(store.reviewStore().addIgnoreRegion(kNumber, m_ignoredPt) > 0);
        QCOMPARE(store.reviewStore().ignoreRegions(kNumber).size(), 1);
        QCOMPARE(store.reviewStore().ignoreRegions(QStringLiteral("A-102")).size(), 0);
        QCOMPARE(ignoreAreasFor(store, before), QVector<QRectF>{m_ignoredPt});

        int diffs = 0;
        {
            Pipeline pipeline(&store);
            QCOMPARE(runJob(
                         pipeline, [&](QString *e) { return pipeline.resume(m_jobAB, options, e); }, &diffs),
                     QStringLiteral("completed"));
        }
        QCOMPARE(diffs, 1);
        const PageResult after = storedComparison(store, m_jobAB)->pages.value(0);
        QVERIFY2(int(after.regions.size()) == count - 1,
                 qPrintable(regionsText(before) + QStringLiteral(" => ") + regionsText(after)));
        QVERIFY2(!regionAt(after, noteBox), qPrintable(regionsText(after)));
        for (const ChangeRegion &r : after.regions)
            QVERIFY2(!m_ignoredPt.contains(r.boxPt), qPrintable(rectText(r.boxPt)));
        const ChangeRegion *roomAfter = regionAt(after, roomBox);
        QVERIFY(roomAfter);
        QCOMPARE(rectText(roomAfter->boxPt), rectText(roomRegionBox));
        QCOMPARE(after.ignoredPt.size(), 1);
        QCOMPARE(rectText(after.ignoredPt.first()), rectText(m_ignoredPt));
        QVERIFY(!after.summaryText.isEmpty());
        // The result JSON records the areas (docs/result-schema.md).
        const QJsonObject json = pageResultToJson(after, m_jobAB);
        QCOMPARE(json.value(QStringLiteral("diff_result"))
                     .toObject()
                     .value(QStringLiteral("ignored_areas_pt"))
                     .toArray()
                     .size(),
                 1);

        // Reviews: the rename's moved with it, the ignored change's is gone.
        const QVector<RegionReview> reviews = store.reviewStore().reviews(m_jobAB, 1);
        QCOMPARE(reviews.size(), 1);
        QCOMPARE(reviews.first().regionNumber, roomAfter->id);
        QCOMPARE(reviews.first().status, ReviewStatus::Accepted);
        QCOMPARE(reviews.first().comment, QStringLiteral("rename agreed with the owner"));
        m_countAB = int(after.regions.size());

        // The same files and settings again: the history's job is reused and nothing is redone
        // (the settings JSON, the reuse key, did not change; the page's areas are up to date).
        {
            Pipeline pipeline(&store);
            QCOMPARE(runJob(
                         pipeline,
                         [&](QString *e) { return pipeline.start(m_a, m_b, settings(), options, e); },
                         &diffs),
                     QStringLiteral("completed"));
            QVERIFY(pipeline.reused());
            QCOMPARE(pipeline.jobId(), m_jobAB);
        }
        QCOMPARE(diffs, 0);
    }

    // Rev C against rev B, a new job of the same drawing number: the remembered area is applied
    // from the start (the shortened note is not reported), the other rename is.
    void rememberedForLaterComparison() {
        QVERIFY(!m_ignoredPt.isEmpty());
        JobStore store(m_db);
        QVERIFY(store.open());
        {
            Pipeline pipeline(&store);
            QCOMPARE(runJob(pipeline,
                            [&](QString *e) {
                                return pipeline.start(m_b, m_c, settings(), PipelineOptions(), e);
                            }),
                     QStringLiteral("completed"));
            QVERIFY(!pipeline.reused());
            m_jobBC = pipeline.jobId();
        }
        QVERIFY(m_jobBC != m_jobAB);
        const PageResult page = storedComparison(store, m_jobBC)->pages.value(0);
        QCOMPARE(page.ignoredPt.size(), 1);
        QVERIFY2(!regionAt(page, m_layoutB.value(m_noteKey)), qPrintable(regionsText(page)));
        QVERIFY2(regionAt(page, m_layoutC.value(QStringLiteral("room:") + kRenamedInC)),
                 qPrintable(regionsText(page)));
        m_countBC = int(page.regions.size());

        // Removing the area makes the sheet stale: resuming redoes it with the note's change.
        const qint64 id = store.reviewStore().ignoreRegions(kNumber).first().id;
        QVERIFY(store.reviewStore().removeIgnoreRegion(id));
        QCOMPARE(resetPagesWithStaleIgnoreAreas(store, m_jobBC), QVector<int>{1});
        {
            Pipeline pipeline(&store);
            QCOMPARE(
                runJob(pipeline, [&](QString *e) { return pipeline.resume(m_jobBC, PipelineOptions(), e); }),
                QStringLiteral("completed"));
        }
        const PageResult all = storedComparison(store, m_jobBC)->pages.value(0);
        QVERIFY(all.ignoredPt.isEmpty());
        QVERIFY2(regionAt(all, m_layoutB.value(m_noteKey)), qPrintable(regionsText(all)));
        QCOMPARE(int(all.regions.size()), m_countBC + 1);
        m_countBC = int(all.regions.size());
        QVERIFY(store.reviewStore().addIgnoreRegion(kNumber, m_ignoredPt) > 0); // back for the next test
    }

    // Both jobs of A-101 are its history, newest first, with their change counts; the viewer
    // lists them and asks for the other one.
    void sheetHistoryListsBothJobs() {
        QVERIFY(!m_jobAB.isEmpty() && !m_jobBC.isEmpty());
        JobStore store(m_db);
        QVERIFY(store.open());
        const QVector<SheetHistoryEntry> history = store.sheetHistory(kNumber);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].jobId, m_jobBC);
        QCOMPARE(history[0].changeCount, m_countBC);
        QCOMPARE(QFileInfo(history[0].oldFile).fileName(), QStringLiteral("set-rev-b.pdf"));
        QCOMPARE(QFileInfo(history[0].newFile).fileName(), QStringLiteral("set-rev-c.pdf"));
        QCOMPARE(history[1].jobId, m_jobAB);
        QCOMPARE(history[1].changeCount, m_countAB);
        QCOMPARE(history[1].pageNumber, 1);
        QVERIFY(history[1].createdAt.isValid() && history[1].createdAt <= history[0].createdAt);
        QVERIFY(store.sheetHistory(QStringLiteral("Z-999")).isEmpty());

        ui::OverlayViewer viewer;
        viewer.resize(1200, 800);
        viewer.show();
        viewer.setJob(&store, m_jobBC);
        const std::optional<ComparisonResult> result = storedComparison(store, m_jobBC);
        QSignalSpy loaded(&viewer, &ui::OverlayViewer::loadingFinished);
        viewer.showPage(result->pages.value(0), result->oldPath, result->newPath);
        QVERIFY(loaded.wait(60000));
        QCOMPARE(viewer.sheetHistory().size(), 2);
        auto *button = viewer.findChild<QToolButton *>(QStringLiteral("sheetHistoryButton"));
        QVERIFY(button && button->isEnabled() && button->menu());
        const QList<QAction *> actions = button->menu()->actions();
        QCOMPARE(actions.size(), 2);
        QVERIFY(!actions[0]->isEnabled()); // the one shown
        QVERIFY(actions[1]->isEnabled());
        QVERIFY2(actions[1]->text().contains(QStringLiteral("set-rev-a.pdf")),
                 qPrintable(actions[1]->text()));
        QVERIFY2(actions[1]->text().contains(QString::number(m_countAB)), qPrintable(actions[1]->text()));
        QSignalSpy requested(&viewer, &ui::OverlayViewer::sheetHistoryRequested);
        actions[1]->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), m_jobAB);
        QCOMPARE(requested.first().at(1).toInt(), 1);
        // The remembered area is drawn on the sheet.
        QCOMPARE(viewer.ignoreRegions().size(), 1);
    }
};

QTEST_MAIN(TestReview)
#include "tst_review.moc"
