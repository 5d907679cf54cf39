#include "heartbeat.h"

#include <algorithm>

namespace bt::test {

Heartbeat::Heartbeat() {
    m_timer.setInterval(5);
    QObject::connect(&m_timer, &QTimer::timeout, [this] {
        const qint64 now = m_clock.elapsed();
        m_maxGap = std::max(m_maxGap, now - m_last);
        m_last = now;
    });
    m_clock.start();
    m_timer.start();
}

} // namespace bt::test
