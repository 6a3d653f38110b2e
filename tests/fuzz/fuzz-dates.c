/* SPDX-License-Identifier: EUPL-1.2 */
/* Dates ("2026-11-25") and periods ("2026-W47", "2026-11", "2026-T3"), as
 * typed on the command line, in forms and in CSV cells. */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  TavlaPeriod period = { 0 };
  GDate date;

  g_date_clear (&date, 1);
  if (tavla_date_parse (text, &date))
    {
      g_autofree char *again = tavla_date_format (&date);

      /* What parses comes back in its one written form. */
      g_assert (g_date_valid (&date));
      g_assert (again != NULL && strlen (again) == 10);
      g_assert (tavla_date_iso_week (again, NULL) >= 1);
    }

  if (tavla_period_parse (text, &period, &error))
    {
      g_autofree char *machine = tavla_period_format (&period);
      g_autofree char *shown = tavla_period_display (&period);
      g_autofree char *short_form = tavla_period_display_short (&period);
      TavlaPeriod again = { 0 };
      GDate first;
      GDate last;

      g_assert (error == NULL);
      g_assert (tavla_period_parse (machine, &again, NULL));
      g_assert (again.kind == period.kind && again.year == period.year && again.number == period.number);
      tavla_period_get_first_day (&period, &first);
      tavla_period_get_last_day (&period, &last);
      g_assert (g_date_compare (&first, &last) <= 0);
      g_assert (shown != NULL && short_form != NULL);
    }
  else
    {
      g_assert (error != NULL);
    }

  {
    g_autofree char *shown = tavla_period_display_text (text);

    (void) shown;
  }

  return 0;
}
