#include "stagetestinghooks.h"

#include <QThread>

#include <stdexcept>

namespace bt {

StageTestingHooks StageTestingHooks::fromEnvironment() {
    return {qEnvironmentVariable("BUILDTRACE_INJECT_FAULT"), qEnvironmentVariable("BUILDTRACE_INJECT_DELAY")};
}

void StageTestingHooks::apply(Stage stage, int pageNumber) const {
    if (isEmpty()) return;
    const QString at = stageName(stage) + QLatin1Char(':') + QString::number(pageNumber);
    if (delay.startsWith(at + QLatin1Char(':'))) {
        const int ms = delay.mid(at.size() + 1).toInt();
        if (ms > 0) QThread::msleep(ulong(ms));
    }
    if (fault.split(QLatin1Char(',')).contains(at))
        throw std::runtime_error("injected fault ($BUILDTRACE_INJECT_FAULT)");
}

} // namespace bt
