/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tavla-error.h"
#include "tavla-sqlite-meetings.h"
#include "tavla-sqlite-store-private.h"

/*
 * The fourth part of the SQLite store: meetings, their attendees, agenda
 * entries and decisions (TavlaMeetingStore). Rows in, rows out; the rules
 * are the board's (tavla-board-meetings.c).
 */

#define STORE(s) TAVLA_SQLITE_STORE (s)

static gboolean
damaged (GError     **error,
         const char  *what)
{
  g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
               _("The database holds an unknown %s; it may come from a newer Tavla or be damaged."), what);
  return FALSE;
}

static gboolean
finish (TavlaSqliteStore  *self,
        int                rc,
        GError           **error)
{
  if (rc != SQLITE_DONE)
    return tavla_sqlite_store_fail (self, rc, error);

  return TRUE;
}

/* The attendees of one meeting, by name. */
static GStrv
read_attendees (TavlaSqliteStore  *self,
                gint64             meeting_id,
                GError           **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self,
                                       "SELECT p.name FROM meeting_attendee a JOIN person p ON p.id = a.person_id"
                                       " WHERE a.meeting_id = ?1 ORDER BY p.name", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));

  if (!finish (self, rc, error))
    return NULL;

  return g_strv_builder_end (builder);
}

#define MEETING_COLUMNS \
  "SELECT m.id, m.version, m.kind, m.date, m.department_id, d.name, m.state, m.position," \
  " m.started, m.closed, m.created, m.updated," \
  " (SELECT count (*) FROM meeting_entry e WHERE e.meeting_id = m.id)," \
  " (SELECT count (*) FROM meeting_entry e WHERE e.meeting_id = m.id AND e.outcome != 'pending')" \
  " FROM meeting m LEFT JOIN department d ON d.id = m.department_id"

/* Reads the meetings of @stmt (MEETING_COLUMNS). */
static GPtrArray *
read_meetings (TavlaSqliteStore  *self,
               sqlite3_stmt      *stmt,
               GError           **error)
{
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  int rc = SQLITE_OK;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TavlaMeetingFields fields = { 0 };

      fields.id = sqlite3_column_int64 (stmt, 0);
      fields.version = sqlite3_column_int64 (stmt, 1);
      if (!tavla_meeting_kind_from_string (column_text (stmt, 2), &fields.kind))
        return damaged (error, _("kind of meeting")), NULL;
      fields.date = column_text (stmt, 3);
      fields.department_id = sqlite3_column_int64 (stmt, 4);
      fields.department = column_text (stmt, 5);
      if (!tavla_meeting_state_from_string (column_text (stmt, 6), &fields.state))
        return damaged (error, _("state of a meeting")), NULL;
      fields.position = (guint) sqlite3_column_int64 (stmt, 7);
      fields.started = column_text (stmt, 8);
      fields.closed = column_text (stmt, 9);
      fields.created = column_text (stmt, 10);
      fields.updated = column_text (stmt, 11);
      fields.n_entries = (guint) sqlite3_column_int64 (stmt, 12);
      fields.n_handled = (guint) sqlite3_column_int64 (stmt, 13);
      g_ptr_array_add (meetings, tavla_meeting_new (&fields));
    }

  if (!finish (self, rc, error))
    return NULL;

  /* The attendees after the meetings: a statement of the cache must not
   * be stepped while another one is still in use. */
  return g_steal_pointer (&meetings);
}

static TavlaMeeting *
with_attendees (TavlaSqliteStore  *self,
                TavlaMeeting      *meeting,
                GError           **error)
{
  g_auto(GStrv) attendees = read_attendees (self, tavla_meeting_get_id (meeting), error);
  TavlaMeetingFields fields = { 0 };

  if (attendees == NULL)
    return NULL;

  fields.id = tavla_meeting_get_id (meeting);
  fields.version = tavla_meeting_get_version (meeting);
  fields.kind = tavla_meeting_get_kind (meeting);
  fields.date = tavla_meeting_get_date (meeting);
  fields.department_id = tavla_meeting_get_department_id (meeting);
  fields.department = tavla_meeting_get_department (meeting);
  fields.state = tavla_meeting_get_state (meeting);
  fields.attendees = (const char * const *) attendees;
  fields.position = tavla_meeting_get_position (meeting);
  fields.n_entries = tavla_meeting_get_n_entries (meeting);
  fields.n_handled = tavla_meeting_get_n_handled (meeting);
  fields.started = tavla_meeting_get_started (meeting);
  fields.closed = tavla_meeting_get_closed (meeting);
  fields.created = tavla_meeting_get_created (meeting);
  fields.updated = tavla_meeting_get_updated (meeting);

  return tavla_meeting_new (&fields);
}

static GPtrArray *
complete_meetings (TavlaSqliteStore  *self,
                   GPtrArray         *bare,
                   GError           **error)
{
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < bare->len; i++)
    {
      TavlaMeeting *meeting = with_attendees (self, g_ptr_array_index (bare, i), error);

      if (meeting == NULL)
        return NULL;
      g_ptr_array_add (meetings, meeting);
    }

  return g_steal_pointer (&meetings);
}

static GPtrArray *
tavla_sqlite_meetings_list (TavlaMeetingStore  *store,
                            GError            **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) bare = NULL;

  {
    AUTO_RESET sqlite3_stmt *stmt = NULL;

    stmt = tavla_sqlite_store_statement (self, MEETING_COLUMNS " ORDER BY m.date DESC, m.id DESC", error);
    if (stmt == NULL || (bare = read_meetings (self, stmt, error)) == NULL)
      return NULL;
  }

  return complete_meetings (self, bare, error);
}

static TavlaMeeting *
tavla_sqlite_meetings_get (TavlaMeetingStore  *store,
                           gint64              id,
                           GError            **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) bare = NULL;
  g_autoptr(GPtrArray) meetings = NULL;

  {
    AUTO_RESET sqlite3_stmt *stmt = NULL;

    stmt = tavla_sqlite_store_statement (self, MEETING_COLUMNS " WHERE m.id = ?1", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    if ((bare = read_meetings (self, stmt, error)) == NULL)
      return NULL;
  }

  if (bare->len == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND,
                   _("There is no meeting %s; see the meetings with “tavla-cli meeting list”."), number);
      return NULL;
    }

  if ((meetings = complete_meetings (self, bare, error)) == NULL)
    return NULL;

  return g_object_ref (g_ptr_array_index (meetings, 0));
}

static char *
tavla_sqlite_meetings_get_agenda_json (TavlaMeetingStore  *store,
                                       gint64              id,
                                       GError            **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  g_autofree char *json = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self, "SELECT agenda_json FROM meeting WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json = g_strdup (column_text (stmt, 0));
      rc = sqlite3_step (stmt);
    }

  if (!finish (self, rc, error))
    return NULL;

  return g_steal_pointer (&json);
}

static gint64
tavla_sqlite_meetings_insert (TavlaMeetingStore           *store,
                              const TavlaStoreMeetingRow  *row,
                              GError                     **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return 0;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO meeting (kind, date, department_id, state, agenda_json,"
                                       " position, started, closed, version, created, updated)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?9)", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, tavla_meeting_kind_to_string (row->kind), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 2, row->date);
  bind_id_or_null (stmt, 3, row->department_id);
  sqlite3_bind_text (stmt, 4, tavla_meeting_state_to_string (row->state), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 5, row->agenda_json);
  sqlite3_bind_int64 (stmt, 6, row->position);
  bind_text_or_null (stmt, 7, row->started);
  bind_text_or_null (stmt, 8, row->closed);
  bind_text_or_null (stmt, 9, row->created);

  return tavla_sqlite_store_step_insert (self, stmt, error);
}

static gboolean
tavla_sqlite_meetings_update (TavlaMeetingStore           *store,
                              const TavlaStoreMeetingRow  *row,
                              GError                     **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "UPDATE meeting SET state = ?1, agenda_json = coalesce (?2, agenda_json),"
                                       " position = ?3, started = ?4, closed = ?5, updated = ?6,"
                                       " version = version + 1 WHERE id = ?7 AND version = ?8", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, tavla_meeting_state_to_string (row->state), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 2, row->agenda_json);
  sqlite3_bind_int64 (stmt, 3, row->position);
  bind_text_or_null (stmt, 4, row->started);
  bind_text_or_null (stmt, 5, row->closed);
  bind_text_or_null (stmt, 6, row->updated);
  sqlite3_bind_int64 (stmt, 7, row->id);
  sqlite3_bind_int64 (stmt, 8, row->version);

  if (!tavla_sqlite_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT,
                   _("Someone else changed this meeting first; reload it and try again."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
tavla_sqlite_meetings_add_attendee (TavlaMeetingStore  *store,
                                    gint64              meeting_id,
                                    gint64              person_id,
                                    GError            **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT OR IGNORE INTO meeting_attendee (meeting_id, person_id)"
                                       " VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);

  return tavla_sqlite_store_step_done (self, stmt, error);
}

static gboolean
tavla_sqlite_meetings_insert_entry (TavlaMeetingStore                *store,
                                    gint64                            meeting_id,
                                    const TavlaStoreMeetingEntryRow  *row,
                                    GError                          **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO meeting_entry (meeting_id, position, section, kind,"
                                       " target_id, outcome, handled) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, row->position);
  bind_text_or_null (stmt, 3, row->section);
  bind_text_or_null (stmt, 4, row->kind);
  bind_id_or_null (stmt, 5, row->target_id);
  sqlite3_bind_text (stmt, 6, tavla_outcome_to_string (row->outcome), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 7, row->handled);

  return tavla_sqlite_store_step_done (self, stmt, error);
}

static void
entry_row_clear (TavlaStoreMeetingEntryRow *row)
{
  g_free ((char *) row->section);
  g_free ((char *) row->kind);
  g_free ((char *) row->handled);
}

static GArray *
tavla_sqlite_meetings_list_entries (TavlaMeetingStore  *store,
                                    gint64              meeting_id,
                                    GError            **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (TavlaStoreMeetingEntryRow));
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  g_array_set_clear_func (rows, (GDestroyNotify) entry_row_clear);

  stmt = tavla_sqlite_store_statement (self,
                                       "SELECT position, section, kind, target_id, outcome, handled"
                                       " FROM meeting_entry WHERE meeting_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TavlaStoreMeetingEntryRow row = { 0 };

      if (!tavla_outcome_from_string (column_text (stmt, 4), &row.outcome))
        return damaged (error, _("outcome of an agenda entry")), NULL;
      row.position = (guint) sqlite3_column_int64 (stmt, 0);
      row.section = g_strdup (column_text (stmt, 1));
      row.kind = g_strdup (column_text (stmt, 2));
      row.target_id = sqlite3_column_int64 (stmt, 3);
      row.handled = g_strdup (column_text (stmt, 5));
      g_array_append_val (rows, row);
    }

  if (!finish (self, rc, error))
    return NULL;

  return g_steal_pointer (&rows);
}

static gboolean
tavla_sqlite_meetings_set_entry_outcome (TavlaMeetingStore  *store,
                                         gint64              meeting_id,
                                         guint               position,
                                         TavlaOutcome        outcome,
                                         const char         *handled,
                                         GError            **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "UPDATE meeting_entry SET outcome = ?3, handled = ?4"
                                       " WHERE meeting_id = ?1 AND position = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, tavla_outcome_to_string (outcome), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, handled);

  return tavla_sqlite_store_step_done (self, stmt, error);
}

static gboolean
tavla_sqlite_meetings_mark_item_entries (TavlaMeetingStore  *store,
                                         gint64              meeting_id,
                                         gint64              item_id,
                                         TavlaOutcome        outcome,
                                         const char         *handled,
                                         GError            **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "UPDATE meeting_entry SET outcome = ?3, handled = ?4"
                                       " WHERE meeting_id = ?1 AND kind = 'item' AND target_id = ?2"
                                       " AND outcome IN ('pending', 'kept', 'skipped')", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  sqlite3_bind_text (stmt, 3, tavla_outcome_to_string (outcome), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, handled);

  return tavla_sqlite_store_step_done (self, stmt, error);
}

static gint64
tavla_sqlite_meetings_insert_decision (TavlaMeetingStore  *store,
                                       gint64              meeting_id,
                                       const char         *text,
                                       gint64              item_id,
                                       const char         *created,
                                       GError            **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return 0;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO decision (meeting_id, text, item_id, version, created)"
                                       " VALUES (?1, ?2, ?3, 1, ?4)", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  bind_text_or_null (stmt, 2, text);
  bind_id_or_null (stmt, 3, item_id);
  bind_text_or_null (stmt, 4, created);

  return tavla_sqlite_store_step_insert (self, stmt, error);
}

static GPtrArray *
tavla_sqlite_meetings_list_decisions (TavlaMeetingStore  *store,
                                      gint64              meeting_id,
                                      GError            **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_decision_free);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self,
                                       "SELECT d.id, d.text, d.item_id, i.title, d.created FROM decision d"
                                       " LEFT JOIN item i ON i.id = d.item_id WHERE d.meeting_id = ?1 ORDER BY d.id",
                                       error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TavlaDecision *decision = g_new0 (TavlaDecision, 1);

      decision->id = sqlite3_column_int64 (stmt, 0);
      decision->meeting_id = meeting_id;
      decision->text = g_strdup (column_text (stmt, 1));
      decision->item_id = sqlite3_column_int64 (stmt, 2);
      decision->item_title = g_strdup (column_text (stmt, 3));
      decision->created = g_strdup (column_text (stmt, 4));
      g_ptr_array_add (decisions, decision);
    }

  if (!finish (self, rc, error))
    return NULL;

  return g_steal_pointer (&decisions);
}

static GPtrArray *
tavla_sqlite_meetings_list_history (TavlaMeetingStore  *store,
                                    gint64              meeting_id,
                                    GError            **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self,
                                       "SELECT id, change_id, object_id, at, actor, field, old_value, new_value,"
                                       " note, meeting_id FROM history"
                                       " WHERE meeting_id = ?1 AND object_kind = 'item'"
                                       " ORDER BY object_id, id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TavlaHistoryFields fields = {
        .id = sqlite3_column_int64 (stmt, 0),
        .change_id = sqlite3_column_int64 (stmt, 1),
        .object_id = sqlite3_column_int64 (stmt, 2),
        .at = column_text (stmt, 3),
        .actor = column_text (stmt, 4),
        .field = column_text (stmt, 5),
        .old_value = column_text (stmt, 6),
        .new_value = column_text (stmt, 7),
        .note = column_text (stmt, 8),
        .meeting_id = sqlite3_column_int64 (stmt, 9),
      };

      g_ptr_array_add (entries, tavla_history_entry_new (&fields));
    }

  if (!finish (self, rc, error))
    return NULL;

  return g_steal_pointer (&entries);
}

static GArray *
tavla_sqlite_meetings_list_finished_since (TavlaMeetingStore  *store,
                                           const char         *since,
                                           GError            **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self,
                                       "SELECT DISTINCT object_id FROM history WHERE object_kind = 'item'"
                                       " AND field = 'status' AND new_value IN ('done', 'rejected')"
                                       " AND at >= ?1 ORDER BY object_id", error);
  if (stmt == NULL)
    return NULL;

  bind_text_or_null (stmt, 1, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (!finish (self, rc, error))
    return NULL;

  return g_steal_pointer (&ids);
}

void
tavla_sqlite_meetings_interface_init (TavlaMeetingStoreInterface *iface)
{
  iface->list_meetings = tavla_sqlite_meetings_list;
  iface->get_meeting = tavla_sqlite_meetings_get;
  iface->get_agenda_json = tavla_sqlite_meetings_get_agenda_json;
  iface->insert_meeting = tavla_sqlite_meetings_insert;
  iface->update_meeting = tavla_sqlite_meetings_update;
  iface->add_attendee = tavla_sqlite_meetings_add_attendee;
  iface->insert_entry = tavla_sqlite_meetings_insert_entry;
  iface->list_entries = tavla_sqlite_meetings_list_entries;
  iface->set_entry_outcome = tavla_sqlite_meetings_set_entry_outcome;
  iface->mark_item_entries = tavla_sqlite_meetings_mark_item_entries;
  iface->insert_decision = tavla_sqlite_meetings_insert_decision;
  iface->list_decisions = tavla_sqlite_meetings_list_decisions;
  iface->list_meeting_history = tavla_sqlite_meetings_list_history;
  iface->list_finished_since = tavla_sqlite_meetings_list_finished_since;
}
