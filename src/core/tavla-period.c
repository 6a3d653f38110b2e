/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-clock.h"
#include "tavla-error.h"
#include "tavla-period.h"
#include "tavla-enum-private.h"

#define YEAR_MIN 1900

static const GEnumValue period_kind_values[] = {
  { TAVLA_PERIOD_WEEK, "TAVLA_PERIOD_WEEK", "week" },
  { TAVLA_PERIOD_MONTH, "TAVLA_PERIOD_MONTH", "month" },
  { TAVLA_PERIOD_TERTIAL, "TAVLA_PERIOD_TERTIAL", "tertial" },
  { TAVLA_PERIOD_YEAR, "TAVLA_PERIOD_YEAR", "year" },
  { 0, NULL, NULL }
};

GType
tavla_period_kind_get_type (void)
{
  static gsize type_id = 0;

  return tavla_enum_register (&type_id, "TavlaPeriodKind", period_kind_values);
}

const char *
tavla_period_kind_to_string (TavlaPeriodKind kind)
{
  g_return_val_if_fail ((guint) kind < TAVLA_N_PERIOD_KINDS, NULL);

  return period_kind_values[kind].value_nick;
}

gboolean
tavla_period_kind_from_string (const char      *text,
                               TavlaPeriodKind *out_kind)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < TAVLA_N_PERIOD_KINDS; i++)
    {
      if (g_str_equal (period_kind_values[i].value_nick, text))
        {
          if (out_kind != NULL)
            *out_kind = (TavlaPeriodKind) period_kind_values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
tavla_period_kind_get_label (TavlaPeriodKind kind)
{
  switch (kind)
    {
    case TAVLA_PERIOD_WEEK:
      return C_("period", "Week");
    case TAVLA_PERIOD_MONTH:
      return C_("period", "Month");
    case TAVLA_PERIOD_TERTIAL:
      return C_("period", "Tertial");
    case TAVLA_PERIOD_YEAR:
      return C_("period", "Year");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The Monday of ISO week 1: the week that holds 4 January. */
static void
week_one_monday (int    year,
                 GDate *out_date)
{
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, 4, G_DATE_JANUARY, (GDateYear) year);
  g_date_subtract_days (out_date, g_date_get_weekday (out_date) - G_DATE_MONDAY);
}

static int
weeks_in_year (int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 28, G_DATE_DECEMBER, (GDateYear) year);

  return (int) g_date_get_iso8601_week_of_year (&date);
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}

static int
parse_digits (const char *text,
              gsize       length)
{
  int value = 0;

  for (gsize i = 0; i < length; i++)
    value = value * 10 + (text[i] - '0');

  return value;
}

static gboolean
set_period_error (GError     **error,
                  const char  *text)
{
  g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
               _("“%s” is not a period; write a week as 2026-W47, a month as 2026-11, "
                 "a tertial as 2026-T3 or a year as 2026."), text);
  return FALSE;
}

gboolean
tavla_period_parse (const char   *text,
                    TavlaPeriod  *out_period,
                    GError      **error)
{
  TavlaPeriod period = { 0 };
  gsize length = 0;

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                           _("The period is empty; write a week as 2026-W47, a month as 2026-11, "
                             "a tertial as 2026-T3 or a year as 2026."));
      return FALSE;
    }

  length = strlen (text);
  if (length < 4 || !all_digits (text, 4))
    return set_period_error (error, text);

  period.year = parse_digits (text, 4);

  if (length == 4)
    {
      period.kind = TAVLA_PERIOD_YEAR;
    }
  else if (length == 7 && text[4] == '-' && all_digits (text + 5, 2))
    {
      period.kind = TAVLA_PERIOD_MONTH;
      period.number = parse_digits (text + 5, 2);
      if (period.number < 1 || period.number > 12)
        {
          g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                       _("“%s” has no month %02d; write the month as 01 to 12, like 2026-11."),
                       text, period.number);
          return FALSE;
        }
    }
  else if (length == 7 && text[4] == '-' && text[5] == 'T' && all_digits (text + 6, 1))
    {
      period.kind = TAVLA_PERIOD_TERTIAL;
      period.number = parse_digits (text + 6, 1);
      if (period.number < 1 || period.number > 3)
        {
          g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                       _("“%s” is not a tertial; a year has the tertials T1 (January-April), "
                         "T2 (May-August) and T3 (September-December)."), text);
          return FALSE;
        }
    }
  else if (length == 8 && text[4] == '-' && text[5] == 'W' && all_digits (text + 6, 2))
    {
      period.kind = TAVLA_PERIOD_WEEK;
      period.number = parse_digits (text + 6, 2);
      if (period.number < 1 || period.number > 53)
        {
          g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                       _("“%s” is not a week; weeks are numbered 01 to 52 (or 53), like 2026-W47."),
                       text);
          return FALSE;
        }
    }
  else
    {
      return set_period_error (error, text);
    }

  if (period.year < YEAR_MIN)
    {
      g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                   _("“%s” is before %d; write a year from %d on."), text, YEAR_MIN, YEAR_MIN);
      return FALSE;
    }

  if (period.kind == TAVLA_PERIOD_WEEK && period.number > weeks_in_year (period.year))
    {
      g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                   _("%d has no week 53; its last week is %d-W52."), period.year, period.year);
      return FALSE;
    }

  if (out_period != NULL)
    *out_period = period;

  return TRUE;
}

char *
tavla_period_format (const TavlaPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case TAVLA_PERIOD_WEEK:
      return g_strdup_printf ("%04d-W%02d", period->year, period->number);
    case TAVLA_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", period->year, period->number);
    case TAVLA_PERIOD_TERTIAL:
      return g_strdup_printf ("%04d-T%d", period->year, period->number);
    case TAVLA_PERIOD_YEAR:
      return g_strdup_printf ("%04d", period->year);
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
month_name (int month)
{
  switch (month)
    {
    case 1: return C_("month", "January");
    case 2: return C_("month", "February");
    case 3: return C_("month", "March");
    case 4: return C_("month", "April");
    case 5: return C_("month", "May");
    case 6: return C_("month", "June");
    case 7: return C_("month", "July");
    case 8: return C_("month", "August");
    case 9: return C_("month", "September");
    case 10: return C_("month", "October");
    case 11: return C_("month", "November");
    case 12: return C_("month", "December");
    default: g_return_val_if_reached (NULL);
    }
}

static const char *
month_short_name (int month)
{
  switch (month)
    {
    case 1: return C_("month short", "Jan");
    case 2: return C_("month short", "Feb");
    case 3: return C_("month short", "Mar");
    case 4: return C_("month short", "Apr");
    case 5: return C_("month short", "May");
    case 6: return C_("month short", "Jun");
    case 7: return C_("month short", "Jul");
    case 8: return C_("month short", "Aug");
    case 9: return C_("month short", "Sep");
    case 10: return C_("month short", "Oct");
    case 11: return C_("month short", "Nov");
    case 12: return C_("month short", "Dec");
    default: g_return_val_if_reached (NULL);
    }
}

char *
tavla_period_display (const TavlaPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case TAVLA_PERIOD_WEEK:
      /* Translators: a week and its year, "v. 47 2026" in Swedish. */
      return g_strdup_printf (_("w. %d %d"), period->number, period->year);
    case TAVLA_PERIOD_MONTH:
      /* Translators: a month name and its year, "november 2026". */
      return g_strdup_printf (C_("month and year", "%s %d"), month_name (period->number), period->year);
    case TAVLA_PERIOD_TERTIAL:
      /* Translators: a tertial (four months) and its year, "T3 2026". */
      return g_strdup_printf (_("T%d %d"), period->number, period->year);
    case TAVLA_PERIOD_YEAR:
      return g_strdup_printf ("%d", period->year);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
tavla_period_display_text (const char *text)
{
  TavlaPeriod period = { 0 };

  if (!tavla_period_parse (text, &period, NULL))
    return g_strdup (text);

  return tavla_period_display (&period);
}

char *
tavla_period_display_short (const TavlaPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case TAVLA_PERIOD_WEEK:
      /* Translators: a week on a chart's axis, "v. 47" in Swedish. */
      return g_strdup_printf (_("w. %d"), period->number);
    case TAVLA_PERIOD_MONTH:
      return g_strdup (month_short_name (period->number));
    case TAVLA_PERIOD_TERTIAL:
    case TAVLA_PERIOD_YEAR:
      return tavla_period_display (period);
    default:
      g_return_val_if_reached (NULL);
    }
}

void
tavla_period_get_first_day (const TavlaPeriod *period,
                            GDate             *out_date)
{
  g_return_if_fail (period != NULL && out_date != NULL);

  g_date_clear (out_date, 1);

  switch (period->kind)
    {
    case TAVLA_PERIOD_WEEK:
      week_one_monday (period->year, out_date);
      g_date_add_days (out_date, (guint) (period->number - 1) * 7);
      break;
    case TAVLA_PERIOD_MONTH:
      g_date_set_dmy (out_date, 1, (GDateMonth) period->number, (GDateYear) period->year);
      break;
    case TAVLA_PERIOD_TERTIAL:
      g_date_set_dmy (out_date, 1, (GDateMonth) ((period->number - 1) * 4 + 1), (GDateYear) period->year);
      break;
    case TAVLA_PERIOD_YEAR:
      g_date_set_dmy (out_date, 1, G_DATE_JANUARY, (GDateYear) period->year);
      break;
    default:
      g_return_if_reached ();
    }
}

void
tavla_period_get_last_day (const TavlaPeriod *period,
                           GDate             *out_date)
{
  TavlaPeriod next = { 0 };

  g_return_if_fail (period != NULL && out_date != NULL);

  tavla_period_add (period, 1, &next);
  tavla_period_get_first_day (&next, out_date);
  g_date_subtract_days (out_date, 1);
}

void
tavla_period_get_anchor_day (const TavlaPeriod *period,
                             GDate             *out_date)
{
  g_return_if_fail (period != NULL && out_date != NULL);

  tavla_period_get_first_day (period, out_date);
  if (period->kind == TAVLA_PERIOD_WEEK)
    g_date_add_days (out_date, 3);
}

void
tavla_period_of_date (const GDate     *date,
                      TavlaPeriodKind  kind,
                      TavlaPeriod     *out_period)
{
  GDate thursday;
  int month = 0;

  g_return_if_fail (date != NULL && g_date_valid (date) && out_period != NULL);

  month = g_date_get_month (date);
  out_period->kind = kind;
  out_period->year = g_date_get_year (date);

  switch (kind)
    {
    case TAVLA_PERIOD_WEEK:
      thursday = *date;
      if (g_date_get_weekday (date) <= G_DATE_THURSDAY)
        g_date_add_days (&thursday, G_DATE_THURSDAY - g_date_get_weekday (date));
      else
        g_date_subtract_days (&thursday, g_date_get_weekday (date) - G_DATE_THURSDAY);
      out_period->year = g_date_get_year (&thursday);
      out_period->number = (int) g_date_get_iso8601_week_of_year (date);
      break;
    case TAVLA_PERIOD_MONTH:
      out_period->number = month;
      break;
    case TAVLA_PERIOD_TERTIAL:
      out_period->number = (month - 1) / 4 + 1;
      break;
    case TAVLA_PERIOD_YEAR:
      out_period->number = 0;
      break;
    default:
      g_return_if_reached ();
    }
}

void
tavla_period_current (TavlaPeriodKind  kind,
                      TavlaPeriod     *out_period)
{
  g_autoptr(GDateTime) now = tavla_clock_now_utc ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
  tavla_period_of_date (&today, kind, out_period);
}

gboolean
tavla_period_get_containing (const TavlaPeriod *period,
                             TavlaPeriodKind    kind,
                             TavlaPeriod       *out_period)
{
  GDate anchor;

  g_return_val_if_fail (period != NULL && out_period != NULL, FALSE);

  if (kind < period->kind)
    return FALSE;

  if (kind == period->kind)
    {
      *out_period = *period;
      return TRUE;
    }

  tavla_period_get_anchor_day (period, &anchor);
  tavla_period_of_date (&anchor, kind, out_period);

  return TRUE;
}

gboolean
tavla_period_contains (const TavlaPeriod *outer,
                       const TavlaPeriod *inner)
{
  TavlaPeriod container = { 0 };

  g_return_val_if_fail (outer != NULL && inner != NULL, FALSE);

  if (!tavla_period_get_containing (inner, outer->kind, &container))
    return FALSE;

  return tavla_period_compare (&container, outer) == 0;
}

void
tavla_period_add (const TavlaPeriod *period,
                  int                n,
                  TavlaPeriod       *out_period)
{
  int index = 0;

  g_return_if_fail (period != NULL && out_period != NULL);

  switch (period->kind)
    {
    case TAVLA_PERIOD_WEEK:
      {
        GDate monday;

        tavla_period_get_first_day (period, &monday);
        if (n >= 0)
          g_date_add_days (&monday, (guint) n * 7);
        else
          g_date_subtract_days (&monday, (guint) -n * 7);
        tavla_period_of_date (&monday, TAVLA_PERIOD_WEEK, out_period);
      }
      break;
    case TAVLA_PERIOD_MONTH:
      index = period->year * 12 + period->number - 1 + n;
      out_period->kind = TAVLA_PERIOD_MONTH;
      out_period->year = index / 12;
      out_period->number = index % 12 + 1;
      break;
    case TAVLA_PERIOD_TERTIAL:
      index = period->year * 3 + period->number - 1 + n;
      out_period->kind = TAVLA_PERIOD_TERTIAL;
      out_period->year = index / 3;
      out_period->number = index % 3 + 1;
      break;
    case TAVLA_PERIOD_YEAR:
      out_period->kind = TAVLA_PERIOD_YEAR;
      out_period->year = period->year + n;
      out_period->number = 0;
      break;
    default:
      g_return_if_reached ();
    }
}

int
tavla_period_count_between (const TavlaPeriod *a,
                            const TavlaPeriod *b)
{
  int count = 0;

  g_return_val_if_fail (a != NULL && b != NULL, 0);
  g_return_val_if_fail (a->kind == b->kind, 0);

  switch (a->kind)
    {
    case TAVLA_PERIOD_WEEK:
      {
        GDate first;
        GDate last;

        tavla_period_get_first_day (a, &first);
        tavla_period_get_first_day (b, &last);
        count = g_date_days_between (&first, &last) / 7 + 1;
      }
      break;
    case TAVLA_PERIOD_MONTH:
      count = (b->year * 12 + b->number) - (a->year * 12 + a->number) + 1;
      break;
    case TAVLA_PERIOD_TERTIAL:
      count = (b->year * 3 + b->number) - (a->year * 3 + a->number) + 1;
      break;
    case TAVLA_PERIOD_YEAR:
      count = b->year - a->year + 1;
      break;
    default:
      g_return_val_if_reached (0);
    }

  return MAX (count, 0);
}

int
tavla_period_compare (const TavlaPeriod *a,
                      const TavlaPeriod *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (a->kind != b->kind)
    {
      GDate day_a;
      GDate day_b;

      tavla_period_get_anchor_day (a, &day_a);
      tavla_period_get_anchor_day (b, &day_b);
      if (g_date_compare (&day_a, &day_b) != 0)
        return g_date_compare (&day_a, &day_b);
      return (int) a->kind - (int) b->kind;
    }

  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->number != b->number)
    return a->number < b->number ? -1 : 1;

  return 0;
}
