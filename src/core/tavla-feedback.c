/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tavla-enum-private.h"
#include "tavla-feedback.h"
#include "tavla-rules.h"

/* The machine names, in enum order; the last one of each is the legacy
 * "other" that no input may choose. */
static const char *const channel_names[] = {
  "phone", "email", "visit", "e-service", "letter", "social", "other",
};

static const char *const category_names[] = {
  "complaint", "suggestion", "praise", "question", "other",
};

struct _TavlaFeedback
{
  GObject                parent_instance;

  gint64                 id;
  gint64                 version;
  char                  *date;
  TavlaFeedbackChannel   channel;
  gint64                 department_id;
  char                  *department;
  TavlaFeedbackCategory  category;
  char                  *text;
  gboolean               personal_data;
  gboolean               passed_on;
  char                  *passed_on_date;
  char                  *purged;
  guint                  n_items;
  char                  *created;
  char                  *updated;
  char                  *search_key;
};

G_DEFINE_FINAL_TYPE (TavlaFeedback, tavla_feedback, G_TYPE_OBJECT)

static void
tavla_feedback_finalize (GObject *object)
{
  TavlaFeedback *self = (TavlaFeedback *) object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->passed_on_date, g_free);
  g_clear_pointer (&self->purged, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->updated, g_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (tavla_feedback_parent_class)->finalize (object);
}

static void
tavla_feedback_class_init (TavlaFeedbackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tavla_feedback_finalize;
}

static void
tavla_feedback_init (TavlaFeedback *self)
{
}

const char *
tavla_feedback_channel_to_string (TavlaFeedbackChannel channel)
{
  g_return_val_if_fail (channel <= TAVLA_FEEDBACK_CHANNEL_OTHER, NULL);
  return channel_names[channel];
}

gboolean
tavla_feedback_channel_from_string (const char           *text,
                                    TavlaFeedbackChannel *out_channel)
{
  guint index = 0;

  if (!tavla_name_lookup (channel_names, G_N_ELEMENTS (channel_names), text, &index))
    return FALSE;
  *out_channel = index;
  return TRUE;
}

const char *
tavla_feedback_category_to_string (TavlaFeedbackCategory category)
{
  g_return_val_if_fail (category <= TAVLA_FEEDBACK_CATEGORY_OTHER, NULL);
  return category_names[category];
}

gboolean
tavla_feedback_category_from_string (const char            *text,
                                     TavlaFeedbackCategory *out_category)
{
  guint index = 0;

  if (!tavla_name_lookup (category_names, G_N_ELEMENTS (category_names), text, &index))
    return FALSE;
  *out_category = index;
  return TRUE;
}

const char *
tavla_feedback_channel_get_label (TavlaFeedbackChannel channel)
{
  switch (channel)
    {
    case TAVLA_FEEDBACK_CHANNEL_PHONE:
      return C_("feedback channel", "Phone");
    case TAVLA_FEEDBACK_CHANNEL_EMAIL:
      return C_("feedback channel", "Email");
    case TAVLA_FEEDBACK_CHANNEL_VISIT:
      return C_("feedback channel", "Visit");
    case TAVLA_FEEDBACK_CHANNEL_E_SERVICE:
      return C_("feedback channel", "E-service");
    case TAVLA_FEEDBACK_CHANNEL_LETTER:
      return C_("feedback channel", "Letter");
    case TAVLA_FEEDBACK_CHANNEL_SOCIAL:
      return C_("feedback channel", "Social media");
    case TAVLA_FEEDBACK_CHANNEL_OTHER:
      return C_("feedback channel", "Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tavla_feedback_category_get_label (TavlaFeedbackCategory category)
{
  switch (category)
    {
    case TAVLA_FEEDBACK_CATEGORY_COMPLAINT:
      return C_("feedback category", "Complaint");
    case TAVLA_FEEDBACK_CATEGORY_SUGGESTION:
      return C_("feedback category", "Suggestion");
    case TAVLA_FEEDBACK_CATEGORY_PRAISE:
      return C_("feedback category", "Praise");
    case TAVLA_FEEDBACK_CATEGORY_QUESTION:
      return C_("feedback category", "Question");
    case TAVLA_FEEDBACK_CATEGORY_OTHER:
      return C_("feedback category", "Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

TavlaFeedback *
tavla_feedback_new (const TavlaFeedbackFields *fields)
{
  TavlaFeedback *self = NULL;

  g_return_val_if_fail (fields != NULL, NULL);

  self = g_object_new (TAVLA_TYPE_FEEDBACK, NULL);
  self->id = fields->id;
  self->version = fields->version;
  self->date = g_strdup (fields->date);
  self->channel = fields->channel;
  self->department_id = fields->department_id;
  self->department = g_strdup (fields->department);
  self->category = fields->category;
  self->text = fields->purged != NULL ? NULL : g_strdup (fields->text);
  self->personal_data = fields->personal_data;
  self->passed_on = fields->passed_on;
  self->passed_on_date = g_strdup (fields->passed_on_date);
  self->purged = g_strdup (fields->purged);
  self->n_items = fields->n_items;
  self->created = g_strdup (fields->created);
  self->updated = g_strdup (fields->updated);

  return self;
}

gint64
tavla_feedback_get_id (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), 0);
  return self->id;
}

gint64
tavla_feedback_get_version (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), 0);
  return self->version;
}

const char *
tavla_feedback_get_date (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), NULL);
  return self->date;
}

TavlaFeedbackChannel
tavla_feedback_get_channel (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), TAVLA_FEEDBACK_CHANNEL_OTHER);
  return self->channel;
}

gint64
tavla_feedback_get_department_id (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), 0);
  return self->department_id;
}

const char *
tavla_feedback_get_department (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), NULL);
  return self->department;
}

TavlaFeedbackCategory
tavla_feedback_get_category (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), TAVLA_FEEDBACK_CATEGORY_OTHER);
  return self->category;
}

const char *
tavla_feedback_get_text (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), NULL);
  return self->text;
}

char *
tavla_feedback_dup_display_text (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), NULL);

  if (self->purged != NULL)
    /* Translators: shown instead of a feedback's text once it was purged;
     * %s is a date like 2026-12-06. */
    return g_strdup_printf (_("Text removed on %s (personal data)"), self->purged);

  return g_strdup (self->text);
}

gboolean
tavla_feedback_get_personal_data (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), FALSE);
  return self->personal_data;
}

gboolean
tavla_feedback_get_passed_on (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), FALSE);
  return self->passed_on;
}

const char *
tavla_feedback_get_passed_on_date (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), NULL);
  return self->passed_on_date;
}

const char *
tavla_feedback_get_purged (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), NULL);
  return self->purged;
}

guint
tavla_feedback_get_n_items (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), 0);
  return self->n_items;
}

const char *
tavla_feedback_get_created (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), NULL);
  return self->created;
}

const char *
tavla_feedback_get_updated (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), NULL);
  return self->updated;
}

const char *
tavla_feedback_get_search_key (TavlaFeedback *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK (self), NULL);

  if (self->search_key == NULL)
    {
      g_autofree char *joined = NULL;

      joined = g_strjoin ("\n",
                          self->department != NULL ? self->department : "",
                          tavla_feedback_category_get_label (self->category),
                          tavla_feedback_channel_get_label (self->channel),
                          self->text != NULL ? self->text : "",
                          NULL);
      self->search_key = tavla_text_fold (joined);
    }

  return self->search_key;
}
