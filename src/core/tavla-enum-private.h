/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The core's enums keep their machine names as the GEnumValue nicks, so one
 * table serves the GType, the database, the CLI and JSON. These two helpers
 * are the one place that registers such a table and looks a nick up in it.
 */
GType     tavla_enum_register    (gsize            *type_id,
                                  const char       *name,
                                  const GEnumValue *values);
gboolean  tavla_enum_lookup_nick (const GEnumValue *values,
                                  const char       *text,
                                  int              *out_value);

/* The index of @text in @names (a table of @n_names machine names, as
 * the agreement and audit enums keep them); FALSE when it is not there. */
gboolean  tavla_name_lookup      (const char *const *names,
                                  guint              n_names,
                                  const char        *text,
                                  guint             *out_index);

G_END_DECLS
