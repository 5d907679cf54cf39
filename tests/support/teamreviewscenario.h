#pragma once

// Team reviews with two desktops (two histories, two SyncService instances) against a real
// job server: tst_teamreviews (the embedded SQLite queue) and tst_serverpostgres (PostgreSQL).

#include <QByteArray>
#include <QString>

namespace bt::test {

// On the server at 127.0.0.1:port (which compares jobs: embedded or separate workers), with
// `token`: desktop A runs oldPdf -> newPdf there, desktop B sees it as a team job. A accepts a
// change while its sync is off (offline); B comments on the same change, then rejects it; A comes
// back. Both end with the same review (rejected by B, B's comment, B's time) although A's accept
// reached the server last, both keep who set what and when (3 changes, the server's seqs), the
// server's review log agrees, a change sent twice is kept once, and B's change list (CSV) shows
// the winner's author. Files go under `dir`. Fails the running test (QVERIFY) on any difference.
void runTwoDesktopReviews(quint16 port, const QByteArray &token, const QString &dir, const QString &oldPdf,
                          const QString &newPdf);

} // namespace bt::test
