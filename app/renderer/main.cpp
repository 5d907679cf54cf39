// buildtrace-renderer: the render helper process RenderPool starts (core/render/renderworker.h).
#include "render/renderworker.h"

int main(int argc, char *argv[]) {
    return bt::runRenderWorker(argc, argv);
}
