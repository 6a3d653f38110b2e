/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "tavla-store-reminders.h"

G_DEFINE_INTERFACE (TavlaReminderStore, tavla_reminder_store, G_TYPE_OBJECT)

static void
tavla_reminder_store_default_init (TavlaReminderStoreInterface *iface)
{
}

GHashTable *
tavla_reminder_store_list_shown (TavlaReminderStore  *self,
                                 const char          *person,
                                 const char          *day,
                                 GError             **error)
{
  g_return_val_if_fail (TAVLA_IS_REMINDER_STORE (self), NULL);
  return TAVLA_REMINDER_STORE_GET_IFACE (self)->list_shown (self, person, day, error);
}

gboolean
tavla_reminder_store_insert_shown (TavlaReminderStore  *self,
                                   const char          *person,
                                   const char          *day,
                                   const char          *key,
                                   const char          *at,
                                   GError             **error)
{
  g_return_val_if_fail (TAVLA_IS_REMINDER_STORE (self), FALSE);
  return TAVLA_REMINDER_STORE_GET_IFACE (self)->insert_shown (self, person, day, key, at, error);
}
