/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <json-glib/json-glib.h>

#include "tavla-board.h"
#include "tavla-board-metrics.h"
#include "tavla-store.h"

G_BEGIN_DECLS

/* The store under the board, for tests and benchmarks. */
TavlaStore *tavla_board_get_store          (TavlaBoard  *self);
/* Loads a demo data set in the format of data/demo/demo-board.json. */
gboolean    tavla_board_load_demo_from_data (TavlaBoard  *self,
                                             const char  *json,
                                             gssize       length,
                                             GError     **error);

/* A batch of writes in one transaction: writes inside it nest, and the
 * models are left alone until the caller refreshes after committing. */
gboolean    tavla_board_begin_batch         (TavlaBoard  *self,
                                             GError     **error);
gboolean    tavla_board_commit_batch        (TavlaBoard  *self,
                                             GError     **error);
void        tavla_board_rollback_batch      (TavlaBoard  *self);

/* Helpers shared by the files of TavlaBoard. */
gboolean    tavla_board_in_batch            (TavlaBoard  *self);
char       *tavla_board_dup_trimmed         (const char  *text);
char       *tavla_board_resolve_actor       (const char  *actor);
gboolean    tavla_board_set_input_error     (GError     **error,
                                             const char  *message);
/* A TAVLA_INPUT_ERROR about @field (stored in *@out_field when given);
 * always FALSE. */
gboolean    tavla_board_field_error         (const char  *field,
                                             const char **out_field,
                                             GError     **error,
                                             const char  *message);
gboolean    tavla_board_field_errorf        (const char  *field,
                                             const char **out_field,
                                             GError     **error,
                                             const char  *format,
                                             ...) G_GNUC_PRINTF (4, 5);
/* The department named (by name or code) in a form's field "department";
 * an input error when it is empty or unknown. */
TavlaDepartment *tavla_board_find_department_for (TavlaBoard  *self,
                                                  const char  *text,
                                                  const char **out_field,
                                                  GError     **error);
/* Whether @text holds more than white space. */
gboolean    tavla_board_is_given            (const char  *text);
/* Parses an optional ISO date into *@out (NULL when not given); an input
 * error naming @label ("Due date") and @field otherwise. */
gboolean    tavla_board_parse_date          (const char  *text,
                                             const char  *field,
                                             const char  *label,
                                             char       **out,
                                             const char **out_field,
                                             GError     **error);
gboolean    tavla_board_write_history       (TavlaBoard  *self,
                                             const char  *object_kind,
                                             gint64       object_id,
                                             gint64       change_id,
                                             const char  *at,
                                             const char  *actor,
                                             const char  *field,
                                             const char  *old_value,
                                             const char  *new_value,
                                             const char  *note,
                                             gint64       meeting_id,
                                             GError     **error);

/* After a write to metrics, groups, measurements or deviations: reloads
 * the metric and group models and emits "metrics-changed", at once or when
 * the outermost batch commits. */
void        tavla_board_metrics_written     (TavlaBoard  *self);
/* After another process committed (tavla_board_refresh()): reloads the
 * agreements model when one was asked for (tavla-board-agreements.c). */
void        tavla_board_agreements_refresh  (TavlaBoard  *self);
/* The same for the audits model (tavla-board-audits.c); also after an item
 * was written, since recommendations show their actions' progress. */
void        tavla_board_audits_refresh      (TavlaBoard  *self);
/* Adds an item_link row from @item_id to (@kind, @target_id) and, when it
 * was not there yet, a history row on the item (field "link", new value
 * @label). Inside the caller's transaction. */
gboolean    tavla_board_link_item           (TavlaBoard  *self,
                                             gint64       item_id,
                                             const char  *kind,
                                             gint64       target_id,
                                             const char  *label,
                                             gint64       change_id,
                                             const char  *actor,
                                             const char  *now,
                                             GError     **error);
/* The same for the feedback model (tavla-board-feedback.c). */
void        tavla_board_feedback_refresh    (TavlaBoard  *self);
/* Puts a changed item into the items model (unless inside a batch). */
void        tavla_board_item_written        (TavlaBoard  *self,
                                             TavlaItem   *item);

/* Links an existing item to a deviation and its metric (with history
 * rows on the item), as tavla_board_act_on_deviation() does for a new one. */
gboolean    tavla_board_link_item_to_deviation (TavlaBoard  *self,
                                                gint64       item_id,
                                                gint64       deviation_id,
                                                const char  *actor,
                                                GError     **error);

/* The demo's metrics (tavla-board-demo-metrics.c): the response groups and
 * metrics of the demo file, then (after the items) two years of figures
 * and the explained deviations linked to items. */
gboolean    tavla_board_demo_load_metric_definitions (TavlaBoard  *self,
                                                      JsonObject  *root,
                                                      const char  *actor,
                                                      GError     **error);
gboolean    tavla_board_demo_load_figures   (TavlaBoard  *self,
                                             JsonObject  *root,
                                             GDateTime   *real_now,
                                             GError     **error);

G_END_DECLS
