/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_PERSON (tavla_person_get_type ())
G_DECLARE_FINAL_TYPE (TavlaPerson, tavla_person, TAVLA, PERSON, GObject)

/* A person who can own improvement items. Immutable once loaded: a change
 * is a new object from the store. Properties: id, name, role, email, active. */
TavlaPerson *tavla_person_new        (gint64       id,
                                      const char  *name,
                                      const char  *role,
                                      const char  *email,
                                      gboolean     active);
gint64       tavla_person_get_id     (TavlaPerson *self);
const char  *tavla_person_get_name   (TavlaPerson *self);
const char  *tavla_person_get_role   (TavlaPerson *self);
const char  *tavla_person_get_email  (TavlaPerson *self);
gboolean     tavla_person_get_active (TavlaPerson *self);

G_END_DECLS
