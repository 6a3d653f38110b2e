/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include "test-common.h"

/*
 * Meetings (issue 6): agenda sections at the edge dates, carry-over,
 * attribution of item changes to the meeting, the minutes, the
 * development group's sections per department, every bad input (with
 * nothing written) and the escaping of the printed agenda.
 */

typedef struct
{
  TestTmpdir *dir;
  TavlaBoard *board;
} Fixture;

static void set_now (const char *timestamp);

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_now (TEST_NOW);
  fixture->dir = test_tmpdir_new ();
  fixture->board = test_board_new_staffed (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->board);
  test_tmpdir_free (fixture->dir);
}

static void
set_now (const char *timestamp)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (timestamp, NULL);

  g_assert_nonnull (now);
  tavla_clock_set_now_override (now);
}

static char *
count_all (TavlaBoard *board)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                          "/%" G_GINT64_FORMAT,
                          test_count_rows (board, "meeting"), test_count_rows (board, "meeting_attendee"),
                          test_count_rows (board, "meeting_entry"), test_count_rows (board, "decision"),
                          test_count_rows (board, "history"));
}

/* A proposal in progress (owner Anna or Bo) due @due, or new with @due NULL. */
static gint64
add_item (TavlaBoard *board,
          const char *title,
          TavlaStatus status,
          const char *owner,
          const char *due)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = test_add_item (board, title);
  g_autoptr(TavlaItem) moved = NULL;
  TavlaItemChange change = { 0 };

  if (status == TAVLA_STATUS_NEW)
    return tavla_item_get_id (item);

  change.set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_DUE | TAVLA_ITEM_FIELD_NOTE;
  change.status = TAVLA_STATUS_IN_PROGRESS;
  change.owner = owner;
  change.due = due;
  change.note = "Taken up";
  moved = tavla_board_update_item (board, tavla_item_get_id (item), &change, NULL, &error);
  g_assert_no_error (error);

  if (status != TAVLA_STATUS_IN_PROGRESS)
    {
      g_autoptr(TavlaItem) finished = NULL;
      TavlaItemChange finish = { .set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_NOTE, .status = status,
                                 .note = "Finished" };

      finished = tavla_board_update_item (board, tavla_item_get_id (item), &finish, NULL, &error);
      g_assert_no_error (error);
    }

  return tavla_item_get_id (item);
}

/* "id,id,…" of the entries of @section_id (kind item) or "-" without such a section. */
static char *
section_ids (TavlaAgenda *agenda,
             const char  *section_id)
{
  TavlaAgendaSection *section = tavla_agenda_find_section (agenda, section_id);
  g_autoptr(GString) text = g_string_new (NULL);

  if (section == NULL)
    return g_strdup ("-");

  for (guint i = 0; i < section->entries->len; i++)
    {
      TavlaAgendaEntry *entry = g_ptr_array_index (section->entries, i);

      g_string_append_printf (text, "%s%s%" G_GINT64_FORMAT "%s", text->len > 0 ? "," : "",
                              g_str_equal (entry->kind, "item") ? "" : entry->kind, entry->id,
                              entry->carried_over ? "*" : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static TavlaAgenda *
build (TavlaBoard       *board,
       TavlaMeetingKind  kind,
       const char       *date,
       const char       *department)
{
  g_autoptr(GError) error = NULL;
  TavlaAgendaQuery query = { .kind = kind, .date = date, .department = department };
  TavlaAgenda *agenda = tavla_board_build_agenda (board, &query, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (agenda);
  return agenda;
}

static void
assert_section (TavlaAgenda *agenda,
                const char  *section,
                const char  *expected)
{
  g_autofree char *ids = section_ids (agenda, section);

  g_assert_cmpstr (ids, ==, expected);
}

/* Due exactly D is due this week, so is D + 6; D + 7 is plain in progress;
 * D - 1 is overdue; done exactly at "since" counts, a second before not. */
static void
test_weekly_edges (Fixture       *fixture,
                   gconstpointer  data)
{
  TavlaBoard *board = fixture->board;
  g_autoptr(TavlaAgenda) agenda = NULL;
  gint64 fresh, overdue, due_d, due_d6, due_d7, no_due, parked, done_at, done_before, rejected;

  fresh = add_item (board, "Ny idé", TAVLA_STATUS_NEW, NULL, NULL);
  overdue = add_item (board, "Försenad", TAVLA_STATUS_IN_PROGRESS, "Anna Lindqvist", "2026-11-29");
  due_d = add_item (board, "Klar på mötesdagen", TAVLA_STATUS_IN_PROGRESS, "Bo Ek", "2026-11-30");
  due_d6 = add_item (board, "Klar på söndag", TAVLA_STATUS_IN_PROGRESS, "Anna Lindqvist", "2026-12-06");
  due_d7 = add_item (board, "Klar nästa måndag", TAVLA_STATUS_IN_PROGRESS, "Bo Ek", "2026-12-07");
  no_due = add_item (board, "Pågår länge", TAVLA_STATUS_IN_PROGRESS, "Anna Lindqvist", "2027-03-01");
  parked = add_item (board, "Parkerad", TAVLA_STATUS_PARKED, "Bo Ek", "2027-01-01");

  /* "since" is D - 7 = 2026-11-23 without an earlier weekly meeting. */
  set_now ("2026-11-23T00:00:00Z");
  done_at = add_item (board, "Klar vid since", TAVLA_STATUS_DONE, "Bo Ek", "2026-11-20");
  set_now ("2026-11-22T23:59:59Z");
  done_before = add_item (board, "Klar före since", TAVLA_STATUS_DONE, "Bo Ek", "2026-11-20");
  set_now ("2026-11-28T09:00:00Z");
  rejected = add_item (board, "Avslagen", TAVLA_STATUS_REJECTED, "Bo Ek", "2026-11-20");

  agenda = build (board, TAVLA_MEETING_WEEKLY, "2026-11-30", NULL);
  g_assert_cmpstr (agenda->since, ==, "2026-11-23");
  g_assert_cmpuint (agenda->week, ==, 49);

  {
    g_autofree char *e_fresh = g_strdup_printf ("%" G_GINT64_FORMAT, fresh);
    g_autofree char *e_overdue = g_strdup_printf ("%" G_GINT64_FORMAT, overdue);
    g_autofree char *e_soon = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, due_d, due_d6);
    /* Grouped by owner: Anna first, then Bo. */
    g_autofree char *e_ongoing = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, no_due, due_d7);
    g_autofree char *e_done = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, done_at, rejected);

    assert_section (agenda, "new", e_fresh);
    assert_section (agenda, "overdue", e_overdue);
    assert_section (agenda, "due-soon", e_soon);
    assert_section (agenda, "in-progress", e_ongoing);
    assert_section (agenda, "done", e_done);
    assert_section (agenda, "other", "");
  }

  {
    TavlaAgendaSection *ongoing = tavla_agenda_find_section (agenda, "in-progress");

    g_assert_cmpstr (((TavlaAgendaEntry *) g_ptr_array_index (ongoing->entries, 0))->group, ==, "Anna Lindqvist");
    g_assert_cmpstr (((TavlaAgendaEntry *) g_ptr_array_index (ongoing->entries, 1))->group, ==, "Bo Ek");
  }

  /* The parked item and the one done before "since" are on no section. */
  for (guint i = 0; i < agenda->sections->len; i++)
    {
      TavlaAgendaSection *section = g_ptr_array_index (agenda->sections, i);

      for (guint j = 0; j < section->entries->len; j++)
        {
          TavlaAgendaEntry *entry = g_ptr_array_index (section->entries, j);

          g_assert_cmpint (entry->id, !=, parked);
          g_assert_cmpint (entry->id, !=, done_before);
        }
    }

  g_assert_cmpstr (((TavlaAgendaSection *) g_ptr_array_index (agenda->sections, 0))->id, ==, "new");
  g_assert_nonnull (tavla_agenda_find_section (agenda, "deviations"));
  g_assert_nonnull (tavla_agenda_find_section (agenda, "agreements"));
  g_assert_nonnull (tavla_agenda_find_section (agenda, "recommendations"));
}

static TavlaMeeting *
add_meeting (TavlaBoard       *board,
             TavlaMeetingKind  kind,
             const char       *date,
             const char       *department)
{
  g_autoptr(GError) error = NULL;
  const char *attendees[] = { "Anna Lindqvist", "Bo Ek", "Anna Lindqvist", NULL };
  TavlaMeetingInput input = { .kind = kind, .date = date, .department = department, .attendees = attendees };
  TavlaMeeting *meeting = tavla_board_add_meeting (board, &input, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  return meeting;
}

static TavlaMeeting *
start (TavlaBoard *board,
       gint64      id)
{
  g_autoptr(GError) error = NULL;
  TavlaMeeting *meeting = tavla_board_start_meeting (board, id, NULL, &error);

  g_assert_no_error (error);
  return meeting;
}

/* What was not handled at the last weekly meeting is marked on the next
 * agenda, and under "other" when no section lists it any more. */
static void
test_carry_over (Fixture       *fixture,
                 gconstpointer  data)
{
  TavlaBoard *board = fixture->board;
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMeeting) first = NULL;
  g_autoptr(TavlaMeeting) running = NULL;
  g_autoptr(TavlaMeeting) moved = NULL;
  g_autoptr(TavlaMeeting) closed = NULL;
  g_autoptr(TavlaAgenda) agenda = NULL;
  g_autoptr(TavlaItem) parked_item = NULL;
  gint64 a = 0, b = 0, c = 0;

  set_now ("2026-11-20T09:00:00Z");
  a = add_item (board, "Första", TAVLA_STATUS_NEW, NULL, NULL);
  b = add_item (board, "Andra", TAVLA_STATUS_NEW, NULL, NULL);
  c = add_item (board, "Tredje", TAVLA_STATUS_IN_PROGRESS, "Bo Ek", "2027-01-10");

  first = add_meeting (board, TAVLA_MEETING_WEEKLY, "2026-11-23", NULL);
  g_assert_cmpuint (g_strv_length ((GStrv) tavla_meeting_get_attendees (first)), ==, 2);
  running = start (board, tavla_meeting_get_id (first));
  g_assert_cmpint (tavla_meeting_get_state (running), ==, TAVLA_MEETING_RUNNING);
  g_assert_cmpuint (tavla_meeting_get_n_entries (running), ==, 3);

  /* Only the first entry is handled. */
  moved = tavla_board_handle_meeting_entry (board, tavla_meeting_get_id (first), 0, TAVLA_OUTCOME_KEPT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tavla_meeting_get_position (moved), ==, 1);
  g_assert_cmpuint (tavla_meeting_get_n_handled (moved), ==, 1);
  closed = tavla_board_close_meeting (board, tavla_meeting_get_id (first), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_meeting_get_state (closed), ==, TAVLA_MEETING_CLOSED);

  /* The third is parked since: on no weekly section, so under "other". */
  {
    TavlaItemChange park = { .set = TAVLA_ITEM_FIELD_STATUS, .status = TAVLA_STATUS_PARKED };

    parked_item = tavla_board_update_item (board, c, &park, NULL, &error);
    g_assert_no_error (error);
  }

  agenda = build (board, TAVLA_MEETING_WEEKLY, "2026-11-30", NULL);
  g_assert_cmpstr (agenda->since, ==, "2026-11-23");
  {
    g_autofree char *e_new = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "*", a, b);
    g_autofree char *e_other = g_strdup_printf ("%" G_GINT64_FORMAT "*", c);

    assert_section (agenda, "new", e_new);
    assert_section (agenda, "other", e_other);
  }

  /* The agenda the meeting kept does not move when the board does. */
  {
    g_autoptr(TavlaAgenda) kept = tavla_board_get_meeting_agenda (board, tavla_meeting_get_id (first), &error);
    g_autofree char *e_new = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, a, b);

    g_assert_no_error (error);
    assert_section (kept, "new", e_new);
    assert_section (kept, "other", "");
  }
}

/* Changes with the meeting's id land in the history with it, mark the
 * entry and show in the minutes with decisions and what was carried over. */
static void
test_attribution_and_minutes (Fixture       *fixture,
                              gconstpointer  data)
{
  TavlaBoard *board = fixture->board;
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMeeting) meeting = NULL;
  g_autoptr(TavlaMeeting) running = NULL;
  g_autoptr(TavlaItem) changed = NULL;
  g_autoptr(TavlaDecision) decision = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GArray) outcomes = NULL;
  g_autoptr(TavlaMinutes) minutes = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TavlaItemChange change = { 0 };
  gint64 a = 0, b = 0;

  a = add_item (board, "Telefonkö", TAVLA_STATUS_NEW, NULL, NULL);
  b = add_item (board, "Checklista", TAVLA_STATUS_NEW, NULL, NULL);
  meeting = add_meeting (board, TAVLA_MEETING_WEEKLY, "2026-11-30", NULL);

  /* Not yet started: the change is refused and nothing is written. */
  change.set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_DUE;
  change.status = TAVLA_STATUS_IN_PROGRESS;
  change.owner = "Anna Lindqvist";
  change.due = "2026-12-18";
  change.meeting_id = tavla_meeting_get_id (meeting);
  before = count_all (board);
  changed = tavla_board_update_item (board, a, &change, NULL, &error);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not started"));
  g_assert_null (changed);
  g_clear_error (&error);
  after = count_all (board);
  g_assert_cmpstr (before, ==, after);

  /* An unknown meeting is refused too. */
  change.meeting_id = 999;
  changed = tavla_board_update_item (board, a, &change, NULL, &error);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_null (changed);
  g_clear_error (&error);

  running = start (board, tavla_meeting_get_id (meeting));
  change.meeting_id = tavla_meeting_get_id (meeting);
  changed = tavla_board_update_item (board, a, &change, "Maria", &error);
  g_assert_no_error (error);

  history = tavla_board_list_history (board, a, &error);
  g_assert_no_error (error);
  {
    guint n = g_list_model_get_n_items (history);
    g_autoptr(TavlaHistoryEntry) last = g_list_model_get_item (history, n - 1);
    g_autoptr(TavlaHistoryEntry) created = g_list_model_get_item (history, 0);

    g_assert_cmpint (tavla_history_entry_get_meeting_id (last), ==, tavla_meeting_get_id (meeting));
    g_assert_cmpint (tavla_history_entry_get_meeting_id (created), ==, 0);
  }

  decision = tavla_board_add_decision (board, tavla_meeting_get_id (meeting),
                                       &(TavlaDecisionInput) { "Checklistan tas fram av Bo", b, -1 },
                                       NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decision->item_title, ==, "Checklista");

  outcomes = tavla_board_list_meeting_outcomes (board, tavla_meeting_get_id (meeting), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outcomes->len, ==, 2);
  g_assert_cmpint (g_array_index (outcomes, TavlaOutcome, 0), ==, TAVLA_OUTCOME_CHANGED);
  g_assert_cmpint (g_array_index (outcomes, TavlaOutcome, 1), ==, TAVLA_OUTCOME_DECIDED);

  /* Moving on from a changed entry keeps it "changed". */
  g_clear_object (&running);
  running = tavla_board_handle_meeting_entry (board, tavla_meeting_get_id (meeting), 0, TAVLA_OUTCOME_KEPT, &error);
  g_assert_no_error (error);
  g_clear_pointer (&outcomes, g_array_unref);
  outcomes = tavla_board_list_meeting_outcomes (board, tavla_meeting_get_id (meeting), &error);
  g_assert_cmpint (g_array_index (outcomes, TavlaOutcome, 0), ==, TAVLA_OUTCOME_CHANGED);

  minutes = tavla_board_get_minutes (board, tavla_meeting_get_id (meeting), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (minutes->decisions->len, ==, 1);
  g_assert_cmpuint (minutes->changes->len, ==, 3);
  g_assert_cmpuint (minutes->n_entries, ==, 2);
  g_assert_cmpuint (minutes->n_handled, ==, 2);
  g_assert_cmpuint (minutes->carried_over->len, ==, 0);

  json = tavla_minutes_to_json (minutes);
  text = json_to_string (json, FALSE);
  g_assert_nonnull (strstr (text, "\"new_owners\":[{\"item\":1"));
  g_assert_nonnull (strstr (text, "\"new_value\":\"Anna Lindqvist\""));
  g_assert_nonnull (strstr (text, "\"new_value\":\"2026-12-18\""));
  g_assert_nonnull (strstr (text, "\"text\":\"Checklistan tas fram av Bo\""));
  g_assert_nonnull (strstr (text, "\"attendees\":[\"Anna Lindqvist\",\"Bo Ek\"]"));

  /* The rendered minutes name the decision, the change and the new owner. */
  {
    g_autoptr(TavlaDocument) document = tavla_minutes_build_document (minutes);
    g_autoptr(GBytes) bytes = tavla_document_render (document, TAVLA_EXPORT_MARKDOWN, &error);
    g_autofree char *markdown = NULL;

    g_assert_no_error (error);
    markdown = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_assert_nonnull (strstr (markdown, "Checklistan tas fram av Bo"));
    g_assert_nonnull (strstr (markdown, "Anna Lindqvist"));
    /* One row per proposal with its new owner and due date. */
    g_assert_nonnull (strstr (markdown, "| #1 Telefonkö | Anna Lindqvist | 2026-12-18 (w. 51) |"));
    g_assert_nonnull (strstr (markdown, "Week 49, 2026-11-30"));
  }

  /* Closed: no more changes or decisions in it. */
  {
    g_autoptr(TavlaMeeting) closed = tavla_board_close_meeting (board, tavla_meeting_get_id (meeting), NULL, &error);
    g_autoptr(TavlaItem) refused = NULL;
    g_autoptr(TavlaDecision) late = NULL;
    TavlaItemChange mark = { .set = TAVLA_ITEM_FIELD_MARK, .mark = TAVLA_MARK_AT_RISK,
                             .meeting_id = tavla_meeting_get_id (meeting) };

    g_assert_no_error (error);
    g_free (before);
    before = count_all (board);
    refused = tavla_board_update_item (board, a, &mark, NULL, &error);
    g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "closed"));
    g_clear_error (&error);
    late = tavla_board_add_decision (board, tavla_meeting_get_id (meeting),
                                     &(TavlaDecisionInput) { "För sent", 0, -1 }, NULL, NULL, &error);
    g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
    g_assert_null (late);
    g_clear_error (&error);
    g_free (after);
    after = count_all (board);
    g_assert_cmpstr (before, ==, after);
  }
}

/* Every bad input names its field and writes nothing. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct
  {
    TavlaMeetingKind  kind;
    const char       *date;
    const char       *department;
    const char       *attendee;
    const char       *field;
  } cases[] = {
    { TAVLA_MEETING_WEEKLY, NULL, NULL, NULL, "date" },
    { TAVLA_MEETING_WEEKLY, "2026-13-01", NULL, NULL, "date" },
    { TAVLA_MEETING_WEEKLY, "2026-12-07", "SOC", NULL, "department" },
    { TAVLA_MEETING_CHECK_IN, "2026-12-07", NULL, NULL, "department" },
    { TAVLA_MEETING_CHECK_IN, "2026-12-07", "Okänd", NULL, "department" },
    { TAVLA_MEETING_WEEKLY, "2026-12-07", NULL, "Ingen Alls", "attendee" },
    { TAVLA_MEETING_WEEKLY, "2026-12-07", NULL, "  ", "attendee" },
    { 7, "2026-12-07", NULL, NULL, "kind" },
  };
  TavlaBoard *board = fixture->board;
  g_autofree char *before = count_all (board);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TavlaMeeting) meeting = NULL;
      g_autofree char *after = NULL;
      const char *attendees[] = { cases[i].attendee, NULL };
      TavlaMeetingInput input = { cases[i].kind, cases[i].date, cases[i].department, attendees };
      const char *field = NULL;

      meeting = tavla_board_add_meeting (board, &input, NULL, &field, &error);
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      g_assert_null (meeting);
      g_assert_cmpstr (field, ==, cases[i].field);
      after = count_all (board);
      g_assert_cmpstr (before, ==, after);
    }

  /* Decisions: empty, too long, unknown item; a planned meeting. */
  {
    g_autoptr(TavlaMeeting) meeting = add_meeting (board, TAVLA_MEETING_WEEKLY, "2026-12-07", NULL);
    g_autoptr(TavlaMeeting) running = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *long_text = g_strnfill (2001, 'x');
    const struct { const char *text; gint64 item; const char *field; } bad[] = {
      { "  ", 0, "text" },
      { long_text, 0, "text" },
      { "Beslut", 4711, "item" },
    };
    g_autoptr(TavlaDecision) none = NULL;

    none = tavla_board_add_decision (board, tavla_meeting_get_id (meeting),
                                     &(TavlaDecisionInput) { "Beslut", 0, -1 }, NULL, NULL, &error);
    g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
    g_clear_error (&error);

    running = start (board, tavla_meeting_get_id (meeting));
    g_free (before);
    before = count_all (board);
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(TavlaDecision) decision = NULL;
        g_autofree char *after = NULL;
        const char *field = NULL;

        decision = tavla_board_add_decision (board, tavla_meeting_get_id (meeting),
                                             &(TavlaDecisionInput) { bad[i].text, bad[i].item, -1 },
                                             NULL, &field, &error);
        g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
        g_assert_cmpstr (field, ==, bad[i].field);
        g_clear_error (&error);
        after = count_all (board);
        g_assert_cmpstr (before, ==, after);
      }

    /* Starting twice is refused. */
    {
      g_autoptr(TavlaMeeting) again = tavla_board_start_meeting (board, tavla_meeting_get_id (meeting), NULL, &error);

      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      g_assert_null (again);
      g_clear_error (&error);
    }

    /* Unknown meeting. */
    {
      g_autoptr(TavlaMeeting) missing = tavla_board_get_meeting (board, 999, &error);

      g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
  }

  /* Agendas: a bad date, a weekly one with a department. */
  {
    g_autoptr(GError) error = NULL;
    const char *field = NULL;
    TavlaAgendaQuery query = { .kind = TAVLA_MEETING_WEEKLY, .date = "2026-02-30" };
    g_autoptr(TavlaAgenda) agenda = tavla_board_build_agenda (board, &query, &field, &error);

    g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
    g_assert_cmpstr (field, ==, "date");
  }
}

/* One section per department with its strategic items; the follow-up
 * lists the decisions of the last development-group meeting. */
static void
test_development_group (Fixture       *fixture,
                        gconstpointer  data)
{
  TavlaBoard *board = fixture->board;
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaDepartment) buf = NULL;
  g_autoptr(TavlaMeeting) last = NULL;
  g_autoptr(TavlaMeeting) running = NULL;
  g_autoptr(TavlaMeeting) closed = NULL;
  g_autoptr(TavlaDecision) decision = NULL;
  g_autoptr(TavlaAgenda) agenda = NULL;
  g_autoptr(TavlaAgenda) one = NULL;
  g_autofree char *soc_section = NULL;
  g_autofree char *buf_section = NULL;
  gint64 soc_item = 0, buf_item = 0, proposal = 0, plain = 0;
  TavlaItemChange change = { 0 };

  buf = tavla_board_add_department (board, "Barn- och utbildningsförvaltningen", "BUF", NULL, &error);
  g_assert_no_error (error);

  soc_item = add_item (board, "Försörjningsstöd i kunskapsbanken", TAVLA_STATUS_IN_PROGRESS, "Anna Lindqvist",
                       "2027-02-01");
  buf_item = add_item (board, "Skolvalet", TAVLA_STATUS_IN_PROGRESS, "Bo Ek", "2027-03-01");
  proposal = add_item (board, "Gemensam e-tjänst", TAVLA_STATUS_NEW, NULL, NULL);
  plain = add_item (board, "Ej strategisk", TAVLA_STATUS_IN_PROGRESS, "Bo Ek", "2027-03-01");
  change.set = TAVLA_ITEM_FIELD_STRATEGIC | TAVLA_ITEM_FIELD_DEPARTMENT;
  change.strategic = TRUE;
  change.department = "Socialförvaltningen";
  g_object_unref (tavla_board_update_item (board, soc_item, &change, NULL, &error));
  g_object_unref (tavla_board_update_item (board, proposal, &change, NULL, &error));
  change.department = "Barn- och utbildningsförvaltningen";
  g_object_unref (tavla_board_update_item (board, buf_item, &change, NULL, &error));
  g_assert_no_error (error);

  last = add_meeting (board, TAVLA_MEETING_DEVELOPMENT_GROUP, "2026-09-15", NULL);
  running = start (board, tavla_meeting_get_id (last));
  decision = tavla_board_add_decision (board, tavla_meeting_get_id (last),
                                       &(TavlaDecisionInput) { "Mät NKI per förvaltning", 0, -1 },
                                       NULL, NULL, &error);
  g_assert_no_error (error);
  closed = tavla_board_close_meeting (board, tavla_meeting_get_id (last), NULL, &error);
  g_assert_no_error (error);

  /* Each strategic proposal is on that agenda twice (its department and
   * the improvement areas or proposals) but carried over once. */
  {
    g_autoptr(TavlaMinutes) minutes = tavla_board_get_minutes (board, tavla_meeting_get_id (last), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (minutes->n_entries, ==, 8);
    g_assert_cmpuint (minutes->carried_over->len, ==, 3);
  }

  agenda = build (board, TAVLA_MEETING_DEVELOPMENT_GROUP, "2026-11-30", NULL);
  soc_section = g_strdup_printf ("department-%" G_GINT64_FORMAT, (gint64) 1);
  buf_section = g_strdup_printf ("department-%" G_GINT64_FORMAT, tavla_department_get_id (buf));
  {
    g_autofree char *e_follow = g_strdup_printf ("decision%" G_GINT64_FORMAT, decision->id);
    /* The last meeting was closed without walking its agenda: every item
     * on it is carried over (*). */
    g_autofree char *e_soc = g_strdup_printf ("department1,%" G_GINT64_FORMAT "*,%" G_GINT64_FORMAT "*",
                                              soc_item, proposal);
    g_autofree char *e_buf = g_strdup_printf ("department%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "*",
                                              tavla_department_get_id (buf), buf_item);
    g_autofree char *e_areas = g_strdup_printf ("%" G_GINT64_FORMAT "*,%" G_GINT64_FORMAT "*", soc_item, buf_item);
    g_autofree char *e_proposals = g_strdup_printf ("%" G_GINT64_FORMAT "*", proposal);

    assert_section (agenda, "follow-up", e_follow);
    assert_section (agenda, soc_section, e_soc);
    assert_section (agenda, buf_section, e_buf);
    assert_section (agenda, "improvement-areas", e_areas);
    assert_section (agenda, "proposals", e_proposals);
    g_assert_nonnull (tavla_agenda_find_section (agenda, "recommendations"));
  }
  g_assert_cmpstr (tavla_agenda_find_section (agenda, buf_section)->title, ==, "Barn- och utbildningsförvaltningen");
  (void) plain;

  /* Asked for one department: only its section. */
  one = build (board, TAVLA_MEETING_DEVELOPMENT_GROUP, "2026-11-30", "BUF");
  g_assert_null (tavla_agenda_find_section (one, soc_section));
  g_assert_nonnull (tavla_agenda_find_section (one, buf_section));
  g_assert_cmpstr (one->department, ==, "Barn- och utbildningsförvaltningen");
}

/* User text in the printed agenda is text, never markup; the JSON reads back. */
static void
test_agenda_escaping_and_json (Fixture       *fixture,
                               gconstpointer  data)
{
  TavlaBoard *board = fixture->board;
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaAgenda) agenda = NULL;
  g_autoptr(TavlaAgenda) again = NULL;
  g_autoptr(TavlaDocument) document = NULL;
  g_autoptr(GBytes) html = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  g_autoptr(JsonNode) json_again = NULL;

  add_item (board, "<script>alert(1)</script> & <b>fet</b>", TAVLA_STATUS_NEW, NULL, NULL);
  agenda = build (board, TAVLA_MEETING_WEEKLY, "2026-11-30", NULL);
  document = tavla_agenda_build_document (agenda);
  html = tavla_document_render (document, TAVLA_EXPORT_HTML, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (html, NULL), g_bytes_get_size (html));
  g_assert_null (strstr (text, "<script>alert"));
  g_assert_null (strstr (text, "<b>fet"));
  g_assert_nonnull (strstr (text, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;"));

  json = tavla_agenda_to_json (agenda);
  again = tavla_agenda_new_from_json (json, &error);
  g_assert_no_error (error);
  json_again = tavla_agenda_to_json (again);
  g_free (text);
  text = json_to_string (json, FALSE);
  text_again = json_to_string (json_again, FALSE);
  g_assert_cmpstr (text, ==, text_again);
  g_assert_nonnull (strstr (text, "\"kind\":\"weekly\",\"date\":\"2026-11-30\",\"week\":49,\"since\":\"2026-11-23\""));

  /* A damaged stored agenda is an error, not a crash. */
  {
    g_autoptr(JsonNode) broken = json_from_string ("{\"kind\":\"weekly\"}", NULL);
    g_autoptr(TavlaAgenda) none = tavla_agenda_new_from_json (broken, &error);

    g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED);
    g_assert_null (none);
  }
}

/* The weekly agenda's other sections: the last complete week's deviations
 * with their proposals, agreements due for review within 30 days, and open
 * recommendations due within 30 days or overdue. */
static void
test_weekly_follow_ups (Fixture       *fixture,
                        gconstpointer  data)
{
  TavlaBoard *board = fixture->board;
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMetric) metric = NULL;
  g_autoptr(TavlaResponseGroup) group = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(TavlaAudit) audit = NULL;
  g_autoptr(TavlaAgenda) agenda = NULL;
  g_autoptr(GListModel) deviations = NULL;
  g_autoptr(TavlaItem) acted = NULL;
  TavlaMetricInput answer_rate = {
    .name = "Svarsfrekvens", .unit = "percent", .direction = "higher", .target = "95",
    .period = "week", .per_group = TRUE,
  };
  const char *signatories[] = { "Eva Lundgren:Förvaltningschef", "Helena Björk:Administrativ chef", NULL };
  TavlaAgreementInput agreement_input = { .department = "SOC", .signed_date = "2025-12-10",
                                          .signatories = signatories };
  TavlaAuditInput audit_input = { .title = "Granskning av kundcenter", .auditor = "KPMG", .date = "2026-06-02",
                                  .body = "Kommunstyrelsen" };
  TavlaDeviationQuery week_48 = { .from = "2026-W48", .to = "2026-W48" };
  TavlaItemChange act = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "Förstärk telefonin" };
  const struct { const char *text; const char *due; gboolean listed; } recommendations[] = {
    { "Gör en extern undersökning", "2026-12-20", TRUE },
    { "Utveckla webbplatsen", "2027-03-01", FALSE },
    { "Följ upp bemötandet", "2026-11-01", TRUE },
  };
  TavlaAgendaSection *section = NULL;
  guint listed = 0;

  metric = tavla_board_add_metric (board, &answer_rate, NULL, NULL, &error);
  g_assert_no_error (error);
  group = tavla_board_add_response_group (board, "Socialtjänst", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      TavlaMeasurementInput input = { .metric = "Svarsfrekvens", .period = i == 0 ? "2026-W47" : "2026-W48",
                                      .group = "Socialtjänst", .numerator = "90", .denominator = "100" };
      g_autoptr(TavlaMeasurement) measurement = tavla_board_record_measurement (board, &input, NULL, NULL, NULL,
                                                                                &error);

      g_assert_no_error (error);
    }
  deviations = tavla_board_list_deviations (board, &week_48, &error);
  g_assert_no_error (error);
  {
    g_autoptr(TavlaDeviation) deviation = g_list_model_get_item (deviations, 0);

    acted = tavla_board_act_on_deviation (board, tavla_deviation_get_id (deviation), &act, NULL, &error);
    g_assert_no_error (error);
  }

  agreement = tavla_board_add_agreement (board, &agreement_input, NULL, NULL, &error);
  g_assert_no_error (error);
  audit = tavla_board_add_audit (board, &audit_input, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (recommendations); i++)
    {
      TavlaRecommendationInput input = { .text = recommendations[i].text, .due = recommendations[i].due };
      g_autoptr(TavlaRecommendation) recommendation =
        tavla_board_add_recommendation (board, tavla_audit_get_id (audit), &input, NULL, NULL, &error);

      g_assert_no_error (error);
    }

  agenda = build (board, TAVLA_MEETING_WEEKLY, "2026-11-30", NULL);

  /* Only week 48's deviations, the one acted on with its proposal. */
  section = tavla_agenda_find_section (agenda, "deviations");
  g_assert_cmpuint (section->entries->len, >=, 1);
  for (guint i = 0; i < section->entries->len; i++)
    {
      TavlaAgendaEntry *entry = g_ptr_array_index (section->entries, i);
      JsonArray *items = json_object_get_array_member (entry->fields, "items");

      g_assert_cmpstr (json_object_get_string_member (entry->fields, "period"), ==, "2026-W48");
      if (json_array_get_length (items) > 0)
        {
          g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), ==,
                           tavla_item_get_id (acted));
          g_assert_nonnull (strstr (entry->detail, "Förstärk telefonin"));
          listed++;
        }
    }
  g_assert_cmpuint (listed, ==, 1);

  /* Signed 2025-12-10 with a yearly review: due 2026-12-10, within 30 days. */
  section = tavla_agenda_find_section (agenda, "agreements");
  g_assert_cmpuint (section->entries->len, ==, 1);
  g_assert_cmpint (((TavlaAgendaEntry *) g_ptr_array_index (section->entries, 0))->id, ==,
                   tavla_agreement_get_id (agreement));
  g_assert_nonnull (strstr (((TavlaAgendaEntry *) g_ptr_array_index (section->entries, 0))->detail,
                            "2026-12-10 (w. 50)"));

  section = tavla_agenda_find_section (agenda, "recommendations");
  g_assert_cmpuint (section->entries->len, ==, 2);
  /* The one due 2026-11-01 is overdue: red. */
  g_assert_cmpstr (json_object_get_string_member (((TavlaAgendaEntry *) g_ptr_array_index (section->entries, 1))->fields,
                                                  "light"), ==, "red");
  for (guint i = 0; i < section->entries->len; i++)
    g_assert_cmpstr (((TavlaAgendaEntry *) g_ptr_array_index (section->entries, i))->title, !=,
                     "Utveckla webbplatsen");

  /* The development group sees every recommendation not closed. */
  {
    g_autoptr(TavlaAgenda) group_agenda = build (board, TAVLA_MEETING_DEVELOPMENT_GROUP, "2026-11-30", NULL);

    g_assert_cmpuint (tavla_agenda_find_section (group_agenda, "recommendations")->entries->len, ==, 3);
  }
}

int
main (int    argc,
      char **argv)
{
  test_common_init (&argc, &argv);

  g_test_add ("/meetings/weekly-edges", Fixture, NULL, fixture_set_up, test_weekly_edges, fixture_tear_down);
  g_test_add ("/meetings/weekly-follow-ups", Fixture, NULL, fixture_set_up, test_weekly_follow_ups,
              fixture_tear_down);
  g_test_add ("/meetings/carry-over", Fixture, NULL, fixture_set_up, test_carry_over, fixture_tear_down);
  g_test_add ("/meetings/attribution-and-minutes", Fixture, NULL, fixture_set_up,
              test_attribution_and_minutes, fixture_tear_down);
  g_test_add ("/meetings/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);
  g_test_add ("/meetings/development-group", Fixture, NULL, fixture_set_up, test_development_group,
              fixture_tear_down);
  g_test_add ("/meetings/agenda-escaping-and-json", Fixture, NULL, fixture_set_up,
              test_agenda_escaping_and_json, fixture_tear_down);

  return g_test_run ();
}
