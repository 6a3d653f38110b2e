/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "tavla-board-feedback.h"
#include "tavla-board-private.h"
#include "tavla-clock.h"
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

#define SECONDS_PER_DAY (24 * 60 * 60)

static void
set_clock_days_ago (GDateTime *real_now,
                    gint64     days_ago)
{
  g_autoptr(GDateTime) then = g_date_time_add_seconds (real_now, (gdouble) (-days_ago * SECONDS_PER_DAY));

  tavla_clock_set_now_override (then);
}

static char *
date_days_ago (GDateTime *real_now,
               gint64     days_ago)
{
  g_autoptr(GDateTime) then = g_date_time_add_seconds (real_now, (gdouble) (-days_ago * SECONDS_PER_DAY));

  return g_date_time_format (then, "%F");
}

static gboolean
demo_error (GError     **error,
            const char  *what)
{
  g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
               _("The demo data is damaged (%s); reinstall Tavla."), what);
  return FALSE;
}

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
    demo_error (error, title);

  return 0;
}

static gboolean
load_one (TavlaBoard  *self,
          JsonObject  *object,
          GDateTime   *real_now,
          const char  *actor,
          GError     **error)
{
  gint64 days_ago = json_object_get_int_member_with_default (object, "days_ago", -1);
  gint64 passed_on_after = json_object_get_int_member_with_default (object, "passed_on_after_days", -1);
  const char *item_title = json_object_get_string_member_with_default (object, "item", NULL);
  g_autofree char *date = NULL;
  g_autofree char *passed_on = NULL;
  g_autoptr(TavlaFeedback) feedback = NULL;
  TavlaFeedbackInput input = {
    .channel = json_object_get_string_member_with_default (object, "channel", NULL),
    .department = json_object_get_string_member_with_default (object, "department", NULL),
    .category = json_object_get_string_member_with_default (object, "category", NULL),
    .text = json_object_get_string_member_with_default (object, "text", NULL),
    .personal_data = json_object_get_boolean_member_with_default (object, "personal_data", FALSE),
  };
  gint64 registered_days_ago = days_ago;

  if (days_ago < 0)
    return demo_error (error, "feedback");

  date = date_days_ago (real_now, days_ago);
  input.date = date;
  if (passed_on_after >= 0)
    {
      registered_days_ago = MAX (0, days_ago - passed_on_after);
      passed_on = date_days_ago (real_now, registered_days_ago);
      input.passed_on_date = passed_on;
    }

  /* Registered on the day it was passed on (or came in). */
  set_clock_days_ago (real_now, registered_days_ago);
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
  if ((feedback = json_object_get_array_member (root, "feedback")) == NULL)
    return demo_error (error, "feedback");

  /* Oldest first, as they came in (the file lists the newest first). */
  for (guint i = json_array_get_length (feedback); i > 0; i--)
    {
      JsonObject *object = json_array_get_object_element (feedback, i - 1);

      if (object == NULL)
        return demo_error (error, "feedback");
      if (!load_one (self, object, real_now, actor, error))
        return FALSE;
    }

  return TRUE;
}
