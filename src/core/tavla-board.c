/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-board-meetings-private.h"
#include "tavla-board-private.h"
#include "tavla-sqlite-backups.h"
#include "tavla-clock.h"
#include "tavla-date.h"
#include "tavla-error.h"
#include "tavla-snapshot-model.h"
#include "tavla-sqlite-store.h"

#define WATCH_INTERVAL_MS 250

struct _TavlaBoard
{
  GObject             parent_instance;

  /* Owned references */
  TavlaStore         *store;
  char               *path;
  TavlaSnapshotModel *items;
  TavlaSnapshotModel *people;
  TavlaSnapshotModel *departments;
  TavlaSnapshotModel *groups;
  TavlaSnapshotModel *metrics;
  GSource            *watch_source;

  gint64              data_version;
  /* Nested writes (the demo loader) share the outermost transaction and
   * leave the models alone until it commits. */
  guint               write_depth;
  /* A metrics write inside a batch: announce it once the batch commits. */
  gboolean            metrics_pending;
};

enum {
  CHANGED,
  METRICS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TavlaBoard, tavla_board, G_TYPE_OBJECT)

/* The fields an item change can touch, in the order their history rows are
 * written. */
static const struct
{
  TavlaItemField  flag;
  const char     *name;
} item_fields[] = {
  { TAVLA_ITEM_FIELD_TITLE, "title" },
  { TAVLA_ITEM_FIELD_DESCRIPTION, "description" },
  { TAVLA_ITEM_FIELD_OWNER, "owner" },
  { TAVLA_ITEM_FIELD_DUE, "due" },
  { TAVLA_ITEM_FIELD_DEPARTMENT, "department" },
  { TAVLA_ITEM_FIELD_SOURCE, "source" },
  { TAVLA_ITEM_FIELD_STRATEGIC, "strategic" },
  { TAVLA_ITEM_FIELD_STATUS, "status" },
  { TAVLA_ITEM_FIELD_MARK, "mark" },
};

/* The values of one item in machine form, as the history stores them. */
typedef struct
{
  char        *title;
  char        *description;
  char        *owner;
  char        *due;
  char        *department;
  TavlaSource  source;
  gboolean     strategic;
  TavlaStatus  status;
  TavlaMark    mark;
} ItemValues;

static void
item_values_clear (ItemValues *values)
{
  g_clear_pointer (&values->title, g_free);
  g_clear_pointer (&values->description, g_free);
  g_clear_pointer (&values->owner, g_free);
  g_clear_pointer (&values->due, g_free);
  g_clear_pointer (&values->department, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ItemValues, item_values_clear)

void
tavla_link_free (TavlaLink *link)
{
  if (link == NULL)
    return;

  g_free (link->kind);
  g_free (link->label);
  g_free (link->created);
  g_free (link);
}

/* Trimmed copy; NULL for NULL, empty or all-space text. */
char *
tavla_board_dup_trimmed (const char *text)
{
  char *trimmed = NULL;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    g_clear_pointer (&trimmed, g_free);

  return trimmed;
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *trimmed = tavla_board_dup_trimmed (text);

  return trimmed == NULL;
}

static gint64
item_id (gpointer snapshot)
{
  return tavla_item_get_id (snapshot);
}

static gboolean
item_same (gpointer a,
           gpointer b)
{
  return tavla_item_get_version (a) == tavla_item_get_version (b) &&
         tavla_item_get_n_links (a) == tavla_item_get_n_links (b) &&
         tavla_item_get_has_metric (a) == tavla_item_get_has_metric (b) &&
         g_strcmp0 (tavla_item_get_owner (a), tavla_item_get_owner (b)) == 0 &&
         g_strcmp0 (tavla_item_get_department (a), tavla_item_get_department (b)) == 0;
}

static gint64
person_id (gpointer snapshot)
{
  return tavla_person_get_id (snapshot);
}

static gboolean
person_same (gpointer a,
             gpointer b)
{
  return g_strcmp0 (tavla_person_get_name (a), tavla_person_get_name (b)) == 0 &&
         g_strcmp0 (tavla_person_get_role (a), tavla_person_get_role (b)) == 0 &&
         g_strcmp0 (tavla_person_get_email (a), tavla_person_get_email (b)) == 0 &&
         tavla_person_get_active (a) == tavla_person_get_active (b);
}

static gint64
department_id (gpointer snapshot)
{
  return tavla_department_get_id (snapshot);
}

static gboolean
department_same (gpointer a,
                 gpointer b)
{
  return g_strcmp0 (tavla_department_get_name (a), tavla_department_get_name (b)) == 0 &&
         g_strcmp0 (tavla_department_get_code (a), tavla_department_get_code (b)) == 0;
}

static gint64
group_id (gpointer snapshot)
{
  return tavla_response_group_get_id (snapshot);
}

static gboolean
group_same (gpointer a,
            gpointer b)
{
  return g_strcmp0 (tavla_response_group_get_name (a), tavla_response_group_get_name (b)) == 0 &&
         tavla_response_group_get_active (a) == tavla_response_group_get_active (b);
}

static gint64
metric_id (gpointer snapshot)
{
  return tavla_metric_get_id (snapshot);
}

static gboolean
metric_same (gpointer a,
             gpointer b)
{
  return tavla_metric_get_version (a) == tavla_metric_get_version (b);
}

gboolean
tavla_board_set_input_error (GError     **error,
                             const char  *message)
{
  g_set_error_literal (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID, message);
  return FALSE;
}

static void
reload_metric_models (TavlaBoard *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) metrics = NULL;
  g_autoptr(GError) error = NULL;

  if ((groups = tavla_store_list_response_groups (self->store, &error)) == NULL ||
      (metrics = tavla_store_list_metrics (self->store, &error)) == NULL)
    {
      g_debug ("Could not reload the metrics of %s: %s", self->path, error->message);
      return;
    }

  tavla_snapshot_model_update (self->groups, groups);
  tavla_snapshot_model_update (self->metrics, metrics);
}

/* Transactions. Only the outermost level talks to the store. */
gboolean
tavla_board_begin_batch (TavlaBoard  *self,
             GError     **error)
{
  if (self->write_depth == 0 && !tavla_store_begin_write (self->store, error))
    return FALSE;

  self->write_depth++;

  return TRUE;
}

gboolean
tavla_board_commit_batch (TavlaBoard  *self,
              GError     **error)
{
  g_assert (self->write_depth > 0);

  self->write_depth--;
  if (self->write_depth > 0)
    return TRUE;

  if (!tavla_store_commit (self->store, error))
    {
      if (self->metrics_pending)
        {
          self->metrics_pending = FALSE;
          reload_metric_models (self);
        }
      return FALSE;
    }

  if (self->metrics_pending)
    {
      self->metrics_pending = FALSE;
      g_signal_emit (self, signals[METRICS_CHANGED], 0);
    }

  return TRUE;
}

void
tavla_board_rollback_batch (TavlaBoard *self)
{
  g_assert (self->write_depth > 0);

  self->write_depth--;
  if (self->write_depth == 0)
    {
      tavla_store_rollback (self->store);
      /* Forget what the models learnt inside the batch. */
      if (self->metrics_pending)
        {
          self->metrics_pending = FALSE;
          reload_metric_models (self);
        }
    }
}

static gboolean
load_models (TavlaBoard  *self,
             gboolean     reset,
             gboolean    *out_changed,
             GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) metrics = NULL;
  gboolean changed = FALSE;

  if ((people = tavla_store_list_people (self->store, error)) == NULL ||
      (departments = tavla_store_list_departments (self->store, error)) == NULL ||
      (items = tavla_store_list_items (self->store, error)) == NULL ||
      (groups = tavla_store_list_response_groups (self->store, error)) == NULL ||
      (metrics = tavla_store_list_metrics (self->store, error)) == NULL)
    return FALSE;

  if (reset)
    {
      tavla_snapshot_model_reset (self->people, people);
      tavla_snapshot_model_reset (self->departments, departments);
      tavla_snapshot_model_reset (self->items, items);
      tavla_snapshot_model_reset (self->groups, groups);
      tavla_snapshot_model_reset (self->metrics, metrics);
      changed = TRUE;
    }
  else
    {
      changed |= tavla_snapshot_model_update (self->people, people);
      changed |= tavla_snapshot_model_update (self->departments, departments);
      changed |= tavla_snapshot_model_update (self->items, items);
      changed |= tavla_snapshot_model_update (self->groups, groups);
      changed |= tavla_snapshot_model_update (self->metrics, metrics);
    }

  if (out_changed != NULL)
    *out_changed = changed;

  return TRUE;
}

gboolean
tavla_board_write_history (TavlaBoard  *self,
                           const char  *object_kind,
                           gint64       object_id,
                           gint64       change_id,
                           const char  *at,
                           const char  *actor,
                           const char  *field,
                           const char  *old_value,
                           const char  *new_value,
                           const char  *note,
                           gint64       meeting_id,
                           GError     **error)
{
  TavlaHistoryFields fields = {
    .change_id = change_id,
    .object_id = object_id,
    .at = at,
    .actor = actor,
    .field = field,
    .old_value = old_value,
    .new_value = new_value,
    .note = note,
    .meeting_id = meeting_id,
  };

  return tavla_store_insert_history (self->store, object_kind, &fields, error);
}

char *
tavla_board_resolve_actor (const char *actor)
{
  g_autofree char *trimmed = tavla_board_dup_trimmed (actor);

  if (trimmed != NULL)
    return g_steal_pointer (&trimmed);

  return tavla_default_actor ();
}

/* Looks up owner and department names; an unknown name is an input error
 * naming the field, never a silently created row. */
static gboolean
resolve_owner (TavlaBoard  *self,
               const char  *owner,
               gint64      *out_id,
               GError     **error)
{
  g_autofree char *message = NULL;
  g_autoptr(GError) local_error = NULL;

  *out_id = 0;
  if (owner == NULL)
    return TRUE;

  *out_id = tavla_store_find_person_id (self->store, owner, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (*out_id != 0)
    return TRUE;

  message = g_strdup_printf (_("Owner “%s” is not a known person; add the person first or choose an existing one."),
                             owner);

  return tavla_board_set_input_error (error, message);
}

static gboolean
resolve_department (TavlaBoard  *self,
                    const char  *department,
                    gint64      *out_id,
                    GError     **error)
{
  g_autofree char *message = NULL;
  g_autoptr(GError) local_error = NULL;

  *out_id = 0;
  if (department == NULL)
    return TRUE;

  *out_id = tavla_store_find_department_id (self->store, department, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (*out_id != 0)
    return TRUE;

  message = g_strdup_printf (_("Department “%s” is not a known department; add the department first or choose an existing one."),
                             department);

  return tavla_board_set_input_error (error, message);
}

static void
item_values_from_item (ItemValues *values,
                       TavlaItem  *item)
{
  values->title = g_strdup (tavla_item_get_title (item));
  values->description = g_strdup (tavla_item_get_description (item));
  values->owner = g_strdup (tavla_item_get_owner (item));
  values->due = g_strdup (tavla_item_get_due (item));
  values->department = g_strdup (tavla_item_get_department (item));
  values->source = tavla_item_get_source (item);
  values->strategic = tavla_item_get_strategic (item);
  values->status = tavla_item_get_status (item);
  values->mark = tavla_item_get_mark (item);
}

/* Applies the fields of @change to @values, normalising text: titles and
 * names are trimmed, empty strings mean "none". */
static void
item_values_apply (ItemValues            *values,
                   const TavlaItemChange *change)
{
  TavlaItemField set = change->set;

  if ((set & TAVLA_ITEM_FIELD_TITLE) != 0)
    {
      g_free (values->title);
      values->title = tavla_board_dup_trimmed (change->title);
    }
  if ((set & TAVLA_ITEM_FIELD_DESCRIPTION) != 0)
    {
      /* The description is kept as written; only a blank one is none. */
      g_free (values->description);
      values->description = is_blank (change->description) ? NULL : g_strdup (change->description);
    }
  if ((set & TAVLA_ITEM_FIELD_OWNER) != 0)
    {
      g_free (values->owner);
      values->owner = tavla_board_dup_trimmed (change->owner);
    }
  if ((set & TAVLA_ITEM_FIELD_DUE) != 0)
    {
      g_free (values->due);
      values->due = tavla_board_dup_trimmed (change->due);
    }
  if ((set & TAVLA_ITEM_FIELD_DEPARTMENT) != 0)
    {
      g_free (values->department);
      values->department = tavla_board_dup_trimmed (change->department);
    }
  if ((set & TAVLA_ITEM_FIELD_SOURCE) != 0)
    values->source = change->source;
  if ((set & TAVLA_ITEM_FIELD_STRATEGIC) != 0)
    values->strategic = !!change->strategic;
  if ((set & TAVLA_ITEM_FIELD_STATUS) != 0)
    values->status = change->status;
  if ((set & TAVLA_ITEM_FIELD_MARK) != 0)
    values->mark = change->mark;

  /* A mark belongs to work in progress only. */
  if (values->status != TAVLA_STATUS_IN_PROGRESS)
    values->mark = TAVLA_MARK_NONE;
}

/* The machine value of one field, as stored in the history. */
static char *
item_values_dup_field (const ItemValues *values,
                       TavlaItemField    field)
{
  switch (field)
    {
    case TAVLA_ITEM_FIELD_TITLE:
      return g_strdup (values->title);
    case TAVLA_ITEM_FIELD_DESCRIPTION:
      return g_strdup (values->description);
    case TAVLA_ITEM_FIELD_OWNER:
      return g_strdup (values->owner);
    case TAVLA_ITEM_FIELD_DUE:
      return g_strdup (values->due);
    case TAVLA_ITEM_FIELD_DEPARTMENT:
      return g_strdup (values->department);
    case TAVLA_ITEM_FIELD_SOURCE:
      return g_strdup (tavla_source_to_string (values->source));
    case TAVLA_ITEM_FIELD_STRATEGIC:
      return g_strdup (values->strategic ? "1" : "0");
    case TAVLA_ITEM_FIELD_STATUS:
      return g_strdup (tavla_status_to_string (values->status));
    case TAVLA_ITEM_FIELD_MARK:
      return g_strdup (tavla_mark_to_string (values->mark));
    case TAVLA_ITEM_FIELD_NONE:
    case TAVLA_ITEM_FIELD_NOTE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "the status is now Done": the other person's value of a single field. */
static char *
describe_current_value (TavlaItem      *current,
                        TavlaItemField  field)
{
  const char *none = "—";
  const char *value = NULL;
  g_autofree char *due = NULL;

  switch (field)
    {
    case TAVLA_ITEM_FIELD_TITLE:
      return g_strdup_printf (_("the title is now “%s”"), tavla_item_get_title (current));
    case TAVLA_ITEM_FIELD_DESCRIPTION:
      return g_strdup (_("the description has changed"));
    case TAVLA_ITEM_FIELD_OWNER:
      value = tavla_item_get_owner (current);
      return g_strdup_printf (_("the owner is now %s"), value != NULL ? value : none);
    case TAVLA_ITEM_FIELD_DUE:
      due = tavla_item_dup_due_label (current);
      return g_strdup_printf (_("the due date is now %s"), due != NULL ? due : none);
    case TAVLA_ITEM_FIELD_DEPARTMENT:
      value = tavla_item_get_department (current);
      return g_strdup_printf (_("the department is now %s"), value != NULL ? value : none);
    case TAVLA_ITEM_FIELD_SOURCE:
      return g_strdup_printf (_("the source is now %s"),
                              tavla_source_get_label (tavla_item_get_source (current)));
    case TAVLA_ITEM_FIELD_STRATEGIC:
      return g_strdup (tavla_item_get_strategic (current)
                       ? _("it is now strategic") : _("it is now operational"));
    case TAVLA_ITEM_FIELD_STATUS:
      return g_strdup_printf (_("the status is now %s"),
                              tavla_status_get_label (tavla_item_get_status (current)));
    case TAVLA_ITEM_FIELD_MARK:
      return g_strdup_printf (_("the status mark is now %s"),
                              tavla_mark_get_label (tavla_item_get_mark (current)));
    case TAVLA_ITEM_FIELD_NONE:
    case TAVLA_ITEM_FIELD_NOTE:
    default:
      return NULL;
    }
}

static gboolean
set_conflict_error (TavlaItem              *current,
                    const TavlaItemChange  *change,
                    GError                **error)
{
  TavlaItemField fields = change->set & ~TAVLA_ITEM_FIELD_NOTE;
  g_autofree char *what = NULL;

  /* With a single field the user can see at once what the other person
   * did to it. */
  if (fields != 0 && (fields & (fields - 1)) == 0)
    what = describe_current_value (current, fields);

  if (what != NULL)
    g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT,
                 _("Someone else changed this proposal: %s. Your change was not saved; look at the new values and try again."),
                 what);
  else
    g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT,
                         _("Someone else changed this proposal. Your change was not saved; look at the new values and try again."));

  return FALSE;
}

static TavlaItem *
update_item_internal (TavlaBoard             *self,
                      gint64                  id,
                      const TavlaItemChange  *change,
                      const char             *actor_in,
                      gint64                  undo_of,
                      GError                **error)
{
  g_autoptr(TavlaItem) current = NULL;
  g_autoptr(TavlaItem) updated = NULL;
  g_auto(ItemValues) before = { 0 };
  g_auto(ItemValues) after = { 0 };
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *note = NULL;
  TavlaStoreItemRow row = { 0 };
  gint64 change_id = 0;
  guint n_changed = 0;

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((current = tavla_store_get_item (self->store, id, error)) == NULL)
    goto failed;

  if (change->expected_version != 0 && change->expected_version != tavla_item_get_version (current))
    {
      set_conflict_error (current, change, error);
      goto failed;
    }

  if (!tavla_item_rules_check (current, change, NULL, error))
    goto failed;

  item_values_from_item (&before, current);
  item_values_from_item (&after, current);
  item_values_apply (&after, change);

  if (!resolve_owner (self, after.owner, &row.owner_id, error) ||
      !resolve_department (self, after.department, &row.department_id, error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (item_fields); i++)
    {
      g_autofree char *old_value = item_values_dup_field (&before, item_fields[i].flag);
      g_autofree char *new_value = item_values_dup_field (&after, item_fields[i].flag);

      if (g_strcmp0 (old_value, new_value) != 0)
        n_changed++;
    }

  if (n_changed == 0)
    {
      tavla_board_rollback_batch (self);
      return g_steal_pointer (&current);
    }

  if ((change->set & TAVLA_ITEM_FIELD_NOTE) != 0 && !is_blank (change->note))
    note = g_strdup (change->note);

  row.id = id;
  row.version = tavla_item_get_version (current);
  row.title = after.title;
  row.description = after.description;
  row.due = after.due;
  row.source = after.source;
  row.strategic = after.strategic;
  row.status = after.status;
  row.mark = after.mark;
  row.created = tavla_item_get_created (current);
  row.updated = now;

  if (!tavla_store_update_item (self->store, &row, error) ||
      (change_id = tavla_store_next_change_id (self->store, error)) == 0)
    goto failed;

  if (change->meeting_id != 0 &&
      !tavla_board_meeting_item_changed (self, change->meeting_id, id, now, error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (item_fields); i++)
    {
      g_autofree char *old_value = item_values_dup_field (&before, item_fields[i].flag);
      g_autofree char *new_value = item_values_dup_field (&after, item_fields[i].flag);

      if (g_strcmp0 (old_value, new_value) == 0)
        continue;

      if (!tavla_board_write_history (self, "item", id, change_id, now, actor, item_fields[i].name,
                                      old_value, new_value, note, change->meeting_id, error))
        goto failed;
    }

  if (undo_of != 0)
    {
      g_autofree char *undone = g_strdup_printf ("%" G_GINT64_FORMAT, undo_of);

      if (!tavla_board_write_history (self, "item", id, change_id, now, actor, "undo",
                                      NULL, undone, note, change->meeting_id, error))
        goto failed;
    }

  if ((updated = tavla_store_get_item (self->store, id, error)) == NULL)
    goto failed;

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  if (self->write_depth == 0)
    tavla_snapshot_model_upsert (self->items, updated);

  return g_steal_pointer (&updated);

failed:
  tavla_board_rollback_batch (self);
  return NULL;
}

static TavlaItem *
create_item_internal (TavlaBoard             *self,
                      const TavlaItemChange  *fields,
                      const char             *actor_in,
                      GError                **error)
{
  g_autoptr(TavlaItem) created = NULL;
  g_auto(ItemValues) values = { 0 };
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *note = NULL;
  TavlaStoreItemRow row = { 0 };
  gint64 change_id = 0;
  gint64 id = 0;

  if (!tavla_item_rules_check (NULL, fields, NULL, error))
    return NULL;

  values.source = TAVLA_SOURCE_WEEKLY;
  values.status = TAVLA_STATUS_NEW;
  values.mark = TAVLA_MARK_NONE;
  item_values_apply (&values, fields);

  if ((fields->set & TAVLA_ITEM_FIELD_NOTE) != 0 && !is_blank (fields->note))
    note = g_strdup (fields->note);

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if (!resolve_owner (self, values.owner, &row.owner_id, error) ||
      !resolve_department (self, values.department, &row.department_id, error))
    goto failed;

  row.title = values.title;
  row.description = values.description;
  row.due = values.due;
  row.source = values.source;
  row.strategic = values.strategic;
  row.status = values.status;
  row.mark = values.mark;
  row.created = now;
  row.updated = now;

  if ((fields->meeting_id != 0 &&
       !tavla_board_meeting_item_changed (self, fields->meeting_id, 0, now, error)) ||
      (id = tavla_store_insert_item (self->store, &row, error)) == 0 ||
      (change_id = tavla_store_next_change_id (self->store, error)) == 0 ||
      !tavla_board_write_history (self, "item", id, change_id, now, actor, "created",
                                  NULL, values.title, note, fields->meeting_id, error) ||
      (created = tavla_store_get_item (self->store, id, error)) == NULL)
    goto failed;

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  if (self->write_depth == 0)
    tavla_snapshot_model_upsert (self->items, created);

  return g_steal_pointer (&created);

failed:
  tavla_board_rollback_batch (self);
  return NULL;
}

static gboolean
watch_cb (gpointer user_data)
{
  TavlaBoard *self = TAVLA_BOARD (user_data);
  g_autoptr(GError) error = NULL;
  gint64 version = 0;

  if (!tavla_store_get_data_version (self->store, &version, &error))
    {
      g_debug ("Could not check %s for changes: %s", self->path, error->message);
      return G_SOURCE_CONTINUE;
    }

  if (version == self->data_version)
    return G_SOURCE_CONTINUE;

  /* FALSE without an error: the other commit changed nothing we show. */
  if (!tavla_board_refresh (self, &error) && error != NULL)
    g_debug ("Could not refresh %s: %s", self->path, error->message);

  return G_SOURCE_CONTINUE;
}

static void
tavla_board_dispose (GObject *object)
{
  TavlaBoard *self = (TavlaBoard *) object;

  if (self->watch_source != NULL)
    {
      g_source_destroy (self->watch_source);
      g_clear_pointer (&self->watch_source, g_source_unref);
    }

  G_OBJECT_CLASS (tavla_board_parent_class)->dispose (object);
}

static void
tavla_board_finalize (GObject *object)
{
  TavlaBoard *self = (TavlaBoard *) object;

  g_clear_object (&self->items);
  g_clear_object (&self->people);
  g_clear_object (&self->departments);
  g_clear_object (&self->groups);
  g_clear_object (&self->metrics);
  g_clear_object (&self->store);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (tavla_board_parent_class)->finalize (object);
}

static void
tavla_board_class_init (TavlaBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tavla_board_dispose;
  object_class->finalize = tavla_board_finalize;

  /**
   * TavlaBoard::changed:
   *
   * Emitted after a refresh that altered the models, for example when
   * another process wrote to the database.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  /**
   * TavlaBoard::metrics-changed:
   *
   * Emitted after a committed write to metrics, response groups,
   * measurements or deviations, and after a refresh that saw another
   * process commit: series, charts and deviation lists should reload.
   */
  signals[METRICS_CHANGED] = g_signal_new ("metrics-changed",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
tavla_board_init (TavlaBoard *self)
{
  self->items = tavla_snapshot_model_new (TAVLA_TYPE_ITEM, item_id, item_same);
  self->people = tavla_snapshot_model_new (TAVLA_TYPE_PERSON, person_id, person_same);
  self->departments = tavla_snapshot_model_new (TAVLA_TYPE_DEPARTMENT, department_id, department_same);
  self->groups = tavla_snapshot_model_new (TAVLA_TYPE_RESPONSE_GROUP, group_id, group_same);
  self->metrics = tavla_snapshot_model_new (TAVLA_TYPE_METRIC, metric_id, metric_same);
}

char *
tavla_default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tavla", "tavla.db", NULL);
}

char *
tavla_default_actor (void)
{
  const char *env = g_getenv ("TAVLA_USER");
  const char *real_name = g_get_real_name ();
  g_autofree char *trimmed = tavla_board_dup_trimmed (env);

  if (trimmed != NULL)
    return g_steal_pointer (&trimmed);

  if (real_name != NULL && *real_name != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);

  return g_strdup (g_get_user_name ());
}

TavlaBoard *
tavla_board_open (const char  *path,
                  GError     **error)
{
  g_autoptr(TavlaBoard) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TAVLA_TYPE_BOARD, NULL);
  self->path = g_strdup (path);

  if ((self->store = tavla_sqlite_store_open (path, error)) == NULL)
    return NULL;

  if (!tavla_store_get_data_version (self->store, &self->data_version, error) ||
      !load_models (self, TRUE, NULL, error))
    {
      /* Damage that the open did not check for (the file was closed
       * cleanly) is handled the same way once reading finds it. */
      tavla_sqlite_store_move_aside_if_damaged (TAVLA_SQLITE_STORE (self->store), error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
tavla_board_get_path (TavlaBoard *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  return self->path;
}

gboolean
tavla_board_is_read_only (TavlaBoard *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), TRUE);

  return tavla_store_is_read_only (self->store);
}

const char *
tavla_board_get_read_only_reason (TavlaBoard *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  return tavla_store_get_read_only_reason (self->store);
}

gboolean
tavla_board_is_empty (TavlaBoard *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), TRUE);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->people)) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->departments)) == 0;
}

void
tavla_board_set_watch (TavlaBoard *self,
                       gboolean    watch)
{
  g_return_if_fail (TAVLA_IS_BOARD (self));

  if (watch == (self->watch_source != NULL))
    return;

  if (watch)
    {
      self->watch_source = g_timeout_source_new (WATCH_INTERVAL_MS);
      g_source_set_static_name (self->watch_source, "[tavla] board watch");
      g_source_set_callback (self->watch_source, watch_cb, self, NULL);
      g_source_attach (self->watch_source, g_main_context_get_thread_default ());
    }
  else
    {
      g_source_destroy (self->watch_source);
      g_clear_pointer (&self->watch_source, g_source_unref);
    }
}

gboolean
tavla_board_refresh (TavlaBoard  *self,
                     GError     **error)
{
  gboolean changed = FALSE;
  gint64 old_version = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);

  old_version = self->data_version;

  /* Read the version first: a commit landing during the reload is then
   * seen again by the next poll rather than lost. */
  if (!tavla_store_get_data_version (self->store, &self->data_version, error) ||
      !load_models (self, FALSE, &changed, error))
    return FALSE;

  /* Agreements have a model of their own, reloaded before "changed" so
   * its listeners see them current. */
  if (old_version != self->data_version)
    {
      tavla_board_agreements_refresh (self);
      tavla_board_audits_refresh (self);
      tavla_board_feedback_refresh (self);
    }

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);

  /* Measurements have no model here: any commit may have changed them. */
  if (old_version != self->data_version)
    g_signal_emit (self, signals[METRICS_CHANGED], 0);

  return changed;
}

GListModel *
tavla_board_get_people (TavlaBoard *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  return G_LIST_MODEL (self->people);
}

GListModel *
tavla_board_get_departments (TavlaBoard *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  return G_LIST_MODEL (self->departments);
}

GListModel *
tavla_board_get_items (TavlaBoard *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  return G_LIST_MODEL (self->items);
}

TavlaItem *
tavla_board_get_item (TavlaBoard  *self,
                      gint64       id,
                      GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  return tavla_store_get_item (self->store, id, error);
}

TavlaItem *
tavla_board_create_item (TavlaBoard             *self,
                         const TavlaItemChange  *fields,
                         const char             *actor,
                         GError                **error)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  return create_item_internal (self, fields, actor, error);
}

TavlaItem *
tavla_board_update_item (TavlaBoard             *self,
                         gint64                  id,
                         const TavlaItemChange  *change,
                         const char             *actor,
                         GError                **error)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (change != NULL, NULL);

  return update_item_internal (self, id, change, actor, 0, error);
}

TavlaItem *
tavla_board_undo_last_change (TavlaBoard  *self,
                              gint64       item_id,
                              const char  *actor,
                              GError     **error)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(TavlaItem) item = NULL;
  TavlaItemChange change = { 0 };
  gint64 last_change = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((item = tavla_store_get_item (self->store, item_id, error)) == NULL ||
      (history = tavla_store_list_history (self->store, "item", item_id, error)) == NULL)
    goto failed;

  for (guint i = 0; i < history->len; i++)
    last_change = MAX (last_change, tavla_history_entry_get_change_id (g_ptr_array_index (history, i)));

  for (guint i = 0; i < history->len; i++)
    {
      TavlaHistoryEntry *entry = g_ptr_array_index (history, i);
      const char *field = tavla_history_entry_get_field (entry);
      const char *old_value = tavla_history_entry_get_old_value (entry);

      if (tavla_history_entry_get_change_id (entry) != last_change)
        continue;

      if (g_str_equal (field, "created"))
        {
          tavla_board_set_input_error (error, _("Nothing to undo: the last change to this proposal was its creation."));
          goto failed;
        }

      for (guint f = 0; f < G_N_ELEMENTS (item_fields); f++)
        {
          if (g_str_equal (field, item_fields[f].name))
            change.set |= item_fields[f].flag;
        }

      if (g_str_equal (field, "title"))
        change.title = old_value;
      else if (g_str_equal (field, "description"))
        change.description = old_value;
      else if (g_str_equal (field, "owner"))
        change.owner = old_value;
      else if (g_str_equal (field, "due"))
        change.due = old_value;
      else if (g_str_equal (field, "department"))
        change.department = old_value;
      else if (g_str_equal (field, "source"))
        tavla_source_from_string (old_value, &change.source);
      else if (g_str_equal (field, "strategic"))
        change.strategic = g_strcmp0 (old_value, "1") == 0;
      else if (g_str_equal (field, "status"))
        tavla_status_from_string (old_value, &change.status);
      else if (g_str_equal (field, "mark"))
        change.mark = old_value != NULL && tavla_mark_from_string (old_value, &change.mark)
                      ? change.mark : TAVLA_MARK_NONE;
    }

  if ((change.set & ~TAVLA_ITEM_FIELD_NOTE) == 0)
    {
      tavla_board_set_input_error (error, _("Nothing to undo: this proposal has no change that can be undone."));
      goto failed;
    }

  change.set |= TAVLA_ITEM_FIELD_NOTE;
  /* Translators: the note written on the history rows of an undo. */
  change.note = _("Undo");

  g_clear_object (&item);
  item = update_item_internal (self, item_id, &change, actor, last_change, error);
  if (item == NULL)
    goto failed;

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  /* The inner update ran nested, so the model learns about it here. */
  tavla_snapshot_model_upsert (self->items, item);

  return g_steal_pointer (&item);

failed:
  tavla_board_rollback_batch (self);
  return NULL;
}

GListModel *
tavla_board_list_history (TavlaBoard  *self,
                          gint64       item_id,
                          GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(TavlaItem) item = NULL;
  GListStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((item = tavla_store_get_item (self->store, item_id, error)) == NULL ||
      (entries = tavla_store_list_history (self->store, "item", item_id, error)) == NULL)
    return NULL;

  store = g_list_store_new (TAVLA_TYPE_HISTORY_ENTRY);
  g_list_store_splice (store, 0, 0, entries->pdata, entries->len);

  return G_LIST_MODEL (store);
}

GPtrArray *
tavla_board_list_links (TavlaBoard  *self,
                        gint64       item_id,
                        GError     **error)
{
  g_autoptr(TavlaItem) item = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((item = tavla_store_get_item (self->store, item_id, error)) == NULL)
    return NULL;

  return tavla_store_list_links (self->store, item_id, error);
}

gboolean
tavla_board_in_batch (TavlaBoard *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);

  return self->write_depth > 0;
}

TavlaStore *
tavla_board_get_store (TavlaBoard *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  return self->store;
}

GListModel *
tavla_board_get_response_groups (TavlaBoard *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  return G_LIST_MODEL (self->groups);
}

GListModel *
tavla_board_get_metrics (TavlaBoard *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  return G_LIST_MODEL (self->metrics);
}

void
tavla_board_metrics_written (TavlaBoard *self)
{
  g_return_if_fail (TAVLA_IS_BOARD (self));

  /* The models follow at once (the rules look names up in them, also
   * inside a batch); the signal waits for the commit. */
  reload_metric_models (self);

  if (self->write_depth > 0)
    {
      self->metrics_pending = TRUE;
      return;
    }

  self->metrics_pending = FALSE;
  g_signal_emit (self, signals[METRICS_CHANGED], 0);
}

void
tavla_board_item_written (TavlaBoard *self,
                          TavlaItem  *item)
{
  g_return_if_fail (TAVLA_IS_BOARD (self));

  if (self->write_depth == 0)
    {
      tavla_snapshot_model_upsert (self->items, item);
      /* A recommendation shows its actions' progress. */
      tavla_board_audits_refresh (self);
    }
}

gboolean
tavla_board_link_item (TavlaBoard  *self,
                       gint64       item_id,
                       const char  *kind,
                       gint64       target_id,
                       const char  *label,
                       gint64       change_id,
                       const char  *actor,
                       const char  *now,
                       GError     **error)
{
  gboolean added = FALSE;

  if (!tavla_store_insert_link (tavla_board_get_store (self), item_id, kind, target_id, now, &added, error))
    return FALSE;

  if (!added)
    return TRUE;

  return tavla_board_write_history (self, "item", item_id, change_id, now, actor, "link",
                                    NULL, label, NULL, 0, error);
}

/* ---- Input helpers shared by the files of TavlaBoard ---------------------- */

gboolean
tavla_board_field_error (const char   *field,
                         const char  **out_field,
                         GError      **error,
                         const char   *message)
{
  if (out_field != NULL)
    *out_field = field;
  return tavla_board_set_input_error (error, message);
}

gboolean
tavla_board_field_errorf (const char   *field,
                          const char  **out_field,
                          GError      **error,
                          const char   *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return tavla_board_field_error (field, out_field, error, message);
}

gboolean
tavla_board_is_given (const char *text)
{
  g_autofree char *trimmed = tavla_board_dup_trimmed (text);

  return trimmed != NULL;
}

/* Parses an optional date into *@out (NULL when not given). */
gboolean
tavla_board_parse_date (const char   *text,
                        const char   *field,
                        const char   *label,
                        char        **out,
                        const char  **out_field,
                        GError      **error)
{
  g_autofree char *trimmed = tavla_board_dup_trimmed (text);
  GDate date;

  *out = NULL;
  if (trimmed == NULL)
    return TRUE;

  if (!tavla_date_parse (trimmed, &date))
    return tavla_board_field_errorf (field, out_field, error,
                                     _("%s “%s” is not a date; write it as YYYY-MM-DD, like 2026-03-31."),
                                     label, trimmed);

  *out = tavla_date_format (&date);
  return TRUE;
}


/* The department a form names, by name or code, read from the store (not
 * the board's model, which waits for the end of a batch: the demo adds
 * departments and what refers to them in one). */
TavlaDepartment *
tavla_board_find_department_for (TavlaBoard   *self,
                                 const char   *text,
                                 const char  **out_field,
                                 GError      **error)
{
  g_autofree char *name = tavla_board_dup_trimmed (text);
  g_autoptr(GPtrArray) departments = NULL;

  if (name == NULL)
    {
      tavla_board_field_error ("department", out_field, error,
                               _("Department is empty; write the name or code of one of the board’s "
                                 "departments."));
      return NULL;
    }

  if ((departments = tavla_store_list_departments (self->store, error)) == NULL)
    return NULL;

  for (guint i = 0; i < departments->len; i++)
    {
      TavlaDepartment *candidate = g_ptr_array_index (departments, i);

      if (g_strcmp0 (tavla_department_get_name (candidate), name) == 0 ||
          g_strcmp0 (tavla_department_get_code (candidate), name) == 0)
        return g_object_ref (candidate);
    }

  tavla_board_field_errorf ("department", out_field, error,
                            _("Department “%s” does not exist; write the name or code of an existing "
                              "department (see “department list”) or add it first."), name);
  return NULL;
}
