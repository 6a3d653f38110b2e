/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tavla-board-agreements.h"
#include "tavla-board-audits.h"
#include "tavla-board-meetings-private.h"
#include "tavla-board-metrics.h"
#include "tavla-board-private.h"
#include "tavla-date.h"
#include "tavla-error.h"
#include "tavla-meeting-private.h"
#include "tavla-period.h"

/*
 * The agendas of the weekly meeting, the development group and check-ins
 * (see tavla_board_build_agenda() for the sections), and the printable
 * agenda and minutes. Pure functions of the board as it is now: nothing
 * here writes.
 */

#define SOON_DAYS        6
#define AGREEMENT_DAYS   30
#define RECOMMEND_DAYS   30

/* What one agenda is built from. */
typedef struct
{
  TavlaBoard       *board;
  TavlaAgenda      *agenda;
  GPtrArray        *items;         /* every TavlaItem */
  GHashTable       *by_id;         /* gint64 * -> TavlaItem (borrowed) */
  TavlaDepartment  *department;    /* the one asked for, or NULL */
  GHashTable       *carried;       /* item ids not handled last time */
  GHashTable       *listed;        /* item ids on the agenda */
  TavlaMeeting     *last;          /* the last closed meeting of the kind */
} Build;

static void
build_clear (Build *build)
{
  g_clear_pointer (&build->by_id, g_hash_table_unref);
  g_clear_pointer (&build->items, g_ptr_array_unref);
  g_clear_object (&build->department);
  g_clear_pointer (&build->carried, g_hash_table_unref);
  g_clear_pointer (&build->listed, g_hash_table_unref);
  g_clear_object (&build->last);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Build, build_clear)

static const char *
section_title (const char *id)
{
  static const struct { const char *id; const char *title; } titles[] = {
    { "new", N_("New proposals") },
    { "overdue", N_("Overdue") },
    { "due-soon", N_("Due this week") },
    { "in-progress", N_("In progress") },
    { "done", N_("Done since the last meeting") },
    { "deviations", N_("Deviations last week") },
    { "agreements", N_("Delivery agreements") },
    { "recommendations", N_("Audit recommendations") },
    { "other", N_("Other matters") },
    { "follow-up", N_("Follow-up of the last meeting’s decisions") },
    { "improvement-areas", N_("Improvement areas for the period report") },
    { "proposals", N_("Proposals needing a decision") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].id, id))
      return _(titles[i].title);

  return id;
}

static TavlaAgendaSection *
add_section (Build      *build,
             const char *id,
             const char *title)
{
  TavlaAgendaSection *section = tavla_agenda_section_new (id, title != NULL ? title : section_title (id));

  g_ptr_array_add (build->agenda->sections, section);
  return section;
}

static void
set_string_or_null (JsonObject *object,
                    const char *name,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

/* Joins the parts that are not NULL or empty with " · "; NULL when none. */
static char *
join_array (const char * const *parts,
            guint               n_parts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, parts[i]);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

#define join_parts(...) \
  join_array ((const char *[]) { __VA_ARGS__ }, \
              sizeof ((const char *[]) { __VA_ARGS__ }) / sizeof (const char *))

static TavlaAgendaEntry *
item_entry (Build     *build,
            TavlaItem *item)
{
  g_autofree char *due = tavla_item_dup_due_label (item);
  g_autofree char *owner = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *department = NULL;
  TavlaAgendaEntry *entry = tavla_agenda_entry_new ("item", tavla_item_get_id (item), tavla_item_get_title (item));
  const char *mark = NULL;
  gint64 id = tavla_item_get_id (item);

  if (tavla_item_get_owner (item) != NULL)
    /* Translators: on an agenda entry, "Owner: Anna Berg". */
    owner = g_strdup_printf (_("Owner: %s"), tavla_item_get_owner (item));
  if (due != NULL)
    /* Translators: on an agenda entry, "Due 2026-12-07 (w. 50)". */
    due_text = g_strdup_printf (_("Due %s"), due);
  if (tavla_item_get_department (item) != NULL)
    department = g_strdup (tavla_item_get_department (item));
  if (tavla_item_get_status (item) == TAVLA_STATUS_IN_PROGRESS &&
      tavla_item_get_mark (item) != TAVLA_MARK_NONE)
    mark = tavla_mark_get_label (tavla_item_get_mark (item));

  entry->detail = join_parts (tavla_status_get_label (tavla_item_get_status (item)), mark, owner, due_text,
                              department);
  json_object_set_string_member (entry->fields, "status", tavla_status_to_string (tavla_item_get_status (item)));
  set_string_or_null (entry->fields, "mark", tavla_mark_to_string (tavla_item_get_mark (item)));
  set_string_or_null (entry->fields, "owner", tavla_item_get_owner (item));
  set_string_or_null (entry->fields, "due", tavla_item_get_due (item));
  if (tavla_item_get_due (item) != NULL)
    json_object_set_int_member (entry->fields, "due_week", tavla_date_iso_week (tavla_item_get_due (item), NULL));
  else
    json_object_set_null_member (entry->fields, "due_week");
  set_string_or_null (entry->fields, "department", tavla_item_get_department (item));
  json_object_set_boolean_member (entry->fields, "strategic", tavla_item_get_strategic (item));

  entry->carried_over = build->carried != NULL && g_hash_table_contains (build->carried, &id);
  if (build->listed != NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      g_hash_table_add (build->listed, key);
    }

  return entry;
}

static void
add_item (Build              *build,
          TavlaAgendaSection *section,
          TavlaItem          *item)
{
  g_ptr_array_add (section->entries, item_entry (build, item));
}

static TavlaItem *
find_item (Build  *build,
           gint64  id)
{
  /* Indexed once: deviations and their links are looked up per department. */
  if (build->by_id == NULL)
    {
      build->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < build->items->len; i++)
        {
          TavlaItem *item = g_ptr_array_index (build->items, i);
          gint64 *key = g_new (gint64, 1);

          *key = tavla_item_get_id (item);
          g_hash_table_insert (build->by_id, key, item);
        }
    }

  return g_hash_table_lookup (build->by_id, &id);
}

static TavlaAgendaEntry *
deviation_entry (Build          *build,
                 TavlaDeviation *deviation)
{
  g_autofree char *summary = tavla_deviation_dup_summary (deviation);
  g_autofree char *cause = NULL;
  g_autoptr(GString) linked = g_string_new (NULL);
  TavlaAgendaEntry *entry = tavla_agenda_entry_new ("deviation", tavla_deviation_get_id (deviation), summary);
  JsonArray *items = json_array_new ();
  const gint64 *ids = NULL;
  guint n_ids = 0;

  ids = tavla_deviation_get_items (deviation, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      TavlaItem *item = find_item (build, ids[i]);
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "id", ids[i]);
      set_string_or_null (object, "title", item != NULL ? tavla_item_get_title (item) : NULL);
      set_string_or_null (object, "status", item != NULL ? tavla_status_to_string (tavla_item_get_status (item)) : NULL);
      json_array_add_object_element (items, object);
      if (linked->len > 0)
        g_string_append (linked, ", ");
      g_string_append_printf (linked, "#%" G_GINT64_FORMAT " %s", ids[i],
                              item != NULL ? tavla_item_get_title (item) : "");
    }

  if (tavla_deviation_get_cause (deviation) != NULL)
    /* Translators: the cause of a deviation on an agenda. */
    cause = g_strdup_printf (_("Cause: %s"), tavla_deviation_get_cause (deviation));
  if (linked->len > 0)
    {
      /* Translators: the proposals linked to a deviation on an agenda. */
      g_autofree char *text = g_strdup_printf (_("Proposals: %s"), linked->str);

      entry->detail = join_parts (cause, text);
    }
  else
    entry->detail = join_parts (cause, _("No proposal yet"));

  json_object_set_string_member (entry->fields, "metric", tavla_deviation_get_metric (deviation));
  json_object_set_string_member (entry->fields, "period", tavla_deviation_get_period (deviation));
  set_string_or_null (entry->fields, "group", tavla_deviation_get_group (deviation));
  json_object_set_double_member (entry->fields, "value", tavla_deviation_get_value (deviation));
  json_object_set_double_member (entry->fields, "target", tavla_deviation_get_target (deviation));
  set_string_or_null (entry->fields, "cause", tavla_deviation_get_cause (deviation));
  json_object_set_array_member (entry->fields, "items", items);

  return entry;
}

static TavlaAgendaEntry *
agreement_entry (TavlaAgreement *agreement,
                 const char     *on)
{
  g_autofree char *title = tavla_agreement_dup_title (agreement);
  g_autofree char *review = NULL;
  g_autofree char *review_date = tavla_date_display (tavla_agreement_get_review_due (agreement));
  TavlaAgendaEntry *entry = tavla_agenda_entry_new ("agreement", tavla_agreement_get_id (agreement), title);
  TavlaAgreementStatus status = tavla_agreement_get_status_on (agreement, on);
  const char *revision = tavla_agreement_get_revision_needed (agreement) ? _("Revision needed") : NULL;

  if (review_date != NULL)
    {
      if (g_strcmp0 (tavla_agreement_get_review_due (agreement), on) < 0)
        /* Translators: an agreement whose review date has passed. */
        review = g_strdup_printf (_("Review overdue since %s"), review_date);
      else
        review = g_strdup_printf (_("Review due %s"), review_date);
    }

  entry->detail = join_parts (tavla_agreement_status_get_label (status), review, revision);
  json_object_set_string_member (entry->fields, "department", tavla_agreement_get_department (agreement));
  json_object_set_int_member (entry->fields, "version", tavla_agreement_get_version_number (agreement));
  json_object_set_string_member (entry->fields, "status", tavla_agreement_status_to_string (status));
  set_string_or_null (entry->fields, "review_due", tavla_agreement_get_review_due (agreement));
  json_object_set_boolean_member (entry->fields, "revision_needed", tavla_agreement_get_revision_needed (agreement));

  return entry;
}

static TavlaAgendaEntry *
decision_entry (TavlaDecision *decision)
{
  TavlaAgendaEntry *entry = tavla_agenda_entry_new ("decision", decision->id, decision->text);

  if (decision->item_id != 0)
    {
      /* Translators: the proposal a decision was about, "Proposal #12: Title". */
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, decision->item_id);

      entry->detail = g_strdup_printf (_("Proposal #%s: %s"), id,
                                       decision->item_title != NULL ? decision->item_title : "");
      json_object_set_int_member (entry->fields, "item", decision->item_id);
    }
  else
    json_object_set_null_member (entry->fields, "item");

  return entry;
}

/* ---- What the agenda is built from --------------------------------------- */

static gboolean
load_last_meeting (Build                   *build,
                   const TavlaAgendaQuery  *query,
                   GError                 **error)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GArray) entries = NULL;
  TavlaMeetingStore *store = tavla_board_get_meeting_store (build->board, error);

  if (store == NULL || (meetings = tavla_meeting_store_list_meetings (store, error)) == NULL)
    return FALSE;

  /* Newest date first: the first closed one before the date. */
  for (guint i = 0; build->last == NULL && i < meetings->len; i++)
    {
      TavlaMeeting *meeting = g_ptr_array_index (meetings, i);

      if (tavla_meeting_get_id (meeting) == query->exclude_meeting ||
          tavla_meeting_get_kind (meeting) != query->kind ||
          tavla_meeting_get_state (meeting) != TAVLA_MEETING_CLOSED ||
          g_strcmp0 (tavla_meeting_get_date (meeting), build->agenda->date) >= 0)
        continue;
      if (query->kind == TAVLA_MEETING_CHECK_IN &&
          tavla_meeting_get_department_id (meeting) != tavla_department_get_id (build->department))
        continue;
      build->last = g_object_ref (meeting);
    }

  build->carried = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (build->last == NULL)
    return TRUE;

  if ((entries = tavla_meeting_store_list_entries (store, tavla_meeting_get_id (build->last), error)) == NULL)
    return FALSE;

  /* A proposal listed twice (a department's section and the improvement
   * areas) is carried over only when neither entry was handled. */
  for (guint i = 0; i < entries->len; i++)
    {
      TavlaStoreMeetingEntryRow *row = &g_array_index (entries, TavlaStoreMeetingEntryRow, i);

      if (g_strcmp0 (row->kind, "item") == 0 && row->target_id > 0 &&
          (row->outcome == TAVLA_OUTCOME_PENDING || row->outcome == TAVLA_OUTCOME_SKIPPED))
        {
          gint64 *key = g_new (gint64, 1);

          *key = row->target_id;
          g_hash_table_add (build->carried, key);
        }
    }
  for (guint i = 0; i < entries->len; i++)
    {
      TavlaStoreMeetingEntryRow *row = &g_array_index (entries, TavlaStoreMeetingEntryRow, i);

      if (g_strcmp0 (row->kind, "item") == 0 &&
          row->outcome != TAVLA_OUTCOME_PENDING && row->outcome != TAVLA_OUTCOME_SKIPPED)
        g_hash_table_remove (build->carried, &row->target_id);
    }

  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Items carried over that no section lists: under "other". */
static void
add_carried_rest (Build *build)
{
  TavlaAgendaSection *other = tavla_agenda_find_section (build->agenda, "other");
  GHashTableIter iter;
  gpointer key = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_hash_table_iter_init (&iter, build->carried);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (build->listed, key))
      g_array_append_val (ids, *(gint64 *) key);
  g_array_sort (ids, compare_ids);

  for (guint i = 0; i < ids->len; i++)
    {
      TavlaItem *item = find_item (build, g_array_index (ids, gint64, i));

      if (item == NULL || tavla_item_get_status (item) == TAVLA_STATUS_DONE ||
          tavla_item_get_status (item) == TAVLA_STATUS_REJECTED)
        continue;
      if (other == NULL)
        other = add_section (build, "other", NULL);
      add_item (build, other, item);
    }
}

static int
compare_items_by_owner (gconstpointer a,
                        gconstpointer b)
{
  TavlaItem *x = *(TavlaItem **) a;
  TavlaItem *y = *(TavlaItem **) b;
  int by_owner = 0;

  /* Owners in name order, items without an owner last. */
  if (tavla_item_get_owner (x) == NULL || tavla_item_get_owner (y) == NULL)
    by_owner = (tavla_item_get_owner (x) == NULL) - (tavla_item_get_owner (y) == NULL);
  else
    by_owner = g_utf8_collate (tavla_item_get_owner (x), tavla_item_get_owner (y));

  return by_owner != 0 ? by_owner : tavla_item_compare_for_board (x, y);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return tavla_item_compare_for_board (*(TavlaItem **) a, *(TavlaItem **) b);
}

static void
add_sorted (Build              *build,
            TavlaAgendaSection *section,
            GPtrArray          *items,
            GCompareFunc        compare)
{
  g_ptr_array_sort (items, compare);
  for (guint i = 0; i < items->len; i++)
    add_item (build, section, g_ptr_array_index (items, i));
}

/* ---- The weekly meeting ---------------------------------------------------- */

static gboolean
add_weekly_items (Build       *build,
                  const char  *date,
                  GError     **error)
{
  g_autofree char *soon = tavla_date_add_days (date, SOON_DAYS);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr(GPtrArray) overdue = g_ptr_array_new ();
  g_autoptr(GPtrArray) due_soon = g_ptr_array_new ();
  g_autoptr(GPtrArray) ongoing = g_ptr_array_new ();
  g_autoptr(GPtrArray) done = g_ptr_array_new ();
  g_autoptr(GArray) finished = NULL;
  g_autoptr(GHashTable) finished_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  TavlaMeetingStore *store = tavla_board_get_meeting_store (build->board, error);
  TavlaAgendaSection *section = NULL;

  if (store == NULL ||
      (finished = tavla_meeting_store_list_finished_since (store, build->agenda->since, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < finished->len; i++)
    g_hash_table_add (finished_ids, &g_array_index (finished, gint64, i));

  for (guint i = 0; i < build->items->len; i++)
    {
      TavlaItem *item = g_ptr_array_index (build->items, i);
      const char *due = tavla_item_get_due (item);
      gint64 id = tavla_item_get_id (item);

      switch (tavla_item_get_status (item))
        {
        case TAVLA_STATUS_NEW:
          g_ptr_array_add (fresh, item);
          break;
        case TAVLA_STATUS_IN_PROGRESS:
          if (due != NULL && g_strcmp0 (due, date) < 0)
            g_ptr_array_add (overdue, item);
          else if (due != NULL && g_strcmp0 (due, soon) <= 0)
            g_ptr_array_add (due_soon, item);
          else
            g_ptr_array_add (ongoing, item);
          break;
        case TAVLA_STATUS_DONE:
        case TAVLA_STATUS_REJECTED:
          if (g_hash_table_contains (finished_ids, &id))
            g_ptr_array_add (done, item);
          break;
        case TAVLA_STATUS_PARKED:
        default:
          break;
        }
    }

  add_sorted (build, add_section (build, "new", NULL), fresh, compare_items);
  add_sorted (build, add_section (build, "overdue", NULL), overdue, compare_items);
  add_sorted (build, add_section (build, "due-soon", NULL), due_soon, compare_items);

  section = add_section (build, "in-progress", NULL);
  add_sorted (build, section, ongoing, compare_items_by_owner);
  for (guint i = 0; i < section->entries->len; i++)
    {
      TavlaAgendaEntry *entry = g_ptr_array_index (section->entries, i);
      TavlaItem *item = g_ptr_array_index (ongoing, i);

      entry->group = g_strdup (tavla_item_get_owner (item) != NULL ? tavla_item_get_owner (item)
                                                                    : _("No owner"));
    }

  add_sorted (build, add_section (build, "done", NULL), done, compare_items);
  return TRUE;
}

static gboolean
add_deviations (Build               *build,
                TavlaAgendaSection  *section,
                const char          *from,
                const char          *to,
                TavlaDepartment     *department,
                GError             **error)
{
  g_autoptr(GListModel) deviations = NULL;
  TavlaDeviationQuery query = { 0 };

  query.from = from;
  query.to = to;
  query.include_overall = TRUE;
  if ((deviations = tavla_board_list_deviations (build->board, &query, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (deviations); i++)
    {
      g_autoptr(TavlaDeviation) deviation = g_list_model_get_item (deviations, i);
      gboolean keep = department == NULL;
      const gint64 *ids = NULL;
      guint n_ids = 0;

      ids = tavla_deviation_get_items (deviation, &n_ids);
      for (guint j = 0; !keep && j < n_ids; j++)
        {
          TavlaItem *item = find_item (build, ids[j]);

          keep = item != NULL &&
                 g_strcmp0 (tavla_item_get_department (item), tavla_department_get_name (department)) == 0;
        }
      if (keep)
        g_ptr_array_add (section->entries, deviation_entry (build, deviation));
    }

  return TRUE;
}

static gboolean
add_agreements (Build       *build,
                const char  *date,
                GError     **error)
{
  g_autoptr(GListModel) current = NULL;
  TavlaAgendaSection *section = add_section (build, "agreements", NULL);
  TavlaAgreementQuery query = { 0 };
  g_autofree char *horizon = tavla_date_add_days (date, AGREEMENT_DAYS);

  query.current_only = TRUE;
  query.on = date;
  if ((current = tavla_board_list_agreements (build->board, &query, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (current); i++)
    {
      g_autoptr(TavlaAgreement) agreement = g_list_model_get_item (current, i);
      const char *review = tavla_agreement_get_review_due (agreement);
      TavlaAgreementStatus status = tavla_agreement_get_status_on (agreement, date);
      gboolean reviewable = status == TAVLA_AGREEMENT_STATUS_ACTIVE || status == TAVLA_AGREEMENT_STATUS_EXPIRED;

      if (tavla_agreement_get_revision_needed (agreement) ||
          (reviewable && review != NULL && g_strcmp0 (review, horizon) <= 0))
        g_ptr_array_add (section->entries, agreement_entry (agreement, date));
    }

  return TRUE;
}

static TavlaAgendaEntry *
recommendation_entry (TavlaRecommendation *recommendation)
{
  g_autofree char *owner = NULL;
  g_autofree char *due = tavla_date_display (tavla_recommendation_get_due (recommendation));
  g_autofree char *due_text = NULL;
  TavlaAgendaEntry *entry = tavla_agenda_entry_new ("recommendation", tavla_recommendation_get_id (recommendation),
                                                    tavla_recommendation_get_text (recommendation));

  if (tavla_recommendation_get_owner (recommendation) != NULL)
    owner = g_strdup_printf (_("Owner: %s"), tavla_recommendation_get_owner (recommendation));
  if (due != NULL)
    due_text = g_strdup_printf (_("Due %s"), due);

  entry->detail = join_parts (tavla_recommendation_status_get_label (tavla_recommendation_get_status (recommendation)),
                              owner, due_text, tavla_recommendation_get_audit_title (recommendation));
  json_object_set_string_member (entry->fields, "audit", tavla_recommendation_get_audit_title (recommendation));
  json_object_set_string_member (entry->fields, "status",
                                 tavla_recommendation_status_to_string (tavla_recommendation_get_status (recommendation)));
  set_string_or_null (entry->fields, "owner", tavla_recommendation_get_owner (recommendation));
  set_string_or_null (entry->fields, "due", tavla_recommendation_get_due (recommendation));
  set_string_or_null (entry->fields, "light", tavla_light_to_string (tavla_recommendation_get_light (recommendation)));

  return entry;
}

static gboolean
add_recommendations (Build       *build,
                     const char  *date,
                     gboolean     due_within,
                     GError     **error)
{
  TavlaAgendaSection *section = add_section (build, "recommendations", NULL);
  g_autoptr(GListModel) recommendations = NULL;
  TavlaRecommendationQuery query = { 0 };

  query.open_only = due_within;
  query.due_within = due_within;
  query.due_within_days = RECOMMEND_DAYS;
  query.on = date;
  if ((recommendations = tavla_board_list_recommendations (build->board, &query, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (recommendations); i++)
    {
      g_autoptr(TavlaRecommendation) recommendation = g_list_model_get_item (recommendations, i);
      TavlaRecommendationStatus status = tavla_recommendation_get_status (recommendation);

      if (status != TAVLA_RECOMMENDATION_CLOSED && status != TAVLA_RECOMMENDATION_NOT_ACCEPTED)
        g_ptr_array_add (section->entries, recommendation_entry (recommendation));
    }

  return TRUE;
}

static gboolean
build_weekly (Build       *build,
              GError     **error)
{
  const char *date = build->agenda->date;
  TavlaPeriod week = { 0 };
  TavlaPeriod last_week = { 0 };
  g_autofree char *period = NULL;
  GDate day;

  build->agenda->since = build->last != NULL ? g_strdup (tavla_meeting_get_date (build->last))
                                             : tavla_date_add_days (date, -7);

  if (!add_weekly_items (build, date, error))
    return FALSE;

  /* The last complete ISO week is the one before the meeting's week. */
  tavla_date_parse (date, &day);
  tavla_period_of_date (&day, TAVLA_PERIOD_WEEK, &week);
  tavla_period_add (&week, -1, &last_week);
  period = tavla_period_format (&last_week);

  if (!add_deviations (build, add_section (build, "deviations", NULL), period, period, NULL, error) ||
      !add_agreements (build, date, error) ||
      !add_recommendations (build, date, TRUE, error))
    return FALSE;

  add_section (build, "other", NULL);
  add_carried_rest (build);
  return TRUE;
}

/* ---- The development group and check-ins -------------------------------- */

static gboolean
add_follow_up (Build   *build,
               GError **error)
{
  TavlaAgendaSection *section = add_section (build, "follow-up", NULL);
  g_autoptr(GPtrArray) decisions = NULL;
  TavlaMeetingStore *store = NULL;

  if (build->last == NULL)
    return TRUE;

  if ((store = tavla_board_get_meeting_store (build->board, error)) == NULL ||
      (decisions = tavla_meeting_store_list_decisions (store, tavla_meeting_get_id (build->last), error)) == NULL)
    return FALSE;

  for (guint i = 0; i < decisions->len; i++)
    g_ptr_array_add (section->entries, decision_entry (g_ptr_array_index (decisions, i)));

  return TRUE;
}

static gboolean
add_department (Build            *build,
                TavlaDepartment  *department,
                const char       *tertial,
                GError          **error)
{
  g_autofree char *id = g_strdup_printf ("department-%" G_GINT64_FORMAT, tavla_department_get_id (department));
  TavlaAgendaSection *section = add_section (build, id, tavla_department_get_name (department));
  g_autoptr(GListModel) agreements = NULL;
  g_autoptr(GPtrArray) strategic = g_ptr_array_new ();
  TavlaAgreementQuery query = { 0 };
  const char *date = build->agenda->date;

  query.department = tavla_department_get_name (department);
  query.current_only = TRUE;
  query.on = date;
  if ((agreements = tavla_board_list_agreements (build->board, &query, error)) == NULL)
    return FALSE;

  if (g_list_model_get_n_items (agreements) == 0)
    {
      TavlaAgendaEntry *entry = tavla_agenda_entry_new ("department", tavla_department_get_id (department),
                                                        _("No delivery agreement yet"));

      json_object_set_string_member (entry->fields, "department", tavla_department_get_name (department));
      g_ptr_array_add (section->entries, entry);
    }
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(TavlaAgreement) agreement = g_list_model_get_item (agreements, i);

      g_ptr_array_add (section->entries, agreement_entry (agreement, date));
    }

  for (guint i = 0; i < build->items->len; i++)
    {
      TavlaItem *item = g_ptr_array_index (build->items, i);

      if (tavla_item_get_strategic (item) && tavla_status_is_open (tavla_item_get_status (item)) &&
          g_strcmp0 (tavla_item_get_department (item), tavla_department_get_name (department)) == 0)
        g_ptr_array_add (strategic, item);
    }
  add_sorted (build, section, strategic, compare_items);

  return add_deviations (build, section, tertial, tertial, department, error);
}

static gboolean
build_development_group (Build   *build,
                         GError **error)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  g_autoptr(GPtrArray) proposals = g_ptr_array_new ();
  g_autoptr(GArray) finished = NULL;
  g_autoptr(GHashTable) finished_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *tertial = NULL;
  g_autofree char *tertial_start = NULL;
  TavlaMeetingStore *store = tavla_board_get_meeting_store (build->board, error);
  TavlaPeriod period = { 0 };
  GDate day;
  GDate first;

  if (store == NULL)
    return FALSE;

  tavla_date_parse (build->agenda->date, &day);
  tavla_period_of_date (&day, TAVLA_PERIOD_TERTIAL, &period);
  tavla_period_get_first_day (&period, &first);
  tertial = tavla_period_format (&period);
  tertial_start = tavla_date_format (&first);

  if (!add_follow_up (build, error))
    return FALSE;

  if (build->department != NULL)
    {
      departments = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (departments, g_object_ref (build->department));
    }
  else if ((departments = tavla_store_list_departments (tavla_board_get_store (build->board), error)) == NULL)
    return FALSE;

  for (guint i = 0; i < departments->len; i++)
    if (!add_department (build, g_ptr_array_index (departments, i), tertial, error))
      return FALSE;

  if (!add_recommendations (build, build->agenda->date, FALSE, error))
    return FALSE;

  if ((finished = tavla_meeting_store_list_finished_since (store, tertial_start, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < finished->len; i++)
    g_hash_table_add (finished_ids, &g_array_index (finished, gint64, i));

  for (guint i = 0; i < build->items->len; i++)
    {
      TavlaItem *item = g_ptr_array_index (build->items, i);
      gint64 id = tavla_item_get_id (item);
      TavlaStatus status = tavla_item_get_status (item);

      if (!tavla_item_get_strategic (item) ||
          (build->department != NULL &&
           g_strcmp0 (tavla_item_get_department (item), tavla_department_get_name (build->department)) != 0))
        continue;
      if (status == TAVLA_STATUS_IN_PROGRESS ||
          (status == TAVLA_STATUS_DONE && g_hash_table_contains (finished_ids, &id)))
        g_ptr_array_add (areas, item);
      else if (status == TAVLA_STATUS_NEW)
        g_ptr_array_add (proposals, item);
    }

  add_sorted (build, add_section (build, "improvement-areas", NULL), areas, compare_items);
  add_sorted (build, add_section (build, "proposals", NULL), proposals, compare_items);
  add_carried_rest (build);

  return TRUE;
}

static gboolean
build_check_in (Build   *build,
                GError **error)
{
  g_autoptr(GPtrArray) proposals = g_ptr_array_new ();
  g_autofree char *tertial = NULL;
  TavlaPeriod period = { 0 };
  GDate day;

  tavla_date_parse (build->agenda->date, &day);
  tavla_period_of_date (&day, TAVLA_PERIOD_TERTIAL, &period);
  tertial = tavla_period_format (&period);

  if (!add_follow_up (build, error) ||
      !add_department (build, build->department, tertial, error))
    return FALSE;

  for (guint i = 0; i < build->items->len; i++)
    {
      TavlaItem *item = g_ptr_array_index (build->items, i);

      if (tavla_item_get_status (item) == TAVLA_STATUS_NEW && !tavla_item_get_strategic (item) &&
          g_strcmp0 (tavla_item_get_department (item), tavla_department_get_name (build->department)) == 0)
        g_ptr_array_add (proposals, item);
    }
  add_sorted (build, add_section (build, "proposals", NULL), proposals, compare_items);
  add_carried_rest (build);

  return TRUE;
}

TavlaAgenda *
tavla_board_build_agenda (TavlaBoard              *self,
                          const TavlaAgendaQuery  *query,
                          const char             **out_field,
                          GError                 **error)
{
  g_auto(Build) build = { 0 };
  g_autoptr(TavlaAgenda) agenda = NULL;
  g_autofree char *date = NULL;
  g_autofree char *department = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if ((guint) query->kind >= TAVLA_N_MEETING_KINDS)
    {
      tavla_board_field_errorf ("kind", out_field, error,
                                  _("Kind of meeting is unknown; use weekly, development-group or check-in."));
      return NULL;
    }

  if (!tavla_board_parse_date (query->date, "date", _("Date"), &date, out_field, error))
    return NULL;
  if (date == NULL)
    date = tavla_date_today ();

  department = tavla_board_dup_trimmed (query->department);
  if (query->kind == TAVLA_MEETING_WEEKLY && department != NULL)
    {
      tavla_board_field_errorf ("department", out_field, error,
                                  _("The weekly meeting is the whole centre’s; leave the department out "
                                    "or plan a check-in meeting with the department."));
      return NULL;
    }
  if (query->kind == TAVLA_MEETING_CHECK_IN && department == NULL)
    {
      tavla_board_field_errorf ("department", out_field, error,
                                  _("A check-in meeting is held with a department; give the department."));
      return NULL;
    }

  agenda = tavla_agenda_new (query->kind, date);
  build.board = self;
  build.agenda = agenda;
  build.listed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (department != NULL)
    {
      if ((build.department = tavla_board_find_department_for (self, department, out_field, error)) == NULL)
        return NULL;
      agenda->department = g_strdup (tavla_department_get_name (build.department));
    }

  if ((build.items = tavla_store_list_items (tavla_board_get_store (self), error)) == NULL ||
      !load_last_meeting (&build, query, error))
    return NULL;

  switch (query->kind)
    {
    case TAVLA_MEETING_WEEKLY:
      ok = build_weekly (&build, error);
      break;
    case TAVLA_MEETING_DEVELOPMENT_GROUP:
      ok = build_development_group (&build, error);
      break;
    case TAVLA_MEETING_CHECK_IN:
    default:
      ok = build_check_in (&build, error);
      break;
    }

  return ok ? g_steal_pointer (&agenda) : NULL;
}
