/* SPDX-License-Identifier: EUPL-1.2 */
/* The demo data loader (JSON): any bytes load all or nothing. */
#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  TavlaBoard *board = fuzz_board ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = tavla_board_load_demo_from_data (board, (const char *) data, (gssize) size, &error);
  g_assert (ok == (error == NULL));
  if (ok)
    fuzz_board_reset ();
  else
    g_assert (g_list_model_get_n_items (tavla_board_get_items (board)) == 0);

  return 0;
}
