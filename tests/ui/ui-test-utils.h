/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       ui_test_init             (int         *argc,
                                     char      ***argv);
void       ui_test_iterate          (void);
GtkWidget *ui_test_find_label       (GtkWidget   *root,
                                     const char  *text);
gboolean   ui_test_is_shown         (GtkWidget   *widget);
char      *ui_test_make_db_path     (char       **out_dir);
void       ui_test_remove_dir       (const char  *dir);
int        ui_test_run              (void);

G_END_DECLS
