/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_HISTORY_ENTRY (tavla_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (TavlaHistoryEntry, tavla_history_entry, TAVLA, HISTORY_ENTRY, GObject)

/*
 * One row of an object's append-only history: one field changed in one
 * change (rows of the same change share change_id). field is the machine
 * name ("created", "title", "status", "mark", "owner", "due", "department",
 * "description", "source", "strategic", "link", "undo"; for measurements
 * "value", "numerator", "denominator", "respondents"; for deviations
 * "cause"); old and new are the machine values (NULL when absent).
 * meeting_id is 0 when the change was not made in a meeting.
 */
typedef struct
{
  gint64      id;
  gint64      change_id;
  gint64      object_id;
  const char *at;
  const char *actor;
  const char *field;
  const char *old_value;
  const char *new_value;
  const char *note;
  gint64      meeting_id;
} TavlaHistoryFields;

TavlaHistoryEntry *tavla_history_entry_new           (const TavlaHistoryFields *fields);
gint64             tavla_history_entry_get_id        (TavlaHistoryEntry *self);
gint64             tavla_history_entry_get_change_id (TavlaHistoryEntry *self);
gint64             tavla_history_entry_get_object_id (TavlaHistoryEntry *self);
const char        *tavla_history_entry_get_at        (TavlaHistoryEntry *self);
const char        *tavla_history_entry_get_actor     (TavlaHistoryEntry *self);
const char        *tavla_history_entry_get_field     (TavlaHistoryEntry *self);
const char        *tavla_history_entry_get_old_value (TavlaHistoryEntry *self);
const char        *tavla_history_entry_get_new_value (TavlaHistoryEntry *self);
const char        *tavla_history_entry_get_note      (TavlaHistoryEntry *self);
gint64             tavla_history_entry_get_meeting_id (TavlaHistoryEntry *self);

/* A sentence for the timeline, translated: "Status: New → In progress". */
char              *tavla_history_entry_describe      (TavlaHistoryEntry *self);

G_END_DECLS
