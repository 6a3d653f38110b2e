/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-error.h"
#include "tavla-sqlite-agreements.h"
#include "tavla-sqlite-store-private.h"

/*
 * The third part of the SQLite store: delivery agreements, their
 * signatories, sections and case types (TavlaAgreementStore). Rows in, rows
 * out; the rules are the board's.
 *
 * The schema of step 1 names two ROSA classes and two sections differently
 * from the machine names of the API; the mapping lives here only.
 */

#define STORE(s) TAVLA_SQLITE_STORE (s)

static const char *const rosa_columns[TAVLA_N_ROSA_CLASSES] = {
  "information", "guidance", "administrative", "routine", "qualified", "evaluative", "political",
};

static const char *const section_columns[TAVLA_N_SECTIONS] = {
  "responsibilities", "case-types", "case-process", "statistics", "on-call", "knowledge-bank", "billing",
};

static const char *const status_columns[] = { "draft", "active", "superseded", "active" };

static gboolean
column_index (const char *const *names,
              guint              n_names,
              const char        *text,
              guint             *out_index)
{
  for (guint i = 0; text != NULL && i < n_names; i++)
    {
      if (g_str_equal (names[i], text))
        {
          *out_index = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
damaged (GError     **error,
         const char  *what)
{
  g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
               _("The database holds an unknown %s; it may come from a newer Tavla or be damaged."), what);
  return FALSE;
}

/* The signatories, sections and case types of one agreement. */
typedef struct
{
  GPtrArray *signatories;
  char      *sections[TAVLA_N_SECTIONS];
  GPtrArray *case_types;
} Parts;

static void
parts_free (Parts *parts)
{
  g_ptr_array_unref (parts->signatories);
  for (guint i = 0; i < TAVLA_N_SECTIONS; i++)
    g_free (parts->sections[i]);
  g_ptr_array_unref (parts->case_types);
  g_free (parts);
}

static Parts *
parts_for (GHashTable *buckets,
           gint64      agreement_id)
{
  Parts *parts = g_hash_table_lookup (buckets, &agreement_id);

  if (parts == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = agreement_id;
      parts = g_new0 (Parts, 1);
      parts->signatories = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_signatory_free);
      parts->case_types = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (buckets, key, parts);
    }

  return parts;
}

static GHashTable *
new_buckets (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) parts_free);
}

/* The statements that read the parts: of one agreement (?1 its id) or of
 * a department's agreements (?1 the department, 0 for all), three queries
 * whatever the number of agreements. */
static const char *const parts_one[] = {
  "SELECT s.agreement_id, s.name, s.title, s.party, s.signed FROM agreement_signatory s"
  " WHERE s.agreement_id = ?1 ORDER BY s.id",
  "SELECT t.agreement_id, t.name, t.text FROM agreement_section t WHERE t.agreement_id = ?1",
  "SELECT c.agreement_id, c.id, c.version, c.name, c.rosa_class, c.days, c.quality,"
  " c.handled_by, c.contact_id, p.name, c.created, c.updated"
  " FROM case_type c LEFT JOIN person p ON p.id = c.contact_id"
  " WHERE c.agreement_id = ?1 ORDER BY c.id",
};

static const char *const parts_many[] = {
  "SELECT s.agreement_id, s.name, s.title, s.party, s.signed FROM agreement_signatory s"
  " JOIN agreement a ON a.id = s.agreement_id WHERE ?1 = 0 OR a.department_id = ?1 ORDER BY s.id",
  "SELECT t.agreement_id, t.name, t.text FROM agreement_section t"
  " JOIN agreement a ON a.id = t.agreement_id WHERE ?1 = 0 OR a.department_id = ?1",
  "SELECT c.agreement_id, c.id, c.version, c.name, c.rosa_class, c.days, c.quality,"
  " c.handled_by, c.contact_id, p.name, c.created, c.updated"
  " FROM case_type c JOIN agreement a ON a.id = c.agreement_id"
  " LEFT JOIN person p ON p.id = c.contact_id"
  " WHERE ?1 = 0 OR a.department_id = ?1 ORDER BY c.id",
};

/* Reads parts with @sql (parts_one or parts_many) into @buckets. */
static gboolean
read_parts (TavlaSqliteStore   *self,
            const char *const  *sql,
            gint64              key,
            GHashTable         *buckets,
            GError            **error)
{
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self, sql[0], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Parts *parts = parts_for (buckets, sqlite3_column_int64 (stmt, 0));
      TavlaSignatory *signatory = g_new0 (TavlaSignatory, 1);

      signatory->name = g_strdup (column_text (stmt, 1));
      signatory->role = g_strdup (column_text (stmt, 2));
      if (!tavla_party_from_string (column_text (stmt, 3), &signatory->party))
        signatory->party = TAVLA_PARTY_CENTRE;
      signatory->signed_date = g_strdup (column_text (stmt, 4));
      g_ptr_array_add (parts->signatories, signatory);
    }
  if (rc != SQLITE_DONE)
    return tavla_sqlite_store_fail (self, rc, error);
  reset_statement (&stmt);

  stmt = tavla_sqlite_store_statement (self, sql[1], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Parts *parts = parts_for (buckets, sqlite3_column_int64 (stmt, 0));
      guint index = 0;

      if (!column_index (section_columns, TAVLA_N_SECTIONS, column_text (stmt, 1), &index))
        return damaged (error, _("section"));
      g_free (parts->sections[index]);
      parts->sections[index] = g_strdup (column_text (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    return tavla_sqlite_store_fail (self, rc, error);
  reset_statement (&stmt);

  stmt = tavla_sqlite_store_statement (self, sql[2], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Parts *parts = parts_for (buckets, sqlite3_column_int64 (stmt, 0));
      TavlaCaseTypeFields fields = { 0 };
      guint rosa = 0;

      if (!column_index (rosa_columns, TAVLA_N_ROSA_CLASSES, column_text (stmt, 4), &rosa))
        return damaged (error, _("ROSA class"));

      fields.agreement_id = sqlite3_column_int64 (stmt, 0);
      fields.id = sqlite3_column_int64 (stmt, 1);
      fields.version = sqlite3_column_int64 (stmt, 2);
      fields.name = column_text (stmt, 3);
      fields.rosa_class = rosa;
      fields.days = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 5);
      fields.quality = column_text (stmt, 6);
      fields.handled_by = g_strcmp0 (column_text (stmt, 7), "department") == 0
                          ? TAVLA_HANDLED_BY_DEPARTMENT : TAVLA_HANDLED_BY_CENTRE;
      fields.contact_id = sqlite3_column_int64 (stmt, 8);
      fields.contact = column_text (stmt, 9);
      fields.created = column_text (stmt, 10);
      fields.updated = column_text (stmt, 11);
      g_ptr_array_add (parts->case_types, tavla_case_type_new (&fields));
    }
  if (rc != SQLITE_DONE)
    return tavla_sqlite_store_fail (self, rc, error);

  return TRUE;
}

typedef struct
{
  gint64   id;
  gint64   version;
  gint64   department_id;
  char    *department;
  guint    version_number;
  char    *status;
  char    *signed_date;
  char    *valid_from;
  char    *valid_to;
  guint    review_months;
  gboolean revision_needed;
  char    *created;
  char    *updated;
} AgreementRow;

static void
agreement_row_free (AgreementRow *row)
{
  g_free (row->department);
  g_free (row->status);
  g_free (row->signed_date);
  g_free (row->valid_from);
  g_free (row->valid_to);
  g_free (row->created);
  g_free (row->updated);
  g_free (row);
}

static TavlaAgreement *
build_agreement (AgreementRow  *row,
                 GHashTable    *buckets,
                 const char    *today,
                 GError       **error)
{
  Parts *parts = parts_for (buckets, row->id);
  TavlaAgreementFields fields = { 0 };

  if (!tavla_agreement_status_from_string (row->status, &fields.stored_status) ||
      fields.stored_status == TAVLA_AGREEMENT_STATUS_EXPIRED)
    {
      damaged (error, _("agreement status"));
      return NULL;
    }

  fields.id = row->id;
  fields.version = row->version;
  fields.department_id = row->department_id;
  fields.department = row->department;
  fields.version_number = row->version_number;
  fields.signed_date = row->signed_date;
  fields.valid_from = row->valid_from;
  fields.valid_to = row->valid_to;
  fields.review_months = row->review_months;
  fields.revision_needed = row->revision_needed;
  fields.created = row->created;
  fields.updated = row->updated;
  fields.today = today;
  for (guint i = 0; i < TAVLA_N_SECTIONS; i++)
    fields.sections[i] = parts->sections[i];
  fields.signatories = (const TavlaSignatory *const *) parts->signatories->pdata;
  fields.n_signatories = parts->signatories->len;
  fields.case_types = (TavlaCaseType *const *) parts->case_types->pdata;
  fields.n_case_types = parts->case_types->len;

  return tavla_agreement_new (&fields);
}

#define AGREEMENT_COLUMNS \
  "SELECT a.id, a.version, a.department_id, d.name, a.version_no, a.status, a.signed," \
  " a.valid_from, a.valid_to, a.review_months, a.revision_needed, a.created, a.updated" \
  " FROM agreement a JOIN department d ON d.id = a.department_id"

/* Reads the rows of a prepared AGREEMENT_COLUMNS statement. */
static GPtrArray *
read_rows (TavlaSqliteStore  *self,
           sqlite3_stmt      *stmt,
           GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) agreement_row_free);
  int rc = SQLITE_OK;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AgreementRow *row = g_new0 (AgreementRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->version = sqlite3_column_int64 (stmt, 1);
      row->department_id = sqlite3_column_int64 (stmt, 2);
      row->department = g_strdup (column_text (stmt, 3));
      row->version_number = sqlite3_column_int (stmt, 4);
      row->status = g_strdup (column_text (stmt, 5));
      row->signed_date = g_strdup (column_text (stmt, 6));
      row->valid_from = g_strdup (column_text (stmt, 7));
      row->valid_to = g_strdup (column_text (stmt, 8));
      row->review_months = sqlite3_column_int (stmt, 9);
      row->revision_needed = sqlite3_column_int (stmt, 10) != 0;
      row->created = g_strdup (column_text (stmt, 11));
      row->updated = g_strdup (column_text (stmt, 12));
      g_ptr_array_add (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      tavla_sqlite_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static GPtrArray *
tavla_sqlite_agreements_list (TavlaAgreementStore  *store,
                              gint64                department_id,
                              const char           *today,
                              GError              **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) agreements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) buckets = new_buckets ();
  g_autoptr(GPtrArray) rows = NULL;
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  stmt = tavla_sqlite_store_statement (self,
                                       AGREEMENT_COLUMNS
                                       " WHERE ?1 = 0 OR a.department_id = ?1"
                                       " ORDER BY d.name COLLATE NOCASE, d.id, a.version_no", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, department_id);

  if ((rows = read_rows (self, stmt, error)) == NULL)
    return NULL;
  reset_statement (&stmt);

  if (!read_parts (self, parts_many, department_id, buckets, error))
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      TavlaAgreement *agreement = build_agreement (g_ptr_array_index (rows, i), buckets, today, error);

      if (agreement == NULL)
        return NULL;
      g_ptr_array_add (agreements, agreement);
    }

  return g_steal_pointer (&agreements);
}

static TavlaAgreement *
tavla_sqlite_agreements_get (TavlaAgreementStore  *store,
                             gint64                id,
                             const char           *today,
                             GError              **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GHashTable) buckets = new_buckets ();
  g_autoptr(GPtrArray) rows = NULL;
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  stmt = tavla_sqlite_store_statement (self, AGREEMENT_COLUMNS " WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  if ((rows = read_rows (self, stmt, error)) == NULL)
    return NULL;
  reset_statement (&stmt);

  if (rows->len == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND,
                   _("There is no agreement %s; see “agreement list” for the ids."), number);
      return NULL;
    }

  if (!read_parts (self, parts_one, id, buckets, error))
    return NULL;

  return build_agreement (g_ptr_array_index (rows, 0), buckets, today, error);
}

static void
bind_agreement (sqlite3_stmt                 *stmt,
                const TavlaStoreAgreementRow *row)
{
  sqlite3_bind_int64 (stmt, 1, row->department_id);
  sqlite3_bind_int (stmt, 2, row->version_number);
  sqlite3_bind_text (stmt, 3, status_columns[row->status], -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, row->signed_date);
  bind_text_or_null (stmt, 5, row->valid_from);
  bind_text_or_null (stmt, 6, row->valid_to);
  sqlite3_bind_int (stmt, 7, row->review_months);
  sqlite3_bind_int (stmt, 8, row->revision_needed ? 1 : 0);
}

static gint64
tavla_sqlite_agreements_insert (TavlaAgreementStore           *store,
                                const TavlaStoreAgreementRow  *row,
                                GError                       **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return 0;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO agreement (department_id, version_no, status, signed,"
                                       " valid_from, valid_to, review_months, revision_needed, version,"
                                       " created, updated)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?9)", error);
  if (stmt == NULL)
    return 0;

  bind_agreement (stmt, row);
  bind_text_or_null (stmt, 9, row->created);

  return tavla_sqlite_store_step_insert (self, stmt, error);
}

static gboolean
tavla_sqlite_agreements_update (TavlaAgreementStore           *store,
                                const TavlaStoreAgreementRow  *row,
                                GError                       **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "UPDATE agreement SET department_id = ?1, version_no = ?2,"
                                       " status = ?3, signed = ?4, valid_from = ?5, valid_to = ?6,"
                                       " review_months = ?7, revision_needed = ?8, updated = ?9,"
                                       " version = version + 1 WHERE id = ?10 AND version = ?11", error);
  if (stmt == NULL)
    return FALSE;

  bind_agreement (stmt, row);
  bind_text_or_null (stmt, 9, row->updated);
  sqlite3_bind_int64 (stmt, 10, row->id);
  sqlite3_bind_int64 (stmt, 11, row->version);

  if (!tavla_sqlite_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT,
                   _("Someone else changed this agreement first; reload it and make the change again."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
tavla_sqlite_agreements_set_signatories (TavlaAgreementStore  *store,
                                         gint64                agreement_id,
                                         GPtrArray            *signatories,
                                         GError              **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self, "DELETE FROM agreement_signatory WHERE agreement_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agreement_id);
  if (!tavla_sqlite_store_step_done (self, stmt, error))
    return FALSE;
  reset_statement (&stmt);

  for (guint i = 0; i < signatories->len; i++)
    {
      const TavlaSignatory *signatory = g_ptr_array_index (signatories, i);

      stmt = tavla_sqlite_store_statement (self,
                                           "INSERT INTO agreement_signatory (agreement_id, name, title,"
                                           " party, signed, version) VALUES (?1, ?2, ?3, ?4, ?5, 1)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, agreement_id);
      bind_text_or_null (stmt, 2, signatory->name);
      bind_text_or_null (stmt, 3, signatory->role);
      sqlite3_bind_text (stmt, 4, tavla_party_to_string (signatory->party), -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 5, signatory->signed_date);
      if (tavla_sqlite_store_step_insert (self, stmt, error) == 0)
        return FALSE;
      reset_statement (&stmt);
    }

  return TRUE;
}

static gboolean
tavla_sqlite_agreements_set_section (TavlaAgreementStore  *store,
                                     gint64                agreement_id,
                                     TavlaSection          section,
                                     const char           *text,
                                     GError              **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (section < TAVLA_N_SECTIONS, FALSE);

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO agreement_section (agreement_id, name, text, version)"
                                       " VALUES (?1, ?2, ?3, 1) ON CONFLICT (agreement_id, name)"
                                       " DO UPDATE SET text = excluded.text, version = version + 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agreement_id);
  sqlite3_bind_text (stmt, 2, section_columns[section], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text != NULL ? text : "", -1, SQLITE_TRANSIENT);

  return tavla_sqlite_store_step_done (self, stmt, error);
}

static gint64
tavla_sqlite_agreements_insert_case_type (TavlaAgreementStore          *store,
                                          const TavlaStoreCaseTypeRow  *row,
                                          GError                      **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (row->rosa_class < TAVLA_N_ROSA_CLASSES, 0);

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return 0;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO case_type (agreement_id, name, rosa_class, days, quality,"
                                       " handled_by, contact_id, version, created, updated)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8)", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, row->agreement_id);
  bind_text_or_null (stmt, 2, row->name);
  sqlite3_bind_text (stmt, 3, rosa_columns[row->rosa_class], -1, SQLITE_STATIC);
  if (row->days < 0)
    sqlite3_bind_null (stmt, 4);
  else
    sqlite3_bind_int (stmt, 4, row->days);
  bind_text_or_null (stmt, 5, row->quality);
  sqlite3_bind_text (stmt, 6, tavla_handled_by_to_string (row->handled_by), -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 7, row->contact_id);
  bind_text_or_null (stmt, 8, row->created);

  return tavla_sqlite_store_step_insert (self, stmt, error);
}

static gboolean
tavla_sqlite_agreements_update_case_type (TavlaAgreementStore          *store,
                                          const TavlaStoreCaseTypeRow  *row,
                                          GError                      **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (row->rosa_class < TAVLA_N_ROSA_CLASSES, FALSE);

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "UPDATE case_type SET name = ?1, rosa_class = ?2, days = ?3, quality = ?4,"
                                       " handled_by = ?5, contact_id = ?6, updated = ?7, version = version + 1"
                                       " WHERE id = ?8 AND version = ?9", error);
  if (stmt == NULL)
    return FALSE;

  bind_text_or_null (stmt, 1, row->name);
  sqlite3_bind_text (stmt, 2, rosa_columns[row->rosa_class], -1, SQLITE_STATIC);
  if (row->days < 0)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_int (stmt, 3, row->days);
  bind_text_or_null (stmt, 4, row->quality);
  sqlite3_bind_text (stmt, 5, tavla_handled_by_to_string (row->handled_by), -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 6, row->contact_id);
  bind_text_or_null (stmt, 7, row->updated);
  sqlite3_bind_int64 (stmt, 8, row->id);
  sqlite3_bind_int64 (stmt, 9, row->version);

  if (!tavla_sqlite_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT,
                           _("Someone else changed this case type first; reload it and make the change again."));
      return FALSE;
    }

  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static GArray *
tavla_sqlite_agreements_list_linked_items (TavlaAgreementStore  *store,
                                           const char           *kind,
                                           const gint64         *target_ids,
                                           guint                 n_target_ids,
                                           GError              **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n_target_ids; i++)
    {
      AUTO_RESET sqlite3_stmt *stmt = NULL;
      int rc = SQLITE_OK;

      stmt = tavla_sqlite_store_statement (self,
                                           "SELECT item_id FROM item_link WHERE kind = ?1 AND target_id = ?2",
                                           error);
      if (stmt == NULL)
        return NULL;
      bind_text_or_null (stmt, 1, kind);
      sqlite3_bind_int64 (stmt, 2, target_ids[i]);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
      if (rc != SQLITE_DONE)
        {
          tavla_sqlite_store_fail (self, rc, error);
          return NULL;
        }
    }

  /* Sorted and distinct. */
  {
    g_autoptr(GArray) distinct = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (guint i = 0; i < ids->len; i++)
      {
        gint64 *id = &g_array_index (ids, gint64, i);

        if (!g_hash_table_contains (seen, id))
          {
            g_hash_table_add (seen, id);
            g_array_append_val (distinct, *id);
          }
      }
    g_array_sort (distinct, compare_ids);
    return g_steal_pointer (&distinct);
  }
}

void
tavla_sqlite_agreements_interface_init (TavlaAgreementStoreInterface *iface)
{
  iface->list_agreements = tavla_sqlite_agreements_list;
  iface->get_agreement = tavla_sqlite_agreements_get;
  iface->insert_agreement = tavla_sqlite_agreements_insert;
  iface->update_agreement = tavla_sqlite_agreements_update;
  iface->set_signatories = tavla_sqlite_agreements_set_signatories;
  iface->set_section = tavla_sqlite_agreements_set_section;
  iface->insert_case_type = tavla_sqlite_agreements_insert_case_type;
  iface->update_case_type = tavla_sqlite_agreements_update_case_type;
  iface->list_linked_items = tavla_sqlite_agreements_list_linked_items;
}
