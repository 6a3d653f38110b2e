/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <json-glib/json-glib.h>

#include "tavla-board.h"
#include "tavla-board-feedback.h"
#include "tavla-document.h"

G_BEGIN_DECLS

/*
 * The period report (periodrapport) of a tertial, issue 7: the goals
 * followed up and the improvement areas communicated. Read once from the
 * board into a TavlaPeriodReport, then given as a printable document or
 * as JSON (the CLI's --json and --format json).
 *
 * Sections, in order:
 * - goals: each active metric's overall value in the tertial against its
 *   target, the previous tertial and the same tertial a year before, with
 *   a chart of the last six tertials;
 * - deviations in the tertial (overall and per response group) with their
 *   cause and the items acting on them;
 * - improvements: done in the tertial (the last move to done lies in it)
 *   with their effect on linked metrics, ongoing (in progress now), new
 *   (created in the tertial);
 * - improvement areas: strategic items that are new or in progress;
 * - citizen feedback per department (tavla_board_summarize_feedback());
 * - delivery agreements: each department's current agreement, reviews
 *   done in the tertial (signed in it) and due by its end;
 * - audit recommendations with their status and light.
 */

typedef struct _TavlaPeriodReport TavlaPeriodReport;

/* @tertial: "2026-T3" (field "tertial"; another kind of period is
 * refused). */
TavlaPeriodReport *tavla_board_build_period_report  (TavlaBoard         *self,
                                                     const char         *tertial,
                                                     GError            **error);
void               tavla_period_report_free         (TavlaPeriodReport  *report);
/* The machine form of the tertial ("2026-T3"). */
const char        *tavla_period_report_get_tertial  (TavlaPeriodReport  *report);
/* Headings in the current locale's language. */
TavlaDocument     *tavla_period_report_to_document  (TavlaPeriodReport  *report);
/* One object: "tertial", "from", "to", "goals", "deviations",
 * "improvements" {"done", "ongoing", "new"}, "improvement_areas",
 * "feedback", "agreements", "recommendations". */
JsonNode          *tavla_period_report_to_json      (TavlaPeriodReport  *report);

/*
 * The compilation of a tertial's feedback for one department (or all
 * with @department NULL), ready to send: counts per category and
 * channel, each feedback (date, channel, category, text or the purge
 * marker, passed on) and the items started from it.
 */
TavlaDocument     *tavla_board_build_feedback_compilation (TavlaBoard   *self,
                                                           const char   *tertial,
                                                           const char   *department,
                                                           GError      **error);

/* The summary as JSON (the CLI's `feedback summary --json`): "tertial",
 * "department", "total", "categories", "channels", "passed_on",
 * "departments" (the same per department), "items". */
JsonNode          *tavla_feedback_summary_to_json   (TavlaFeedbackSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaPeriodReport, tavla_period_report_free)

G_END_DECLS
