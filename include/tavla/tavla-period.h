/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Periods of the metrics: ISO weeks "2026-W47", months "2026-11", tertials
 * "2026-T3" (T1 = January-April, T2 = May-August, T3 = September-December)
 * and years "2026". These strings are what the CLI takes and prints, what
 * CSV files hold, what JSON carries and what the database stores; within one
 * kind they sort as text.
 *
 * A week belongs to the month, tertial and year that hold its Thursday
 * (ISO 8601): 2026-W01 runs 2025-12-29 to 2026-01-04 and belongs to
 * January 2026; 2020-W53 (Thursday 2020-12-31) belongs to December 2020.
 */

typedef enum
{
  TAVLA_PERIOD_WEEK,
  TAVLA_PERIOD_MONTH,
  TAVLA_PERIOD_TERTIAL,
  TAVLA_PERIOD_YEAR,
} TavlaPeriodKind;

#define TAVLA_N_PERIOD_KINDS 4

GType        tavla_period_kind_get_type    (void) G_GNUC_CONST;
#define TAVLA_TYPE_PERIOD_KIND (tavla_period_kind_get_type ())

/* "week", "month", "tertial", "year". */
const char  *tavla_period_kind_to_string   (TavlaPeriodKind  kind);
gboolean     tavla_period_kind_from_string (const char      *text,
                                            TavlaPeriodKind *out_kind);
/* Translated: "Week" / "Vecka", "Month" / "Månad", "Tertial", "Year" / "År". */
const char  *tavla_period_kind_get_label   (TavlaPeriodKind  kind);

/*
 * A parsed period. @number is the week (1-53), month (1-12) or tertial
 * (1-3); 0 for a year. @year is the ISO week-numbering year for weeks.
 */
typedef struct
{
  TavlaPeriodKind kind;
  int             year;
  int             number;
} TavlaPeriod;

/*
 * Parses @text strictly (no spaces, zero-padded: "2026-W07", "2026-02",
 * "2026-T1", "2026"; years 1900-9999). A week 53 is accepted only in years
 * that have one. On failure returns FALSE with a TAVLA_INPUT_ERROR that
 * names the value and the expected forms. @out_period may be NULL to only
 * check.
 */
gboolean     tavla_period_parse            (const char        *text,
                                            TavlaPeriod       *out_period,
                                            GError           **error);
/* The machine form ("2026-W07"). */
char        *tavla_period_format           (const TavlaPeriod *period);
/*
 * For people, translated: "w. 7 2026" ("v. 7 2026"), "February 2026"
 * ("februari 2026"), "T1 2026", "2026".
 */
char        *tavla_period_display          (const TavlaPeriod *period);
/* The same for a machine string; a copy of @text when it does not parse. */
char        *tavla_period_display_text     (const char        *text);
/* Short label for a chart axis, translated: "w. 7", "Feb", "T1 2026", "2026". */
char        *tavla_period_display_short    (const TavlaPeriod *period);

/* First and last day (Monday and Sunday for a week). */
void         tavla_period_get_first_day    (const TavlaPeriod *period,
                                            GDate             *out_date);
void         tavla_period_get_last_day     (const TavlaPeriod *period,
                                            GDate             *out_date);
/* The day that decides where a period belongs: the Thursday of a week,
 * the first day of any other period. */
void         tavla_period_get_anchor_day   (const TavlaPeriod *period,
                                            GDate             *out_date);

/* The period of @kind that holds @date. */
void         tavla_period_of_date          (const GDate       *date,
                                            TavlaPeriodKind    kind,
                                            TavlaPeriod       *out_period);
/* The period of @kind that holds today (the core's clock, local date). */
void         tavla_period_current          (TavlaPeriodKind    kind,
                                            TavlaPeriod       *out_period);

/*
 * The period of the coarser (or same) @kind that holds @period: a week's
 * month, tertial and year are those of its Thursday. Returns FALSE (and
 * leaves @out_period alone) when @kind is finer than @period's kind: a
 * month is not inside one week.
 */
gboolean     tavla_period_get_containing   (const TavlaPeriod *period,
                                            TavlaPeriodKind    kind,
                                            TavlaPeriod       *out_period);
/* Whether @inner lies in @outer under the Thursday rule (a period is in
 * itself; a month is in no week). */
gboolean     tavla_period_contains         (const TavlaPeriod *outer,
                                            const TavlaPeriod *inner);

/* The period @n periods after @period (before when @n is negative),
 * across year ends (2026-W53 does not exist: 2026-W52 + 1 = 2027-W01). */
void         tavla_period_add              (const TavlaPeriod *period,
                                            int                n,
                                            TavlaPeriod       *out_period);
/* Periods from @a to @b, counting both: 1 when equal, 0 when @b is before
 * @a. Both must be of the same kind. */
int          tavla_period_count_between    (const TavlaPeriod *a,
                                            const TavlaPeriod *b);
/* Order of two periods of the same kind (<0, 0, >0). */
int          tavla_period_compare          (const TavlaPeriod *a,
                                            const TavlaPeriod *b);

G_END_DECLS
