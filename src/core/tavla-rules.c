/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-date.h"
#include "tavla-error.h"
#include "tavla-rules.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fail (TavlaItemField  field,
      TavlaItemField *out_field,
      GError        **error,
      const char     *message)
{
  if (out_field != NULL)
    *out_field = field;

  g_set_error_literal (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID, message);

  return FALSE;
}

static gboolean
check_title (const char      *title,
             TavlaItemField  *out_field,
             GError         **error)
{
  g_autofree char *trimmed = NULL;
  glong length = 0;

  trimmed = g_strstrip (g_strdup (title != NULL ? title : ""));
  if (!g_utf8_validate (trimmed, -1, NULL))
    return fail (TAVLA_ITEM_FIELD_TITLE, out_field, error,
                 _("Title is not valid UTF-8 text. Type the title again."));

  length = g_utf8_strlen (trimmed, -1);
  if (length == 0)
    return fail (TAVLA_ITEM_FIELD_TITLE, out_field, error,
                 _("Title is empty. Write a short title of what should improve."));

  if (length > TAVLA_ITEM_TITLE_MAX_CHARS)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Title is %ld characters long; shorten it to %d characters or fewer."),
                                 length, TAVLA_ITEM_TITLE_MAX_CHARS);
      return fail (TAVLA_ITEM_FIELD_TITLE, out_field, error, message);
    }

  return TRUE;
}

static gboolean
check_due (const char      *due,
           TavlaItemField  *out_field,
           GError         **error)
{
  g_autofree char *message = NULL;

  if (due == NULL || *due == '\0' || tavla_date_parse (due, NULL))
    return TRUE;

  message = g_strdup_printf (_("Due date %s is not a valid date (expected YYYY-MM-DD, e.g. 2026-12-03)."),
                             due);

  return fail (TAVLA_ITEM_FIELD_DUE, out_field, error, message);
}

gboolean
tavla_item_rules_check (TavlaItem              *current,
                        const TavlaItemChange  *change,
                        TavlaItemField         *out_field,
                        GError                **error)
{
  TavlaStatus old_status = TAVLA_STATUS_NEW;
  TavlaStatus new_status = TAVLA_STATUS_NEW;
  const char *owner = NULL;
  const char *due = NULL;
  gboolean has_note = FALSE;

  g_return_val_if_fail (current == NULL || TAVLA_IS_ITEM (current), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (out_field != NULL)
    *out_field = TAVLA_ITEM_FIELD_NONE;

  /* A new item needs its title; an update checks it only when it changes. */
  if (current == NULL || (change->set & TAVLA_ITEM_FIELD_TITLE) != 0)
    {
      if (!check_title ((change->set & TAVLA_ITEM_FIELD_TITLE) != 0 ? change->title : NULL,
                        out_field, error))
        return FALSE;
    }

  if ((change->set & TAVLA_ITEM_FIELD_DUE) != 0 && !check_due (change->due, out_field, error))
    return FALSE;

  if ((change->set & TAVLA_ITEM_FIELD_SOURCE) != 0 && (guint) change->source >= TAVLA_N_SOURCES)
    return fail (TAVLA_ITEM_FIELD_SOURCE, out_field, error,
                 _("Source is not one of the known sources; choose one from the list."));
  if ((change->set & TAVLA_ITEM_FIELD_STATUS) != 0 && (guint) change->status >= TAVLA_N_STATUSES)
    return fail (TAVLA_ITEM_FIELD_STATUS, out_field, error,
                 _("Status is not one of the known statuses; choose one from the list."));
  if ((change->set & TAVLA_ITEM_FIELD_MARK) != 0 && (guint) change->mark >= TAVLA_N_MARKS)
    return fail (TAVLA_ITEM_FIELD_MARK, out_field, error,
                 _("Status mark is not one of the known marks; choose one from the list."));

  if (current != NULL)
    {
      old_status = tavla_item_get_status (current);
      owner = tavla_item_get_owner (current);
      due = tavla_item_get_due (current);
    }

  new_status = (change->set & TAVLA_ITEM_FIELD_STATUS) != 0 ? change->status : old_status;
  if ((change->set & TAVLA_ITEM_FIELD_OWNER) != 0)
    owner = change->owner;
  if ((change->set & TAVLA_ITEM_FIELD_DUE) != 0)
    due = change->due;
  has_note = (change->set & TAVLA_ITEM_FIELD_NOTE) != 0 && !is_blank (change->note);

  if (current == NULL && new_status != TAVLA_STATUS_NEW)
    return fail (TAVLA_ITEM_FIELD_STATUS, out_field, error,
                 _("A new proposal starts as New; change its status after it is created."));

  if (new_status != old_status)
    {
      if (new_status == TAVLA_STATUS_IN_PROGRESS && is_blank (owner))
        return fail (TAVLA_ITEM_FIELD_OWNER, out_field, error,
                     _("An owner is needed before work can start: choose who is responsible."));
      if (new_status == TAVLA_STATUS_IN_PROGRESS && is_blank (due))
        return fail (TAVLA_ITEM_FIELD_DUE, out_field, error,
                     _("A due date is needed before work can start: set when it should be done."));
      if ((old_status == TAVLA_STATUS_DONE || old_status == TAVLA_STATUS_REJECTED) && !has_note)
        return fail (TAVLA_ITEM_FIELD_NOTE, out_field, error,
                     _("Reopening a done or rejected proposal needs a note: say why it is reopened."));
      if (new_status == TAVLA_STATUS_DONE && !has_note)
        return fail (TAVLA_ITEM_FIELD_NOTE, out_field, error,
                     _("Moving a proposal to Done needs a note: say what was achieved."));
      if (new_status == TAVLA_STATUS_REJECTED && !has_note)
        return fail (TAVLA_ITEM_FIELD_NOTE, out_field, error,
                     _("Rejecting a proposal needs a note: give the reason."));
    }
  else if (new_status == TAVLA_STATUS_IN_PROGRESS)
    {
      /* Work in progress always has someone responsible and a date. */
      if ((change->set & TAVLA_ITEM_FIELD_OWNER) != 0 && is_blank (owner))
        return fail (TAVLA_ITEM_FIELD_OWNER, out_field, error,
                     _("A proposal in progress needs an owner; choose another owner instead of clearing it."));
      if ((change->set & TAVLA_ITEM_FIELD_DUE) != 0 && is_blank (due))
        return fail (TAVLA_ITEM_FIELD_DUE, out_field, error,
                     _("A proposal in progress needs a due date; set another date instead of clearing it."));
    }

  if ((change->set & TAVLA_ITEM_FIELD_MARK) != 0 &&
      change->mark != TAVLA_MARK_NONE &&
      new_status != TAVLA_STATUS_IN_PROGRESS)
    return fail (TAVLA_ITEM_FIELD_MARK, out_field, error,
                 _("Status marks apply only to proposals in progress; start the proposal first."));

  return TRUE;
}

/* One pass: lower-case each character, decompose it and keep the base
 * letters, so "Ärende" and "arende" meet. This runs over every snapshot's
 * text on the first search, so it avoids the whole-string normalisers. */
char *
tavla_text_fold (const char *text)
{
  GString *folded = NULL;

  if (text == NULL)
    return g_strdup ("");

  folded = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = 0;

      if (c < 0x80)
        {
          g_string_append_c (folded, g_ascii_tolower ((char) c));
          continue;
        }

      n = g_unichar_fully_decompose (g_unichar_tolower (c), TRUE, decomposed, G_N_ELEMENTS (decomposed));
      for (gsize i = 0; i < n; i++)
        {
          if (g_unichar_ismark (decomposed[i]))
            continue;
          if (decomposed[i] < 0x80)
            g_string_append_c (folded, g_ascii_tolower ((char) decomposed[i]));
          else
            g_string_append_unichar (folded, g_unichar_tolower (decomposed[i]));
        }
    }

  return g_string_free (folded, FALSE);
}

/* The last search text and its folded form, per thread: a filter asks
 * for the same needle once per item. */
typedef struct
{
  char *text;
  char *folded;
} FoldCache;

static void
fold_cache_free (gpointer data)
{
  FoldCache *cache = data;

  g_free (cache->text);
  g_free (cache->folded);
  g_free (cache);
}

static GPrivate fold_cache_key = G_PRIVATE_INIT (fold_cache_free);

static const char *
fold_cached (const char *text)
{
  FoldCache *cache = g_private_get (&fold_cache_key);

  if (cache == NULL)
    {
      cache = g_new0 (FoldCache, 1);
      g_private_set (&fold_cache_key, cache);
    }

  if (g_strcmp0 (cache->text, text) != 0)
    {
      g_free (cache->text);
      g_free (cache->folded);
      cache->text = g_strdup (text);
      cache->folded = tavla_text_fold (text);
    }

  return cache->folded;
}

gboolean
tavla_item_query_matches (const TavlaItemQuery *query,
                          TavlaItem            *item)
{
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (TAVLA_IS_ITEM (item), FALSE);

  if (query->statuses != 0 &&
      (query->statuses & (1u << tavla_item_get_status (item))) == 0)
    return FALSE;

  if (query->owner != NULL && g_strcmp0 (query->owner, tavla_item_get_owner (item)) != 0)
    return FALSE;

  if (query->department != NULL &&
      g_strcmp0 (query->department, tavla_item_get_department (item)) != 0)
    return FALSE;

  if (query->strategic_only && !tavla_item_get_strategic (item))
    return FALSE;

  if (query->overdue_only && !tavla_item_is_overdue (item, query->today))
    return FALSE;

  if (query->search != NULL && *query->search != '\0')
    {
      if (strstr (tavla_item_get_search_key (item), fold_cached (query->search)) == NULL)
        return FALSE;
    }

  return TRUE;
}

int
tavla_item_compare_for_board (TavlaItem *a,
                              TavlaItem *b)
{
  const char *due_a = tavla_item_get_due (a);
  const char *due_b = tavla_item_get_due (b);
  gint64 id_a = tavla_item_get_id (a);
  gint64 id_b = tavla_item_get_id (b);

  if (due_a != NULL && due_b == NULL)
    return -1;
  if (due_a == NULL && due_b != NULL)
    return 1;
  if (due_a != NULL && due_b != NULL)
    {
      int cmp = strcmp (due_a, due_b);

      if (cmp != 0)
        return cmp < 0 ? -1 : 1;
    }

  return (id_a > id_b) - (id_a < id_b);
}
