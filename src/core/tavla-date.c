/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-clock.h"
#include "tavla-date.h"

/* Only the strict form YYYY-MM-DD is a date: "2026-1-5" or "2026-01-05 "
 * are typing mistakes the user should see, not guesses we silently fix. */
gboolean
tavla_date_parse (const char *text,
                  GDate      *out_date)
{
  guint year = 0;
  guint month = 0;
  guint day = 0;

  if (text == NULL || strlen (text) != 10)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        {
          return FALSE;
        }
    }

  year = (guint) g_ascii_digit_value (text[0]) * 1000
         + (guint) g_ascii_digit_value (text[1]) * 100
         + (guint) g_ascii_digit_value (text[2]) * 10
         + (guint) g_ascii_digit_value (text[3]);
  month = (guint) g_ascii_digit_value (text[5]) * 10 + (guint) g_ascii_digit_value (text[6]);
  day = (guint) g_ascii_digit_value (text[8]) * 10 + (guint) g_ascii_digit_value (text[9]);

  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (out_date != NULL)
    {
      g_date_clear (out_date, 1);
      g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }

  return TRUE;
}

char *
tavla_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/* Converting to local time costs a time zone lookup; every item snapshot
 * asks for today (for "overdue"), so the answer is kept per minute. */
static GMutex today_lock;
static gint64 today_minute = G_MININT64;
static char   today_text[16];

char *
tavla_date_today (void)
{
  g_autoptr(GDateTime) now = tavla_clock_now_utc ();
  gint64 minute = g_date_time_to_unix (now) / 60;
  char *today = NULL;

  g_mutex_lock (&today_lock);
  if (minute != today_minute)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (now);
      g_autofree char *text = g_date_time_format (local, "%Y-%m-%d");

      g_strlcpy (today_text, text, sizeof today_text);
      today_minute = minute;
    }
  today = g_strdup (today_text);
  g_mutex_unlock (&today_lock);

  return today;
}

char *
tavla_date_add_days (const char *iso_date,
                     int         days)
{
  GDate date;

  if (!tavla_date_parse (iso_date, &date))
    return NULL;

  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);

  return tavla_date_format (&date);
}

/* The ISO week-numbering year is the year of the week's Thursday. */
guint
tavla_date_iso_week (const char *iso_date,
                     guint      *out_iso_year)
{
  GDate date;
  GDate thursday;
  int weekday = 0;

  if (!tavla_date_parse (iso_date, &date))
    {
      if (out_iso_year != NULL)
        *out_iso_year = 0;
      return 0;
    }

  weekday = (int) g_date_get_weekday (&date);
  thursday = date;
  if (weekday < 4)
    g_date_add_days (&thursday, (guint) (4 - weekday));
  else if (weekday > 4)
    g_date_subtract_days (&thursday, (guint) (weekday - 4));

  if (out_iso_year != NULL)
    *out_iso_year = g_date_get_year (&thursday);

  return g_date_get_iso8601_week_of_year (&date);
}

char *
tavla_date_display (const char *iso_date)
{
  g_autofree char *week = NULL;
  guint week_no = 0;

  if (iso_date == NULL || *iso_date == '\0')
    return NULL;

  week_no = tavla_date_iso_week (iso_date, NULL);
  if (week_no == 0)
    return g_strdup (iso_date);

  /* Translators: the ISO week number shown after a date, e.g. "w. 49";
   * Swedish writes "v. 49". */
  week = g_strdup_printf (_("w. %u"), week_no);

  return g_strdup_printf ("%s (%s)", iso_date, week);
}

char *
tavla_timestamp_now (void)
{
  g_autoptr(GDateTime) now = tavla_clock_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
tavla_timestamp_display (const char *timestamp)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL)
    return NULL;

  parsed = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (parsed == NULL)
    return g_strdup (timestamp);

  local = g_date_time_to_local (parsed);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}
