/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_RESPONSE_GROUP (tavla_response_group_get_type ())
G_DECLARE_FINAL_TYPE (TavlaResponseGroup, tavla_response_group, TAVLA, RESPONSE_GROUP, GObject)

/* A response group (svarsgrupp) of the centre: the queue a call or case
 * lands in. Immutable snapshot. Properties: id, name, active. Names are
 * unique. */
TavlaResponseGroup *tavla_response_group_new        (gint64              id,
                                                     const char         *name,
                                                     gboolean            active);
gint64              tavla_response_group_get_id     (TavlaResponseGroup *self);
const char         *tavla_response_group_get_name   (TavlaResponseGroup *self);
gboolean            tavla_response_group_get_active (TavlaResponseGroup *self);

G_END_DECLS
