/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "tavla-store-meetings.h"

G_DEFINE_INTERFACE (TavlaMeetingStore, tavla_meeting_store, G_TYPE_OBJECT)

static void
tavla_meeting_store_default_init (TavlaMeetingStoreInterface *iface)
{
}

GPtrArray *
tavla_meeting_store_list_meetings (TavlaMeetingStore  *self,
                                   GError            **error)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_STORE (self), NULL);
  return TAVLA_MEETING_STORE_GET_IFACE (self)->list_meetings (self, error);
}

TavlaMeeting *
tavla_meeting_store_get_meeting (TavlaMeetingStore  *self,
                                 gint64              id,
                                 GError            **error)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_STORE (self), NULL);
  return TAVLA_MEETING_STORE_GET_IFACE (self)->get_meeting (self, id, error);
}

char *
tavla_meeting_store_get_agenda_json (TavlaMeetingStore  *self,
                                     gint64              id,
                                     GError            **error)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_STORE (self), NULL);
  return TAVLA_MEETING_STORE_GET_IFACE (self)->get_agenda_json (self, id, error);
}

gint64
tavla_meeting_store_insert_meeting (TavlaMeetingStore           *self,
                                    const TavlaStoreMeetingRow  *row,
                                    GError                     **error)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_STORE (self), 0);
  return TAVLA_MEETING_STORE_GET_IFACE (self)->insert_meeting (self, row, error);
}

gboolean
tavla_meeting_store_update_meeting (TavlaMeetingStore           *self,
                                    const TavlaStoreMeetingRow  *row,
                                    GError                     **error)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_STORE (self), FALSE);
  return TAVLA_MEETING_STORE_GET_IFACE (self)->update_meeting (self, row, error);
}

gboolean
tavla_meeting_store_add_attendee (TavlaMeetingStore  *self,
                                  gint64              meeting_id,
                                  gint64              person_id,
                                  GError            **error)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_STORE (self), FALSE);
  return TAVLA_MEETING_STORE_GET_IFACE (self)->add_attendee (self, meeting_id, person_id, error);
}

gboolean
tavla_meeting_store_insert_entry (TavlaMeetingStore                *self,
                                  gint64                            meeting_id,
                                  const TavlaStoreMeetingEntryRow  *row,
                                  GError                          **error)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_STORE (self), FALSE);
  return TAVLA_MEETING_STORE_GET_IFACE (self)->insert_entry (self, meeting_id, row, error);
}

GArray *
tavla_meeting_store_list_entries (TavlaMeetingStore  *self,
                                  gint64              meeting_id,
                                  GError            **error)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_STORE (self), NULL);
  return TAVLA_MEETING_STORE_GET_IFACE (self)->list_entries (self, meeting_id, error);
}

gboolean
tavla_meeting_store_set_entry_outcome (TavlaMeetingStore  *self,
                                       gint64              meeting_id,
                                       guint               position,
                                       TavlaOutcome        outcome,
                                       const char         *handled,
                                       GError            **error)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_STORE (self), FALSE);
  return TAVLA_MEETING_STORE_GET_IFACE (self)->set_entry_outcome (self, meeting_id, position, outcome, handled, error);
}

gboolean
tavla_meeting_store_mark_item_entries (TavlaMeetingStore  *self,
                                       gint64              meeting_id,
                                       gint64              item_id,
                                       TavlaOutcome        outcome,
                                       const char         *handled,
                                       GError            **error)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_STORE (self), FALSE);
  return TAVLA_MEETING_STORE_GET_IFACE (self)->mark_item_entries (self, meeting_id, item_id, outcome, handled, error);
}

gint64
tavla_meeting_store_insert_decision (TavlaMeetingStore  *self,
                                     gint64              meeting_id,
                                     const char         *text,
                                     gint64              item_id,
                                     const char         *created,
                                     GError            **error)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_STORE (self), 0);
  return TAVLA_MEETING_STORE_GET_IFACE (self)->insert_decision (self, meeting_id, text, item_id, created, error);
}

GPtrArray *
tavla_meeting_store_list_decisions (TavlaMeetingStore  *self,
                                    gint64              meeting_id,
                                    GError            **error)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_STORE (self), NULL);
  return TAVLA_MEETING_STORE_GET_IFACE (self)->list_decisions (self, meeting_id, error);
}

GPtrArray *
tavla_meeting_store_list_meeting_history (TavlaMeetingStore  *self,
                                          gint64              meeting_id,
                                          GError            **error)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_STORE (self), NULL);
  return TAVLA_MEETING_STORE_GET_IFACE (self)->list_meeting_history (self, meeting_id, error);
}

GArray *
tavla_meeting_store_list_finished_since (TavlaMeetingStore  *self,
                                         const char         *since,
                                         GError            **error)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_STORE (self), NULL);
  return TAVLA_MEETING_STORE_GET_IFACE (self)->list_finished_since (self, since, error);
}
