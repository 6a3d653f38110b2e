/* SPDX-License-Identifier: EUPL-1.2 */

/*
 * The board side of the benchmark, on the real TavlaApplication.
 *
 *   bench-board --db PATH            start, quit after the first painted
 *                                    board frame, print peak RSS
 *   bench-board --filter --db PATH   after the first frame, type searches
 *                                    into the board and print, for each, the
 *                                    time from the text change to the end
 *                                    of the next painted frame
 */

#include <adwaita.h>
#include <stdio.h>

#include "bench-common.h"
#include "tavla-application.h"
#include "tavla-window.h"

static const char *queries[] = {
  "s", "sv", "sva", "svar", "svars", "svarsf", "svarsfrekvens",
  "", "f", "fä", "färdtjänst", "", "nr 99", "nr 999", "", "bemötande",
  "zzz", "", "Förbättra", "",
};

static gboolean filter_mode;
static guint query_index;
static gint64 typed_at;
static GArray *timings;

static void type_next (TavlaWindow *window);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report_and_quit (void)
{
  g_array_sort (timings, compare_doubles);
  printf ("filter-ms median %.2f p90 %.2f max %.2f (n=%u)\n",
          g_array_index (timings, double, timings->len / 2),
          g_array_index (timings, double, timings->len * 9 / 10),
          g_array_index (timings, double, timings->len - 1),
          timings->len);
  g_application_quit (g_application_get_default ());
}

static void
on_after_paint (GdkFrameClock *clock,
                TavlaWindow   *window)
{
  double ms;

  if (typed_at == 0)
    return;
  ms = (g_get_monotonic_time () - typed_at) / 1000.0;
  g_array_append_val (timings, ms);
  typed_at = 0;
  if (query_index == G_N_ELEMENTS (queries))
    report_and_quit ();
  else
    type_next (window);
}

static void
type_next (TavlaWindow *window)
{
  TavlaBoardView *view = tavla_window_get_board_view (window);

  typed_at = g_get_monotonic_time ();
  tavla_board_view_set_search_text (view, queries[query_index++]);
  gtk_widget_queue_draw (GTK_WIDGET (window));
}

static gboolean
start_typing (gpointer data)
{
  type_next (TAVLA_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_first_frame (GdkFrameClock *clock,
                TavlaWindow   *window)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), window);
  g_timeout_add (200, start_typing, window);
}

static void
on_realize (GtkWidget *widget)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_first_frame), widget);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (!filter_mode)
    bench_quit_after_first_frame (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TavlaApplication) app = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  int status;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--filter"))
        filter_mode = TRUE;
      else
        g_ptr_array_add (args, argv[i]);
    }
  g_ptr_array_add (args, NULL);
  timings = g_array_new (FALSE, FALSE, sizeof (double));

  app = tavla_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  status = g_application_run (G_APPLICATION (app), args->len - 1, (char **) args->pdata);
  g_array_unref (timings);
  return status;
}
