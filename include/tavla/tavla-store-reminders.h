/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The persistence of "which reminder was shown to whom on which day"
 * (issue 8; table reminder_shown of schema step 3): an interface that a
 * TavlaStore implements next to its own vfuncs (TavlaSqliteStore does, in
 * tavla-sqlite-reminders.c). Rows in, rows out; the rules are the board's
 * (tavla-board-reminders.c). Writes happen inside begin_write() / commit().
 * @person is "" for nobody.
 */

#define TAVLA_TYPE_REMINDER_STORE (tavla_reminder_store_get_type ())
G_DECLARE_INTERFACE (TavlaReminderStore, tavla_reminder_store, TAVLA, REMINDER_STORE, GObject)

struct _TavlaReminderStoreInterface
{
  GTypeInterface g_iface;

  /* The keys shown to @person on @day: a set (GHashTable of char *). */
  GHashTable *(*list_shown)   (TavlaReminderStore  *self,
                               const char          *person,
                               const char          *day,
                               GError             **error);
  /* Records @key; an existing row is kept as it is. */
  gboolean    (*insert_shown) (TavlaReminderStore  *self,
                               const char          *person,
                               const char          *day,
                               const char          *key,
                               const char          *at,
                               GError             **error);
};

GHashTable *tavla_reminder_store_list_shown   (TavlaReminderStore  *self,
                                               const char          *person,
                                               const char          *day,
                                               GError             **error);
gboolean    tavla_reminder_store_insert_shown (TavlaReminderStore  *self,
                                               const char          *person,
                                               const char          *day,
                                               const char          *key,
                                               const char          *at,
                                               GError             **error);

G_END_DECLS
