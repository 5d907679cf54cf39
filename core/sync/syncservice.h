#pragma once

#include "compare/comparison.h"
#include "pipeline/retrypolicy.h"
#include "serverclient.h"
#include "store/jobstore.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

namespace bt {

enum class ConnectionState {
    NotConfigured, // no server in the settings: everything is local
    Connecting,    // configured, no answer yet
    Online,
    Offline,      // the server cannot be reached: operations wait and are retried with backoff
    Unauthorized, // the server refuses the token: nothing is sent until the settings change
};

struct SyncOptions {
    int pollMs = 2000;         // progress of the jobs on the server that are not finished
    int teamRefreshMs = 30000; // the team's job list (and, idle, whether the server is there)
    // After the server could not be reached: 1 s, doubling up to 1 min, for as long as it takes.
    // An operation the server keeps failing (5xx) is given up after maxAttempts.
    RetryPolicy retry = {8, 1000, 60000};
    int requestTimeoutMs = 30000;
};

// The desktop's side of the job server (docs/server.md): runs comparisons there and mirrors their
// progress and results into the local history, so the page cards, the viewer and the reports work
// on them as on local jobs; pushes local jobs to the server; lists the team's jobs in the history
// (origin "team") and caches them for offline viewing. Offline-first: every operation for the
// server is kept in the history (sync_operations) and retried with backoff until the server
// answers; nothing local waits for it. Lives in (and signals on) the thread that created it,
// which needs an event loop; results are written to the history on a thread of its own.
class SyncService : public QObject {
    Q_OBJECT
public:
    // store is not owned and must outlive this object.
    explicit SyncService(JobStore *store, QObject *parent = nullptr);
    ~SyncService() override;

    void setOptions(const SyncOptions &options);
    // An invalid config turns sync off; another server or token starts over (Connecting).
    void setServer(const ServerConfig &config);
    const ServerConfig &server() const { return m_client->config(); }
    ConnectionState state() const { return m_state; }
    QString stateMessage() const { return m_stateMessage; } // the last network error, one line
    int queuedOperations() const;
    // Whether the next round of sync is scheduled: false while the server refuses the token (or
    // no server is set up), when nothing is tried again until the settings change.
    bool isScheduled() const { return m_timer.isActive(); }

    // Runs a comparison on the server. The history gets the job at once (origin "server", status
    // "queued") and its submission waits in the queue until the server takes it; then its progress
    // is followed every pollMs. Passwords are kept in memory only. Returns the job id, or empty
    // with *error when no server is configured.
    QString submit(const QString &oldPath, const QString &newPath, const QString &oldHash,
                   const QString &newHash, const CompareSettings &settings, const QString &oldPassword,
                   const QString &newPassword, QString *error);
    // Sends a finished local job to the server (its two sets and settings; the server compares
    // them again, it takes no results computed elsewhere), so the team sees it. Its local
    // results stay as they are.
    bool push(const QString &jobId, QString *error, const QString &oldPassword = QString(),
              const QString &newPassword = QString());
    // Deletes a job from the server (queued while offline) and from the history.
    bool removeFromServer(const QString &jobId, QString *error);
    // The overlay of a server job's sheet into the history's cache, unless it is there already;
    // overlayReady once it is.
    void fetchOverlay(const QString &jobId, int pageNumber);
    // Now rather than at the next tick: retries what waits, refreshes the team's jobs.
    void syncNow();

signals:
    void stateChanged(bt::ConnectionState state, const QString &message);
    void jobUpdated(const QString &jobId, const QVector<int> &pages); // its mirror in the history changed
    void jobsChanged();                                               // jobs added, removed or linked
    void overlayReady(const QString &jobId, int pageNumber, const QString &path);
    void operationFailed(const QString &jobId, const QString &message); // the server refused it for good
    void queueChanged(int operations);
    // The server's job list was read and the history brought up to it (every teamRefreshMs, and
    // after syncNow); the jobs of this server that are not finished are polled in the same round.
    void teamJobsRefreshed();
    // Review changes of these sheets of the job came from the server (the team's, or the server's
    // number for ours): their reviews in the history may differ now.
    void reviewsChanged(const QString &jobId, const QVector<int> &pages);
    // The server's log of review changes was read up to its end (after each team refresh).
    void teamReviewsRefreshed();

private:
    struct Passwords {
        QString oldPassword, newPassword;
    };

    void schedule(int ms);
    void tick();
    void setState(ConnectionState state, const QString &message = QString());
    // The reply's verdict on the connection; true when the server answered at all.
    bool noteReply(const ApiReply &reply);
    QVector<SyncOperation> pendingOperations() const; // of this server

    bool runNextOperation(); // false: nothing is due
    void continueOperation(SyncOperation op);
    void operationDone(const SyncOperation &op);
    void operationFailedReply(SyncOperation op, const ApiReply &reply, const QString &what);
    void giveUp(const SyncOperation &op, const QString &message);

    void refreshTeamJobs();
    // Team reviews (docs/server.md): this desktop's changes out, everybody's in.
    void sendReviews(SyncOperation op);
    void fetchReviews();
    void fetchJobReviews(const QString &jobId, const QString &remoteId); // all of one job
    void notifyReviews(const QVector<QPair<QString, int>> &touched);
    void onTeamJobs(const QJsonObject &json);
    void pollNext();
    void poll(const QString &jobId);
    void mirror(const QString &jobId, const QJsonObject &result, const QJsonObject &progress);

    JobStore *m_store;
    ServerClient *m_client;
    SyncOptions m_options;
    QTimer m_timer;
    ConnectionState m_state = ConnectionState::NotConfigured;
    QString m_stateMessage;
    int m_offlineAttempts = 0; // requests in a row the server did not answer
    int m_generation = 0;      // bumped by setServer: answers for the previous server are dropped
    bool m_operationRunning = false;
    bool m_teamRefreshRunning = false;
    bool m_reviewFetchRunning = false;
    qint64 m_lastTeamRefresh = 0;              // ms since epoch
    QStringList m_pollQueue;                   // jobs to poll in this round
    QString m_polling;                         // the job being polled
    QHash<QString, QByteArray> m_lastProgress; // per job: the progress last mirrored
    QSet<QString> m_overlayFetches;            // "job/page" in flight
    QHash<QString, Passwords> m_passwords;     // per job, this session only
    // History writes of mirrored results, one at a time; waited for when this object goes (the
    // store must outlive them). Declared last: destroyed first.
    QThreadPool m_pool;
};

} // namespace bt

Q_DECLARE_METATYPE(bt::ConnectionState)
