/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-board.h"
#include "tavla-feedback.h"
#include "tavla-rules.h"

G_BEGIN_DECLS

/*
 * The citizen feedback register on the board (issue 7). Same conventions
 * as tavla-board.h: input errors are TAVLA_INPUT_ERROR with a translated
 * message that names the field and says how to fix it, and nothing is
 * written; an unknown feedback or item is TAVLA_STORE_ERROR_NOT_FOUND; a
 * read-only board refuses every write with TAVLA_STORE_ERROR_READ_ONLY;
 * objects and arrays are returned transfer full; @actor NULL means
 * tavla_default_actor().
 *
 * Field names (@out_field) are the CLI's option names: "date", "channel",
 * "department", "category", "text", "passed-on", "before", "months",
 * "period", "search", "item".
 *
 * History (object_kind "feedback") never holds the text, so that purging
 * it leaves no copy: "created" (new value the date), "passed-on" (the
 * day), "purged" (the day), "link" on the item.
 */

#define TAVLA_FEEDBACK_MAX_TEXT 4000
#define TAVLA_FEEDBACK_DEFAULT_RETENTION_MONTHS 24

/*
 * Feedback as typed (strings borrowed; NULL or "" is "not given"):
 * @date: required ISO date, not after today.
 * @channel, @category: required machine names (the legacy "other" is
 *   refused).
 * @department: required, a department's name or code.
 * @text: required, 1-4000 characters after trimming.
 * @personal_data: whether the text names or identifies a person.
 * @passed_on_date: optional ISO date: the day it was passed on to the
 *   department; not before @date nor after today. @passed_on without a
 *   date means passed on the day it came in.
 */
typedef struct
{
  const char *date;
  const char *channel;
  const char *department;
  const char *category;
  const char *text;
  gboolean    personal_data;
  gboolean    passed_on;
  const char *passed_on_date;
} TavlaFeedbackInput;

/* The rules above without writing (a form checks as the user types):
 * FALSE with the first fault, @out_field naming its field. */
gboolean       tavla_board_check_feedback  (TavlaBoard                *self,
                                            const TavlaFeedbackInput  *input,
                                            const char               **out_field,
                                            GError                   **error);
/* Checks and registers @input (history row "created"). */
TavlaFeedback *tavla_board_add_feedback    (TavlaBoard                *self,
                                            const TavlaFeedbackInput  *input,
                                            const char                *actor,
                                            const char               **out_field,
                                            GError                   **error);
TavlaFeedback *tavla_board_get_feedback    (TavlaBoard                *self,
                                            gint64                     id,
                                            GError                   **error);
/* Marks feedback passed on to its department on @date (NULL or "":
 * today; not before the feedback's date nor after today). Already passed
 * on: refused (field "passed-on"). @expected_version 0 for no check; a
 * stale one is TAVLA_STORE_ERROR_CONFLICT. */
TavlaFeedback *tavla_board_pass_on_feedback (TavlaBoard               *self,
                                             gint64                    id,
                                             gint64                    expected_version,
                                             const char               *date,
                                             const char               *actor,
                                             const char              **out_field,
                                             GError                  **error);

/*
 * Which feedback to list (strings borrowed, NULL or "" for any):
 * @period: any period ("2026-T3", "2026-11", "2026-W47", "2026"): feedback
 *   dated from its first to its last day.
 * @department: a department's name or code.
 * @channel, @category: machine names.
 * @search: words that must all appear in the folded department,
 *   category, channel and text.
 */
typedef struct
{
  const char *period;
  const char *department;
  const char *channel;
  const char *category;
  const char *search;
} TavlaFeedbackQuery;

/* A new model of TavlaFeedback, newest date first, then newest id. */
GListModel    *tavla_board_list_feedback   (TavlaBoard                *self,
                                            const TavlaFeedbackQuery  *query,
                                            GError                   **error);
/* Board-owned model of all feedback in the same order (transfer none),
 * reloaded after each feedback write through this board and by
 * tavla_board_refresh() when another process committed. */
GListModel    *tavla_board_get_feedback_model (TavlaBoard             *self);

/* Links an existing item to feedback (history row "link" on the item).
 * Linking again writes nothing. Returns the item. */
TavlaItem     *tavla_board_link_item_to_feedback (TavlaBoard          *self,
                                                  gint64               item_id,
                                                  gint64               feedback_id,
                                                  const char          *actor,
                                                  GError             **error);
/* Creates an improvement item from feedback in one transaction: the item
 * from @fields through the normal item rules (as tavla_board_create_item();
 * its source is "feedback" whatever @fields says, and its department the
 * feedback's unless @fields names one), linked to the feedback. */
TavlaItem     *tavla_board_act_on_feedback (TavlaBoard                *self,
                                            gint64                     feedback_id,
                                            const TavlaItemChange     *fields,
                                            const char                *actor,
                                            GError                   **error);
/* Items linked to the feedback (TavlaItem), by id. */
GPtrArray     *tavla_board_list_feedback_items (TavlaBoard            *self,
                                                gint64                 feedback_id,
                                                GError               **error);

/* ---- Personal data ----------------------------------------------------- */

/* Months the text of feedback holding personal data is kept (the
 * "feedback-retention-months" setting, default 24). */
guint          tavla_board_get_feedback_retention (TavlaBoard         *self);
/* @months: a whole number 1-120 (field "months"). */
gboolean       tavla_board_set_feedback_retention (TavlaBoard         *self,
                                                   const char         *months,
                                                   const char         *actor,
                                                   GError            **error);
/* The default purge day: today minus the retention. */
char          *tavla_board_dup_feedback_purge_before (TavlaBoard      *self);

/*
 * Purges the text of every feedback dated before @before (ISO date, not
 * after today; field "before") that holds personal data and still has its
 * text: the text is replaced by the marker, the row and its date,
 * channel, department and category stay (so the counts stay). One history
 * row "purged" per feedback, without the text. Then the write-ahead log is
 * checkpointed and truncated so that, with secure_delete, the database
 * files no longer contain the text (while another process is reading, the
 * truncation waits for SQLite's next checkpoint; the purge stands).
 * @out_count: how many were purged.
 */
gboolean       tavla_board_purge_feedback   (TavlaBoard               *self,
                                             const char               *before,
                                             const char               *actor,
                                             guint                    *out_count,
                                             GError                  **error);

/* ---- The compilation per department ------------------------------------ */

typedef struct
{
  gint64  department_id;
  char   *department;
  guint   total;
  guint   categories[TAVLA_N_FEEDBACK_CATEGORIES + 1];   /* by TavlaFeedbackCategory */
  guint   channels[TAVLA_N_FEEDBACK_CHANNELS + 1];       /* by TavlaFeedbackChannel */
  guint   passed_on;
} TavlaFeedbackCount;

/*
 * Feedback of a period (any kind, as in TavlaFeedbackQuery; the tertial
 * follow-up asks for "2026-T3") of one department or all: the total, the
 * counts per category and channel, one TavlaFeedbackCount per department
 * that had any (by name), and the improvement items started from it
 * (linked to any of that feedback; TavlaItem by id).
 */
typedef struct
{
  char               *period;
  char               *department;   /* NULL for all */
  TavlaFeedbackCount  all;
  GPtrArray          *departments;  /* TavlaFeedbackCount */
  GPtrArray          *items;        /* TavlaItem */
} TavlaFeedbackSummary;

void                  tavla_feedback_summary_free (TavlaFeedbackSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaFeedbackSummary, tavla_feedback_summary_free)

TavlaFeedbackSummary *tavla_board_summarize_feedback (TavlaBoard     *self,
                                                      const char     *period,
                                                      const char     *department,
                                                      GError        **error);

G_END_DECLS
