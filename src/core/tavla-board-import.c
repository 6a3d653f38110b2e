/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-board-metrics-private.h"
#include "tavla-date.h"
#include "tavla-error.h"

/*
 * Measurements in bulk: a CSV file (RFC 4180, all rows or none, every bad
 * row reported with its line and column) and the entry form's batch, both
 * through the one set of measurement rules.
 */

#define IMPORT_COLUMNS 7

static const char *const import_columns[IMPORT_COLUMNS] = {
  "metric", "period", "group", "value", "numerator", "denominator", "respondents",
};

static void
import_row_free (TavlaImportRow *row)
{
  if (row == NULL)
    return;

  g_free (row->metric);
  g_free (row->period);
  g_free (row->group);
  g_free (row->value);
  g_free (row->numerator);
  g_free (row->denominator);
  g_free (row->respondents);
  g_free (row->column);
  g_free (row->error);
  g_free (row);
}

static TavlaImportResult *
import_result_new (void)
{
  TavlaImportResult *result = g_new0 (TavlaImportResult, 1);

  result->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) import_row_free);
  result->errors = g_ptr_array_new_with_free_func (g_free);

  return result;
}

void
tavla_import_result_free (TavlaImportResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_clear_pointer (&result->errors, g_ptr_array_unref);
  g_free (result);
}

/* ---- Batches and CSV import ------------------------------------------- */

static char *
cell_or_null (const char *text)
{
  return tavla_board_dup_trimmed (text);
}

static TavlaImportRow *
import_row_new (guint                         line,
                const TavlaMeasurementInput  *input)
{
  TavlaImportRow *row = g_new0 (TavlaImportRow, 1);

  row->line = line;
  row->metric = cell_or_null (input->metric);
  row->period = cell_or_null (input->period);
  row->group = cell_or_null (input->group);
  row->value = cell_or_null (input->value);
  row->numerator = cell_or_null (input->numerator);
  row->denominator = cell_or_null (input->denominator);
  row->respondents = cell_or_null (input->respondents);

  return row;
}

static void
import_row_fail (TavlaImportResult *result,
                 TavlaImportRow    *row,
                 const char        *column,
                 char              *message)
{
  g_free (row->column);
  row->column = g_strdup (column);
  g_free (row->error);
  row->error = message;
  g_ptr_array_add (result->errors, g_strdup (message));
}

static char *
row_message (gboolean     is_file,
             guint        line,
             const char  *column,
             const char  *message)
{
  if (is_file)
    /* Translators: an import error, "Line 4, column value: Value “abc” ...". */
    return g_strdup_printf (_("Line %u, column %s: %s"), line, column, message);

  /* Translators: an error in the entry form's row N. */
  return g_strdup_printf (_("Row %u, column %s: %s"), line, column, message);
}

static gboolean
input_is_empty (const TavlaMeasurementInput *input)
{
  const char *cells[] = {
    input->metric, input->period, input->group, input->value,
    input->numerator, input->denominator, input->respondents,
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *trimmed = tavla_board_dup_trimmed (cells[i]);

      if (trimmed != NULL)
        return FALSE;
    }

  return TRUE;
}

/*
 * Checks every input, fills @result, and (unless @dry_run or any is bad)
 * writes them all in one transaction. Shared by the import and the form.
 */
static gboolean
record_all (TavlaBoard                   *self,
            const TavlaMeasurementInput  *inputs,
            const guint                  *lines,
            guint                         n_inputs,
            gboolean                      is_file,
            gboolean                      dry_run,
            const char                   *actor_in,
            TavlaImportResult            *result,
            GError                      **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) measures = g_array_new (FALSE, TRUE, sizeof (TavlaMeasure));
  g_autoptr(GHashTable) overall = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) overall_measures = g_ptr_array_new ();
  TavlaStore *store = tavla_board_get_store (self);
  guint n_rows = 0;

  g_array_set_clear_func (measures, (GDestroyNotify) tavla_measure_clear);

  for (guint i = 0; i < n_inputs; i++)
    {
      TavlaImportRow *row = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(TavlaMeasurement) existing = NULL;
      g_autofree char *key = NULL;
      TavlaMeasure measure = { 0 };
      const char *field = NULL;
      gpointer first_line = NULL;

      if (input_is_empty (&inputs[i]))
        continue;

      n_rows++;
      row = import_row_new (lines[i], &inputs[i]);
      g_ptr_array_add (result->rows, row);

      if (!tavla_measure_check (self, &inputs[i], &measure, &field, &local_error))
        {
          tavla_measure_clear (&measure);
          import_row_fail (result, row, field,
                           row_message (is_file, row->line, field, local_error->message));
          continue;
        }

      key = g_strdup_printf ("%" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT,
                             tavla_metric_get_id (measure.metric), measure.period_text,
                             tavla_measure_group_id (&measure));
      if (g_hash_table_lookup_extended (seen, key, NULL, &first_line))
        {
          g_autofree char *message =
            is_file
            ? g_strdup_printf (_("The same metric, period and group as line %u; keep one of the two "
                                 "rows."), GPOINTER_TO_UINT (first_line))
            : g_strdup_printf (_("The same metric, period and group as row %u; keep one of the two "
                                 "rows."), GPOINTER_TO_UINT (first_line));

          tavla_measure_clear (&measure);
          import_row_fail (result, row, "period", row_message (is_file, row->line, "period", message));
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (row->line));

      if (!tavla_store_find_measurement (store, tavla_metric_get_id (measure.metric), measure.period_text,
                                         tavla_measure_group_id (&measure), &existing, error))
        {
          tavla_measure_clear (&measure);
          return FALSE;
        }

      row->outcome = tavla_measure_outcome (&measure, existing);
      g_array_append_val (measures, measure);
    }

  if (result->errors->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (result->errors, NULL);
      joined = g_strjoinv ("\n", (char **) result->errors->pdata);
      g_ptr_array_remove_index (result->errors, result->errors->len - 1);
      tavla_board_set_input_error (error, joined);
      return FALSE;
    }

  if (n_rows == 0)
    {
      g_ptr_array_add (result->errors, g_strdup (is_file ? _("The file has no rows to import; add rows "
                                                              "below the header.")
                                                         : _("There are no figures to save; fill in "
                                                             "at least one row.")));
      tavla_board_set_input_error (error, g_ptr_array_index (result->errors, 0));
      return FALSE;
    }

  for (guint i = 0; i < result->rows->len; i++)
    {
      TavlaImportRow *row = g_ptr_array_index (result->rows, i);

      if (row->outcome == TAVLA_RECORD_ADDED)
        result->n_added++;
      else if (row->outcome == TAVLA_RECORD_CORRECTED)
        result->n_corrected++;
      else
        result->n_unchanged++;
    }

  if (dry_run)
    return TRUE;

  if (!tavla_board_begin_batch (self, error))
    return FALSE;

  for (guint i = 0; i < measures->len; i++)
    {
      TavlaMeasure *measure = &g_array_index (measures, TavlaMeasure, i);
      g_autofree char *overall_key = g_strdup_printf ("%" G_GINT64_FORMAT " %s",
                                                      tavla_metric_get_id (measure->metric),
                                                      measure->period_text);

      if (!tavla_measure_record (self, measure, actor, now, FALSE, NULL, NULL, error))
        {
          tavla_board_rollback_batch (self);
          return FALSE;
        }

      /* Each overall roll-up once, after all its groups are in. */
      if (tavla_metric_get_per_group (measure->metric) && !g_hash_table_contains (overall, overall_key))
        {
          g_hash_table_add (overall, g_steal_pointer (&overall_key));
          g_ptr_array_add (overall_measures, measure);
        }
    }

  for (guint i = 0; i < overall_measures->len; i++)
    {
      TavlaMeasure *measure = g_ptr_array_index (overall_measures, i);

      if (!tavla_measure_sync_overall (self, measure->metric, &measure->period, now, error))
        {
          tavla_board_rollback_batch (self);
          return FALSE;
        }
    }

  if (result->n_added + result->n_corrected > 0)
    tavla_board_metrics_written (self);

  if (!tavla_board_commit_batch (self, error))
    return FALSE;

  result->written = TRUE;

  return TRUE;
}

gboolean
tavla_board_record_measurements (TavlaBoard                   *self,
                                 const TavlaMeasurementInput  *inputs,
                                 guint                         n_inputs,
                                 gboolean                      dry_run,
                                 const char                   *actor,
                                 TavlaImportResult           **out_result,
                                 GError                      **error)
{
  g_autoptr(TavlaImportResult) result = import_result_new ();
  g_autofree guint *lines = g_new0 (guint, MAX (n_inputs, 1));
  gboolean ok = FALSE;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);
  g_return_val_if_fail (inputs != NULL || n_inputs == 0, FALSE);

  for (guint i = 0; i < n_inputs; i++)
    lines[i] = i + 1;

  ok = record_all (self, inputs, lines, n_inputs, FALSE, dry_run, actor, result, error);

  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);

  return ok;
}

/* One record of a CSV file: its cells and the line it starts on. */
typedef struct
{
  guint      line;
  GPtrArray *cells;
  gboolean   blank;
} CsvRecord;

static void
csv_record_free (CsvRecord *record)
{
  g_ptr_array_unref (record->cells);
  g_free (record);
}

/* RFC 4180: cells separated by commas, records by LF or CRLF, quoted
 * cells may hold commas, quotes (doubled) and line breaks. */
static GPtrArray *
parse_csv (const char  *text,
           gsize        length,
           GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) csv_record_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  CsvRecord *record = NULL;
  gboolean quoted = FALSE;
  gboolean cell_was_quoted = FALSE;
  guint line = 1;
  guint quote_line = 0;
  gsize i = 0;

  while (i <= length)
    {
      char c = i < length ? text[i] : '\n';
      gboolean at_end = i == length;

      if (record == NULL)
        {
          record = g_new0 (CsvRecord, 1);
          record->line = line;
          record->cells = g_ptr_array_new_with_free_func (g_free);
        }

      if (quoted && !at_end)
        {
          if (c == '"' && i + 1 < length && text[i + 1] == '"')
            {
              g_string_append_c (cell, '"');
              i += 2;
              continue;
            }
          if (c == '"')
            {
              quoted = FALSE;
              i++;
              continue;
            }
          if (c == '\n')
            line++;
          g_string_append_c (cell, c);
          i++;
          continue;
        }

      if (quoted && at_end)
        {
          csv_record_free (record);
          g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                       _("Line %u: a quoted cell is not closed; add the closing quote (\")."), quote_line);
          return NULL;
        }

      if (c == '"' && cell->len == 0 && !cell_was_quoted)
        {
          quoted = TRUE;
          cell_was_quoted = TRUE;
          quote_line = line;
          i++;
          continue;
        }

      if (c == ',' || c == '\n' || (c == '\r' && i + 1 < length && text[i + 1] == '\n'))
        {
          g_ptr_array_add (record->cells, g_strndup (cell->str, cell->len));
          g_string_truncate (cell, 0);

          if (c == ',')
            {
              cell_was_quoted = FALSE;
              i++;
              continue;
            }

          record->blank = record->cells->len == 1 && *(char *) g_ptr_array_index (record->cells, 0) == '\0' &&
                          !cell_was_quoted;
          cell_was_quoted = FALSE;
          if (!(at_end && record->blank))
            g_ptr_array_add (records, record);
          else
            csv_record_free (record);
          record = NULL;

          i += c == '\r' ? 2 : 1;
          line++;
          continue;
        }

      g_string_append_c (cell, c);
      i++;
    }

  return g_steal_pointer (&records);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const TavlaImportRow *x = *(TavlaImportRow * const *) a;
  const TavlaImportRow *y = *(TavlaImportRow * const *) b;

  return x->line < y->line ? -1 : (x->line > y->line ? 1 : 0);
}

gboolean
tavla_board_import_measurements (TavlaBoard         *self,
                                 const char         *csv,
                                 gssize              length,
                                 gboolean            dry_run,
                                 const char         *actor,
                                 TavlaImportResult **out_result,
                                 GError            **error)
{
  g_autoptr(TavlaImportResult) result = import_result_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) inputs = g_array_new (FALSE, TRUE, sizeof (TavlaMeasurementInput));
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;
  gsize size = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);
  g_return_val_if_fail (csv != NULL || length == 0, FALSE);

  size = length < 0 ? strlen (csv) : (gsize) length;

  /* A BOM is how spreadsheets mark UTF-8; it is not part of the header. */
  if (size >= 3 && memcmp (csv, "\xef\xbb\xbf", 3) == 0)
    {
      csv += 3;
      size -= 3;
    }

  if (!g_utf8_validate_len (csv, size, NULL))
    {
      g_ptr_array_add (result->errors, g_strdup (_("The file is not UTF-8 text; save it as “CSV UTF-8” "
                                                  "and import it again.")));
      goto refuse;
    }

  if ((records = parse_csv (csv, size, &local_error)) == NULL)
    {
      g_ptr_array_add (result->errors, g_strdup (local_error->message));
      goto refuse;
    }

  if (records->len == 0 || ((CsvRecord *) g_ptr_array_index (records, 0))->blank)
    {
      g_ptr_array_add (result->errors,
                       g_strdup_printf (_("Line 1: the file has no header; the first line must be %s."),
                                        TAVLA_IMPORT_HEADER));
      goto refuse;
    }

  {
    CsvRecord *header = g_ptr_array_index (records, 0);
    gboolean header_ok = header->cells->len == IMPORT_COLUMNS;

    for (guint c = 0; header_ok && c < IMPORT_COLUMNS; c++)
      header_ok = g_str_equal (g_ptr_array_index (header->cells, c), import_columns[c]);

    if (!header_ok)
      {
        g_autoptr(GString) found = g_string_new (NULL);

        for (guint c = 0; c < header->cells->len; c++)
          {
            if (c > 0)
              g_string_append_c (found, ',');
            g_string_append (found, g_ptr_array_index (header->cells, c));
          }

        g_ptr_array_add (result->errors,
                         g_strdup_printf (_("Line 1: the header is “%s”; it must be exactly %s."),
                                          found->str, TAVLA_IMPORT_HEADER));
        goto refuse;
      }
  }

  for (guint r = 1; r < records->len; r++)
    {
      CsvRecord *record = g_ptr_array_index (records, r);
      TavlaMeasurementInput input = { 0 };

      if (record->blank)
        continue;

      if (record->cells->len != IMPORT_COLUMNS)
        {
          TavlaImportRow *row = g_new0 (TavlaImportRow, 1);
          g_autofree char *message =
            g_strdup_printf (_("The row has %u cells, but it needs %d (%s); put quotes around a cell "
                               "that contains a comma."), record->cells->len, IMPORT_COLUMNS,
                             TAVLA_IMPORT_HEADER);

          row->line = record->line;
          g_ptr_array_add (result->rows, row);
          import_row_fail (result, row, "line", row_message (TRUE, record->line, "line", message));
          continue;
        }

      input.metric = g_ptr_array_index (record->cells, 0);
      input.period = g_ptr_array_index (record->cells, 1);
      input.group = g_ptr_array_index (record->cells, 2);
      input.value = g_ptr_array_index (record->cells, 3);
      input.numerator = g_ptr_array_index (record->cells, 4);
      input.denominator = g_ptr_array_index (record->cells, 5);
      input.respondents = g_ptr_array_index (record->cells, 6);
      g_array_append_val (inputs, input);
      g_array_append_val (lines, record->line);
    }

  if (result->errors->len > 0)
    {
      /* Check the well-formed rows too, so every bad row is reported. */
      g_autoptr(TavlaImportResult) rest = import_result_new ();
      g_autoptr(GError) rest_error = NULL;

      record_all (self, (TavlaMeasurementInput *) (gpointer) inputs->data, (guint *) (gpointer) lines->data,
                  inputs->len, TRUE, TRUE, actor, rest, &rest_error);
      g_ptr_array_extend_and_steal (result->rows, g_steal_pointer (&rest->rows));
      rest->rows = g_ptr_array_new ();
      g_ptr_array_sort (result->rows, compare_rows);
      g_ptr_array_set_size (result->errors, 0);
      for (guint e = 0; e < result->rows->len; e++)
        {
          TavlaImportRow *row = g_ptr_array_index (result->rows, e);

          if (row->error != NULL)
            g_ptr_array_add (result->errors, g_strdup (row->error));
        }
      goto refuse;
    }

  ok = record_all (self, (TavlaMeasurementInput *) (gpointer) inputs->data, (guint *) (gpointer) lines->data,
                   inputs->len, TRUE, dry_run, actor, result, error);

  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);

  return ok;

refuse:
  {
    g_autofree char *joined = NULL;

    g_ptr_array_add (result->errors, NULL);
    joined = g_strjoinv ("\n", (char **) result->errors->pdata);
    g_ptr_array_remove_index (result->errors, result->errors->len - 1);
    tavla_board_set_input_error (error, joined);
  }

  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);

  return FALSE;
}

gboolean
tavla_board_import_measurements_file (TavlaBoard         *self,
                                      GFile              *file,
                                      gboolean            dry_run,
                                      const char         *actor,
                                      TavlaImportResult **out_result,
                                      GError            **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;

  return tavla_board_import_measurements (self, contents, (gssize) length, dry_run, actor, out_result, error);
}
