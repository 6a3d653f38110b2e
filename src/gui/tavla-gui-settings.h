/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *tavla_gui_settings_new (void);
char      *tavla_gui_dup_actor    (void);

G_END_DECLS
