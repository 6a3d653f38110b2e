/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_APPLICATION (tavla_application_get_type ())
G_DECLARE_FINAL_TYPE (TavlaApplication, tavla_application, TAVLA, APPLICATION, AdwApplication)

TavlaApplication *tavla_application_new (void);

G_END_DECLS
