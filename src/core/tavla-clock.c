/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "tavla-clock.h"

/* The override is set from one thread (tests, the demo loader) before the
 * core reads it, so a lock only guards against torn pointer reads. */
static GMutex     clock_lock;
static GDateTime *now_override = NULL;

GDateTime *
tavla_clock_now_utc (void)
{
  GDateTime *now = NULL;

  g_mutex_lock (&clock_lock);
  if (now_override != NULL)
    now = g_date_time_ref (now_override);
  g_mutex_unlock (&clock_lock);

  if (now == NULL)
    now = g_date_time_new_now_utc ();

  return now;
}

void
tavla_clock_set_now_override (GDateTime *now)
{
  GDateTime *old = NULL;

  g_mutex_lock (&clock_lock);
  old = now_override;
  now_override = now != NULL ? g_date_time_to_utc (now) : NULL;
  g_mutex_unlock (&clock_lock);

  g_clear_pointer (&old, g_date_time_unref);
}

void
tavla_clock_shift_override (gint64 seconds)
{
  g_autoptr(GDateTime) real = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) shifted = g_date_time_add_seconds (real, (gdouble) seconds);

  tavla_clock_set_now_override (shifted);
}

void
tavla_clock_clear_override (void)
{
  tavla_clock_set_now_override (NULL);
}

GDateTime *
tavla_clock_dup_override (void)
{
  GDateTime *now = NULL;

  g_mutex_lock (&clock_lock);
  if (now_override != NULL)
    now = g_date_time_ref (now_override);
  g_mutex_unlock (&clock_lock);

  return now;
}
