#pragma once

// A sheet's next revision as the pipeline and server tests edit it.

#include "drawinggenerator.h"

namespace bt::test {

// `s` with a general note added, one room renamed (the variant-th, wrapping) and "REV 2".
SheetSpec revisedSheet(SheetSpec s, int variant);

} // namespace bt::test
