/* SPDX-License-Identifier: EUPL-1.2 */
/* The CSV measurement import (tavla-cli measure import, the import dialog),
 * checked without writing: any bytes must give rows or a clean error. */
#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TavlaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = tavla_board_import_measurements (fuzz_board (), (const char *) data, (gssize) size, TRUE,
                                        "Fuzz", &result, &error);
  g_assert (ok == (error == NULL));
  g_assert (!ok || error == NULL);

  return 0;
}
