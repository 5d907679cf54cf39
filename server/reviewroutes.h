#pragma once

#include "httpserver.h"

#include <optional>

namespace bt::server {

class QueueStore;
class ReviewLog;

// The team-review routes of the API (docs/server.md, "Team reviews"):
//   GET  /api/v1/jobs/{id}/reviews?since=SEQ  the job's changes after SEQ and its current reviews
//   POST /api/v1/jobs/{id}/reviews            {"changes": [...]}: appends a batch, idempotent per
//                                             client_change_id
//   GET  /api/v1/reviews?since=SEQ&limit=N    every job's changes after SEQ (a desktop's feed)
// nullopt for any other request. The caller has checked the token (as for every route).
std::optional<HttpResponse> reviewRoute(QueueStore &queue, ReviewLog &log, const HttpRequest &request);

} // namespace bt::server
