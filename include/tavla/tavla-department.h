/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_DEPARTMENT (tavla_department_get_type ())
G_DECLARE_FINAL_TYPE (TavlaDepartment, tavla_department, TAVLA, DEPARTMENT, GObject)

/* A municipal department (förvaltning). Properties: id, name, code. */
TavlaDepartment *tavla_department_new      (gint64           id,
                                            const char      *name,
                                            const char      *code);
gint64           tavla_department_get_id   (TavlaDepartment *self);
const char      *tavla_department_get_name (TavlaDepartment *self);
const char      *tavla_department_get_code (TavlaDepartment *self);

G_END_DECLS
