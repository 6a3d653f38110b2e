/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "tavla.h"
#include "tavla-board-private.h"

/* The libFuzzer entry points every target defines. */
int         LLVMFuzzerTestOneInput (const uint8_t *data,
                                    size_t         size);

/* A board in a temporary folder, with the metric "Svarsfrekvens" (weekly,
 * per group) and the groups "Socialtjänst" and "Barn och utbildning". */
TavlaBoard *fuzz_board             (void);
/* Closes and recreates it empty (after an input that wrote). */
void        fuzz_board_reset       (void);
