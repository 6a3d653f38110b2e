/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-board-agreements.h"
#include "tavla-board-private.h"
#include "tavla-date.h"
#include "tavla-error.h"
#include "tavla-store-agreements.h"

/*
 * The rules of delivery agreements and case types (issue 4). Every check
 * happens before the first write; every write and its history rows share
 * one transaction.
 */

#define MAX_SECTION_LENGTH 20000
#define MAX_NAME_LENGTH    200
#define MAX_QUALITY_LENGTH 2000
#define MAX_DAYS           365
#define MAX_REVIEW_MONTHS  120

#define MODEL_KEY "tavla-board-agreements-model"
#define STAMP_KEY "tavla-board-agreements-stamp"

static TavlaAgreementStore *
get_agreement_store (TavlaBoard  *self,
                     GError     **error)
{
  TavlaStore *store = tavla_board_get_store (self);

  if (!TAVLA_IS_AGREEMENT_STORE (store))
    {
      g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                           _("This kind of database does not hold delivery agreements."));
      return NULL;
    }

  return TAVLA_AGREEMENT_STORE (store);
}

static gboolean
parse_whole (const char *text,
             gint64     *out_value)
{
  char *end = NULL;
  gint64 value = 0;

  if (text == NULL || *text == '\0')
    return FALSE;

  errno = 0;
  value = g_ascii_strtoll (text, &end, 10);
  if (errno != 0 || end == text || *end != '\0')
    return FALSE;

  *out_value = value;
  return TRUE;
}

static char *
dup_number (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* ---- The board-owned model ---------------------------------------------- */

static GPtrArray *
pick_current (GPtrArray *all)
{
  GPtrArray *current = g_ptr_array_new_with_free_func (g_object_unref);
  guint start = 0;

  while (start < all->len)
    {
      TavlaAgreement *first = g_ptr_array_index (all, start);
      gint64 department_id = tavla_agreement_get_department_id (first);
      TavlaAgreement *active = NULL;
      TavlaAgreement *draft = NULL;
      TavlaAgreement *latest = NULL;
      guint end = start;

      for (; end < all->len; end++)
        {
          TavlaAgreement *agreement = g_ptr_array_index (all, end);

          if (tavla_agreement_get_department_id (agreement) != department_id)
            break;
          if (tavla_agreement_get_stored_status (agreement) == TAVLA_AGREEMENT_STATUS_ACTIVE)
            active = agreement;
          else if (tavla_agreement_get_stored_status (agreement) == TAVLA_AGREEMENT_STATUS_DRAFT)
            draft = agreement;
          latest = agreement;
        }

      g_ptr_array_add (current, g_object_ref (active != NULL ? active : draft != NULL ? draft : latest));
      start = end;
    }

  return current;
}

static gboolean
same_agreement (TavlaAgreement *a,
                TavlaAgreement *b)
{
  return tavla_agreement_get_id (a) == tavla_agreement_get_id (b) &&
         tavla_agreement_get_version (a) == tavla_agreement_get_version (b) &&
         tavla_agreement_get_status (a) == tavla_agreement_get_status (b) &&
         tavla_agreement_get_case_types (a)->len == tavla_agreement_get_case_types (b)->len &&
         g_strcmp0 (tavla_agreement_get_department (a), tavla_agreement_get_department (b)) == 0;
}

static GListStore *
get_model (TavlaBoard *self)
{
  GListStore *model = g_object_get_data (G_OBJECT (self), MODEL_KEY);

  if (model == NULL)
    {
      model = g_list_store_new (TAVLA_TYPE_AGREEMENT);
      g_object_set_data_full (G_OBJECT (self), MODEL_KEY, model, g_object_unref);
      tavla_board_reload_agreements (self, NULL);
    }

  return model;
}

/* Reloads the model; @any_version: a change to any version counts, not
 * only to the current ones the model holds. */
static gboolean
reload_model (TavlaBoard  *self,
              gboolean     any_version,
              GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GString) stamp = NULL;
  g_autofree char *today = tavla_date_today ();
  TavlaAgreementStore *store = NULL;
  GListStore *model = NULL;
  guint n_items = 0;
  gboolean differs = FALSE;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);

  model = get_model (self);
  if ((store = get_agreement_store (self, error)) == NULL ||
      (all = tavla_agreement_store_list_agreements (store, 0, today, error)) == NULL)
    return FALSE;

  /* Every version's id and row version: after another process's commit a
   * change to a draft behind the active agreement (which the model does
   * not hold) counts too, so pages showing that draft hear of it. */
  stamp = g_string_new (NULL);
  for (guint i = 0; i < all->len; i++)
    g_string_append_printf (stamp, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ";",
                            tavla_agreement_get_id (g_ptr_array_index (all, i)),
                            tavla_agreement_get_version (g_ptr_array_index (all, i)));

  current = pick_current (all);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  differs = n_items != current->len ||
            (any_version && g_strcmp0 (g_object_get_data (G_OBJECT (self), STAMP_KEY), stamp->str) != 0);
  g_object_set_data_full (G_OBJECT (self), STAMP_KEY, g_string_free (g_steal_pointer (&stamp), FALSE), g_free);
  for (guint i = 0; !differs && i < n_items; i++)
    {
      g_autoptr(TavlaAgreement) shown = g_list_model_get_item (G_LIST_MODEL (model), i);

      differs = !same_agreement (shown, g_ptr_array_index (current, i));
    }

  if (differs)
    g_list_store_splice (model, 0, n_items, current->pdata, current->len);

  return differs;
}

gboolean
tavla_board_reload_agreements (TavlaBoard  *self,
                               GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);

  return reload_model (self, FALSE, error);
}

GListModel *
tavla_board_get_agreements (TavlaBoard *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  return G_LIST_MODEL (get_model (self));
}

void
tavla_board_agreements_refresh (TavlaBoard *self)
{
  g_autoptr(GError) error = NULL;

  if (g_object_get_data (G_OBJECT (self), MODEL_KEY) == NULL)
    return;

  /* The model keeps what it showed; the next refresh tries again. */
  if (!reload_model (self, TRUE, &error) && error != NULL)
    g_debug ("Could not reload the agreements: %s", error->message);
}

/* After a committed write. */
static void
agreements_written (TavlaBoard *self)
{
  if (!tavla_board_in_batch (self) && g_object_get_data (G_OBJECT (self), MODEL_KEY) != NULL)
    tavla_board_reload_agreements (self, NULL);
}

/* ---- Reading ------------------------------------------------------------ */

TavlaAgreement *
tavla_board_get_agreement (TavlaBoard  *self,
                           gint64       id,
                           GError     **error)
{
  g_autofree char *today = tavla_date_today ();
  TavlaAgreementStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = get_agreement_store (self, error)) == NULL)
    return NULL;

  return tavla_agreement_store_get_agreement (store, id, today, error);
}

GListModel *
tavla_board_list_agreements (TavlaBoard                 *self,
                             const TavlaAgreementQuery  *query,
                             GError                    **error)
{
  g_autoptr(GListStore) result = g_list_store_new (TAVLA_TYPE_AGREEMENT);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(TavlaDepartment) department = NULL;
  g_autofree char *on = NULL;
  g_autofree char *limit = NULL;
  TavlaAgreementQuery none = { 0 };
  TavlaAgreementStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (query == NULL)
    query = &none;

  if ((store = get_agreement_store (self, error)) == NULL)
    return NULL;

  if (query->department != NULL &&
      (department = tavla_board_find_department_for (self, query->department, NULL, error)) == NULL)
    return NULL;

  if (!tavla_board_parse_date (query->on, "on", _("Date"), &on, NULL, error))
    return NULL;
  if (on == NULL)
    on = tavla_date_today ();
  if (query->within_days > 36500)
    {
      tavla_board_set_input_error (error, _("Within is more than 100 years; write a number of days up to 36500."));
      return NULL;
    }
  limit = tavla_date_add_days (on, (int) query->within_days);

  all = tavla_agreement_store_list_agreements (store,
                                               department != NULL ? tavla_department_get_id (department) : 0,
                                               on, error);
  if (all == NULL)
    return NULL;

  chosen = query->current_only ? pick_current (all) : g_ptr_array_ref (all);

  for (guint i = 0; i < chosen->len; i++)
    {
      TavlaAgreement *agreement = g_ptr_array_index (chosen, i);
      const char *due = tavla_agreement_get_review_due (agreement);

      if (query->review_due &&
          (tavla_agreement_get_stored_status (agreement) != TAVLA_AGREEMENT_STATUS_ACTIVE ||
           due == NULL || strcmp (due, limit) > 0))
        continue;

      g_list_store_append (result, agreement);
    }

  return G_LIST_MODEL (g_steal_pointer (&result));
}

GListModel *
tavla_board_list_agreement_versions (TavlaBoard  *self,
                                     gint64       department_id,
                                     GError     **error)
{
  g_autoptr(GListStore) result = g_list_store_new (TAVLA_TYPE_AGREEMENT);
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *today = tavla_date_today ();
  TavlaAgreementStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (department_id <= 0)
    {
      g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND,
                           _("There is no such department; see “department list”."));
      return NULL;
    }

  if ((store = get_agreement_store (self, error)) == NULL ||
      (all = tavla_agreement_store_list_agreements (store, department_id, today, error)) == NULL)
    return NULL;

  g_list_store_splice (result, 0, 0, all->pdata, all->len);

  return G_LIST_MODEL (g_steal_pointer (&result));
}

GListModel *
tavla_board_list_agreement_history (TavlaBoard  *self,
                                    gint64       id,
                                    GError     **error)
{
  g_autoptr(GListStore) result = g_list_store_new (TAVLA_TYPE_HISTORY_ENTRY);
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(GPtrArray) history = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((agreement = tavla_board_get_agreement (self, id, error)) == NULL ||
      (history = tavla_store_list_history (tavla_board_get_store (self), "agreement", id, error)) == NULL)
    return NULL;

  g_list_store_splice (result, 0, 0, history->pdata, history->len);

  return G_LIST_MODEL (g_steal_pointer (&result));
}

GPtrArray *
tavla_board_diff_agreements (TavlaBoard  *self,
                             gint64       old_id,
                             gint64       new_id,
                             GError     **error)
{
  g_autoptr(TavlaAgreement) old_agreement = NULL;
  g_autoptr(TavlaAgreement) new_agreement = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((old_agreement = tavla_board_get_agreement (self, old_id, error)) == NULL ||
      (new_agreement = tavla_board_get_agreement (self, new_id, error)) == NULL)
    return NULL;

  return tavla_agreement_diff (old_agreement, new_agreement);
}

char *
tavla_agreement_describe_history (TavlaHistoryEntry *entry)
{
  const char *field = NULL;
  const char *old_value = NULL;
  const char *new_value = NULL;
  TavlaSection section = TAVLA_SECTION_RESPONSIBILITIES;
  TavlaAgreementStatus status = TAVLA_AGREEMENT_STATUS_DRAFT;

  g_return_val_if_fail (TAVLA_IS_HISTORY_ENTRY (entry), NULL);

  field = tavla_history_entry_get_field (entry);
  old_value = tavla_history_entry_get_old_value (entry);
  new_value = tavla_history_entry_get_new_value (entry);

  if (g_str_equal (field, "created"))
    {
      if (tavla_history_entry_get_note (entry) != NULL)
        return g_strdup_printf (_("Created as version %s (%s)"), new_value != NULL ? new_value : "—",
                                tavla_history_entry_get_note (entry));
      return g_strdup_printf (_("Created as version %s"), new_value != NULL ? new_value : "—");
    }
  if (g_str_equal (field, "revised"))
    return g_strdup_printf (_("Revised: version %s drafted"), new_value != NULL ? new_value : "—");
  if (g_str_equal (field, "status"))
    {
      const char *old_label = tavla_agreement_status_from_string (old_value, &status)
                              ? tavla_agreement_status_get_label (status) : "—";
      const char *new_label = tavla_agreement_status_from_string (new_value, &status)
                              ? tavla_agreement_status_get_label (status) : "—";

      return g_strdup_printf (_("Status: %s → %s"), old_label, new_label);
    }
  if (g_str_equal (field, "signed"))
    return g_strdup_printf (_("Signed on %s"), new_value != NULL ? new_value : "—");
  if (g_str_equal (field, "valid-from"))
    return g_strdup_printf (_("Valid from: %s → %s"), old_value != NULL ? old_value : "—",
                            new_value != NULL ? new_value : "—");
  if (g_str_equal (field, "valid-to"))
    return g_strdup_printf (_("Valid to: %s → %s"), old_value != NULL ? old_value : "—",
                            new_value != NULL ? new_value : "—");
  if (g_str_equal (field, "review-months"))
    return g_strdup_printf (_("Review interval: %s → %s months"), old_value != NULL ? old_value : "—",
                            new_value != NULL ? new_value : "—");
  if (g_str_equal (field, "signatories"))
    return g_strdup_printf (_("Signatories: %s"), new_value != NULL ? new_value : "—");
  if (g_str_has_prefix (field, "section:") && tavla_section_from_string (field + strlen ("section:"), &section))
    return g_strdup_printf (_("Section “%s” edited"), tavla_section_get_label (section));
  if (g_str_equal (field, "case-type"))
    return g_strdup_printf (_("Case type “%s” added"), new_value != NULL ? new_value : "—");
  if (g_str_equal (field, "case-type-edited"))
    return g_strdup_printf (_("Case type “%s” edited"), new_value != NULL ? new_value : "—");
  if (g_str_equal (field, "revision-needed"))
    return g_strdup (g_strcmp0 (new_value, "1") == 0
                     ? _("Marked “revision needed”: a new version must be signed")
                     : _("Revision no longer needed"));

  return g_strdup_printf ("%s: %s → %s", field, old_value != NULL ? old_value : "—",
                          new_value != NULL ? new_value : "—");
}

/* ---- Checks --------------------------------------------------------------- */

typedef struct
{
  char      *signed_date;
  char      *valid_from;
  char      *valid_to;
  guint      review_months;
  gboolean   has_review_months;
  GPtrArray *signatories;    /* NULL when not given */
} Checked;

static void
checked_clear (Checked *checked)
{
  g_clear_pointer (&checked->signed_date, g_free);
  g_clear_pointer (&checked->valid_from, g_free);
  g_clear_pointer (&checked->valid_to, g_free);
  g_clear_pointer (&checked->signatories, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Checked, checked_clear)

static gboolean
check_input (const TavlaAgreementInput  *input,
             Checked                    *out,
             const char                **out_field,
             GError                    **error)
{
  g_autofree char *months = tavla_board_dup_trimmed (input->review_months);
  const char *start = NULL;

  if (!tavla_board_parse_date (input->signed_date, "signed", _("Signed"), &out->signed_date, out_field, error) ||
      !tavla_board_parse_date (input->valid_from, "valid-from", _("Valid from"), &out->valid_from, out_field, error) ||
      !tavla_board_parse_date (input->valid_to, "valid-to", _("Valid to"), &out->valid_to, out_field, error))
    return FALSE;

  if (months != NULL)
    {
      gint64 value = 0;

      if (!parse_whole (months, &value) || value < 1 || value > MAX_REVIEW_MONTHS)
        return tavla_board_field_errorf ("review-months", out_field, error,
                             _("Review months “%s” is not a whole number from 1 to 120; write how many "
                               "months after signing the agreement is reviewed, like 12."), months);
      out->review_months = value;
      out->has_review_months = TRUE;
    }

  start = out->valid_from != NULL ? out->valid_from : out->signed_date;
  if (out->valid_to != NULL && start != NULL && strcmp (out->valid_to, start) < 0)
    return tavla_board_field_errorf ("valid-to", out_field, error,
                         _("Valid to (%s) is before %s (%s); write a valid-to date on or after it."),
                         out->valid_to, out->valid_from != NULL ? _("valid from") : _("the signing date"),
                         start);

  if (input->signatories != NULL)
    {
      out->signatories = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_signatory_free);
      for (guint i = 0; input->signatories[i] != NULL; i++)
        {
          TavlaSignatory *signatory = tavla_signatory_parse (input->signatories[i], i, error);

          if (signatory == NULL)
            {
              if (out_field != NULL)
                *out_field = "signatory";
              return FALSE;
            }
          signatory->signed_date = g_strdup (out->signed_date);
          g_ptr_array_add (out->signatories, signatory);
        }
    }

  return TRUE;
}

static char *
signatories_text (GPtrArray *signatories)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; signatories != NULL && i < signatories->len; i++)
    {
      const TavlaSignatory *signatory = g_ptr_array_index (signatories, i);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s:%s:%s", signatory->name, signatory->role,
                              tavla_party_to_string (signatory->party));
    }

  return g_string_free (text, FALSE);
}

static void
row_from_agreement (TavlaStoreAgreementRow *row,
                    TavlaAgreement         *agreement)
{
  row->id = tavla_agreement_get_id (agreement);
  row->version = tavla_agreement_get_version (agreement);
  row->department_id = tavla_agreement_get_department_id (agreement);
  row->version_number = tavla_agreement_get_version_number (agreement);
  row->status = tavla_agreement_get_stored_status (agreement);
  row->signed_date = tavla_agreement_get_signed (agreement);
  row->valid_from = tavla_agreement_get_valid_from (agreement);
  row->valid_to = tavla_agreement_get_valid_to (agreement);
  row->review_months = tavla_agreement_get_review_months (agreement);
  row->revision_needed = tavla_agreement_get_revision_needed (agreement);
  row->created = tavla_agreement_get_created (agreement);
  row->updated = tavla_agreement_get_updated (agreement);
}

/* The agreements of one department, by stored status. */
typedef struct
{
  GPtrArray      *all;
  TavlaAgreement *active;
  TavlaAgreement *draft;
  guint           max_version;
} Versions;

static void
versions_clear (Versions *versions)
{
  g_clear_pointer (&versions->all, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Versions, versions_clear)

static gboolean
load_versions (TavlaAgreementStore  *store,
               gint64                department_id,
               Versions             *out,
               GError              **error)
{
  g_autofree char *today = tavla_date_today ();

  if ((out->all = tavla_agreement_store_list_agreements (store, department_id, today, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < out->all->len; i++)
    {
      TavlaAgreement *agreement = g_ptr_array_index (out->all, i);

      if (tavla_agreement_get_stored_status (agreement) == TAVLA_AGREEMENT_STATUS_ACTIVE)
        out->active = agreement;
      else if (tavla_agreement_get_stored_status (agreement) == TAVLA_AGREEMENT_STATUS_DRAFT)
        out->draft = agreement;
      out->max_version = MAX (out->max_version, tavla_agreement_get_version_number (agreement));
    }

  return TRUE;
}

/* TRUE (with @error set) when the agreement moved on from the version the
 * caller based its change on. */
static gboolean
refuse_stale (TavlaAgreement  *agreement,
              gint64           expected_version,
              GError         **error)
{
  if (expected_version == 0 || tavla_agreement_get_version (agreement) == expected_version)
    return FALSE;

  g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT,
                       _("Someone else changed this agreement first; reload it and make the change again."));
  return TRUE;
}

static gboolean
refuse_not_draft (TavlaAgreement  *agreement,
                  const char     **out_field,
                  GError         **error)
{
  g_autofree char *id = NULL;

  if (tavla_agreement_get_stored_status (agreement) == TAVLA_AGREEMENT_STATUS_DRAFT)
    return FALSE;

  id = dup_number (tavla_agreement_get_id (agreement));
  tavla_board_field_errorf ("agreement", out_field, error,
                _("Agreement %s is %s, and only a draft can be edited; make a new version with "
                  "“agreement revise %s” and edit that."),
                id, tavla_agreement_status_get_label (tavla_agreement_get_status (agreement)), id);
  return TRUE;
}

/* ---- Writing -------------------------------------------------------------- */

TavlaAgreement *
tavla_board_add_agreement (TavlaBoard                 *self,
                           const TavlaAgreementInput  *input,
                           const char                 *actor_in,
                           const char                **out_field,
                           GError                    **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *version_text = NULL;
  g_autofree char *signatories = NULL;
  g_autoptr(TavlaDepartment) department = NULL;
  g_auto(Checked) checked = { 0 };
  g_auto(Versions) versions = { 0 };
  TavlaStoreAgreementRow row = { 0 };
  TavlaAgreementStore *store = NULL;
  gint64 change_id = 0;
  gint64 id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if ((store = get_agreement_store (self, error)) == NULL ||
      (department = tavla_board_find_department_for (self, input->department, out_field, error)) == NULL ||
      !check_input (input, &checked, out_field, error) ||
      !load_versions (store, tavla_department_get_id (department), &versions, error))
    return NULL;

  if (checked.signed_date != NULL && versions.active != NULL)
    {
      g_autofree char *other = dup_number (tavla_agreement_get_id (versions.active));

      tavla_board_field_errorf ("department", out_field, error,
                    _("%s already has an active agreement (agreement %s, version %u), and a department "
                      "has one at a time; revise it with “agreement revise %s” and sign the new version."),
                    tavla_department_get_name (department), other,
                    tavla_agreement_get_version_number (versions.active), other);
      return NULL;
    }
  if (versions.draft != NULL)
    {
      g_autofree char *other = dup_number (tavla_agreement_get_id (versions.draft));

      tavla_board_field_errorf ("department", out_field, error,
                    _("%s already has a draft agreement (agreement %s); edit and sign that one, "
                      "a department has one draft at a time."),
                    tavla_department_get_name (department), other);
      return NULL;
    }

  row.department_id = tavla_department_get_id (department);
  row.version_number = versions.max_version + 1;
  row.status = checked.signed_date != NULL ? TAVLA_AGREEMENT_STATUS_ACTIVE : TAVLA_AGREEMENT_STATUS_DRAFT;
  row.signed_date = checked.signed_date;
  /* As when signing: an agreement applies from its signing day unless
   * told otherwise. */
  row.valid_from = checked.valid_from != NULL ? checked.valid_from : checked.signed_date;
  row.valid_to = checked.valid_to;
  row.review_months = checked.has_review_months ? checked.review_months : TAVLA_AGREEMENT_DEFAULT_REVIEW_MONTHS;
  row.created = now;
  row.updated = now;

  version_text = g_strdup_printf ("%u", row.version_number);

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((id = tavla_agreement_store_insert_agreement (store, &row, error)) == 0 ||
      (checked.signatories != NULL &&
       !tavla_agreement_store_set_signatories (store, id, checked.signatories, error)) ||
      (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) == 0 ||
      !tavla_board_write_history (self, "agreement", id, change_id, now, actor, "created",
                                  NULL, version_text, NULL, 0, error) ||
      (checked.signed_date != NULL &&
       (!tavla_board_write_history (self, "agreement", id, change_id, now, actor, "status",
                                    NULL, "active", NULL, 0, error) ||
        !tavla_board_write_history (self, "agreement", id, change_id, now, actor, "signed",
                                    NULL, checked.signed_date, NULL, 0, error))))
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  agreements_written (self);

  return tavla_board_get_agreement (self, id, error);
}

TavlaAgreement *
tavla_board_update_agreement (TavlaBoard                 *self,
                              gint64                      id,
                              gint64                      expected_version,
                              const TavlaAgreementInput  *input,
                              const char                 *actor_in,
                              const char                **out_field,
                              GError                    **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *old_months = NULL;
  g_autofree char *new_months = NULL;
  g_autofree char *old_signatories = NULL;
  g_autofree char *new_signatories = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_auto(Checked) checked = { 0 };
  TavlaStoreAgreementRow row = { 0 };
  TavlaAgreementStore *store = NULL;
  const char *start = NULL;
  gint64 change_id = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if ((store = get_agreement_store (self, error)) == NULL ||
      (agreement = tavla_board_get_agreement (self, id, error)) == NULL ||
      refuse_stale (agreement, expected_version, error) ||
      refuse_not_draft (agreement, out_field, error))
    return NULL;

  if (tavla_board_is_given (input->signed_date))
    {
      tavla_board_field_error ("signed", out_field, error,
                   _("A draft gets its signing date when it is signed; use “agreement sign ID --date DATE”."));
      return NULL;
    }

  if (!check_input (input, &checked, out_field, error))
    return NULL;

  row_from_agreement (&row, agreement);
  if (input->valid_from != NULL)
    row.valid_from = checked.valid_from;
  if (input->valid_to != NULL)
    row.valid_to = checked.valid_to;
  if (checked.has_review_months)
    row.review_months = checked.review_months;
  row.updated = now;

  start = row.valid_from;
  if (row.valid_to != NULL && start != NULL && strcmp (row.valid_to, start) < 0)
    {
      tavla_board_field_errorf ("valid-to", out_field, error,
                    _("Valid to (%s) is before valid from (%s); write a valid-to date on or after it."),
                    row.valid_to, start);
      return NULL;
    }

  old_months = g_strdup_printf ("%u", tavla_agreement_get_review_months (agreement));
  new_months = g_strdup_printf ("%u", row.review_months);
  old_signatories = signatories_text (tavla_agreement_get_signatories (agreement));
  new_signatories = checked.signatories != NULL ? signatories_text (checked.signatories) : g_strdup (old_signatories);

  if (g_strcmp0 (row.valid_from, tavla_agreement_get_valid_from (agreement)) == 0 &&
      g_strcmp0 (row.valid_to, tavla_agreement_get_valid_to (agreement)) == 0 &&
      g_str_equal (old_months, new_months) &&
      g_str_equal (old_signatories, new_signatories))
    return g_steal_pointer (&agreement);

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  ok = (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) != 0 &&
       tavla_agreement_store_update_agreement (store, &row, error);
  if (ok && g_strcmp0 (row.valid_from, tavla_agreement_get_valid_from (agreement)) != 0)
    ok = tavla_board_write_history (self, "agreement", id, change_id, now, actor, "valid-from",
                                    tavla_agreement_get_valid_from (agreement), row.valid_from, NULL, 0, error);
  if (ok && g_strcmp0 (row.valid_to, tavla_agreement_get_valid_to (agreement)) != 0)
    ok = tavla_board_write_history (self, "agreement", id, change_id, now, actor, "valid-to",
                                    tavla_agreement_get_valid_to (agreement), row.valid_to, NULL, 0, error);
  if (ok && !g_str_equal (old_months, new_months))
    ok = tavla_board_write_history (self, "agreement", id, change_id, now, actor, "review-months",
                                    old_months, new_months, NULL, 0, error);
  if (ok && !g_str_equal (old_signatories, new_signatories))
    ok = tavla_agreement_store_set_signatories (store, id, checked.signatories, error) &&
         tavla_board_write_history (self, "agreement", id, change_id, now, actor, "signatories",
                                    old_signatories, new_signatories, NULL, 0, error);

  if (!ok)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  agreements_written (self);

  return tavla_board_get_agreement (self, id, error);
}

TavlaAgreement *
tavla_board_set_agreement_section (TavlaBoard   *self,
                                   gint64        id,
                                   gint64        expected_version,
                                   const char   *section_name,
                                   const char   *text,
                                   const char   *actor_in,
                                   const char  **out_field,
                                   GError      **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *clean = NULL;
  g_autofree char *field = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  TavlaStoreAgreementRow row = { 0 };
  TavlaAgreementStore *store = NULL;
  TavlaSection section = TAVLA_SECTION_RESPONSIBILITIES;
  const char *old_text = NULL;
  gint64 change_id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = get_agreement_store (self, error)) == NULL ||
      (agreement = tavla_board_get_agreement (self, id, error)) == NULL ||
      refuse_stale (agreement, expected_version, error))
    return NULL;

  if (!tavla_section_from_string (section_name, &section))
    {
      tavla_board_field_errorf ("name", out_field, error,
                    _("Section “%s” does not exist; write one of responsibilities, case-types, process, "
                      "statistics, on-call, knowledge, billing."),
                    section_name != NULL ? section_name : "");
      return NULL;
    }

  if (refuse_not_draft (agreement, out_field, error))
    return NULL;

  if (text == NULL)
    {
      tavla_board_field_error ("text", out_field, error,
                   _("Text is missing; write the section’s text (an empty text empties the section)."));
      return NULL;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      tavla_board_field_error ("text", out_field, error, _("Text is not valid UTF-8; save it as UTF-8 and try again."));
      return NULL;
    }

  clean = g_strstrip (g_strdup (text));
  if (g_utf8_strlen (clean, -1) > MAX_SECTION_LENGTH)
    {
      tavla_board_field_error ("text", out_field, error,
                   _("Text is longer than 20,000 characters; shorten the section or move details to an "
                     "appendix."));
      return NULL;
    }

  old_text = tavla_agreement_get_section (agreement, section);
  if (g_str_equal (old_text, clean))
    return g_steal_pointer (&agreement);

  field = g_strconcat ("section:", tavla_section_to_string (section), NULL);
  row_from_agreement (&row, agreement);
  row.updated = now;

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if (!tavla_agreement_store_set_section (store, id, section, clean, error) ||
      !tavla_agreement_store_update_agreement (store, &row, error) ||
      (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) == 0 ||
      !tavla_board_write_history (self, "agreement", id, change_id, now, actor, field,
                                  *old_text != '\0' ? old_text : NULL, *clean != '\0' ? clean : NULL,
                                  NULL, 0, error))
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  agreements_written (self);

  return tavla_board_get_agreement (self, id, error);
}

/* A case type's values once checked; the strings owned. */
typedef struct
{
  char           *name;
  TavlaRosaClass  rosa_class;
  int             days;
  char           *quality;
  TavlaHandledBy  handled_by;
  gint64          contact_id;
  char           *contact;
} CaseTypeChecked;

static void
case_type_checked_clear (CaseTypeChecked *checked)
{
  g_clear_pointer (&checked->name, g_free);
  g_clear_pointer (&checked->quality, g_free);
  g_clear_pointer (&checked->contact, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CaseTypeChecked, case_type_checked_clear)

static gboolean
refuse_closed_agreement (TavlaAgreement  *agreement,
                         gboolean         adding,
                         const char     **out_field,
                         GError         **error)
{
  TavlaAgreementStatus status = tavla_agreement_get_status (agreement);
  g_autofree char *number = NULL;

  if (status != TAVLA_AGREEMENT_STATUS_SUPERSEDED && status != TAVLA_AGREEMENT_STATUS_EXPIRED)
    return FALSE;

  number = dup_number (tavla_agreement_get_id (agreement));
  if (adding)
    tavla_board_field_errorf ("agreement", out_field, error,
                  _("Agreement %s is %s and takes no new case types; add it to the department’s "
                    "current agreement, or revise this one with “agreement revise %s”."),
                  number, tavla_agreement_status_get_label (status), number);
  else
    tavla_board_field_errorf ("agreement", out_field, error,
                  _("Agreement %s is %s and its case types can no longer be changed; change them in "
                    "the department’s current agreement, or revise this one with “agreement revise %s”."),
                  number, tavla_agreement_status_get_label (status), number);
  return TRUE;
}

/* Checks @input against @agreement's case types. @current NULL: a new case
 * type (every field as typed); else the one being changed, whose values
 * fill the fields of @input that are NULL. */
static gboolean
check_case_type (TavlaBoard                *self,
                 TavlaAgreement            *agreement,
                 TavlaCaseType             *current,
                 const TavlaCaseTypeInput  *input,
                 CaseTypeChecked           *out,
                 const char               **out_field,
                 GError                   **error)
{
  g_autofree char *rosa = NULL;
  g_autofree char *days_text = NULL;
  g_autofree char *handled_by = NULL;
  g_autofree char *folded = NULL;
  GPtrArray *existing = NULL;

  if (current != NULL && input->name == NULL)
    out->name = g_strdup (tavla_case_type_get_name (current));
  else
    out->name = tavla_board_dup_trimmed (input->name);
  if (out->name == NULL)
    return tavla_board_field_error ("name", out_field, error,
                        _("Name is empty; write the case type, like “Parkeringstillstånd”."));
  if (g_utf8_strlen (out->name, -1) > MAX_NAME_LENGTH)
    return tavla_board_field_error ("name", out_field, error, _("Name is longer than 200 characters; shorten it."));

  existing = tavla_agreement_get_case_types (agreement);
  folded = g_utf8_casefold (out->name, -1);
  for (guint i = 0; i < existing->len; i++)
    {
      TavlaCaseType *case_type = g_ptr_array_index (existing, i);
      g_autofree char *other = NULL;

      if (current != NULL && tavla_case_type_get_id (case_type) == tavla_case_type_get_id (current))
        continue;
      other = g_utf8_casefold (tavla_case_type_get_name (case_type), -1);
      if (g_str_equal (other, folded))
        return tavla_board_field_errorf ("name", out_field, error,
                             _("The agreement already has a case type “%s”; use a different name."), out->name);
    }

  if (current != NULL && input->rosa == NULL)
    out->rosa_class = tavla_case_type_get_rosa_class (current);
  else if ((rosa = tavla_board_dup_trimmed (input->rosa)) == NULL)
    return tavla_board_field_error ("rosa", out_field, error,
                        _("ROSA class is empty; write one of information, guidance, administration, rule-based, "
                          "qualified, evaluative, political."));
  else if (!tavla_rosa_class_from_string (rosa, &out->rosa_class))
    return tavla_board_field_errorf ("rosa", out_field, error,
                         _("ROSA class “%s” does not exist; write one of information, guidance, administration, "
                           "rule-based, qualified, evaluative, political."), rosa);

  out->days = -1;
  if (current != NULL && input->days == NULL)
    out->days = tavla_case_type_get_days (current);
  else if ((days_text = tavla_board_dup_trimmed (input->days)) != NULL)
    {
      gint64 days = 0;

      if (!parse_whole (days_text, &days) || days < 0 || days > MAX_DAYS)
        return tavla_board_field_errorf ("days", out_field, error,
                             _("Days “%s” is not a whole number from 0 to 365; write the time frame in working "
                               "days, like 5."), days_text);
      out->days = days;
    }

  if (current != NULL && input->quality == NULL)
    out->quality = g_strdup (tavla_case_type_get_quality (current));
  else
    out->quality = tavla_board_dup_trimmed (input->quality);
  if (out->quality != NULL && g_utf8_strlen (out->quality, -1) > MAX_QUALITY_LENGTH)
    return tavla_board_field_error ("quality", out_field, error,
                        _("Quality requirement is longer than 2,000 characters; shorten it."));

  out->handled_by = TAVLA_HANDLED_BY_CENTRE;
  if (current != NULL && input->handled_by == NULL)
    out->handled_by = tavla_case_type_get_handled_by (current);
  else if ((handled_by = tavla_board_dup_trimmed (input->handled_by)) != NULL &&
           !tavla_handled_by_from_string (handled_by, &out->handled_by))
    return tavla_board_field_errorf ("handled-by", out_field, error,
                         _("Handled by “%s” is not known; write “centre” or “department”."), handled_by);

  if (current != NULL && input->contact == NULL)
    {
      out->contact = g_strdup (tavla_case_type_get_contact (current));
      out->contact_id = tavla_case_type_get_contact_id (current);
    }
  else if ((out->contact = tavla_board_dup_trimmed (input->contact)) != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      out->contact_id = tavla_store_find_person_id (tavla_board_get_store (self), out->contact, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (out->contact_id == 0)
        return tavla_board_field_errorf ("contact", out_field, error,
                             _("Contact “%s” is not a known person; write the name of someone on the board "
                               "(see “person list”) or add them first."), out->contact);
    }

  return TRUE;
}

TavlaCaseType *
tavla_board_add_case_type (TavlaBoard                 *self,
                           gint64                      agreement_id,
                           const TavlaCaseTypeInput   *input,
                           const char                 *actor_in,
                           const char                **out_field,
                           GError                    **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(TavlaAgreement) updated = NULL;
  g_auto(CaseTypeChecked) checked = { 0 };
  TavlaStoreCaseTypeRow row = { 0 };
  TavlaStoreAgreementRow agreement_row = { 0 };
  TavlaAgreementStore *store = NULL;
  gboolean mark_revision = FALSE;
  gint64 change_id = 0;
  gint64 id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if ((store = get_agreement_store (self, error)) == NULL ||
      (agreement = tavla_board_get_agreement (self, agreement_id, error)) == NULL ||
      refuse_closed_agreement (agreement, TRUE, out_field, error) ||
      !check_case_type (self, agreement, NULL, input, &checked, out_field, error))
    return NULL;

  row.agreement_id = agreement_id;
  row.name = checked.name;
  row.rosa_class = checked.rosa_class;
  row.days = checked.days;
  row.quality = checked.quality;
  row.handled_by = checked.handled_by;
  row.contact_id = checked.contact_id;
  row.created = now;

  mark_revision = tavla_agreement_get_stored_status (agreement) == TAVLA_AGREEMENT_STATUS_ACTIVE &&
                  !tavla_agreement_get_revision_needed (agreement);
  row_from_agreement (&agreement_row, agreement);
  agreement_row.updated = now;
  if (tavla_agreement_get_stored_status (agreement) == TAVLA_AGREEMENT_STATUS_ACTIVE)
    agreement_row.revision_needed = TRUE;

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((id = tavla_agreement_store_insert_case_type (store, &row, error)) == 0 ||
      !tavla_agreement_store_update_agreement (store, &agreement_row, error) ||
      (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) == 0 ||
      !tavla_board_write_history (self, "casetype", id, change_id, now, actor, "created",
                                  NULL, checked.name, NULL, 0, error) ||
      !tavla_board_write_history (self, "agreement", agreement_id, change_id, now, actor, "case-type",
                                  NULL, checked.name, NULL, 0, error) ||
      (mark_revision &&
       !tavla_board_write_history (self, "agreement", agreement_id, change_id, now, actor, "revision-needed",
                                   "0", "1", NULL, 0, error)))
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  agreements_written (self);

  if ((updated = tavla_board_get_agreement (self, agreement_id, error)) == NULL)
    return NULL;

  return g_object_ref (tavla_agreement_find_case_type (updated, id));
}

/* The agreement holding case type @id, and that case type (borrowed from
 * it) in @out_case_type. */
static TavlaAgreement *
find_case_type (TavlaBoard      *self,
                gint64           id,
                TavlaCaseType  **out_case_type,
                GError         **error)
{
  g_autofree char *today = tavla_date_today ();
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *number = NULL;
  TavlaAgreementStore *store = NULL;

  if ((store = get_agreement_store (self, error)) == NULL ||
      (all = tavla_agreement_store_list_agreements (store, 0, today, error)) == NULL)
    return NULL;

  for (guint i = 0; i < all->len; i++)
    {
      TavlaAgreement *agreement = g_ptr_array_index (all, i);
      TavlaCaseType *case_type = tavla_agreement_find_case_type (agreement, id);

      if (case_type != NULL)
        {
          *out_case_type = case_type;
          return g_object_ref (agreement);
        }
    }

  number = dup_number (id);
  g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND,
               _("There is no case type %s; see “agreement show ID” for the case types of an agreement."),
               number);
  return NULL;
}

static char *
days_text (int days)
{
  return days >= 0 ? g_strdup_printf ("%d", days) : NULL;
}

TavlaCaseType *
tavla_board_update_case_type (TavlaBoard                 *self,
                              gint64                      id,
                              gint64                      expected_version,
                              const TavlaCaseTypeInput   *input,
                              const char                 *actor_in,
                              const char                **out_field,
                              GError                    **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *old_days = NULL;
  g_autofree char *new_days = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(TavlaAgreement) updated = NULL;
  g_auto(CaseTypeChecked) checked = { 0 };
  TavlaStoreCaseTypeRow row = { 0 };
  TavlaStoreAgreementRow agreement_row = { 0 };
  TavlaAgreementStore *store = NULL;
  TavlaCaseType *current = NULL;
  gboolean mark_revision = FALSE;
  gboolean ok = TRUE;
  gint64 agreement_id = 0;
  gint64 change_id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if ((store = get_agreement_store (self, error)) == NULL ||
      (agreement = find_case_type (self, id, &current, error)) == NULL)
    return NULL;

  if (expected_version != 0 && tavla_case_type_get_version (current) != expected_version)
    {
      g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT,
                           _("Someone else changed this case type first; reload it and make the change again."));
      return NULL;
    }

  if (refuse_closed_agreement (agreement, FALSE, out_field, error) ||
      !check_case_type (self, agreement, current, input, &checked, out_field, error))
    return NULL;

  agreement_id = tavla_agreement_get_id (agreement);
  old_days = days_text (tavla_case_type_get_days (current));
  new_days = days_text (checked.days);

  if (g_str_equal (checked.name, tavla_case_type_get_name (current)) &&
      checked.rosa_class == tavla_case_type_get_rosa_class (current) &&
      g_strcmp0 (old_days, new_days) == 0 &&
      g_strcmp0 (checked.quality, tavla_case_type_get_quality (current)) == 0 &&
      checked.handled_by == tavla_case_type_get_handled_by (current) &&
      checked.contact_id == tavla_case_type_get_contact_id (current))
    return g_object_ref (current);

  row.id = id;
  row.version = tavla_case_type_get_version (current);
  row.agreement_id = agreement_id;
  row.name = checked.name;
  row.rosa_class = checked.rosa_class;
  row.days = checked.days;
  row.quality = checked.quality;
  row.handled_by = checked.handled_by;
  row.contact_id = checked.contact_id;
  row.updated = now;

  mark_revision = tavla_agreement_get_stored_status (agreement) == TAVLA_AGREEMENT_STATUS_ACTIVE &&
                  !tavla_agreement_get_revision_needed (agreement);
  row_from_agreement (&agreement_row, agreement);
  agreement_row.updated = now;
  if (tavla_agreement_get_stored_status (agreement) == TAVLA_AGREEMENT_STATUS_ACTIVE)
    agreement_row.revision_needed = TRUE;

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  ok = tavla_agreement_store_update_case_type (store, &row, error) &&
       tavla_agreement_store_update_agreement (store, &agreement_row, error) &&
       (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) != 0;

  {
    const struct { const char *field; const char *old_value; const char *new_value; } fields[] = {
      { "name", tavla_case_type_get_name (current), checked.name },
      { "rosa", tavla_rosa_class_to_string (tavla_case_type_get_rosa_class (current)),
        tavla_rosa_class_to_string (checked.rosa_class) },
      { "days", old_days, new_days },
      { "quality", tavla_case_type_get_quality (current), checked.quality },
      { "handled-by", tavla_handled_by_to_string (tavla_case_type_get_handled_by (current)),
        tavla_handled_by_to_string (checked.handled_by) },
      { "contact", tavla_case_type_get_contact (current), checked.contact },
    };

    for (guint i = 0; ok && i < G_N_ELEMENTS (fields); i++)
      {
        if (g_strcmp0 (fields[i].old_value, fields[i].new_value) != 0)
          ok = tavla_board_write_history (self, "casetype", id, change_id, now, actor, fields[i].field,
                                          fields[i].old_value, fields[i].new_value, NULL, 0, error);
      }
  }

  if (ok)
    ok = tavla_board_write_history (self, "agreement", agreement_id, change_id, now, actor, "case-type-edited",
                                    tavla_case_type_get_name (current), checked.name, NULL, 0, error);
  if (ok && mark_revision)
    ok = tavla_board_write_history (self, "agreement", agreement_id, change_id, now, actor, "revision-needed",
                                    "0", "1", NULL, 0, error);

  if (!ok)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  agreements_written (self);

  if ((updated = tavla_board_get_agreement (self, agreement_id, error)) == NULL)
    return NULL;

  return g_object_ref (tavla_agreement_find_case_type (updated, id));
}

TavlaAgreement *
tavla_board_revise_agreement (TavlaBoard  *self,
                              gint64       id,
                              const char  *actor_in,
                              GError     **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *old_number = NULL;
  g_autofree char *new_number = NULL;
  g_autofree char *note = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(GPtrArray) signatories = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_signatory_free);
  g_auto(Versions) versions = { 0 };
  TavlaStoreAgreementRow row = { 0 };
  TavlaAgreementStore *store = NULL;
  GPtrArray *case_types = NULL;
  gint64 change_id = 0;
  gint64 new_id = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = get_agreement_store (self, error)) == NULL ||
      (agreement = tavla_board_get_agreement (self, id, error)) == NULL ||
      !load_versions (store, tavla_agreement_get_department_id (agreement), &versions, error))
    return NULL;

  old_number = dup_number (id);

  if (tavla_agreement_get_stored_status (agreement) == TAVLA_AGREEMENT_STATUS_DRAFT)
    {
      tavla_board_field_errorf ("agreement", NULL, error,
                    _("Agreement %s is a draft already; edit it and sign it with “agreement sign %s --date "
                      "DATE”."), old_number, old_number);
      return NULL;
    }
  if (versions.draft != NULL)
    {
      g_autofree char *draft = dup_number (tavla_agreement_get_id (versions.draft));

      tavla_board_field_errorf ("agreement", NULL, error,
                    _("%s already has a draft (agreement %s); edit and sign that one instead of making "
                      "another."), tavla_agreement_get_department (agreement), draft);
      return NULL;
    }
  if (tavla_agreement_get_stored_status (agreement) == TAVLA_AGREEMENT_STATUS_SUPERSEDED &&
      versions.active != NULL)
    {
      g_autofree char *current = dup_number (tavla_agreement_get_id (versions.active));

      tavla_board_field_errorf ("agreement", NULL, error,
                    _("Agreement %s is superseded; revise the current one with “agreement revise %s”."),
                    old_number, current);
      return NULL;
    }

  row.department_id = tavla_agreement_get_department_id (agreement);
  row.version_number = versions.max_version + 1;
  row.status = TAVLA_AGREEMENT_STATUS_DRAFT;
  row.review_months = tavla_agreement_get_review_months (agreement);
  row.created = now;
  row.updated = now;

  for (guint i = 0; i < tavla_agreement_get_signatories (agreement)->len; i++)
    {
      TavlaSignatory *copy = tavla_signatory_copy (g_ptr_array_index (tavla_agreement_get_signatories (agreement), i));

      g_clear_pointer (&copy->signed_date, g_free);
      g_ptr_array_add (signatories, copy);
    }

  new_number = g_strdup_printf ("%u", row.version_number);
  /* Translators: a history note on a new agreement version */
  note = g_strdup_printf (_("Revision of version %u"), tavla_agreement_get_version_number (agreement));

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  ok = (new_id = tavla_agreement_store_insert_agreement (store, &row, error)) != 0 &&
       tavla_agreement_store_set_signatories (store, new_id, signatories, error) &&
       (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) != 0 &&
       tavla_board_write_history (self, "agreement", new_id, change_id, now, actor, "created",
                                  NULL, new_number, note, 0, error) &&
       tavla_board_write_history (self, "agreement", id, change_id, now, actor, "revised",
                                  NULL, new_number, NULL, 0, error);

  for (guint i = 0; ok && i < TAVLA_N_SECTIONS; i++)
    {
      const char *text = tavla_agreement_get_section (agreement, i);

      if (*text != '\0')
        ok = tavla_agreement_store_set_section (store, new_id, i, text, error);
    }

  case_types = tavla_agreement_get_case_types (agreement);
  for (guint i = 0; ok && i < case_types->len; i++)
    {
      TavlaCaseType *case_type = g_ptr_array_index (case_types, i);
      TavlaStoreCaseTypeRow copy = {
        .agreement_id = new_id,
        .name = tavla_case_type_get_name (case_type),
        .rosa_class = tavla_case_type_get_rosa_class (case_type),
        .days = tavla_case_type_get_days (case_type),
        .quality = tavla_case_type_get_quality (case_type),
        .handled_by = tavla_case_type_get_handled_by (case_type),
        .contact_id = tavla_case_type_get_contact_id (case_type),
        .created = now,
      };
      gint64 copy_id = tavla_agreement_store_insert_case_type (store, &copy, error);

      ok = copy_id != 0 &&
           tavla_board_write_history (self, "casetype", copy_id, change_id, now, actor, "created",
                                      NULL, copy.name, note, 0, error);
    }

  if (!ok)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  agreements_written (self);

  return tavla_board_get_agreement (self, new_id, error);
}

TavlaAgreement *
tavla_board_sign_agreement (TavlaBoard  *self,
                            gint64       id,
                            gint64       expected_version,
                            const char  *date,
                            const char  *actor_in,
                            GError     **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *day = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(GPtrArray) signatories = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_signatory_free);
  g_auto(Versions) versions = { 0 };
  TavlaStoreAgreementRow row = { 0 };
  TavlaStoreAgreementRow old_row = { 0 };
  TavlaAgreementStore *store = NULL;
  gint64 change_id = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = get_agreement_store (self, error)) == NULL ||
      (agreement = tavla_board_get_agreement (self, id, error)) == NULL ||
      refuse_stale (agreement, expected_version, error) ||
      refuse_not_draft (agreement, NULL, error))
    return NULL;

  if (!tavla_board_is_given (date))
    {
      tavla_board_set_input_error (error, _("Date is missing; an agreement is signed on a day: write it as "
                                            "YYYY-MM-DD, like 2026-03-31."));
      return NULL;
    }
  if (!tavla_board_parse_date (date, "date", _("Date"), &day, NULL, error))
    return NULL;

  if (tavla_agreement_get_valid_to (agreement) != NULL &&
      strcmp (tavla_agreement_get_valid_to (agreement), day) < 0)
    {
      tavla_board_field_errorf ("date", NULL, error,
                    _("Date %s is after the agreement’s valid-to date (%s); sign it on or before that day "
                      "or change valid-to first."), day, tavla_agreement_get_valid_to (agreement));
      return NULL;
    }

  if (!load_versions (store, tavla_agreement_get_department_id (agreement), &versions, error))
    return NULL;

  row_from_agreement (&row, agreement);
  row.status = TAVLA_AGREEMENT_STATUS_ACTIVE;
  row.signed_date = day;
  if (row.valid_from == NULL)
    row.valid_from = day;
  row.revision_needed = FALSE;
  row.updated = now;

  for (guint i = 0; i < tavla_agreement_get_signatories (agreement)->len; i++)
    {
      TavlaSignatory *copy = tavla_signatory_copy (g_ptr_array_index (tavla_agreement_get_signatories (agreement), i));

      g_free (copy->signed_date);
      copy->signed_date = g_strdup (day);
      g_ptr_array_add (signatories, copy);
    }

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  ok = (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) != 0;

  if (ok && versions.active != NULL)
    {
      row_from_agreement (&old_row, versions.active);
      old_row.status = TAVLA_AGREEMENT_STATUS_SUPERSEDED;
      old_row.revision_needed = FALSE;
      old_row.updated = now;
      ok = tavla_agreement_store_update_agreement (store, &old_row, error) &&
           tavla_board_write_history (self, "agreement", old_row.id, change_id, now, actor, "status",
                                      "active", "superseded", NULL, 0, error);
    }

  ok = ok &&
       tavla_agreement_store_update_agreement (store, &row, error) &&
       tavla_agreement_store_set_signatories (store, id, signatories, error) &&
       tavla_board_write_history (self, "agreement", id, change_id, now, actor, "status",
                                  "draft", "active", NULL, 0, error) &&
       tavla_board_write_history (self, "agreement", id, change_id, now, actor, "signed",
                                  NULL, day, NULL, 0, error);
  if (ok && tavla_agreement_get_valid_from (agreement) == NULL)
    ok = tavla_board_write_history (self, "agreement", id, change_id, now, actor, "valid-from",
                                    NULL, day, NULL, 0, error);

  if (!ok)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  agreements_written (self);

  return tavla_board_get_agreement (self, id, error);
}

/* ---- Items ---------------------------------------------------------------- */

TavlaItem *
tavla_board_link_item_to_agreement (TavlaBoard  *self,
                                    gint64       item_id,
                                    gint64       agreement_id,
                                    gint64       case_type_id,
                                    const char  *actor_in,
                                    GError     **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *label = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  TavlaCaseType *case_type = NULL;
  TavlaStore *store = NULL;
  gint64 change_id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  store = tavla_board_get_store (self);
  if ((item = tavla_store_get_item (store, item_id, error)) == NULL ||
      (agreement = tavla_board_get_agreement (self, agreement_id, error)) == NULL)
    return NULL;
  g_clear_object (&item);

  if (case_type_id != 0 && (case_type = tavla_agreement_find_case_type (agreement, case_type_id)) == NULL)
    {
      g_autofree char *number = dup_number (case_type_id);
      g_autofree char *agreement_number = dup_number (agreement_id);

      tavla_board_field_errorf ("casetype", NULL, error,
                    _("Case type %s is not one of agreement %s; see “agreement show %s” for its case types."),
                    number, agreement_number, agreement_number);
      return NULL;
    }

  label = g_strdup_printf ("%s %u", tavla_agreement_get_department (agreement),
                           tavla_agreement_get_version_number (agreement));

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((change_id = tavla_store_next_change_id (store, error)) == 0 ||
      !tavla_board_link_item (self, item_id, "agreement", agreement_id, label, change_id, actor, now, error) ||
      (case_type != NULL &&
       !tavla_board_link_item (self, item_id, "casetype", case_type_id, tavla_case_type_get_name (case_type),
                               change_id, actor, now, error)) ||
      (item = tavla_store_get_item (store, item_id, error)) == NULL)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  tavla_board_item_written (self, item);

  return g_steal_pointer (&item);
}

GArray *
tavla_board_list_agreement_items (TavlaBoard  *self,
                                  gint64       agreement_id,
                                  GError     **error)
{
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(GArray) direct = NULL;
  g_autoptr(GArray) through = NULL;
  g_autoptr(GArray) case_type_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  TavlaAgreementStore *store = NULL;
  GPtrArray *case_types = NULL;
  guint i = 0;
  guint j = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = get_agreement_store (self, error)) == NULL ||
      (agreement = tavla_board_get_agreement (self, agreement_id, error)) == NULL)
    return NULL;

  case_types = tavla_agreement_get_case_types (agreement);
  for (guint k = 0; k < case_types->len; k++)
    {
      gint64 id = tavla_case_type_get_id (g_ptr_array_index (case_types, k));

      g_array_append_val (case_type_ids, id);
    }

  if ((direct = tavla_agreement_store_list_linked_items (store, "agreement", &agreement_id, 1, error)) == NULL ||
      (through = tavla_agreement_store_list_linked_items (store, "casetype", (gint64 *) case_type_ids->data,
                                                          case_type_ids->len, error)) == NULL)
    return NULL;

  /* Merge two ascending, distinct lists. */
  while (i < direct->len || j < through->len)
    {
      gint64 a = i < direct->len ? g_array_index (direct, gint64, i) : G_MAXINT64;
      gint64 b = j < through->len ? g_array_index (through, gint64, j) : G_MAXINT64;
      gint64 next = MIN (a, b);

      g_array_append_val (all, next);
      if (a == next)
        i++;
      if (b == next)
        j++;
    }

  return g_steal_pointer (&all);
}
