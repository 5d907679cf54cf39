#pragma once

#include <QString>

namespace bt::server {

// The server's data directory holds the queue (SQLite), the uploaded sets, their overlays and the
// password key: only the server's user may read it. Creates the directory (and uploads/, jobs/)
// as 0700 and brings what is in it to 0700 (folders) and 0600 (files) — a directory made by an
// older version had 0755/0644. New files get the same from the process's umask (077, set by
// buildtrace-server and buildtrace-worker at start: restrictUmask()). False after setting *error.
bool secureDataDirectory(const QString &dataDir, QString *error);

// umask(077): every file and folder the process creates (SQLite's -wal and -shm, uploads,
// overlays, OpenCV's PNGs) is its user's only.
void restrictUmask();

} // namespace bt::server
