#include "stageattempt.h"

#include "compare/comparison.h"
#include "i18n/enginetext.h"

#include <exception>
#include <new>

namespace bt {

StageAttempt attemptStage(const std::function<void()> &work) {
    StageAttempt attempt;
    try {
        work();
    } catch (const StageCancelled &) {
        attempt.cancelled = true;
    } catch (const std::bad_alloc &) {
        attempt.error = EngineText::translate("bt::Pipeline", "out of memory");
    } catch (const std::exception &e) {
        attempt.error = QString::fromStdString(e.what()).trimmed();
    } catch (...) {
        attempt.error = EngineText::translate("bt::Pipeline", "unknown error");
    }
    return attempt;
}

} // namespace bt
