/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "tavla-error.h"

G_DEFINE_QUARK (tavla-input-error-quark, tavla_input_error)
G_DEFINE_QUARK (tavla-store-error-quark, tavla_store_error)
