/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <tavla/tavla.h>

#include "tavla-gui-settings.h"

/*
 * Returns the app's settings, or NULL when the schema is not installed
 * (an uninstalled build without compiled schemas). g_settings_new() would
 * abort in that case, and losing window-size persistence is better than
 * refusing to start.
 */
GSettings *
tavla_gui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Settings schema %s is not installed; settings will not be kept", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/*
 * Who changes are recorded as: the person chosen in Preferences ("Who I
 * am"), else the core's default (TAVLA_USER or the login's real name).
 */
char *
tavla_gui_dup_actor (void)
{
  g_autoptr(GSettings) settings = tavla_gui_settings_new ();
  g_autofree char *person = NULL;

  if (settings != NULL)
    person = g_settings_get_string (settings, "current-person");
  if (person != NULL && person[0] != '\0')
    return g_steal_pointer (&person);

  return tavla_default_actor ();
}
