#include "timedtestcase.h"

#include <QtTest>

namespace bt::test {

void TimedTestCase::init() {
    m_timer.start();
}

void TimedTestCase::cleanup() {
    qInfo("%s: %lld ms", QTest::currentTestFunction(), m_timer.elapsed());
}

} // namespace bt::test
