#pragma once

// A Qt Test class that prints how long each of its test functions took ("name: N ms"), for the
// slow end-to-end suites (pipeline, server). QTest finds init() and cleanup() in a base class too.

#include <QElapsedTimer>
#include <QObject>

namespace bt::test {

class TimedTestCase : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

private:
    QElapsedTimer m_timer;
};

} // namespace bt::test
