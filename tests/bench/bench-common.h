/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

/* Quits the application after @widget's first painted frame and prints
 * the peak resident set size (VmHWM) on stderr as "rss-kib N". */
void bench_quit_after_first_frame (GtkWidget *widget);
long bench_peak_rss_kib           (void);
