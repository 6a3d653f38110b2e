/* SPDX-License-Identifier: EUPL-1.2 */

/* The baseline for the start-up benchmark: an empty libadwaita window that
 * quits as soon as its first frame has been painted, and reports its peak
 * resident memory, just as `tavla` does under TAVLA_BENCH_FIRST_FRAME. */

#include <adwaita.h>

#include "bench-common.h"

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  bench_quit_after_first_frame (window);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("io.github.tavla.BenchEmpty", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
