/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-board-feedback.h"
#include "tavla-board-private.h"
#include "tavla-date.h"
#include "tavla-error.h"
#include "tavla-period.h"
#include "tavla-rules.h"
#include "tavla-store-feedback.h"

/*
 * The rules of the citizen feedback register (issue 7). Every check
 * happens before the first write; every write and its history rows share
 * one transaction. No history row holds a feedback's text: a purge must
 * leave no copy of it.
 */

#define MODEL_KEY     "tavla-board-feedback-model"
#define RETENTION_KEY "feedback-retention-months"
#define MAX_RETENTION 120

static TavlaFeedbackStore *
get_feedback_store (TavlaBoard  *self,
                    GError     **error)
{
  TavlaStore *store = tavla_board_get_store (self);

  if (!TAVLA_IS_FEEDBACK_STORE (store))
    {
      g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                           _("This kind of database does not hold citizen feedback."));
      return NULL;
    }

  return TAVLA_FEEDBACK_STORE (store);
}

/* Parses an optional date into *@out (NULL when not given); refuses a day
 * after today. */
static gboolean
parse_date (const char   *text,
            const char   *field,
            const char   *label,
            char        **out,
            const char  **out_field,
            GError      **error)
{
  g_autofree char *today = NULL;

  if (!tavla_board_parse_date (text, field, label, out, out_field, error))
    return FALSE;
  if (*out == NULL)
    return TRUE;

  today = tavla_date_today ();
  if (strcmp (*out, today) > 0)
    {
      g_autofree char *given = g_steal_pointer (out);

      return tavla_board_field_errorf (field, out_field, error,
                                       _("%s %s is in the future; write today’s date (%s) or an earlier one."),
                                       label, given, today);
    }

  return TRUE;
}

static gboolean
parse_channel (const char            *text,
               TavlaFeedbackChannel  *out_channel,
               const char           **out_field,
               GError               **error)
{
  g_autofree char *trimmed = tavla_board_dup_trimmed (text);

  if (trimmed == NULL)
    return tavla_board_field_errorf ("channel", out_field, error, "%s",
                         _("Channel is empty; write how the feedback came in: phone, email, visit, e-service, "
                           "letter or social."));
  if (!tavla_feedback_channel_from_string (trimmed, out_channel) ||
      *out_channel == TAVLA_FEEDBACK_CHANNEL_OTHER)
    return tavla_board_field_errorf ("channel", out_field, error,
                         _("Channel “%s” is not one of phone, email, visit, e-service, letter or social; "
                           "write one of them."), trimmed);

  return TRUE;
}

static gboolean
parse_category (const char             *text,
                TavlaFeedbackCategory  *out_category,
                const char            **out_field,
                GError                **error)
{
  g_autofree char *trimmed = tavla_board_dup_trimmed (text);

  if (trimmed == NULL)
    return tavla_board_field_errorf ("category", out_field, error, "%s",
                         _("Category is empty; write complaint, suggestion, praise or question."));
  if (!tavla_feedback_category_from_string (trimmed, out_category) ||
      *out_category == TAVLA_FEEDBACK_CATEGORY_OTHER)
    return tavla_board_field_errorf ("category", out_field, error,
                         _("Category “%s” is not one of complaint, suggestion, praise or question; "
                           "write one of them."), trimmed);

  return TRUE;
}

/* @input checked and parsed. */
typedef struct
{
  char                  *date;
  TavlaFeedbackChannel   channel;
  TavlaDepartment       *department;
  TavlaFeedbackCategory  category;
  char                  *text;
  gboolean               passed_on;
  char                  *passed_on_date;
} Checked;

static void
checked_clear (Checked *checked)
{
  g_clear_pointer (&checked->date, g_free);
  g_clear_object (&checked->department);
  g_clear_pointer (&checked->text, g_free);
  g_clear_pointer (&checked->passed_on_date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Checked, checked_clear)

static gboolean
check_passed_on_date (const char   *text,
                      const char   *date,
                      char        **out,
                      const char  **out_field,
                      GError      **error)
{
  if (!parse_date (text, "passed-on", _("Passed-on date"), out, out_field, error))
    return FALSE;

  if (*out != NULL && date != NULL && strcmp (*out, date) < 0)
    {
      g_autofree char *given = g_steal_pointer (out);

      return tavla_board_field_errorf ("passed-on", out_field, error,
                           _("Passed-on date %s is before the feedback came in (%s); write %s or a later day."),
                           given, date, date);
    }

  return TRUE;
}

static gboolean
check_input (TavlaBoard                *self,
             const TavlaFeedbackInput  *input,
             Checked                   *checked,
             const char               **out_field,
             GError                   **error)
{
  g_autofree char *trimmed_date = tavla_board_dup_trimmed (input->date);

  if (trimmed_date == NULL)
    return tavla_board_field_errorf ("date", out_field, error, "%s",
                         _("Date is empty; write the day the feedback came in as YYYY-MM-DD."));
  if (!parse_date (input->date, "date", _("Date"), &checked->date, out_field, error) ||
      !parse_channel (input->channel, &checked->channel, out_field, error) ||
      (checked->department = tavla_board_find_department_for (self, input->department, out_field, error)) == NULL ||
      !parse_category (input->category, &checked->category, out_field, error))
    return FALSE;

  checked->text = tavla_board_dup_trimmed (input->text);
  if (checked->text == NULL)
    return tavla_board_field_errorf ("text", out_field, error, "%s",
                         _("Text is empty; write what the citizen said."));
  if (g_utf8_strlen (checked->text, -1) > TAVLA_FEEDBACK_MAX_TEXT)
    return tavla_board_field_errorf ("text", out_field, error,
                         _("Text is longer than %d characters; shorten it."), TAVLA_FEEDBACK_MAX_TEXT);

  if (!check_passed_on_date (input->passed_on_date, checked->date, &checked->passed_on_date,
                             out_field, error))
    return FALSE;
  checked->passed_on = input->passed_on || checked->passed_on_date != NULL;
  if (checked->passed_on && checked->passed_on_date == NULL)
    checked->passed_on_date = g_strdup (checked->date);

  return TRUE;
}

/* ---- The board-owned model ---------------------------------------------- */

static gboolean
same_feedback (TavlaFeedback *a,
               TavlaFeedback *b)
{
  return tavla_feedback_get_id (a) == tavla_feedback_get_id (b) &&
         tavla_feedback_get_version (a) == tavla_feedback_get_version (b) &&
         tavla_feedback_get_n_items (a) == tavla_feedback_get_n_items (b) &&
         g_strcmp0 (tavla_feedback_get_department (a), tavla_feedback_get_department (b)) == 0;
}

static gboolean
reload_model (TavlaBoard  *self,
              GListStore  *model,
              GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  TavlaFeedbackStore *store = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint prefix = 0;
  guint suffix = 0;

  if ((store = get_feedback_store (self, error)) == NULL ||
      (all = tavla_feedback_store_list_feedback (store, NULL, error)) == NULL)
    return FALSE;

  /* The smallest items-changed: keep the equal head and tail. */
  while (prefix < n_old && prefix < all->len)
    {
      g_autoptr(TavlaFeedback) old = g_list_model_get_item (G_LIST_MODEL (model), prefix);

      if (!same_feedback (old, g_ptr_array_index (all, prefix)))
        break;
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < all->len - prefix)
    {
      g_autoptr(TavlaFeedback) old = g_list_model_get_item (G_LIST_MODEL (model), n_old - 1 - suffix);

      if (!same_feedback (old, g_ptr_array_index (all, all->len - 1 - suffix)))
        break;
      suffix++;
    }

  if (prefix + suffix < n_old || prefix + suffix < all->len)
    g_list_store_splice (model, prefix, n_old - prefix - suffix,
                         all->pdata + prefix, all->len - prefix - suffix);

  return TRUE;
}

static GListStore *
peek_model (TavlaBoard *self)
{
  return g_object_get_data (G_OBJECT (self), MODEL_KEY);
}

GListModel *
tavla_board_get_feedback_model (TavlaBoard *self)
{
  GListStore *model = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((model = peek_model (self)) == NULL)
    {
      g_autoptr(GError) error = NULL;

      model = g_list_store_new (TAVLA_TYPE_FEEDBACK);
      g_object_set_data_full (G_OBJECT (self), MODEL_KEY, model, g_object_unref);
      if (!reload_model (self, model, &error))
        g_debug ("Could not load the feedback: %s", error->message);
    }

  return G_LIST_MODEL (model);
}

void
tavla_board_feedback_refresh (TavlaBoard *self)
{
  g_autoptr(GError) error = NULL;
  GListStore *model = peek_model (self);

  /* The model keeps what it showed; the next refresh tries again. */
  if (model != NULL && !reload_model (self, model, &error))
    g_debug ("Could not reload the feedback: %s", error->message);
}

/* After a committed write. */
static void
feedback_written (TavlaBoard *self)
{
  if (!tavla_board_in_batch (self))
    tavla_board_feedback_refresh (self);
}

/* ---- Reading ------------------------------------------------------------ */

TavlaFeedback *
tavla_board_get_feedback (TavlaBoard  *self,
                          gint64       id,
                          GError     **error)
{
  TavlaFeedbackStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = get_feedback_store (self, error)) == NULL)
    return NULL;

  return tavla_feedback_store_get_feedback (store, id, error);
}

/* The first and last day of @text, a period of any kind. */
static gboolean
period_days (const char   *text,
             char        **out_from,
             char        **out_to,
             GError      **error)
{
  g_autofree char *trimmed = tavla_board_dup_trimmed (text);
  TavlaPeriod period = { 0 };
  GDate first;
  GDate last;

  if (trimmed == NULL)
    return TRUE;
  if (!tavla_period_parse (trimmed, &period, error))
    return FALSE;

  tavla_period_get_first_day (&period, &first);
  tavla_period_get_last_day (&period, &last);
  *out_from = tavla_date_format (&first);
  *out_to = tavla_date_format (&last);

  return TRUE;
}

static gboolean
matches_search (TavlaFeedback *feedback,
                char         **words)
{
  const char *key = tavla_feedback_get_search_key (feedback);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      if (*words[i] != '\0' && strstr (key, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

GListModel *
tavla_board_list_feedback (TavlaBoard                *self,
                           const TavlaFeedbackQuery  *query,
                           GError                   **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(TavlaDepartment) department = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GListStore) model = g_list_store_new (TAVLA_TYPE_FEEDBACK);
  TavlaStoreFeedbackQuery store_query = { 0 };
  TavlaFeedbackStore *store = NULL;
  TavlaFeedbackChannel channel = TAVLA_FEEDBACK_CHANNEL_OTHER;
  TavlaFeedbackCategory category = TAVLA_FEEDBACK_CATEGORY_OTHER;
  gboolean by_channel = FALSE;
  gboolean by_category = FALSE;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = get_feedback_store (self, error)) == NULL)
    return NULL;

  if (query != NULL)
    {
      if (!period_days (query->period, &from, &to, error))
        return NULL;
      if (tavla_board_is_given (query->department) &&
          (department = tavla_board_find_department_for (self, query->department, NULL, error)) == NULL)
        return NULL;
      if ((by_channel = query->channel != NULL && *query->channel != '\0') &&
          !parse_channel (query->channel, &channel, NULL, error))
        return NULL;
      if ((by_category = query->category != NULL && *query->category != '\0') &&
          !parse_category (query->category, &category, NULL, error))
        return NULL;
      folded = tavla_text_fold (query->search != NULL ? query->search : "");
      words = g_strsplit_set (folded, " \t\n", -1);
    }

  store_query.from = from;
  store_query.to = to;
  store_query.department_id = department != NULL ? tavla_department_get_id (department) : 0;
  if ((rows = tavla_feedback_store_list_feedback (store, &store_query, error)) == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      TavlaFeedback *feedback = g_ptr_array_index (rows, i);

      if ((by_channel && tavla_feedback_get_channel (feedback) != channel) ||
          (by_category && tavla_feedback_get_category (feedback) != category) ||
          !matches_search (feedback, words))
        continue;
      g_list_store_append (model, feedback);
    }

  return G_LIST_MODEL (g_steal_pointer (&model));
}

static GPtrArray *
items_by_id (TavlaBoard  *self,
             GArray      *ids,
             GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      TavlaItem *item = tavla_board_get_item (self, g_array_index (ids, gint64, i), error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

GPtrArray *
tavla_board_list_feedback_items (TavlaBoard  *self,
                                 gint64       feedback_id,
                                 GError     **error)
{
  g_autoptr(TavlaFeedback) feedback = NULL;
  g_autoptr(GArray) ids = NULL;
  TavlaFeedbackStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = get_feedback_store (self, error)) == NULL ||
      (feedback = tavla_feedback_store_get_feedback (store, feedback_id, error)) == NULL ||
      (ids = tavla_feedback_store_list_items (store, NULL, feedback_id, error)) == NULL)
    return NULL;

  return items_by_id (self, ids, error);
}

/* ---- Writing ------------------------------------------------------------ */

gboolean
tavla_board_check_feedback (TavlaBoard                *self,
                            const TavlaFeedbackInput  *input,
                            const char               **out_field,
                            GError                   **error)
{
  g_auto(Checked) checked = { 0 };

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  return check_input (self, input, &checked, out_field, error);
}

TavlaFeedback *
tavla_board_add_feedback (TavlaBoard                *self,
                          const TavlaFeedbackInput  *input,
                          const char                *actor_in,
                          const char               **out_field,
                          GError                   **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_auto(Checked) checked = { 0 };
  TavlaStoreFeedbackRow row = { 0 };
  TavlaFeedbackStore *store = NULL;
  gint64 change_id = 0;
  gint64 id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if ((store = get_feedback_store (self, error)) == NULL ||
      !check_input (self, input, &checked, out_field, error))
    return NULL;

  row.date = checked.date;
  row.channel = checked.channel;
  row.department_id = tavla_department_get_id (checked.department);
  row.category = checked.category;
  row.text = checked.text;
  row.personal_data = input->personal_data;
  row.passed_on = checked.passed_on;
  row.passed_on_date = checked.passed_on_date;
  row.created = now;
  row.updated = now;

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  /* The history names the day, never the text (see the purge). */
  if ((id = tavla_feedback_store_insert_feedback (store, &row, error)) == 0 ||
      (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) == 0 ||
      !tavla_board_write_history (self, "feedback", id, change_id, now, actor, "created",
                                  NULL, checked.date, NULL, 0, error) ||
      (checked.passed_on &&
       !tavla_board_write_history (self, "feedback", id, change_id, now, actor, "passed-on",
                                   NULL, checked.passed_on_date, NULL, 0, error)))
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  feedback_written (self);

  return tavla_board_get_feedback (self, id, error);
}

/* Fills @row with the stored values of @feedback. */
static void
row_from_feedback (TavlaFeedback          *feedback,
                   TavlaStoreFeedbackRow  *row)
{
  row->id = tavla_feedback_get_id (feedback);
  row->version = tavla_feedback_get_version (feedback);
  row->date = tavla_feedback_get_date (feedback);
  row->channel = tavla_feedback_get_channel (feedback);
  row->department_id = tavla_feedback_get_department_id (feedback);
  row->category = tavla_feedback_get_category (feedback);
  row->text = tavla_feedback_get_text (feedback);
  row->personal_data = tavla_feedback_get_personal_data (feedback);
  row->passed_on = tavla_feedback_get_passed_on (feedback);
  row->passed_on_date = tavla_feedback_get_passed_on_date (feedback);
  row->purged = tavla_feedback_get_purged (feedback);
  row->created = tavla_feedback_get_created (feedback);
}

TavlaFeedback *
tavla_board_pass_on_feedback (TavlaBoard   *self,
                              gint64        id,
                              gint64        expected_version,
                              const char   *date,
                              const char   *actor_in,
                              const char  **out_field,
                              GError      **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *day = NULL;
  g_autoptr(TavlaFeedback) feedback = NULL;
  TavlaStoreFeedbackRow row = { 0 };
  TavlaFeedbackStore *store = NULL;
  gint64 change_id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = get_feedback_store (self, error)) == NULL ||
      (feedback = tavla_feedback_store_get_feedback (store, id, error)) == NULL)
    return NULL;

  if (expected_version != 0 && expected_version != tavla_feedback_get_version (feedback))
    {
      g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT,
                           _("Someone else changed this feedback first; reload it and make the change again."));
      return NULL;
    }
  if (tavla_feedback_get_passed_on (feedback))
    {
      tavla_board_field_errorf ("passed-on", out_field, error,
                    _("This feedback was already passed on to the department on %s."),
                    tavla_feedback_get_passed_on_date (feedback));
      return NULL;
    }
  if (!check_passed_on_date (date, tavla_feedback_get_date (feedback), &day, out_field, error))
    return NULL;
  if (day == NULL)
    day = tavla_date_today ();

  row_from_feedback (feedback, &row);
  row.passed_on = TRUE;
  row.passed_on_date = day;
  row.updated = now;

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if (!tavla_feedback_store_update_feedback (store, &row, error) ||
      (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) == 0 ||
      !tavla_board_write_history (self, "feedback", id, change_id, now, actor, "passed-on",
                                  NULL, day, NULL, 0, error))
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  feedback_written (self);

  return tavla_board_get_feedback (self, id, error);
}

TavlaItem *
tavla_board_link_item_to_feedback (TavlaBoard  *self,
                                   gint64       item_id,
                                   gint64       feedback_id,
                                   const char  *actor_in,
                                   GError     **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *label = NULL;
  g_autoptr(TavlaFeedback) feedback = NULL;
  g_autoptr(TavlaItem) item = NULL;
  TavlaStore *store = tavla_board_get_store (self);
  gint64 change_id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((item = tavla_board_get_item (self, item_id, error)) == NULL ||
      (feedback = tavla_board_get_feedback (self, feedback_id, error)) == NULL)
    return NULL;
  g_clear_object (&item);

  /* Translators: the link's label in an item's history; %s is a date. */
  label = g_strdup_printf (_("Feedback of %s"), tavla_feedback_get_date (feedback));

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((change_id = tavla_store_next_change_id (store, error)) == 0 ||
      !tavla_board_link_item (self, item_id, "feedback", feedback_id, label, change_id, actor, now, error) ||
      (item = tavla_store_get_item (store, item_id, error)) == NULL)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  tavla_board_item_written (self, item);
  feedback_written (self);

  return g_steal_pointer (&item);
}

TavlaItem *
tavla_board_act_on_feedback (TavlaBoard             *self,
                             gint64                  feedback_id,
                             const TavlaItemChange  *fields,
                             const char             *actor_in,
                             GError                **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autoptr(TavlaFeedback) feedback = NULL;
  g_autoptr(TavlaItem) created = NULL;
  g_autoptr(TavlaItem) item = NULL;
  TavlaItemChange change = { 0 };

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  if ((feedback = tavla_board_get_feedback (self, feedback_id, error)) == NULL)
    return NULL;

  change = *fields;
  change.set |= TAVLA_ITEM_FIELD_SOURCE;
  change.source = TAVLA_SOURCE_FEEDBACK;
  /* The proposal concerns the department the citizen was talking about. */
  if ((change.set & TAVLA_ITEM_FIELD_DEPARTMENT) == 0 && tavla_feedback_get_department (feedback) != NULL)
    {
      change.set |= TAVLA_ITEM_FIELD_DEPARTMENT;
      change.department = tavla_feedback_get_department (feedback);
    }

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((created = tavla_board_create_item (self, &change, actor, error)) == NULL ||
      (item = tavla_board_link_item_to_feedback (self, tavla_item_get_id (created), feedback_id,
                                                 actor, error)) == NULL)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  tavla_board_item_written (self, item);
  feedback_written (self);

  return g_steal_pointer (&item);
}

/* ---- Personal data ------------------------------------------------------ */

guint
tavla_board_get_feedback_retention (TavlaBoard *self)
{
  g_autofree char *value = NULL;
  TavlaFeedbackStore *store = NULL;
  gint64 months = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), TAVLA_FEEDBACK_DEFAULT_RETENTION_MONTHS);

  if ((store = get_feedback_store (self, NULL)) == NULL ||
      (value = tavla_feedback_store_get_setting (store, RETENTION_KEY, NULL)) == NULL)
    return TAVLA_FEEDBACK_DEFAULT_RETENTION_MONTHS;

  months = g_ascii_strtoll (value, NULL, 10);
  if (months < 1 || months > MAX_RETENTION)
    return TAVLA_FEEDBACK_DEFAULT_RETENTION_MONTHS;

  return (guint) months;
}

gboolean
tavla_board_set_feedback_retention (TavlaBoard  *self,
                                    const char  *months,
                                    const char  *actor_in,
                                    GError     **error)
{
  g_autofree char *trimmed = tavla_board_dup_trimmed (months);
  g_autofree char *new_value = NULL;
  TavlaFeedbackStore *store = NULL;
  char *end = NULL;
  gint64 value = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);

  if ((store = get_feedback_store (self, error)) == NULL)
    return FALSE;

  errno = 0;
  if (trimmed != NULL)
    value = g_ascii_strtoll (trimmed, &end, 10);
  if (trimmed == NULL || errno != 0 || end == trimmed || *end != '\0' ||
      value < 1 || value > MAX_RETENTION)
    return tavla_board_field_errorf ("months", NULL, error,
                         _("Retention “%s” is not a whole number of months from 1 to %d; write one, "
                           "like 24."), trimmed != NULL ? trimmed : "", MAX_RETENTION);

  /* A setting has no history of its own (the history table keeps
   * tracked objects); @actor is kept for when it has. */
  (void) actor_in;
  new_value = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  if (!tavla_board_begin_batch (self, error))
    return FALSE;
  if (!tavla_feedback_store_set_setting (store, RETENTION_KEY, new_value, error))
    {
      tavla_board_rollback_batch (self);
      return FALSE;
    }

  return tavla_board_commit_batch (self, error);
}

char *
tavla_board_dup_feedback_purge_before (TavlaBoard *self)
{
  g_autofree char *today = tavla_date_today ();
  guint months = tavla_board_get_feedback_retention (self);
  GDate date;

  tavla_date_parse (today, &date);
  g_date_subtract_months (&date, months);

  return tavla_date_format (&date);
}

gboolean
tavla_board_purge_feedback (TavlaBoard   *self,
                            const char   *before,
                            const char   *actor_in,
                            guint        *out_count,
                            GError      **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *today = tavla_date_today ();
  g_autofree char *day = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  TavlaStoreFeedbackQuery query = { 0 };
  TavlaFeedbackStore *store = NULL;
  gint64 change_id = 0;
  guint count = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);

  if (out_count != NULL)
    *out_count = 0;

  if ((store = get_feedback_store (self, error)) == NULL)
    return FALSE;
  if (!tavla_board_is_given (before))
    return tavla_board_field_errorf ("before", NULL, error, "%s",
                         _("Before is empty; write the day (YYYY-MM-DD) before which texts with personal data "
                           "are removed."));
  if (!parse_date (before, "before", _("Before"), &day, NULL, error))
    return FALSE;

  /* Dated before @day: up to the day before it. */
  {
    g_autofree char *last = tavla_date_add_days (day, -1);

    query.to = last;
    if ((rows = tavla_feedback_store_list_feedback (store, &query, error)) == NULL)
      return FALSE;
  }

  if (!tavla_board_begin_batch (self, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      TavlaFeedback *feedback = g_ptr_array_index (rows, i);
      TavlaStoreFeedbackRow row = { 0 };

      if (!tavla_feedback_get_personal_data (feedback) || tavla_feedback_get_purged (feedback) != NULL)
        continue;

      row_from_feedback (feedback, &row);
      row.text = NULL;
      row.purged = today;
      row.updated = now;

      if ((change_id == 0 &&
           (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) == 0) ||
          !tavla_feedback_store_update_feedback (store, &row, error) ||
          !tavla_board_write_history (self, "feedback", row.id, change_id, now, actor, "purged",
                                      NULL, today, NULL, 0, error))
        {
          tavla_board_rollback_batch (self);
          return FALSE;
        }
      count++;
    }

  if (!tavla_board_commit_batch (self, error))
    return FALSE;

  /* With secure_delete the old text is overwritten in the database file;
   * the write-ahead log still holds the pages as they were until it is
   * copied back and truncated. */
  if (count > 0 && !tavla_board_in_batch (self))
    {
      g_autoptr(GError) checkpoint_error = NULL;

      /* The purge is committed either way: while another process reads,
       * the log cannot be truncated, and SQLite's next checkpoint (at the
       * latest when the last connection closes) copies it back. */
      if (!tavla_feedback_store_checkpoint (store, &checkpoint_error))
        g_debug ("Could not truncate the write-ahead log after a purge: %s", checkpoint_error->message);
    }

  if (out_count != NULL)
    *out_count = count;

  feedback_written (self);

  return TRUE;
}

/* ---- The compilation per department ------------------------------------- */

void
tavla_feedback_summary_free (TavlaFeedbackSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->period);
  g_free (summary->department);
  g_free (summary->all.department);
  g_clear_pointer (&summary->departments, g_ptr_array_unref);
  g_clear_pointer (&summary->items, g_ptr_array_unref);
  g_free (summary);
}

static void
count_free (TavlaFeedbackCount *count)
{
  g_free (count->department);
  g_free (count);
}

static void
count_add (TavlaFeedbackCount *count,
           TavlaFeedback      *feedback)
{
  count->total++;
  count->categories[tavla_feedback_get_category (feedback)]++;
  count->channels[tavla_feedback_get_channel (feedback)]++;
  if (tavla_feedback_get_passed_on (feedback))
    count->passed_on++;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const TavlaFeedbackCount *ca = *(TavlaFeedbackCount **) a;
  const TavlaFeedbackCount *cb = *(TavlaFeedbackCount **) b;

  return g_utf8_collate (ca->department != NULL ? ca->department : "",
                         cb->department != NULL ? cb->department : "");
}

TavlaFeedbackSummary *
tavla_board_summarize_feedback (TavlaBoard  *self,
                                const char  *period,
                                const char  *department,
                                GError     **error)
{
  g_autoptr(TavlaFeedbackSummary) summary = g_new0 (TavlaFeedbackSummary, 1);
  g_autoptr(TavlaDepartment) found = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) by_department = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *trimmed = tavla_board_dup_trimmed (period);
  TavlaStoreFeedbackQuery query = { 0 };
  TavlaFeedbackStore *store = NULL;
  TavlaPeriod parsed = { 0 };

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = get_feedback_store (self, error)) == NULL)
    return NULL;
  if (trimmed == NULL)
    {
      tavla_board_field_errorf ("period", NULL, error, "%s",
                    _("Period is empty; write a tertial like 2026-T3."));
      return NULL;
    }
  if (!period_days (trimmed, &from, &to, error))
    return NULL;
  if (tavla_board_is_given (department) &&
      (found = tavla_board_find_department_for (self, department, NULL, error)) == NULL)
    return NULL;

  tavla_period_parse (trimmed, &parsed, NULL);
  summary->period = tavla_period_format (&parsed);
  summary->department = found != NULL ? g_strdup (tavla_department_get_name (found)) : NULL;
  summary->departments = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);

  query.from = from;
  query.to = to;
  query.department_id = found != NULL ? tavla_department_get_id (found) : 0;
  if ((rows = tavla_feedback_store_list_feedback (store, &query, error)) == NULL ||
      (ids = tavla_feedback_store_list_items (store, &query, 0, error)) == NULL ||
      (summary->items = items_by_id (self, ids, error)) == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      TavlaFeedback *feedback = g_ptr_array_index (rows, i);
      gint64 department_id = tavla_feedback_get_department_id (feedback);
      TavlaFeedbackCount *count = g_hash_table_lookup (by_department, &department_id);

      if (count == NULL)
        {
          count = g_new0 (TavlaFeedbackCount, 1);
          count->department_id = department_id;
          count->department = g_strdup (tavla_feedback_get_department (feedback));
          g_ptr_array_add (summary->departments, count);
          g_hash_table_insert (by_department, &count->department_id, count);
        }
      count_add (count, feedback);
      count_add (&summary->all, feedback);
    }

  g_ptr_array_sort (summary->departments, compare_counts);

  return g_steal_pointer (&summary);
}
