/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tavla-board-audits.h"
#include "tavla-board-private.h"
#include "tavla-date.h"
#include "tavla-error.h"
#include "tavla-store-audits.h"

/*
 * The rules of audits and their recommendations (issue 5): what each
 * status needs, which moves are allowed, what the auditors' follow-up does,
 * and the traffic light. Every check happens before the first write; every
 * write and its history rows share one transaction.
 */

#define MAX_TITLE_LENGTH     200
#define MAX_REFERENCE_LENGTH 100
#define MAX_TEXT_LENGTH      5000
#define MAX_LONG_LENGTH      20000

#define MODEL_KEY "tavla-board-audits-model"

static TavlaAuditStore *
get_audit_store (TavlaBoard  *self,
                 GError     **error)
{
  TavlaStore *store = tavla_board_get_store (self);

  if (!TAVLA_IS_AUDIT_STORE (store))
    {
      g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                           _("This kind of database does not hold audits."));
      return NULL;
    }

  return TAVLA_AUDIT_STORE (store);
}

static char *
dup_number (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Checks an optional text: trimmed into *@out (NULL when empty), valid
 * UTF-8 and at most @max characters. @label names the field for people. */
static gboolean
check_text (const char   *text,
            const char   *field,
            const char   *label,
            glong         max,
            gboolean      required,
            char        **out,
            const char  **out_field,
            GError      **error)
{
  g_autofree char *trimmed = NULL;

  *out = NULL;
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return tavla_board_field_errorf (field, out_field, error,
                                     _("%s is not valid UTF-8 text; type it again."), label);

  trimmed = tavla_board_dup_trimmed (text);
  if (trimmed == NULL)
    {
      if (required)
        return tavla_board_field_errorf (field, out_field, error, _("%s is empty; write it."), label);
      return TRUE;
    }

  if (g_utf8_strlen (trimmed, -1) > max)
    return tavla_board_field_errorf (field, out_field, error,
                                     _("%s is longer than %ld characters; shorten it."), label, max);

  *out = g_steal_pointer (&trimmed);
  return TRUE;
}

/* A person's name into an id: 0 for none (NULL or empty @name). */
static gboolean
find_owner (TavlaBoard   *self,
            const char   *name,
            char        **out_name,
            gint64       *out_id,
            const char  **out_field,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  *out_id = 0;
  *out_name = tavla_board_dup_trimmed (name);
  if (*out_name == NULL)
    return TRUE;

  *out_id = tavla_store_find_person_id (tavla_board_get_store (self), *out_name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (*out_id == 0)
    return tavla_board_field_errorf ("owner", out_field, error,
                                     _("Owner “%s” is not a known person; write the name of someone on the "
                                       "board (see “person list”) or add them first."), *out_name);
  return TRUE;
}

/* ---- The board-owned model ---------------------------------------------- */

static gboolean
same_audit (TavlaAudit *a,
            TavlaAudit *b)
{
  GPtrArray *ra = tavla_audit_get_recommendations (a);
  GPtrArray *rb = tavla_audit_get_recommendations (b);

  if (tavla_audit_get_id (a) != tavla_audit_get_id (b) ||
      tavla_audit_get_version (a) != tavla_audit_get_version (b) ||
      ra->len != rb->len)
    return FALSE;

  for (guint i = 0; i < ra->len; i++)
    {
      TavlaRecommendation *x = g_ptr_array_index (ra, i);
      TavlaRecommendation *y = g_ptr_array_index (rb, i);
      GPtrArray *xa = tavla_recommendation_get_actions (x);
      GPtrArray *ya = tavla_recommendation_get_actions (y);

      if (tavla_recommendation_get_id (x) != tavla_recommendation_get_id (y) ||
          tavla_recommendation_get_version (x) != tavla_recommendation_get_version (y) ||
          tavla_recommendation_get_light (x) != tavla_recommendation_get_light (y) ||
          xa->len != ya->len)
        return FALSE;

      /* An action's progress is part of what the page shows. */
      for (guint j = 0; j < xa->len; j++)
        {
          TavlaAction *p = g_ptr_array_index (xa, j);
          TavlaAction *q = g_ptr_array_index (ya, j);

          if (p->id != q->id || g_strcmp0 (p->status, q->status) != 0 || g_strcmp0 (p->mark, q->mark) != 0 ||
              g_strcmp0 (p->title, q->title) != 0 || g_strcmp0 (p->owner, q->owner) != 0 ||
              g_strcmp0 (p->due, q->due) != 0)
            return FALSE;
        }
    }

  return TRUE;
}

static GListStore *
get_model (TavlaBoard *self)
{
  GListStore *model = g_object_get_data (G_OBJECT (self), MODEL_KEY);

  if (model == NULL)
    {
      model = g_list_store_new (TAVLA_TYPE_AUDIT);
      g_object_set_data_full (G_OBJECT (self), MODEL_KEY, model, g_object_unref);
      tavla_board_reload_audits (self, NULL);
    }

  return model;
}

gboolean
tavla_board_reload_audits (TavlaBoard  *self,
                           GError     **error)
{
  g_autoptr(GPtrArray) audits = NULL;
  g_autofree char *today = tavla_date_today ();
  TavlaAuditStore *store = NULL;
  GListStore *model = NULL;
  gboolean differs = FALSE;
  guint n_items = 0;
  guint first = 0;
  guint last_old = 0;
  guint last_new = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);

  model = get_model (self);
  if ((store = get_audit_store (self, error)) == NULL ||
      (audits = tavla_audit_store_list_audits (store, today, error)) == NULL)
    return FALSE;

  /* Replace only the run that changed: the common head and tail stay. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  while (first < n_items && first < audits->len)
    {
      g_autoptr(TavlaAudit) old = g_list_model_get_item (G_LIST_MODEL (model), first);

      if (!same_audit (old, g_ptr_array_index (audits, first)))
        break;
      first++;
    }
  last_old = n_items;
  last_new = audits->len;
  while (last_old > first && last_new > first)
    {
      g_autoptr(TavlaAudit) old = g_list_model_get_item (G_LIST_MODEL (model), last_old - 1);

      if (!same_audit (old, g_ptr_array_index (audits, last_new - 1)))
        break;
      last_old--;
      last_new--;
    }

  differs = last_old > first || last_new > first;
  if (differs)
    g_list_store_splice (model, first, last_old - first, audits->pdata + first, last_new - first);

  return differs;
}

GListModel *
tavla_board_get_audits (TavlaBoard *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  return G_LIST_MODEL (get_model (self));
}

void
tavla_board_audits_refresh (TavlaBoard *self)
{
  g_autoptr(GError) error = NULL;

  if (g_object_get_data (G_OBJECT (self), MODEL_KEY) == NULL)
    return;

  /* The model keeps what it showed; the next refresh tries again. */
  if (!tavla_board_reload_audits (self, &error) && error != NULL)
    g_debug ("Could not reload the audits: %s", error->message);
}

/* After a committed write (items linked to recommendations count too). */
static void
audits_written (TavlaBoard *self)
{
  if (!tavla_board_in_batch (self) && g_object_get_data (G_OBJECT (self), MODEL_KEY) != NULL)
    tavla_board_reload_audits (self, NULL);
}

/* ---- Audits --------------------------------------------------------------- */

typedef struct
{
  char *title;
  char *auditor;
  char *date;
  char *body;
  char *reference;
  char *assessment;
} AuditChecked;

static void
audit_checked_clear (AuditChecked *checked)
{
  g_free (checked->title);
  g_free (checked->auditor);
  g_free (checked->date);
  g_free (checked->body);
  g_free (checked->reference);
  g_free (checked->assessment);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AuditChecked, audit_checked_clear)

/* Checks @input over @current (NULL for a new audit: then every required
 * field must be given). */
static gboolean
check_audit (TavlaAudit             *current,
             const TavlaAuditInput  *input,
             AuditChecked           *out,
             const char            **out_field,
             GError                **error)
{
#define KEEP(field, getter) \
  (current != NULL && input->field == NULL ? (out->field = g_strdup (getter (current)), TRUE) : FALSE)

  if (!KEEP (title, tavla_audit_get_title) &&
      !check_text (input->title, "title", _("Title"), MAX_TITLE_LENGTH, TRUE, &out->title, out_field, error))
    return FALSE;
  if (!KEEP (auditor, tavla_audit_get_auditor) &&
      !check_text (input->auditor, "auditor", _("Auditor"), MAX_TITLE_LENGTH, TRUE, &out->auditor,
                   out_field, error))
    return FALSE;
  if (!KEEP (date, tavla_audit_get_date))
    {
      if (!tavla_board_parse_date (input->date, "date", _("Report date"), &out->date, out_field, error))
        return FALSE;
      if (out->date == NULL)
        return tavla_board_field_error ("date", out_field, error,
                                        _("Report date is missing; write the day of the audit report as "
                                          "YYYY-MM-DD, like 2022-06-02."));
    }
  if (!KEEP (body, tavla_audit_get_body) &&
      !check_text (input->body, "body", _("Audited body"), MAX_TITLE_LENGTH, TRUE, &out->body, out_field, error))
    return FALSE;
  if (!KEEP (reference, tavla_audit_get_reference) &&
      !check_text (input->reference, "reference", _("Reference"), MAX_REFERENCE_LENGTH, FALSE, &out->reference,
                   out_field, error))
    return FALSE;
  if (!KEEP (assessment, tavla_audit_get_assessment) &&
      !check_text (input->assessment, "assessment-text", _("Overall assessment"), MAX_LONG_LENGTH, FALSE,
                   &out->assessment, out_field, error))
    return FALSE;

#undef KEEP

  return TRUE;
}

TavlaAudit *
tavla_board_get_audit (TavlaBoard  *self,
                       gint64       id,
                       GError     **error)
{
  g_autofree char *today = tavla_date_today ();
  TavlaAuditStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = get_audit_store (self, error)) == NULL)
    return NULL;

  return tavla_audit_store_get_audit (store, id, today, error);
}

static gboolean
parse_on (const char  *on,
          char       **out_day,
          GError     **error)
{
  if (!tavla_board_parse_date (on, "on", _("Date"), out_day, NULL, error))
    return FALSE;
  if (*out_day == NULL)
    *out_day = tavla_date_today ();
  return TRUE;
}

GListModel *
tavla_board_list_audits (TavlaBoard  *self,
                         const char  *on,
                         GError     **error)
{
  g_autoptr(GListStore) result = g_list_store_new (TAVLA_TYPE_AUDIT);
  g_autoptr(GPtrArray) audits = NULL;
  g_autofree char *day = NULL;
  TavlaAuditStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (!parse_on (on, &day, error) ||
      (store = get_audit_store (self, error)) == NULL ||
      (audits = tavla_audit_store_list_audits (store, day, error)) == NULL)
    return NULL;

  g_list_store_splice (result, 0, 0, audits->pdata, audits->len);
  return G_LIST_MODEL (g_steal_pointer (&result));
}

/* One history row per changed text field; @old / @new may be NULL. */
static gboolean
write_field (TavlaBoard  *self,
             const char  *kind,
             gint64       id,
             gint64       change_id,
             const char  *now,
             const char  *actor,
             const char  *field,
             const char  *old_value,
             const char  *new_value,
             const char  *note,
             gint64       meeting_id,
             GError     **error)
{
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;

  return tavla_board_write_history (self, kind, id, change_id, now, actor, field, old_value, new_value,
                                    note, meeting_id, error);
}

TavlaAudit *
tavla_board_add_audit (TavlaBoard             *self,
                       const TavlaAuditInput  *input,
                       const char             *actor_in,
                       const char            **out_field,
                       GError                **error)
{
  g_auto(AuditChecked) checked = { 0 };
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autoptr(TavlaAudit) audit = NULL;
  TavlaStoreAuditRow row = { 0 };
  TavlaAuditStore *store = NULL;
  TavlaStore *base = NULL;
  gint64 change_id = 0;
  gint64 id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if ((store = get_audit_store (self, error)) == NULL ||
      !check_audit (NULL, input, &checked, out_field, error))
    return NULL;

  base = tavla_board_get_store (self);
  row = (TavlaStoreAuditRow) {
    .title = checked.title, .auditor = checked.auditor, .date = checked.date, .body = checked.body,
    .reference = checked.reference, .assessment = checked.assessment, .created = now, .updated = now,
  };

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((id = tavla_audit_store_insert_audit (store, &row, error)) == 0 ||
      (change_id = tavla_store_next_change_id (base, error)) == 0 ||
      !tavla_board_write_history (self, "audit", id, change_id, now, actor, "created", NULL, checked.title,
                                  NULL, 0, error) ||
      (audit = tavla_board_get_audit (self, id, error)) == NULL)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  audits_written (self);
  return g_steal_pointer (&audit);
}

TavlaAudit *
tavla_board_update_audit (TavlaBoard             *self,
                          gint64                  id,
                          gint64                  expected_version,
                          const TavlaAuditInput  *input,
                          const char             *actor_in,
                          const char            **out_field,
                          GError                **error)
{
  g_auto(AuditChecked) checked = { 0 };
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autoptr(TavlaAudit) current = NULL;
  g_autoptr(TavlaAudit) audit = NULL;
  TavlaStoreAuditRow row = { 0 };
  TavlaAuditStore *store = NULL;
  gint64 change_id = 0;
  struct { const char *field; const char *old_value; const char *new_value; } changes[6];

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if ((store = get_audit_store (self, error)) == NULL ||
      (current = tavla_board_get_audit (self, id, error)) == NULL)
    return NULL;

  if (expected_version != 0 && expected_version != tavla_audit_get_version (current))
    {
      g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT,
                           _("Someone else changed this audit first; reload it and make the change again."));
      return NULL;
    }

  if (!check_audit (current, input, &checked, out_field, error))
    return NULL;

  changes[0].field = "title", changes[0].old_value = tavla_audit_get_title (current), changes[0].new_value = checked.title;
  changes[1].field = "auditor", changes[1].old_value = tavla_audit_get_auditor (current), changes[1].new_value = checked.auditor;
  changes[2].field = "date", changes[2].old_value = tavla_audit_get_date (current), changes[2].new_value = checked.date;
  changes[3].field = "body", changes[3].old_value = tavla_audit_get_body (current), changes[3].new_value = checked.body;
  changes[4].field = "reference", changes[4].old_value = tavla_audit_get_reference (current), changes[4].new_value = checked.reference;
  changes[5].field = "assessment-text", changes[5].old_value = tavla_audit_get_assessment (current),
    changes[5].new_value = checked.assessment;

  {
    gboolean any = FALSE;

    for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
      any |= g_strcmp0 (changes[i].old_value, changes[i].new_value) != 0;
    if (!any)
      return g_steal_pointer (&current);
  }

  row = (TavlaStoreAuditRow) {
    .id = id, .version = tavla_audit_get_version (current),
    .title = checked.title, .auditor = checked.auditor, .date = checked.date, .body = checked.body,
    .reference = checked.reference, .assessment = checked.assessment, .updated = now,
  };

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if (!tavla_audit_store_update_audit (store, &row, error) ||
      (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) == 0)
    goto failed;
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    if (!write_field (self, "audit", id, change_id, now, actor, changes[i].field, changes[i].old_value,
                      changes[i].new_value, NULL, 0, error))
      goto failed;
  if ((audit = tavla_board_get_audit (self, id, error)) == NULL)
    goto failed;

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  audits_written (self);
  return g_steal_pointer (&audit);

failed:
  tavla_board_rollback_batch (self);
  return NULL;
}

/* ---- Recommendations -------------------------------------------------------- */

TavlaRecommendation *
tavla_board_get_recommendation (TavlaBoard  *self,
                                gint64       id,
                                GError     **error)
{
  g_autofree char *today = tavla_date_today ();
  TavlaAuditStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = get_audit_store (self, error)) == NULL)
    return NULL;

  return tavla_audit_store_get_recommendation (store, id, today, error);
}

TavlaRecommendation *
tavla_board_add_recommendation (TavlaBoard                      *self,
                                gint64                           audit_id,
                                const TavlaRecommendationInput  *input,
                                const char                      *actor_in,
                                const char                     **out_field,
                                GError                         **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *text = NULL;
  g_autofree char *addressed_to = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *due = NULL;
  g_autoptr(TavlaAudit) audit = NULL;
  g_autoptr(TavlaRecommendation) recommendation = NULL;
  TavlaStoreRecommendationRow row = { 0 };
  TavlaAuditStore *store = NULL;
  gint64 owner_id = 0;
  gint64 change_id = 0;
  gint64 id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if ((store = get_audit_store (self, error)) == NULL ||
      (audit = tavla_board_get_audit (self, audit_id, error)) == NULL)
    {
      if (out_field != NULL)
        *out_field = "audit";
      return NULL;
    }

  if (!check_text (input->text, "text", _("Recommendation text"), MAX_TEXT_LENGTH, TRUE, &text, out_field,
                   error) ||
      !check_text (input->addressed_to, "addressed-to", _("Addressed to"), MAX_TITLE_LENGTH, FALSE,
                   &addressed_to, out_field, error) ||
      !find_owner (self, input->owner, &owner, &owner_id, out_field, error) ||
      !tavla_board_parse_date (input->due, "due", _("Due date"), &due, out_field, error))
    return NULL;

  row = (TavlaStoreRecommendationRow) {
    .audit_id = audit_id, .text = text,
    .addressed_to = addressed_to != NULL ? addressed_to : tavla_audit_get_body (audit),
    .owner_id = owner_id, .due = due, .status = TAVLA_RECOMMENDATION_OPEN,
    .assessment = TAVLA_ASSESSMENT_NONE, .created = now, .updated = now,
  };

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((id = tavla_audit_store_insert_recommendation (store, &row, error)) == 0 ||
      (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) == 0 ||
      !tavla_board_write_history (self, "recommendation", id, change_id, now, actor, "created", NULL, text,
                                  NULL, 0, error) ||
      !write_field (self, "recommendation", id, change_id, now, actor, "owner", NULL, owner, NULL, 0, error) ||
      !write_field (self, "recommendation", id, change_id, now, actor, "due", NULL, due, NULL, 0, error) ||
      (recommendation = tavla_board_get_recommendation (self, id, error)) == NULL)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  audits_written (self);
  return g_steal_pointer (&recommendation);
}

/* The state a change leads to. */
typedef struct
{
  char                      *text;
  char                      *addressed_to;
  char                      *response;
  char                      *response_date;
  char                      *owner;
  gint64                     owner_id;
  char                      *due;
  TavlaRecommendationStatus  status;
  char                      *evidence;
  TavlaAssessment            assessment;
  char                      *assessment_date;
  char                      *note;        /* the note of this change */
  char                      *stored_note; /* the motivation kept on the row */
} RecState;

static void
rec_state_clear (RecState *state)
{
  g_free (state->text);
  g_free (state->addressed_to);
  g_free (state->response);
  g_free (state->response_date);
  g_free (state->owner);
  g_free (state->due);
  g_free (state->evidence);
  g_free (state->assessment_date);
  g_free (state->note);
  g_free (state->stored_note);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecState, rec_state_clear)

/* Whether the move from @from to @to is one of the allowed ones. */
static gboolean
move_allowed (TavlaRecommendationStatus from,
              TavlaRecommendationStatus to)
{
  static const guint allowed[TAVLA_N_RECOMMENDATION_STATUSES] = {
    /* open */         1 << TAVLA_RECOMMENDATION_RESPONDED | 1 << TAVLA_RECOMMENDATION_IN_PROGRESS |
                       1 << TAVLA_RECOMMENDATION_NOT_ACCEPTED,
    /* responded */    1 << TAVLA_RECOMMENDATION_IN_PROGRESS | 1 << TAVLA_RECOMMENDATION_NOT_ACCEPTED,
    /* in-progress */  1 << TAVLA_RECOMMENDATION_IMPLEMENTED | 1 << TAVLA_RECOMMENDATION_CLOSED |
                       1 << TAVLA_RECOMMENDATION_NOT_ACCEPTED,
    /* implemented */  1 << TAVLA_RECOMMENDATION_CLOSED | 1 << TAVLA_RECOMMENDATION_IN_PROGRESS,
    /* closed */       1 << TAVLA_RECOMMENDATION_IN_PROGRESS,
    /* not-accepted */ 1 << TAVLA_RECOMMENDATION_RESPONDED | 1 << TAVLA_RECOMMENDATION_IN_PROGRESS,
  };

  return from == to || (allowed[from] & (1u << to)) != 0;
}

/* Where a refused move can go instead, for the message. */
static char *
allowed_moves (TavlaRecommendationStatus from)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint to = 0; to < TAVLA_N_RECOMMENDATION_STATUSES; to++)
    {
      if (to == from || !move_allowed (from, to))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, tavla_recommendation_status_get_label (to));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Fills @state from @current and @change, checking each given field. */
static gboolean
apply_fields (TavlaBoard                      *self,
              TavlaRecommendation             *current,
              const TavlaRecommendationChange *change,
              const char                      *today,
              RecState                        *state,
              const char                     **out_field,
              GError                         **error)
{
  g_autofree char *response_date = NULL;
  g_autofree char *assessment_date = NULL;

#define OR_CURRENT(field, getter) \
  (change->field == NULL ? (state->field = g_strdup (getter (current)), TRUE) : FALSE)

  if (!OR_CURRENT (text, tavla_recommendation_get_text) &&
      !check_text (change->text, "text", _("Recommendation text"), MAX_TEXT_LENGTH, TRUE, &state->text,
                   out_field, error))
    return FALSE;
  if (!OR_CURRENT (addressed_to, tavla_recommendation_get_addressed_to) &&
      !check_text (change->addressed_to, "addressed-to", _("Addressed to"), MAX_TITLE_LENGTH, FALSE,
                   &state->addressed_to, out_field, error))
    return FALSE;
  if (!OR_CURRENT (response, tavla_recommendation_get_response) &&
      !check_text (change->response, "response", _("Response"), MAX_LONG_LENGTH, FALSE, &state->response,
                   out_field, error))
    return FALSE;
  if (!OR_CURRENT (evidence, tavla_recommendation_get_evidence) &&
      !check_text (change->evidence, "evidence", _("Evidence"), MAX_LONG_LENGTH, FALSE, &state->evidence,
                   out_field, error))
    return FALSE;
  if (!OR_CURRENT (due, tavla_recommendation_get_due) &&
      !tavla_board_parse_date (change->due, "due", _("Due date"), &state->due, out_field, error))
    return FALSE;

#undef OR_CURRENT

  if (change->owner == NULL)
    {
      state->owner = g_strdup (tavla_recommendation_get_owner (current));
      state->owner_id = tavla_recommendation_get_owner_id (current);
    }
  else if (!find_owner (self, change->owner, &state->owner, &state->owner_id, out_field, error))
    return FALSE;

  if (!check_text (change->note, "note", _("Note"), MAX_LONG_LENGTH, FALSE, &state->note, out_field, error) ||
      !tavla_board_parse_date (change->response_date, "response-date", _("Response date"), &response_date,
                               out_field, error) ||
      !tavla_board_parse_date (change->assessment_date, "assessment-date", _("Assessment date"),
                               &assessment_date, out_field, error))
    return FALSE;

  /* The response's date: as given, else the day it was written. */
  if (state->response == NULL)
    state->response_date = NULL;
  else if (response_date != NULL)
    state->response_date = g_steal_pointer (&response_date);
  else if (g_strcmp0 (state->response, tavla_recommendation_get_response (current)) != 0 ||
           tavla_recommendation_get_response_date (current) == NULL)
    state->response_date = g_strdup (today);
  else
    state->response_date = g_strdup (tavla_recommendation_get_response_date (current));

  state->assessment = tavla_recommendation_get_assessment (current);
  if (change->assessment != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (change->assessment));

      if (!tavla_assessment_from_string (name, &state->assessment))
        return tavla_board_field_errorf ("assessment", out_field, error,
                                         _("Assessment “%s” is not known; write implemented, partly or "
                                           "not-implemented."), name);
    }

  if (state->assessment == TAVLA_ASSESSMENT_NONE)
    state->assessment_date = NULL;
  else if (assessment_date != NULL)
    state->assessment_date = g_steal_pointer (&assessment_date);
  else if (state->assessment != tavla_recommendation_get_assessment (current) ||
           tavla_recommendation_get_assessment_date (current) == NULL)
    state->assessment_date = g_strdup (today);
  else
    state->assessment_date = g_strdup (tavla_recommendation_get_assessment_date (current));

  return TRUE;
}

/* Decides the status the change leads to and checks what it needs. */
static gboolean
apply_status (TavlaRecommendation             *current,
              const TavlaRecommendationChange *change,
              RecState                        *state,
              const char                     **out_field,
              GError                         **error)
{
  TavlaRecommendationStatus from = tavla_recommendation_get_status (current);
  gboolean follow_up_failed = FALSE;
  gboolean given = FALSE;

  state->status = from;
  if (change->status != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (change->status));

      if (!tavla_recommendation_status_from_string (name, &state->status))
        return tavla_board_field_errorf ("status", out_field, error,
                                         _("Status “%s” is not known; write open, responded, in-progress, "
                                           "implemented, closed or not-accepted."), name);
      given = TRUE;
    }

  /* The auditors found it not (fully) implemented: back to work. */
  follow_up_failed = state->assessment != tavla_recommendation_get_assessment (current) &&
                     (state->assessment == TAVLA_ASSESSMENT_PARTLY ||
                      state->assessment == TAVLA_ASSESSMENT_NOT_IMPLEMENTED);
  if (follow_up_failed)
    {
      if (given && state->status != TAVLA_RECOMMENDATION_IN_PROGRESS)
        return tavla_board_field_errorf ("status", out_field, error,
                                         _("An assessment of “%s” returns the recommendation to In progress; "
                                           "leave the status as it is or set it to In progress."),
                                         tavla_assessment_get_label (state->assessment));
      state->status = TAVLA_RECOMMENDATION_IN_PROGRESS;
    }
  else if (!move_allowed (from, state->status))
    {
      g_autofree char *moves = allowed_moves (from);

      return tavla_board_field_errorf ("status", out_field, error,
                                       _("A recommendation cannot go from %s to %s; from %s it can go to %s."),
                                       tavla_recommendation_status_get_label (from),
                                       tavla_recommendation_status_get_label (state->status),
                                       tavla_recommendation_status_get_label (from), moves);
    }

  /* What each status needs, on the state the change leads to. */
  switch (state->status)
    {
    case TAVLA_RECOMMENDATION_RESPONDED:
      if (state->response == NULL)
        return tavla_board_field_error ("response", out_field, error,
                                        _("A responded recommendation needs the committee’s response; write "
                                          "the response."));
      break;
    case TAVLA_RECOMMENDATION_IN_PROGRESS:
      if (state->owner == NULL)
        return tavla_board_field_error ("owner", out_field, error,
                                        _("A recommendation in progress needs an owner: choose who is "
                                          "responsible."));
      if (state->due == NULL)
        return tavla_board_field_error ("due", out_field, error,
                                        _("A recommendation in progress needs a due date: set when it should "
                                          "be done."));
      break;
    case TAVLA_RECOMMENDATION_CLOSED:
      if (state->evidence == NULL)
        return tavla_board_field_error ("evidence", out_field, error,
                                        _("Closing a recommendation needs evidence: say what shows it was "
                                          "implemented."));
      if (state->assessment != TAVLA_ASSESSMENT_IMPLEMENTED)
        return tavla_board_field_error ("assessment", out_field, error,
                                        _("Closing a recommendation needs the auditors’ follow-up assessment "
                                          "“implemented”; record their assessment first."));
      break;
    case TAVLA_RECOMMENDATION_NOT_ACCEPTED:
      if (from != TAVLA_RECOMMENDATION_NOT_ACCEPTED && state->note == NULL)
        return tavla_board_field_error ("note", out_field, error,
                                        _("Not accepting a recommendation needs a note: give the committee’s "
                                          "motivation."));
      break;
    case TAVLA_RECOMMENDATION_OPEN:
    case TAVLA_RECOMMENDATION_IMPLEMENTED:
    default:
      break;
    }

  /* Reopening what was settled is deliberate and explained. */
  if ((from == TAVLA_RECOMMENDATION_CLOSED || from == TAVLA_RECOMMENDATION_NOT_ACCEPTED) &&
      state->status != from && !follow_up_failed && state->note == NULL)
    return tavla_board_field_error ("note", out_field, error,
                                    _("Reopening a closed or not accepted recommendation needs a note: say why "
                                      "it is reopened."));

  state->stored_note = g_strdup (state->status != from && state->note != NULL
                                 ? state->note : tavla_recommendation_get_note (current));
  return TRUE;
}

static gboolean
check_change (TavlaBoard                      *self,
              TavlaRecommendation             *current,
              const TavlaRecommendationChange *change,
              RecState                        *state,
              const char                     **out_field,
              GError                         **error)
{
  g_autofree char *today = tavla_date_today ();

  return apply_fields (self, current, change, today, state, out_field, error) &&
         apply_status (current, change, state, out_field, error);
}

gboolean
tavla_recommendation_check_change (TavlaBoard                      *self,
                                   TavlaRecommendation             *current,
                                   const TavlaRecommendationChange *change,
                                   const char                     **out_field,
                                   GError                         **error)
{
  g_auto(RecState) state = { 0 };

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (current), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  return check_change (self, current, change, &state, out_field, error);
}

/* The history rows of a change, in a fixed order. */
static gboolean
write_recommendation_history (TavlaBoard                      *self,
                              TavlaRecommendation             *current,
                              const RecState                  *state,
                              gint64                           meeting_id,
                              const char                      *now,
                              const char                      *actor,
                              gint64                          *inout_change_id,
                              GError                         **error)
{
  gint64 id = tavla_recommendation_get_id (current);
  TavlaRecommendationStatus from = tavla_recommendation_get_status (current);
  const char *assessment_old = tavla_recommendation_get_assessment (current) == TAVLA_ASSESSMENT_NONE
                               ? NULL : tavla_assessment_to_string (tavla_recommendation_get_assessment (current));
  const char *assessment_new = state->assessment == TAVLA_ASSESSMENT_NONE
                               ? NULL : tavla_assessment_to_string (state->assessment);
  struct { const char *field; const char *old_value; const char *new_value; } fields[] = {
    { "text", tavla_recommendation_get_text (current), state->text },
    { "addressed-to", tavla_recommendation_get_addressed_to (current), state->addressed_to },
    { "response", tavla_recommendation_get_response (current), state->response },
    { "response-date", tavla_recommendation_get_response_date (current), state->response_date },
    { "owner", tavla_recommendation_get_owner (current), state->owner },
    { "due", tavla_recommendation_get_due (current), state->due },
    { "evidence", tavla_recommendation_get_evidence (current), state->evidence },
    { "assessment", assessment_old, assessment_new },
    { "assessment-date", tavla_recommendation_get_assessment_date (current), state->assessment_date },
  };
  gint64 change_id = *inout_change_id;

#define CHANGE_ID() \
  (change_id != 0 || (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) != 0)

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (fields[i].old_value, fields[i].new_value) == 0)
        continue;
      if (!CHANGE_ID () ||
          !tavla_board_write_history (self, "recommendation", id, change_id, now, actor, fields[i].field,
                                      fields[i].old_value, fields[i].new_value, NULL, meeting_id, error))
        return FALSE;
    }

  if (state->status != from)
    {
      if (!CHANGE_ID () ||
          !tavla_board_write_history (self, "recommendation", id, change_id, now, actor, "status",
                                      tavla_recommendation_status_to_string (from),
                                      tavla_recommendation_status_to_string (state->status),
                                      state->note, meeting_id, error))
        return FALSE;
    }
  else if (state->note != NULL)
    {
      /* A note on its own is a comment in the timeline. */
      if (!CHANGE_ID () ||
          !tavla_board_write_history (self, "recommendation", id, change_id, now, actor, "note",
                                      NULL, NULL, state->note, meeting_id, error))
        return FALSE;
    }

#undef CHANGE_ID

  *inout_change_id = change_id;
  return TRUE;
}

TavlaRecommendation *
tavla_board_update_recommendation (TavlaBoard                      *self,
                                   gint64                           id,
                                   gint64                           expected_version,
                                   const TavlaRecommendationChange *change,
                                   const char                      *actor_in,
                                   const char                     **out_field,
                                   GError                         **error)
{
  g_auto(RecState) state = { 0 };
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autoptr(TavlaRecommendation) current = NULL;
  g_autoptr(TavlaRecommendation) updated = NULL;
  TavlaStoreRecommendationRow row = { 0 };
  TavlaAuditStore *store = NULL;
  gint64 change_id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (change != NULL, NULL);

  if ((store = get_audit_store (self, error)) == NULL ||
      (current = tavla_board_get_recommendation (self, id, error)) == NULL)
    return NULL;

  if (expected_version != 0 && expected_version != tavla_recommendation_get_version (current))
    {
      g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT,
                           _("Someone else changed this recommendation first; reload it and make the "
                             "change again."));
      return NULL;
    }

  if (!check_change (self, current, change, &state, out_field, error))
    return NULL;

  row = (TavlaStoreRecommendationRow) {
    .id = id, .version = tavla_recommendation_get_version (current),
    .audit_id = tavla_recommendation_get_audit_id (current), .text = state.text,
    .addressed_to = state.addressed_to, .response = state.response, .response_date = state.response_date,
    .owner_id = state.owner_id, .due = state.due, .status = state.status, .evidence = state.evidence,
    .assessment = state.assessment, .assessment_date = state.assessment_date, .note = state.stored_note,
    .updated = now,
  };

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if (!write_recommendation_history (self, current, &state, change->meeting_id, now, actor, &change_id, error))
    goto failed;

  /* The same values again: nothing to write. */
  if (change_id == 0)
    {
      tavla_board_rollback_batch (self);
      return g_steal_pointer (&current);
    }

  if (!tavla_audit_store_update_recommendation (store, &row, error) ||
      (updated = tavla_board_get_recommendation (self, id, error)) == NULL)
    goto failed;

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  audits_written (self);
  return g_steal_pointer (&updated);

failed:
  tavla_board_rollback_batch (self);
  return NULL;
}

static gboolean
matches (TavlaRecommendation            *recommendation,
         const TavlaRecommendationQuery *query,
         gint64                          owner_id,
         const char                     *limit)
{
  if (query->audit_id != 0 && tavla_recommendation_get_audit_id (recommendation) != query->audit_id)
    return FALSE;
  if (query->open_only && !tavla_recommendation_is_open (recommendation))
    return FALSE;
  if (query->overdue_only && !tavla_recommendation_is_overdue (recommendation))
    return FALSE;
  if (owner_id != 0 && tavla_recommendation_get_owner_id (recommendation) != owner_id)
    return FALSE;
  if (limit != NULL &&
      (!tavla_recommendation_is_open (recommendation) ||
       tavla_recommendation_get_due (recommendation) == NULL ||
       g_strcmp0 (tavla_recommendation_get_due (recommendation), limit) > 0))
    return FALSE;
  return TRUE;
}

GListModel *
tavla_board_list_recommendations (TavlaBoard                     *self,
                                  const TavlaRecommendationQuery *query,
                                  GError                        **error)
{
  g_autoptr(GListStore) result = g_list_store_new (TAVLA_TYPE_RECOMMENDATION);
  g_autoptr(GPtrArray) audits = NULL;
  g_autoptr(TavlaAudit) audit = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *day = NULL;
  g_autofree char *limit = NULL;
  TavlaRecommendationQuery none = { 0 };
  TavlaAuditStore *store = NULL;
  gint64 owner_id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (query == NULL)
    query = &none;

  if (!parse_on (query->on, &day, error) ||
      (store = get_audit_store (self, error)) == NULL)
    return NULL;
  if (query->owner != NULL && !find_owner (self, query->owner, &owner, &owner_id, NULL, error))
    return NULL;
  if (query->due_within)
    {
      if (query->due_within_days > 36500)
        {
          tavla_board_set_input_error (error, _("Within is more than 100 years; write a number of days up to "
                                                "36500."));
          return NULL;
        }
      limit = tavla_date_add_days (day, (int) query->due_within_days);
    }
  if (query->audit_id != 0 && (audit = tavla_audit_store_get_audit (store, query->audit_id, day, error)) == NULL)
    return NULL;

  if ((audits = tavla_audit_store_list_audits (store, day, error)) == NULL)
    return NULL;

  for (guint i = 0; i < audits->len; i++)
    {
      GPtrArray *recommendations = tavla_audit_get_recommendations (g_ptr_array_index (audits, i));

      for (guint j = 0; j < recommendations->len; j++)
        {
          TavlaRecommendation *recommendation = g_ptr_array_index (recommendations, j);

          if (matches (recommendation, query, owner_id, limit))
            g_list_store_append (result, recommendation);
        }
    }

  return G_LIST_MODEL (g_steal_pointer (&result));
}

GListModel *
tavla_board_list_recommendation_history (TavlaBoard  *self,
                                         gint64       id,
                                         GError     **error)
{
  g_autoptr(GListStore) result = g_list_store_new (TAVLA_TYPE_HISTORY_ENTRY);
  g_autoptr(TavlaRecommendation) recommendation = NULL;
  g_autoptr(GPtrArray) history = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((recommendation = tavla_board_get_recommendation (self, id, error)) == NULL ||
      (history = tavla_store_list_history (tavla_board_get_store (self), "recommendation", id, error)) == NULL)
    return NULL;

  g_list_store_splice (result, 0, 0, history->pdata, history->len);
  return G_LIST_MODEL (g_steal_pointer (&result));
}

static const char *
status_label (const char *name)
{
  TavlaRecommendationStatus status = TAVLA_RECOMMENDATION_OPEN;

  if (name == NULL || !tavla_recommendation_status_from_string (name, &status))
    return name != NULL ? name : "—";
  return tavla_recommendation_status_get_label (status);
}

static const char *
assessment_label (const char *name)
{
  TavlaAssessment assessment = TAVLA_ASSESSMENT_NONE;

  if (name == NULL || !tavla_assessment_from_string (name, &assessment))
    return name != NULL ? name : "—";
  return tavla_assessment_get_label (assessment);
}

char *
tavla_recommendation_describe_history (TavlaHistoryEntry *entry)
{
  const char *field = NULL;
  const char *old_value = NULL;
  const char *new_value = NULL;

  g_return_val_if_fail (TAVLA_IS_HISTORY_ENTRY (entry), NULL);

  field = tavla_history_entry_get_field (entry);
  old_value = tavla_history_entry_get_old_value (entry);
  new_value = tavla_history_entry_get_new_value (entry);

  if (g_strcmp0 (field, "created") == 0)
    return g_strdup (_("Recommendation registered"));
  if (g_strcmp0 (field, "status") == 0)
    return g_strdup_printf (_("Status: %s → %s"), status_label (old_value), status_label (new_value));
  if (g_strcmp0 (field, "assessment") == 0)
    return g_strdup_printf (_("Auditors’ follow-up: %s"), assessment_label (new_value));
  if (g_strcmp0 (field, "owner") == 0)
    return new_value != NULL ? g_strdup_printf (_("Owner: %s"), new_value) : g_strdup (_("Owner removed"));
  if (g_strcmp0 (field, "due") == 0)
    {
      g_autofree char *date = tavla_date_display (new_value);

      return date != NULL ? g_strdup_printf (_("Due date: %s"), date) : g_strdup (_("Due date removed"));
    }
  if (g_strcmp0 (field, "response") == 0)
    return g_strdup (old_value == NULL ? _("Response written") : _("Response edited"));
  if (g_strcmp0 (field, "evidence") == 0)
    return g_strdup (old_value == NULL ? _("Evidence added") : _("Evidence edited"));
  if (g_strcmp0 (field, "action") == 0)
    return g_strdup_printf (_("Action linked: %s"), new_value != NULL ? new_value : "");
  if (g_strcmp0 (field, "note") == 0)
    return g_strdup (_("Note"));
  if (g_strcmp0 (field, "text") == 0)
    return g_strdup (_("Text edited"));
  if (g_strcmp0 (field, "addressed-to") == 0)
    return g_strdup_printf (_("Addressed to: %s"), new_value != NULL ? new_value : "—");
  if (g_strcmp0 (field, "response-date") == 0)
    return g_strdup_printf (_("Response date: %s"), new_value != NULL ? new_value : "—");
  if (g_strcmp0 (field, "assessment-date") == 0)
    return g_strdup_printf (_("Assessment date: %s"), new_value != NULL ? new_value : "—");

  return g_strdup (field);
}

/* ---- Actions ------------------------------------------------------------- */

static char *
recommendation_label (TavlaRecommendation *recommendation)
{
  g_autofree char *number = dup_number (tavla_recommendation_get_id (recommendation));
  const char *text = tavla_recommendation_get_text (recommendation);
  g_autofree char *head = g_utf8_substring (text, 0, 60);

  /* TRANSLATORS: a recommendation in an item's history: "Recommendation 2: Utveckla webbplatsen…". */
  return g_strdup_printf (_("Recommendation %s: %s%s"), number, head, g_utf8_strlen (text, -1) > 60 ? "…" : "");
}

TavlaItem *
tavla_board_link_item_to_recommendation (TavlaBoard  *self,
                                         gint64       item_id,
                                         gint64       recommendation_id,
                                         const char  *actor_in,
                                         GError     **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *label = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(TavlaRecommendation) recommendation = NULL;
  TavlaStore *store = NULL;
  gint64 change_id = 0;
  gboolean linked = FALSE;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  store = tavla_board_get_store (self);
  if ((item = tavla_store_get_item (store, item_id, error)) == NULL ||
      (recommendation = tavla_board_get_recommendation (self, recommendation_id, error)) == NULL)
    return NULL;

  for (guint i = 0; i < tavla_recommendation_get_actions (recommendation)->len; i++)
    linked |= ((TavlaAction *) g_ptr_array_index (tavla_recommendation_get_actions (recommendation), i))->id ==
              item_id;
  if (linked)
    return g_steal_pointer (&item);

  label = recommendation_label (recommendation);

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((change_id = tavla_store_next_change_id (store, error)) == 0 ||
      !tavla_board_link_item (self, item_id, "recommendation", recommendation_id, label, change_id, actor, now,
                              error) ||
      !tavla_board_write_history (self, "recommendation", recommendation_id, change_id, now, actor, "action",
                                  NULL, tavla_item_get_title (item), NULL, 0, error))
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }
  g_clear_object (&item);
  if ((item = tavla_store_get_item (store, item_id, error)) == NULL)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  tavla_board_item_written (self, item);
  audits_written (self);
  return g_steal_pointer (&item);
}

TavlaItem *
tavla_board_act_on_recommendation (TavlaBoard            *self,
                                   gint64                 recommendation_id,
                                   const TavlaItemChange *fields,
                                   const char            *actor_in,
                                   GError               **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autoptr(TavlaRecommendation) recommendation = NULL;
  g_autoptr(TavlaItem) created = NULL;
  g_autoptr(TavlaItem) item = NULL;
  TavlaItemChange change = { 0 };

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  if ((recommendation = tavla_board_get_recommendation (self, recommendation_id, error)) == NULL)
    return NULL;

  change = *fields;
  change.set |= TAVLA_ITEM_FIELD_SOURCE;
  change.source = TAVLA_SOURCE_AUDIT;

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((created = tavla_board_create_item (self, &change, actor, error)) == NULL ||
      (item = tavla_board_link_item_to_recommendation (self, tavla_item_get_id (created), recommendation_id,
                                                       actor, error)) == NULL)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  tavla_board_item_written (self, item);
  audits_written (self);
  return g_steal_pointer (&item);
}

/* ---- The report ------------------------------------------------------------ */

static TavlaTone
light_tone (TavlaLight light)
{
  switch (light)
    {
    case TAVLA_LIGHT_GREEN:
      return TAVLA_TONE_GREEN;
    case TAVLA_LIGHT_YELLOW:
      return TAVLA_TONE_YELLOW;
    case TAVLA_LIGHT_RED:
      return TAVLA_TONE_RED;
    case TAVLA_LIGHT_NONE:
    default:
      return TAVLA_TONE_GREY;
    }
}

static const char *
or_dash (const char *text)
{
  return text != NULL ? text : "—";
}

static char *
item_status_label (const char *name)
{
  TavlaStatus status = TAVLA_STATUS_NEW;

  if (name != NULL && tavla_status_from_string (name, &status))
    return g_strdup (tavla_status_get_label (status));
  return g_strdup (or_dash (name));
}

static void
add_recommendation (TavlaDocument       *document,
                    TavlaRecommendation *recommendation,
                    guint                number)
{
  GPtrArray *actions = tavla_recommendation_get_actions (recommendation);
  TavlaLight light = tavla_recommendation_get_light (recommendation);
  g_autofree char *heading = g_strdup_printf (_("Recommendation %u"), number);
  g_autofree char *status = NULL;
  g_autofree char *due = tavla_date_display (tavla_recommendation_get_due (recommendation));
  g_autofree char *assessment = NULL;

  tavla_document_add_subheading (document, heading);
  tavla_document_add_paragraph (document, tavla_recommendation_get_text (recommendation));

  status = tavla_recommendation_is_overdue (recommendation)
           ? g_strdup_printf (_("%s, overdue"), tavla_recommendation_status_get_label (
                                tavla_recommendation_get_status (recommendation)))
           : g_strdup (tavla_recommendation_status_get_label (tavla_recommendation_get_status (recommendation)));
  tavla_document_add_toned_fact (document, light_tone (light), _("Light"), tavla_light_get_label (light));
  tavla_document_add_fact (document, _("Status"), status);
  tavla_document_add_fact (document, _("Addressed to"), or_dash (tavla_recommendation_get_addressed_to (recommendation)));
  tavla_document_add_fact (document, _("Owner"), or_dash (tavla_recommendation_get_owner (recommendation)));
  tavla_document_add_fact (document, _("Due date"), or_dash (due));

  if (tavla_recommendation_get_response (recommendation) != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Response (%s)"),
                                                or_dash (tavla_recommendation_get_response_date (recommendation)));

      tavla_document_add_fact (document, label, tavla_recommendation_get_response (recommendation));
    }
  else
    tavla_document_add_fact (document, _("Response"), _("Not yet responded"));

  if (tavla_recommendation_get_note (recommendation) != NULL &&
      tavla_recommendation_get_status (recommendation) == TAVLA_RECOMMENDATION_NOT_ACCEPTED)
    tavla_document_add_fact (document, _("Motivation"), tavla_recommendation_get_note (recommendation));

  if (tavla_recommendation_get_assessment (recommendation) != TAVLA_ASSESSMENT_NONE)
    assessment = g_strdup_printf ("%s (%s)",
                                  tavla_assessment_get_label (tavla_recommendation_get_assessment (recommendation)),
                                  or_dash (tavla_recommendation_get_assessment_date (recommendation)));
  else
    assessment = g_strdup (tavla_assessment_get_label (TAVLA_ASSESSMENT_NONE));
  tavla_document_add_fact (document, _("Evidence"), or_dash (tavla_recommendation_get_evidence (recommendation)));
  tavla_document_add_fact (document, _("Auditors’ follow-up"), assessment);

  if (actions->len == 0)
    {
      tavla_document_add_note (document, _("No actions on the improvement board yet."));
      return;
    }

  {
    const char *headings[] = { _("Action"), _("Status"), _("Owner"), _("Due date") };
    static const double shares[] = { 0.46, 0.18, 0.18, 0.18 };

    tavla_document_add_table (document, 4, headings, shares);
    for (guint i = 0; i < actions->len; i++)
      {
        TavlaAction *action = g_ptr_array_index (actions, i);
        g_autofree char *title = g_strdup_printf ("#%" G_GINT64_FORMAT " %s", action->id, action->title);
        g_autofree char *action_status = item_status_label (action->status);
        g_autofree char *action_due = tavla_date_display (action->due);
        TavlaMark mark = TAVLA_MARK_NONE;
        TavlaTone tone = TAVLA_TONE_NONE;
        const char *cells[4];

        if (action->mark != NULL && tavla_mark_from_string (action->mark, &mark))
          {
            tone = mark == TAVLA_MARK_ON_TRACK ? TAVLA_TONE_GREEN
                   : mark == TAVLA_MARK_AT_RISK ? TAVLA_TONE_YELLOW
                   : mark == TAVLA_MARK_OFF_TRACK ? TAVLA_TONE_RED : TAVLA_TONE_NONE;
          }
        cells[0] = title;
        cells[1] = action_status;
        cells[2] = or_dash (action->owner);
        cells[3] = or_dash (action_due);
        tavla_document_add_row (document, tone, cells);
      }
  }
}

/* "2 overdue or assessed not implemented". */
static char *
summary_line (TavlaLight light,
              guint      n)
{
  const char *format = NULL;

  switch (light)
    {
    case TAVLA_LIGHT_RED:
      format = g_dngettext (GETTEXT_PACKAGE, "%u recommendation overdue or assessed not implemented",
                            "%u recommendations overdue or assessed not implemented", n);
      break;
    case TAVLA_LIGHT_YELLOW:
      format = g_dngettext (GETTEXT_PACKAGE, "%u recommendation open and on time",
                            "%u recommendations open and on time", n);
      break;
    case TAVLA_LIGHT_GREEN:
      format = g_dngettext (GETTEXT_PACKAGE, "%u recommendation closed: implemented and verified",
                            "%u recommendations closed: implemented and verified", n);
      break;
    case TAVLA_LIGHT_NONE:
    default:
      format = g_dngettext (GETTEXT_PACKAGE, "%u recommendation not accepted",
                            "%u recommendations not accepted", n);
      break;
    }

  return g_strdup_printf (format, n);
}

TavlaDocument *
tavla_board_build_audit_report (TavlaBoard  *self,
                                const char  *on,
                                GError     **error)
{
  g_autoptr(TavlaDocument) document = NULL;
  g_autoptr(GListModel) audits = NULL;
  g_autofree char *day = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *day_display = NULL;
  guint counts[TAVLA_N_LIGHTS] = { 0 };
  guint n_audits = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (!parse_on (on, &day, error) ||
      (audits = tavla_board_list_audits (self, day, error)) == NULL)
    return NULL;

  document = tavla_document_new (_("Audit recommendations: status report"));
  day_display = tavla_date_display (day);
  subtitle = g_strdup_printf (_("Where every audit recommendation stands on %s."), day_display);
  tavla_document_add_subtitle (document, subtitle);

  n_audits = g_list_model_get_n_items (audits);
  for (guint i = 0; i < n_audits; i++)
    {
      g_autoptr(TavlaAudit) audit = g_list_model_get_item (audits, i);
      GPtrArray *recommendations = tavla_audit_get_recommendations (audit);

      for (guint j = 0; j < recommendations->len; j++)
        counts[tavla_recommendation_get_light (g_ptr_array_index (recommendations, j))]++;
    }

  tavla_document_add_heading (document, _("Summary"));
  if (n_audits == 0)
    tavla_document_add_note (document, _("No audits are registered."));
  else
    {
      static const TavlaLight order[] = { TAVLA_LIGHT_RED, TAVLA_LIGHT_YELLOW, TAVLA_LIGHT_GREEN,
                                          TAVLA_LIGHT_NONE };

      for (guint i = 0; i < G_N_ELEMENTS (order); i++)
        {
          g_autofree char *line = summary_line (order[i], counts[order[i]]);

          tavla_document_add_bullet (document, light_tone (order[i]), line);
        }
    }

  for (guint i = 0; i < n_audits; i++)
    {
      g_autoptr(TavlaAudit) audit = g_list_model_get_item (audits, i);
      GPtrArray *recommendations = tavla_audit_get_recommendations (audit);
      g_autofree char *date = tavla_date_display (tavla_audit_get_date (audit));

      tavla_document_add_heading (document, tavla_audit_get_title (audit));
      tavla_document_add_fact (document, _("Auditor"), tavla_audit_get_auditor (audit));
      tavla_document_add_fact (document, _("Report date"), date);
      tavla_document_add_fact (document, _("Audited body"), tavla_audit_get_body (audit));
      tavla_document_add_fact (document, _("Reference"), or_dash (tavla_audit_get_reference (audit)));
      if (tavla_audit_get_assessment (audit) != NULL)
        {
          tavla_document_add_subheading (document, _("Overall assessment"));
          tavla_document_add_paragraph (document, tavla_audit_get_assessment (audit));
        }
      if (recommendations->len == 0)
        tavla_document_add_note (document, _("The audit made no recommendations."));
      for (guint j = 0; j < recommendations->len; j++)
        add_recommendation (document, g_ptr_array_index (recommendations, j), j + 1);
    }

  return g_steal_pointer (&document);
}
