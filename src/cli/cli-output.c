/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cli-output.h"

struct _CliTable
{
  guint      n_columns;
  GPtrArray *cells;
};

struct _CliFields
{
  GPtrArray *labels;
  GPtrArray *values;
};

static void
add_item_members (JsonBuilder *builder,
                  TavlaItem   *item)
{
  TavlaMark mark = tavla_item_get_mark (item);

  cli_json_set_int (builder, "id", tavla_item_get_id (item));
  cli_json_set_string (builder, "title", tavla_item_get_title (item));
  cli_json_set_string (builder, "description", tavla_item_get_description (item));
  cli_json_set_string (builder, "status",
                     tavla_status_to_string (tavla_item_get_status (item)));
  cli_json_set_string (builder, "mark",
                     mark != TAVLA_MARK_NONE ? tavla_mark_to_string (mark) : NULL);
  cli_json_set_string (builder, "owner", tavla_item_get_owner (item));
  cli_json_set_string (builder, "due", tavla_item_get_due (item));
  cli_json_set_string (builder, "department", tavla_item_get_department (item));
  cli_json_set_string (builder, "source",
                     tavla_source_to_string (tavla_item_get_source (item)));
  cli_json_set_boolean (builder, "strategic", tavla_item_get_strategic (item));
  cli_json_set_string (builder, "created", tavla_item_get_created (item));
  cli_json_set_string (builder, "updated", tavla_item_get_updated (item));
}

/* Display width in terminal cells: wide (CJK) characters take two cells,
 * combining marks none. ASCII, most of what is printed, is counted
 * without decoding. */
static guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0';)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          width++;
          p++;
          continue;
        }
      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* Whether @text (valid UTF-8) holds a C0 or C1 control character or DEL. */
static gboolean
has_control (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p < 0x20 || *p == 0x7f)
        return TRUE;
      /* U+0080..U+009F are encoded as C2 80..C2 9F. */
      if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
        return TRUE;
    }

  return FALSE;
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  guint used = text_width (text);

  g_string_append (out, text);
  for (; used < width; used++)
    g_string_append_c (out, ' ');
}

/* A JSON string, escaped as RFC 8259 asks: quote, backslash and control
 * characters; everything else is copied as UTF-8. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_autofree char *valid = NULL;
  const char *run;
  const char *p;

  if (text == NULL)
    {
      g_string_append_len (out, "null", 4);
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (run = p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"':
          g_string_append_len (out, "\\\"", 2);
          break;
        case '\\':
          g_string_append_len (out, "\\\\", 2);
          break;
        case '\n':
          g_string_append_len (out, "\\n", 2);
          break;
        case '\t':
          g_string_append_len (out, "\\t", 2);
          break;
        case '\r':
          g_string_append_len (out, "\\r", 2);
          break;
        case '\b':
          g_string_append_len (out, "\\b", 2);
          break;
        case '\f':
          g_string_append_len (out, "\\f", 2);
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
append_indent (GString *out,
               guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_json_value (GString  *out,
                   JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      cli_json_append_double (out, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      append_json_string (out, json_node_get_string (node));
      break;
    default:
      g_string_append (out, "null");
      break;
    }
}

static void
append_json_member (GString    *out,
                    const char *name,
                    const char *value)
{
  g_string_append_c (out, ',');
  append_json_string (out, name);
  g_string_append_c (out, ':');
  append_json_string (out, value);
}

/* The kinds of link a person reads; other kinds keep their machine name. */
static const char *
link_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "metric") == 0)
    /* TRANSLATORS: a proposal's link to a metric (nyckeltal). */
    return C_("link", "Metric");
  if (g_strcmp0 (kind, "deviation") == 0)
    /* TRANSLATORS: a proposal's link to a deviation (avvikelse). */
    return C_("link", "Deviation");

  return kind;
}

static void
print_note (TavlaCli   *cli,
            const char *note)
{
  g_autofree char *clean = NULL;

  if (note == NULL || *note == '\0')
    return;

  clean = cli_text_clean (note);
  /* TRANSLATORS: the note written with a change, shown under it. */
  cli_print (cli, "    ");
  cli_print_line (cli, _("Note: %s"), clean);
}

void
cli_json_set_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
cli_json_set_int (JsonBuilder *builder,
                  const char  *name,
                  gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
cli_json_set_boolean (JsonBuilder *builder,
                      const char  *name,
                      gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* A number, or null when @known is FALSE. */
void
cli_json_set_double (JsonBuilder *builder,
                     const char  *name,
                     gboolean     known,
                     double       value)
{
  json_builder_set_member_name (builder, name);
  if (known)
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
cli_json_add_item_full (JsonBuilder *builder,
                        TavlaItem   *item,
                        GListModel  *history,
                        GPtrArray   *links)
{
  guint n_history = history != NULL ? g_list_model_get_n_items (history) : 0;

  json_builder_begin_object (builder);
  add_item_members (builder, item);

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_history; i++)
    {
      g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, i);

      json_builder_begin_object (builder);
      cli_json_set_string (builder, "at", tavla_history_entry_get_at (entry));
      cli_json_set_string (builder, "actor", tavla_history_entry_get_actor (entry));
      cli_json_set_string (builder, "field", tavla_history_entry_get_field (entry));
      cli_json_set_string (builder, "old", tavla_history_entry_get_old_value (entry));
      cli_json_set_string (builder, "new", tavla_history_entry_get_new_value (entry));
      cli_json_set_string (builder, "note", tavla_history_entry_get_note (entry));
      json_builder_set_member_name (builder, "meeting");
      if (tavla_history_entry_get_meeting_id (entry) != 0)
        json_builder_add_int_value (builder, tavla_history_entry_get_meeting_id (entry));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      TavlaLink *link = g_ptr_array_index (links, i);

      json_builder_begin_object (builder);
      cli_json_set_string (builder, "kind", link->kind);
      cli_json_set_int (builder, "target_id", link->target_id);
      cli_json_set_string (builder, "label", link->label);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

void
cli_json_add_person (JsonBuilder *builder,
                     TavlaPerson *person)
{
  json_builder_begin_object (builder);
  cli_json_set_int (builder, "id", tavla_person_get_id (person));
  cli_json_set_string (builder, "name", tavla_person_get_name (person));
  cli_json_set_string (builder, "role", tavla_person_get_role (person));
  cli_json_set_string (builder, "email", tavla_person_get_email (person));
  cli_json_set_boolean (builder, "active", tavla_person_get_active (person));
  json_builder_end_object (builder);
}

void
cli_json_add_department (JsonBuilder     *builder,
                         TavlaDepartment *department)
{
  json_builder_begin_object (builder);
  cli_json_set_int (builder, "id", tavla_department_get_id (department));
  cli_json_set_string (builder, "name", tavla_department_get_name (department));
  cli_json_set_string (builder, "code", tavla_department_get_code (department));
  json_builder_end_object (builder);
}

/* Writes @node as pretty-printed JSON (two spaces per level), the way
 * JsonGenerator does, except for numbers with a fraction: JsonGenerator
 * writes every digit of the binary double ("83.333333333333343", "0.1" as
 * "0.10000000000000001"), this writes the shortest text that reads back as
 * the same double. */
void
cli_json_append_node (GString  *out,
                      JsonNode *node,
                      guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            g_string_append_c (out, '\n');
            append_indent (out, depth + 1);
            append_json_string (out, l->data);
            g_string_append (out, " : ");
            cli_json_append_node (out, json_object_get_member (object, l->data), depth + 1);
            if (l->next != NULL)
              g_string_append_c (out, ',');
          }
        g_string_append_c (out, '\n');
        append_indent (out, depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n_elements = json_array_get_length (array);

        if (n_elements == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n_elements; i++)
          {
            g_string_append_c (out, '\n');
            append_indent (out, depth + 1);
            cli_json_append_node (out, json_array_get_element (array, i), depth + 1);
            if (i + 1 < n_elements)
              g_string_append_c (out, ',');
          }
        g_string_append_c (out, '\n');
        append_indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      append_json_value (out, node);
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/* A JSON string, or null for NULL. */
void
cli_json_append_string (GString    *out,
                        const char *text)
{
  append_json_string (out, text);
}

void
cli_write_json (TavlaCli    *cli,
                JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  cli_json_append_node (cli->out, root, 0);
  g_string_append_c (cli->out, '\n');
  cli_flush (cli, FALSE);
}

/* The shortest decimal text that reads back as @value, with '.' whatever
 * the locale; a whole number keeps a ".0" so that it reads back as a
 * double. Not-a-number and infinities, which JSON lacks, are null. */
void
cli_json_append_double (GString *out,
                        double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  for (int precision = 15; precision <= 17; precision++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%dg", precision);

      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (out, ".0");
}

/*
 * The item members of cli_json_add_item_full() on one line, written straight
 * into @out. `item list --json` on 10,000 items spends most of its own
 * time here; building a JsonNode tree per item was several times slower.
 * The cli suite checks that both writers give equal objects.
 */
void
cli_json_append_item (GString   *out,
                      TavlaItem *item)
{
  TavlaMark mark = tavla_item_get_mark (item);

  g_string_append_printf (out, "{\"id\":%" G_GINT64_FORMAT, tavla_item_get_id (item));
  append_json_member (out, "title", tavla_item_get_title (item));
  append_json_member (out, "description", tavla_item_get_description (item));
  append_json_member (out, "status", tavla_status_to_string (tavla_item_get_status (item)));
  append_json_member (out, "mark",
                      mark != TAVLA_MARK_NONE ? tavla_mark_to_string (mark) : NULL);
  append_json_member (out, "owner", tavla_item_get_owner (item));
  append_json_member (out, "due", tavla_item_get_due (item));
  append_json_member (out, "department", tavla_item_get_department (item));
  append_json_member (out, "source", tavla_source_to_string (tavla_item_get_source (item)));
  g_string_append (out, tavla_item_get_strategic (item)
                        ? ",\"strategic\":true" : ",\"strategic\":false");
  append_json_member (out, "created", tavla_item_get_created (item));
  append_json_member (out, "updated", tavla_item_get_updated (item));
  g_string_append_c (out, '}');
}

/* Text a person reads in a terminal: control characters (newlines, tabs,
 * escape sequences) become spaces so that stored text can neither break
 * the layout nor drive the terminal. */
char *
cli_text_clean (const char *text)
{
  g_autofree char *valid = NULL;
  GString *clean;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_validate (text, -1, NULL) && !has_control (text))
    return g_strdup (text);

  valid = g_utf8_make_valid (text, -1);
  clean = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

void
cli_print (TavlaCli   *cli,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (cli->out, format, args);
  va_end (args);
  cli_flush (cli, FALSE);
}

/* Prints @format and a newline, so that translated messages need none. */
void
cli_print_line (TavlaCli   *cli,
                const char *format,
                ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (cli->out, format, args);
  va_end (args);
  g_string_append_c (cli->out, '\n');
  cli_flush (cli, FALSE);
}

CliTable *
cli_table_new (guint n_columns)
{
  CliTable *table = g_new0 (CliTable, 1);

  table->n_columns = n_columns;
  table->cells = g_ptr_array_new_with_free_func (g_free);

  return table;
}

/* Adds the next cell, row by row; the text is cleaned for the terminal. */
void
cli_table_add (CliTable   *table,
               const char *cell)
{
  g_ptr_array_add (table->cells, cli_text_clean (cell));
}

void
cli_table_take (CliTable *table,
                char     *cell)
{
  cli_table_add (table, cell);
  g_free (cell);
}

/* Columns are separated by two spaces; the last column is not padded so
 * long titles do not leave trailing blanks. */
void
cli_table_print (CliTable *table,
                 TavlaCli *cli)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);

  for (guint i = 0; i < table->cells->len; i++)
    {
      guint column = i % table->n_columns;

      widths[column] = MAX (widths[column],
                            text_width (g_ptr_array_index (table->cells, i)));
    }

  for (guint i = 0; i < table->cells->len; i++)
    {
      guint column = i % table->n_columns;
      const char *cell = g_ptr_array_index (table->cells, i);

      if (column + 1 == table->n_columns)
        {
          g_string_append (cli->out, cell);
          g_string_append_c (cli->out, '\n');
          cli_flush (cli, FALSE);
        }
      else
        {
          append_padded (cli->out, cell, widths[column]);
          g_string_append (cli->out, "  ");
        }
    }
}

void
cli_table_free (CliTable *table)
{
  g_ptr_array_unref (table->cells);
  g_free (table);
}

CliFields *
cli_fields_new (void)
{
  CliFields *fields = g_new0 (CliFields, 1);

  fields->labels = g_ptr_array_new_with_free_func (g_free);
  fields->values = g_ptr_array_new_with_free_func (g_free);

  return fields;
}

void
cli_fields_add (CliFields  *fields,
                const char *label,
                const char *value)
{
  g_ptr_array_add (fields->labels, g_strdup (label));
  g_ptr_array_add (fields->values, cli_text_clean (value));
}

void
cli_fields_print (CliFields *fields,
                  TavlaCli  *cli)
{
  guint width = 0;

  for (guint i = 0; i < fields->labels->len; i++)
    width = MAX (width, text_width (g_ptr_array_index (fields->labels, i)));

  for (guint i = 0; i < fields->labels->len; i++)
    {
      g_string_append (cli->out, "  ");
      append_padded (cli->out, g_ptr_array_index (fields->labels, i), width + 2);
      g_string_append (cli->out, g_ptr_array_index (fields->values, i));
      g_string_append_c (cli->out, '\n');
    }
}

void
cli_fields_free (CliFields *fields)
{
  g_ptr_array_unref (fields->labels);
  g_ptr_array_unref (fields->values);
  g_free (fields);
}

/* The item as a readable block: a heading, its fields, its description. */
void
cli_print_item (TavlaCli  *cli,
                TavlaItem *item)
{
  g_autoptr(CliFields) fields = cli_fields_new ();
  g_autofree char *title = cli_text_clean (tavla_item_get_title (item));
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_item_get_id (item));
  g_autofree char *today = tavla_date_today ();
  g_autofree char *due = NULL;
  g_autofree char *status = NULL;
  g_autofree char *created = tavla_timestamp_display (tavla_item_get_created (item));
  g_autofree char *updated = tavla_timestamp_display (tavla_item_get_updated (item));
  const char *description = tavla_item_get_description (item);
  TavlaMark mark = tavla_item_get_mark (item);

  /* TRANSLATORS: heading of a proposal: its number and its title. */
  cli_print_line (cli, _("Proposal #%s: %s"), id, title);

  if (mark != TAVLA_MARK_NONE)
    /* TRANSLATORS: a status and its mark, e.g. "In progress, at risk". */
    status = g_strdup_printf (_("%s, %s"),
                              tavla_status_get_label (tavla_item_get_status (item)),
                              tavla_mark_get_label (mark));
  else
    status = g_strdup (tavla_status_get_label (tavla_item_get_status (item)));

  if (tavla_item_get_due (item) != NULL)
    {
      g_autofree char *label = tavla_date_display (tavla_item_get_due (item));

      if (tavla_item_is_overdue (item, today))
        /* TRANSLATORS: a due date that has passed, e.g. "2026-11-02 (v. 45), overdue". */
        due = g_strdup_printf (_("%s, overdue"), label);
      else
        due = g_steal_pointer (&label);
    }

  cli_fields_add (fields, _("Status:"), status);
  cli_fields_add (fields, _("Owner:"),
                  tavla_item_get_owner (item) != NULL ? tavla_item_get_owner (item) : _("none"));
  cli_fields_add (fields, _("Due:"), due != NULL ? due : _("none"));
  cli_fields_add (fields, _("Department:"),
                  tavla_item_get_department (item) != NULL
                  ? tavla_item_get_department (item) : _("none"));
  cli_fields_add (fields, _("Source:"), tavla_source_get_label (tavla_item_get_source (item)));
  cli_fields_add (fields, _("Level:"),
                  tavla_item_get_strategic (item)
                  ? _("Strategic (development group)") : _("Operational"));
  cli_fields_add (fields, _("Created:"), created);
  cli_fields_add (fields, _("Updated:"), updated);
  cli_fields_print (fields, cli);

  if (description != NULL && *description != '\0')
    {
      g_auto(GStrv) lines = g_strsplit (description, "\n", -1);

      g_string_append_c (cli->out, '\n');
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *line = cli_text_clean (lines[i]);

          cli_print (cli, "  %s\n", line);
        }
    }
}

/* The timeline, one block per change: when and who, then each field that
 * changed, then the change's note once. */
void
cli_print_history (TavlaCli   *cli,
                   GListModel *history)
{
  guint n_entries = g_list_model_get_n_items (history);
  g_autoptr(TavlaHistoryEntry) previous = NULL;

  cli_print (cli, "\n%s\n", _("History"));
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, i);
      g_autofree char *describe = tavla_history_entry_describe (entry);
      g_autofree char *text = cli_text_clean (describe);

      if (previous == NULL
          || tavla_history_entry_get_change_id (previous)
             != tavla_history_entry_get_change_id (entry))
        {
          g_autofree char *at = tavla_timestamp_display (tavla_history_entry_get_at (entry));
          g_autofree char *actor = cli_text_clean (tavla_history_entry_get_actor (entry));

          if (previous != NULL)
            print_note (cli, tavla_history_entry_get_note (previous));
          cli_print (cli, "  %s  %s\n", at, actor);
        }
      cli_print (cli, "    %s\n", text);
      g_set_object (&previous, entry);
    }
  if (previous != NULL)
    print_note (cli, tavla_history_entry_get_note (previous));
}

void
cli_print_links (TavlaCli  *cli,
                 GPtrArray *links)
{
  g_autoptr(CliTable) table = NULL;

  if (links == NULL || links->len == 0)
    return;

  cli_print (cli, "\n%s\n", _("Links"));
  table = cli_table_new (3);
  for (guint i = 0; i < links->len; i++)
    {
      TavlaLink *link = g_ptr_array_index (links, i);

      cli_table_add (table, "");
      cli_table_take (table, g_strdup_printf ("%s #%" G_GINT64_FORMAT,
                                              link_kind_label (link->kind), link->target_id));
      cli_table_add (table, link->label);
    }
  cli_table_print (table, cli);
}

/* @text cleaned for a terminal, cut to @max characters with "…". */
char *
cli_text_shorten (const char *text,
                  glong       max)
{
  g_autofree char *clean = cli_text_clean (text);
  g_autofree char *head = NULL;

  if (g_utf8_strlen (clean, -1) <= max)
    return g_steal_pointer (&clean);

  head = g_utf8_substring (clean, 0, max - 1);
  return g_strconcat (head, "…", NULL);
}

/* Each line of @text, cleaned, indented by two spaces. */
void
cli_print_indented (TavlaCli   *cli,
                    const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = cli_text_clean (lines[i]);

      cli_print (cli, "  %s\n", line);
    }
}
