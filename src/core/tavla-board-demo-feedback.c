/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "tavla-board-feedback.h"
#include "tavla-board-demo-private.h"
#include "tavla-board-private.h"
#include "tavla-error.h"

/*
 * The demo's citizen feedback (issue 7): about fourteen months of
 * synpunkter as a kundcenter registers them, spread over the departments,
 * channels and categories the way the seeds describe (mostly phone, then
 * e-mail and the e-services), some with personal data, most complaints
 * passed on to the department within days. The proposals of the demo
 * whose source is feedback are linked to the feedback they came from.
 * The "feedback" section of the demo file: days_ago, department, channel,
 * category, personal_data, passed_on_after_days, text and item (the title
 * of the proposal it started).
 */

/* From the store: the board's item model waits for the end of the
 * loader's batch. */
static gint64
find_item (TavlaBoard  *self,
           const char  *title,
           GError     **error)
{
  g_autoptr(GPtrArray) items = tavla_store_list_items (tavla_board_get_store (self), error);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      TavlaItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (tavla_item_get_title (item), title) == 0)
        return tavla_item_get_id (item);
    }
  if (items != NULL)
    tavla_demo_error (error, title);

  return 0;
}

static gboolean
load_one (TavlaBoard  *self,
          JsonObject  *object,
          GDateTime   *real_now,
          const char  *actor,
          GError     **error)
{
  const char *item_title = tavla_demo_member_string (object, "item");
  gint64 days_ago = -1;
  gint64 passed_on_after = -1;
  g_autofree char *date = NULL;
  g_autofree char *passed_on = NULL;
  g_autoptr(TavlaFeedback) feedback = NULL;
  TavlaFeedbackInput input = {
    .channel = tavla_demo_member_string (object, "channel"),
    .department = tavla_demo_member_string (object, "department"),
    .category = tavla_demo_member_string (object, "category"),
    .text = tavla_demo_member_string (object, "text"),
    .personal_data = json_object_get_boolean_member_with_default (object, "personal_data", FALSE),
  };
  gint64 registered_days_ago = 0;

  if (!tavla_demo_member_int (object, "days_ago", &days_ago) || days_ago < 0)
    return tavla_demo_error (error, "feedback");
  tavla_demo_member_int (object, "passed_on_after_days", &passed_on_after);

  registered_days_ago = days_ago;
  date = tavla_demo_date_days_from (real_now, -days_ago);
  input.date = date;
  if (passed_on_after >= 0)
    {
      registered_days_ago = MAX (0, days_ago - passed_on_after);
      passed_on = tavla_demo_date_days_from (real_now, -registered_days_ago);
      input.passed_on_date = passed_on;
    }

  /* Registered on the day it was passed on (or came in). */
  tavla_demo_set_clock_days_ago (real_now, registered_days_ago);
  if ((feedback = tavla_board_add_feedback (self, &input, actor, NULL, error)) == NULL)
    return FALSE;

  if (item_title != NULL)
    {
      gint64 item_id = find_item (self, item_title, error);
      g_autoptr(TavlaItem) item = NULL;

      if (item_id == 0)
        return FALSE;
      item = tavla_board_link_item_to_feedback (self, item_id, tavla_feedback_get_id (feedback), actor, error);
      if (item == NULL)
        return FALSE;
    }

  return TRUE;
}

gboolean
tavla_board_demo_load_feedback (TavlaBoard  *self,
                                JsonObject  *root,
                                GDateTime   *real_now,
                                GError     **error)
{
  /* Translators: who registered the demo's citizen feedback. */
  const char *actor = _("Demo board");
  JsonArray *feedback = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);

  if (!json_object_has_member (root, "feedback"))
    return TRUE;
  if ((feedback = tavla_demo_member_array (root, "feedback")) == NULL)
    return tavla_demo_error (error, "feedback");

  /* Oldest first, as they came in (the file lists the newest first). */
  for (guint i = json_array_get_length (feedback); i > 0; i--)
    {
      JsonObject *object = json_array_get_object_element (feedback, i - 1);

      if (object == NULL)
        return tavla_demo_error (error, "feedback");
      if (!load_one (self, object, real_now, actor, error))
        return FALSE;
    }

  return TRUE;
}
