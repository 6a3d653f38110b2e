/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Citizen feedback (synpunkter), issue 7: what a citizen said about a
 * department's service, registered by the centre and compiled per
 * department at each tertial follow-up. The objects here are immutable
 * snapshots built by the board (tavla-board-feedback.h); the rules live
 * there.
 *
 * Machine names (database, CLI and JSON):
 * Channel: "phone", "email", "visit", "e-service", "letter", "social";
 *   "other" only on rows from before the register had its channels (it is
 *   shown and counted, never accepted as input).
 * Category: "complaint", "suggestion", "praise", "question"; "other" the
 *   same way.
 */

typedef enum
{
  TAVLA_FEEDBACK_CHANNEL_PHONE,
  TAVLA_FEEDBACK_CHANNEL_EMAIL,
  TAVLA_FEEDBACK_CHANNEL_VISIT,
  TAVLA_FEEDBACK_CHANNEL_E_SERVICE,
  TAVLA_FEEDBACK_CHANNEL_LETTER,
  TAVLA_FEEDBACK_CHANNEL_SOCIAL,
  TAVLA_FEEDBACK_CHANNEL_OTHER,
} TavlaFeedbackChannel;

/* The channels a user can choose (all but "other"). */
#define TAVLA_N_FEEDBACK_CHANNELS 6

typedef enum
{
  TAVLA_FEEDBACK_CATEGORY_COMPLAINT,
  TAVLA_FEEDBACK_CATEGORY_SUGGESTION,
  TAVLA_FEEDBACK_CATEGORY_PRAISE,
  TAVLA_FEEDBACK_CATEGORY_QUESTION,
  TAVLA_FEEDBACK_CATEGORY_OTHER,
} TavlaFeedbackCategory;

#define TAVLA_N_FEEDBACK_CATEGORIES 4

/* Machine names; from_string() returns FALSE for an unknown name and
 * accepts the legacy "other". */
const char *tavla_feedback_channel_to_string    (TavlaFeedbackChannel    channel);
gboolean    tavla_feedback_channel_from_string  (const char             *text,
                                                 TavlaFeedbackChannel   *out_channel);
const char *tavla_feedback_category_to_string   (TavlaFeedbackCategory   category);
gboolean    tavla_feedback_category_from_string (const char             *text,
                                                 TavlaFeedbackCategory  *out_category);
/* Translated labels ("E-service" / "E-tjänst", "Complaint" / "Klagomål"). */
const char *tavla_feedback_channel_get_label    (TavlaFeedbackChannel    channel);
const char *tavla_feedback_category_get_label   (TavlaFeedbackCategory   category);

#define TAVLA_TYPE_FEEDBACK (tavla_feedback_get_type ())
G_DECLARE_FINAL_TYPE (TavlaFeedback, tavla_feedback, TAVLA, FEEDBACK, GObject)

/* What the store read; strings borrowed (copied by tavla_feedback_new()). */
typedef struct
{
  gint64                 id;
  gint64                 version;
  const char            *date;
  TavlaFeedbackChannel   channel;
  gint64                 department_id;
  const char            *department;
  TavlaFeedbackCategory  category;
  const char            *text;
  gboolean               personal_data;
  gboolean               passed_on;
  const char            *passed_on_date;
  const char            *purged;
  guint                  n_items;
  const char            *created;
  const char            *updated;
} TavlaFeedbackFields;

TavlaFeedback         *tavla_feedback_new                (const TavlaFeedbackFields *fields);
gint64                 tavla_feedback_get_id             (TavlaFeedback *self);
gint64                 tavla_feedback_get_version        (TavlaFeedback *self);
const char            *tavla_feedback_get_date           (TavlaFeedback *self);
TavlaFeedbackChannel   tavla_feedback_get_channel        (TavlaFeedback *self);
gint64                 tavla_feedback_get_department_id  (TavlaFeedback *self);
/* The department's name; NULL only on legacy rows without one. */
const char            *tavla_feedback_get_department     (TavlaFeedback *self);
TavlaFeedbackCategory  tavla_feedback_get_category       (TavlaFeedback *self);
/* The text as registered; NULL once it was purged. */
const char            *tavla_feedback_get_text           (TavlaFeedback *self);
/* The text, or once purged the translated marker "Text removed on
 * 2026-12-06 (personal data)". */
char                  *tavla_feedback_dup_display_text   (TavlaFeedback *self);
gboolean               tavla_feedback_get_personal_data  (TavlaFeedback *self);
gboolean               tavla_feedback_get_passed_on      (TavlaFeedback *self);
const char            *tavla_feedback_get_passed_on_date (TavlaFeedback *self);
/* The day the text was purged; NULL when it was not. */
const char            *tavla_feedback_get_purged         (TavlaFeedback *self);
/* How many improvement items are linked to it. */
guint                  tavla_feedback_get_n_items        (TavlaFeedback *self);
const char            *tavla_feedback_get_created        (TavlaFeedback *self);
const char            *tavla_feedback_get_updated        (TavlaFeedback *self);
/* Folded department, category, channel and text, for a search box. */
const char            *tavla_feedback_get_search_key     (TavlaFeedback *self);

G_END_DECLS
