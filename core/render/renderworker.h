#pragma once

namespace bt {

// The render helper's side of RenderPool (buildtrace-renderer runs only this): opens PDFs,
// renders pages and reads their text layer for one parent process, one request at a time.
//
// Why a process: PDFium (inside QtPdf) holds one global lock for every call, cannot be
// interrupted inside a call, and hostile files can make it spin or allocate without bound. In a
// process of its own a render runs in parallel with the other helpers, under limits (address
// space, CPU time per page), and is killed on cancel or timeout without harming the application.
//
// Arguments: --channel FD (a socket: one JSON request per line in, one JSON reply per line out),
// --image FD (a memfd the rendered 8-bit page is written to), --parent PID (the helper ends when
// that process is gone), --memory-mb N (address-space limit), --cpu-seconds N (per request).
int runRenderWorker(int argc, char *argv[]);

} // namespace bt
