/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TavlaInputError:
 * @TAVLA_INPUT_ERROR_INVALID: a field holds a value the rules refuse; the
 *   message names the field and says how to fix it. Nothing was written.
 *
 * Errors in what a user typed or imported.
 */
typedef enum
{
  TAVLA_INPUT_ERROR_INVALID,
} TavlaInputError;

/**
 * TavlaStoreError:
 * @TAVLA_STORE_ERROR_NOT_FOUND: the object asked for does not exist.
 * @TAVLA_STORE_ERROR_CONFLICT: the change was based on a stale read; another
 *   process (or window) changed the object first. Nothing was written.
 * @TAVLA_STORE_ERROR_READ_ONLY: the store is open read-only (a newer schema,
 *   an unsafe location) and refuses writes.
 * @TAVLA_STORE_ERROR_NEWER_SCHEMA: the file was written by a newer Tavla.
 * @TAVLA_STORE_ERROR_FAILED: SQLite or the file system failed (disk full,
 *   I/O error).
 * @TAVLA_STORE_ERROR_DAMAGED: the database file failed its check when it was
 *   opened; it was moved aside (never changed or deleted) and the message
 *   names the newest good backup to restore.
 */
typedef enum
{
  TAVLA_STORE_ERROR_NOT_FOUND,
  TAVLA_STORE_ERROR_CONFLICT,
  TAVLA_STORE_ERROR_READ_ONLY,
  TAVLA_STORE_ERROR_NEWER_SCHEMA,
  TAVLA_STORE_ERROR_FAILED,
  TAVLA_STORE_ERROR_DAMAGED,
} TavlaStoreError;

#define TAVLA_INPUT_ERROR (tavla_input_error_quark ())
#define TAVLA_STORE_ERROR (tavla_store_error_quark ())

GQuark tavla_input_error_quark (void);
GQuark tavla_store_error_quark (void);

G_END_DECLS
