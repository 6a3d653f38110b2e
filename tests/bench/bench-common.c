/* SPDX-License-Identifier: EUPL-1.2 */

#include <stdio.h>

#include "bench-common.h"

long
bench_peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *widget)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, widget);
  fprintf (stderr, "rss-kib %ld\n", bench_peak_rss_kib ());
  g_application_quit (g_application_get_default ());
}

static void
on_realize (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), widget);
}

void
bench_quit_after_first_frame (GtkWidget *widget)
{
  g_signal_connect (widget, "realize", G_CALLBACK (on_realize), NULL);
}
