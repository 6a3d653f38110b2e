/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Dates travel through Tavla as ISO 8601 strings ("2026-11-25"): they sort
 * as text, they are what the CLI takes and prints, and what SQLite stores.
 * These helpers are the one place that parses and formats them.
 */

gboolean  tavla_date_parse          (const char  *text,
                                     GDate       *out_date);
char     *tavla_date_format         (const GDate *date);
char     *tavla_date_today          (void);
char     *tavla_date_add_days       (const char  *iso_date,
                                     int          days);
guint     tavla_date_iso_week       (const char  *iso_date,
                                     guint       *out_iso_year);
char     *tavla_date_display        (const char  *iso_date);
char     *tavla_timestamp_now       (void);
char     *tavla_timestamp_display   (const char  *timestamp);

G_END_DECLS
