/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "tavla-reminders.h"

/*
 * Reminder settings from GSettings, shared by the app and tavla-cli (which
 * runs from a systemd timer with the same settings as the window). The
 * rules never see GSettings: they take the plain TavlaReminderSettings.
 */

static void
fill_defaults (TavlaReminderConfig *config)
{
  config->person = g_strdup ("");
  config->settings.days_before = TAVLA_REMINDER_DEFAULT_DAYS_BEFORE;
  config->settings.meeting_weekday = G_DATE_MONDAY;
  config->meeting_time = g_strdup ("09:00");
  config->development_dates = g_new0 (char *, 1);
  config->quiet_start = g_strdup ("18:00");
  config->quiet_end = g_strdup ("07:00");
  config->database_path = g_strdup ("");
  config->show_reminders = TRUE;
  config->background = TRUE;
}

static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  /* An older installed schema without the reminder keys counts as none. */
  if (schema == NULL || !g_settings_schema_has_key (schema, "quiet-start"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

TavlaReminderConfig *
tavla_reminder_config_load (void)
{
  g_autoptr(GSettings) settings = open_settings ();
  TavlaReminderConfig *config = g_new0 (TavlaReminderConfig, 1);
  int weekday;

  if (settings == NULL)
    fill_defaults (config);
  else
    {
      config->person = g_settings_get_string (settings, "current-person");
      config->settings.days_before = g_settings_get_uint (settings, "reminder-days-before");
      weekday = g_settings_get_int (settings, "meeting-weekday");
      config->settings.meeting_weekday = weekday >= 1 && weekday <= 7 ? (GDateWeekday) weekday : G_DATE_BAD_WEEKDAY;
      config->meeting_time = g_settings_get_string (settings, "meeting-time");
      config->development_dates = g_settings_get_strv (settings, "development-dates");
      config->quiet_start = g_settings_get_string (settings, "quiet-start");
      config->quiet_end = g_settings_get_string (settings, "quiet-end");
      config->database_path = g_settings_get_string (settings, "database-path");
      config->show_reminders = g_settings_get_boolean (settings, "reminders");
      config->background = g_settings_get_boolean (settings, "reminders-background");
    }

  config->settings.person = config->person[0] != '\0' ? config->person : NULL;
  config->settings.meeting_time = config->meeting_time;
  config->settings.development_dates = (const char * const *) config->development_dates;
  config->settings.quiet_start = config->quiet_start;
  config->settings.quiet_end = config->quiet_end;
  return config;
}

void
tavla_reminder_config_free (TavlaReminderConfig *config)
{
  if (config == NULL)
    return;

  g_free (config->person);
  g_free (config->meeting_time);
  g_strfreev (config->development_dates);
  g_free (config->quiet_start);
  g_free (config->quiet_end);
  g_free (config->database_path);
  g_free (config);
}
