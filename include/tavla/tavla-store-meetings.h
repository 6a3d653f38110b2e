/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-history-entry.h"
#include "tavla-meeting.h"

G_BEGIN_DECLS

/*
 * The persistence of meetings (issue 6): an interface a TavlaStore
 * implements next to its own vfuncs (TavlaSqliteStore does, in
 * tavla-sqlite-meetings.c). Rows in, rows out, no rules: those are the
 * board's (tavla-board-meetings.c). Writes happen inside the store's
 * begin_write() / commit().
 */

#define TAVLA_TYPE_MEETING_STORE (tavla_meeting_store_get_type ())
G_DECLARE_INTERFACE (TavlaMeetingStore, tavla_meeting_store, TAVLA, MEETING_STORE, GObject)

/* The stored form of a meeting. */
typedef struct
{
  gint64             id;
  gint64             version;         /* for update: the version it is based on */
  TavlaMeetingKind   kind;
  const char        *date;
  gint64             department_id;   /* 0 for none */
  TavlaMeetingState  state;
  const char        *agenda_json;
  guint              position;
  const char        *started;
  const char        *closed;
  const char        *created;
  const char        *updated;
} TavlaStoreMeetingRow;

/* One agenda entry of a started meeting. */
typedef struct
{
  guint         position;
  const char   *section;
  const char   *kind;
  gint64        target_id;            /* 0 for none */
  TavlaOutcome  outcome;
  const char   *handled;
} TavlaStoreMeetingEntryRow;

struct _TavlaMeetingStoreInterface
{
  GTypeInterface g_iface;

  /* TavlaMeeting, newest date first, then newest id. */
  GPtrArray    *(*list_meetings)      (TavlaMeetingStore               *self,
                                       GError                         **error);
  /* TAVLA_STORE_ERROR_NOT_FOUND when there is none. */
  TavlaMeeting *(*get_meeting)        (TavlaMeetingStore               *self,
                                       gint64                           id,
                                       GError                         **error);
  /* The stored agenda JSON (NULL for none, with @error unset). */
  char         *(*get_agenda_json)    (TavlaMeetingStore               *self,
                                       gint64                           id,
                                       GError                         **error);
  gint64        (*insert_meeting)     (TavlaMeetingStore               *self,
                                       const TavlaStoreMeetingRow      *row,
                                       GError                         **error);
  /* Writes state, agenda (when not NULL), position, started, closed and
   * updated when the version still is row->version, raising it by one;
   * otherwise TAVLA_STORE_ERROR_CONFLICT. */
  gboolean      (*update_meeting)     (TavlaMeetingStore               *self,
                                       const TavlaStoreMeetingRow      *row,
                                       GError                         **error);
  gboolean      (*add_attendee)       (TavlaMeetingStore               *self,
                                       gint64                           meeting_id,
                                       gint64                           person_id,
                                       GError                         **error);
  gboolean      (*insert_entry)       (TavlaMeetingStore               *self,
                                       gint64                           meeting_id,
                                       const TavlaStoreMeetingEntryRow *row,
                                       GError                         **error);
  /* Element type TavlaStoreMeetingEntryRow, ordered by position; the
   * strings live as long as the array. */
  GArray       *(*list_entries)       (TavlaMeetingStore               *self,
                                       gint64                           meeting_id,
                                       GError                         **error);
  gboolean      (*set_entry_outcome)  (TavlaMeetingStore               *self,
                                       gint64                           meeting_id,
                                       guint                            position,
                                       TavlaOutcome                     outcome,
                                       const char                      *handled,
                                       GError                         **error);
  /* Marks the pending, kept or skipped entries about item @item_id with
   * @outcome. */
  gboolean      (*mark_item_entries)  (TavlaMeetingStore               *self,
                                       gint64                           meeting_id,
                                       gint64                           item_id,
                                       TavlaOutcome                     outcome,
                                       const char                      *handled,
                                       GError                         **error);
  gint64        (*insert_decision)    (TavlaMeetingStore               *self,
                                       gint64                           meeting_id,
                                       const char                      *text,
                                       gint64                           item_id,
                                       const char                      *created,
                                       GError                         **error);
  /* TavlaDecision, oldest first. */
  GPtrArray    *(*list_decisions)     (TavlaMeetingStore               *self,
                                       gint64                           meeting_id,
                                       GError                         **error);
  /* The item history rows written in the meeting (TavlaHistoryEntry), by
   * item, then time. */
  GPtrArray    *(*list_meeting_history) (TavlaMeetingStore             *self,
                                         gint64                         meeting_id,
                                         GError                       **error);
  /* Ids of items whose status was set to done or rejected at or after
   * @since (an ISO date or timestamp), ascending (GArray of gint64). */
  GArray       *(*list_finished_since) (TavlaMeetingStore              *self,
                                        const char                     *since,
                                        GError                        **error);
};

GPtrArray    *tavla_meeting_store_list_meetings        (TavlaMeetingStore               *self,
                                                        GError                         **error);
TavlaMeeting *tavla_meeting_store_get_meeting          (TavlaMeetingStore               *self,
                                                        gint64                           id,
                                                        GError                         **error);
char         *tavla_meeting_store_get_agenda_json      (TavlaMeetingStore               *self,
                                                        gint64                           id,
                                                        GError                         **error);
gint64        tavla_meeting_store_insert_meeting       (TavlaMeetingStore               *self,
                                                        const TavlaStoreMeetingRow      *row,
                                                        GError                         **error);
gboolean      tavla_meeting_store_update_meeting       (TavlaMeetingStore               *self,
                                                        const TavlaStoreMeetingRow      *row,
                                                        GError                         **error);
gboolean      tavla_meeting_store_add_attendee         (TavlaMeetingStore               *self,
                                                        gint64                           meeting_id,
                                                        gint64                           person_id,
                                                        GError                         **error);
gboolean      tavla_meeting_store_insert_entry         (TavlaMeetingStore               *self,
                                                        gint64                           meeting_id,
                                                        const TavlaStoreMeetingEntryRow *row,
                                                        GError                         **error);
GArray       *tavla_meeting_store_list_entries         (TavlaMeetingStore               *self,
                                                        gint64                           meeting_id,
                                                        GError                         **error);
gboolean      tavla_meeting_store_set_entry_outcome    (TavlaMeetingStore               *self,
                                                        gint64                           meeting_id,
                                                        guint                            position,
                                                        TavlaOutcome                     outcome,
                                                        const char                      *handled,
                                                        GError                         **error);
gboolean      tavla_meeting_store_mark_item_entries    (TavlaMeetingStore               *self,
                                                        gint64                           meeting_id,
                                                        gint64                           item_id,
                                                        TavlaOutcome                     outcome,
                                                        const char                      *handled,
                                                        GError                         **error);
gint64        tavla_meeting_store_insert_decision      (TavlaMeetingStore               *self,
                                                        gint64                           meeting_id,
                                                        const char                      *text,
                                                        gint64                           item_id,
                                                        const char                      *created,
                                                        GError                         **error);
GPtrArray    *tavla_meeting_store_list_decisions       (TavlaMeetingStore               *self,
                                                        gint64                           meeting_id,
                                                        GError                         **error);
GPtrArray    *tavla_meeting_store_list_meeting_history (TavlaMeetingStore               *self,
                                                        gint64                           meeting_id,
                                                        GError                         **error);
GArray       *tavla_meeting_store_list_finished_since  (TavlaMeetingStore               *self,
                                                        const char                      *since,
                                                        GError                         **error);

G_END_DECLS
