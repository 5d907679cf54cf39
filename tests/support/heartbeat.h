#pragma once

// How long the GUI thread was blocked while a test ran (tst_overlayviewer, tst_viewertiles).

#include <QElapsedTimer>
#include <QTimer>

namespace bt::test {

// The longest the GUI thread went without running a 5 ms timer: how long it was blocked.
class Heartbeat {
public:
    Heartbeat();
    qint64 maxGapMs() const { return m_maxGap; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGap = 0;
};

} // namespace bt::test
