/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_PREFERENCES_WINDOW (tavla_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TavlaPreferencesWindow, tavla_preferences_window, TAVLA, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *tavla_preferences_window_new (GtkWindow  *parent,
                                         TavlaBoard *board);

G_END_DECLS
