#pragma once

// What GUI latency tests measure: the time from a user's action until the view has repainted,
// over a series of actions (tst_largejob, tst_sheettable).

#include <QAbstractScrollArea>
#include <QCoreApplication>
#include <QEvent>
#include <QString>
#include <QVector>
#include <QWidget>

#include <algorithm>
#include <numeric>

namespace bt::test {

struct Latency {
    QVector<double> ms;
    void add(double v) { ms << v; }
    QString text() const {
        if (ms.isEmpty()) return QStringLiteral("-");
        QVector<double> s = ms;
        std::sort(s.begin(), s.end());
        const double mean = std::accumulate(s.cbegin(), s.cend(), 0.0) / s.size();
        return QStringLiteral("mean %1 ms, median %2 ms, max %3 ms (%4 samples)")
            .arg(mean, 0, 'f', 2)
            .arg(s[s.size() / 2], 0, 'f', 2)
            .arg(s.back(), 0, 'f', 2)
            .arg(s.size());
    }
};

// What a user waits for after an action: posted events (layouts, queued updates) handled and the
// widget (a scroll area's viewport too) repainted.
inline void settle(QWidget *widget) {
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    widget->repaint();
    if (auto *area = qobject_cast<QAbstractScrollArea *>(widget)) area->viewport()->repaint();
}

} // namespace bt::test
