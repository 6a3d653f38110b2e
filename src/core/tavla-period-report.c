/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-board-agreements.h"
#include "tavla-board-audits.h"
#include "tavla-board-feedback.h"
#include "tavla-board-metrics.h"
#include "tavla-board-private.h"
#include "tavla-date.h"
#include "tavla-enums.h"
#include "tavla-error.h"
#include "tavla-history-entry.h"
#include "tavla-period-report.h"
#include "tavla-period-report-private.h"

/*
 * The period report of a tertial (issue 7). Everything is read first into
 * plain structs (tavla-period-report-private.h), so that the document here
 * and the JSON (tavla-period-report-json.c) say the same.
 */

static void
goal_free (Goal *goal)
{
  g_clear_object (&goal->metric);
  g_strfreev (goal->chart_labels);
  g_free (goal);
}

static void
improvement_free (Improvement *improvement)
{
  g_clear_object (&improvement->item);
  g_free (improvement->done);
  g_clear_pointer (&improvement->effects, g_ptr_array_unref);
  g_free (improvement);
}

void
tavla_period_report_free (TavlaPeriodReport *report)
{
  if (report == NULL)
    return;

  g_free (report->tertial);
  g_free (report->previous);
  g_free (report->last_year);
  g_free (report->from);
  g_free (report->to);
  g_free (report->on);
  g_clear_pointer (&report->goals, g_ptr_array_unref);
  g_clear_pointer (&report->deviations, g_ptr_array_unref);
  g_clear_pointer (&report->titles, g_hash_table_unref);
  g_clear_pointer (&report->done, g_ptr_array_unref);
  g_clear_pointer (&report->ongoing, g_ptr_array_unref);
  g_clear_pointer (&report->new_items, g_ptr_array_unref);
  g_clear_pointer (&report->areas, g_ptr_array_unref);
  g_clear_pointer (&report->feedback, tavla_feedback_summary_free);
  g_clear_pointer (&report->agreements, g_ptr_array_unref);
  g_clear_pointer (&report->signed_in, g_ptr_array_unref);
  g_clear_pointer (&report->recommendations, g_ptr_array_unref);
  g_free (report);
}

const char *
tavla_period_report_get_tertial (TavlaPeriodReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->tertial;
}

static char *
period_after (const TavlaPeriod *period,
              int                n)
{
  TavlaPeriod other = { 0 };

  tavla_period_add (period, n, &other);
  return tavla_period_format (&other);
}

static gboolean
in_tertial (TavlaPeriodReport *report,
            const char        *day)
{
  return day != NULL && strncmp (day, report->from, 10) >= 0 && strncmp (day, report->to, 10) <= 0;
}

/* ---- Reading ------------------------------------------------------------ */

static gboolean
read_goals (TavlaPeriodReport  *report,
            TavlaBoard         *board,
            GError            **error)
{
  GListModel *metrics = tavla_board_get_metrics (board);
  g_autofree char *first = period_after (&report->period, 1 - CHART_TERTIALS);

  for (guint i = 0; i < g_list_model_get_n_items (metrics); i++)
    {
      g_autoptr(TavlaMetric) metric = g_list_model_get_item (metrics, i);
      g_autoptr(GPtrArray) series = NULL;
      Goal *goal = NULL;
      const char *wanted[3] = { report->tertial, report->previous, report->last_year };

      if (!tavla_metric_get_active (metric))
        continue;

      series = tavla_board_get_series (board, tavla_metric_get_name (metric), NULL, TAVLA_PERIOD_TERTIAL,
                                       first, report->tertial, error);
      if (series == NULL)
        return FALSE;

      goal = g_new0 (Goal, 1);
      goal->metric = g_object_ref (metric);
      goal->target = tavla_metric_get_target (metric);
      goal->chart_labels = g_new0 (char *, CHART_TERTIALS + 1);
      for (guint c = 0; c < CHART_TERTIALS; c++)
        {
          TavlaPeriod period = { 0 };
          g_autofree char *name = NULL;

          tavla_period_add (&report->period, (int) c + 1 - CHART_TERTIALS, &period);
          name = tavla_period_format (&period);
          goal->chart_labels[c] = tavla_period_display_short (&period);
          goal->chart_values[c] = NAN;
          for (guint p = 0; p < series->len; p++)
            {
              TavlaSeriesPoint *point = g_ptr_array_index (series, p);

              if (g_strcmp0 (point->period, name) != 0)
                continue;
              goal->chart_values[c] = point->value;
              for (guint w = 0; w < 3; w++)
                {
                  if (g_strcmp0 (wanted[w], name) == 0)
                    {
                      goal->has[w] = TRUE;
                      goal->values[w] = point->value;
                      if (w == 0)
                        {
                          goal->deviation = point->deviation;
                          goal->target = point->target;
                        }
                    }
                }
            }
        }
      g_ptr_array_add (report->goals, goal);
    }

  return TRUE;
}

static gboolean
read_deviations (TavlaPeriodReport  *report,
                 TavlaBoard         *board,
                 GError            **error)
{
  TavlaDeviationQuery query = {
    .from = report->tertial,
    .to = report->tertial,
    .include_overall = TRUE,
  };
  g_autoptr(GListModel) deviations = tavla_board_list_deviations (board, &query, error);

  if (deviations == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (deviations); i++)
    g_ptr_array_add (report->deviations, g_list_model_get_item (deviations, i));

  return TRUE;
}

/* The day an item last moved to done, from its history. */
static char *
done_day (TavlaBoard  *board,
          TavlaItem   *item,
          GError     **error)
{
  g_autoptr(GListModel) history = tavla_board_list_history (board, tavla_item_get_id (item), error);
  char *day = NULL;

  if (history == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, i);

      if (g_strcmp0 (tavla_history_entry_get_field (entry), "status") == 0 &&
          g_strcmp0 (tavla_history_entry_get_new_value (entry), "done") == 0)
        {
          g_free (day);
          day = g_strndup (tavla_history_entry_get_at (entry), 10);
        }
    }

  /* Done without a recorded move (imported that way): the last change. */
  if (day == NULL)
    day = g_strndup (tavla_item_get_updated (item), 10);

  return day;
}

static Improvement *
improvement_new (TavlaItem *item)
{
  Improvement *improvement = g_new0 (Improvement, 1);

  improvement->item = g_object_ref (item);
  improvement->effects = g_ptr_array_new_with_free_func (g_free);

  return improvement;
}

static gboolean
read_items (TavlaPeriodReport  *report,
            TavlaBoard         *board,
            GError            **error)
{
  GListModel *items = tavla_board_get_items (board);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TavlaItem) item = g_list_model_get_item (items, i);
      TavlaStatus status = tavla_item_get_status (item);
      gint64 id = tavla_item_get_id (item);

      g_hash_table_insert (report->titles, g_memdup2 (&id, sizeof id), g_strdup (tavla_item_get_title (item)));

      /* The last move to done is no later than the last change: items
       * last changed before the tertial need no look at their history. */
      if (status == TAVLA_STATUS_DONE && strncmp (tavla_item_get_updated (item), report->from, 10) >= 0)
        {
          g_autofree char *day = done_day (board, item, error);
          g_autoptr(GPtrArray) effects = NULL;
          Improvement *improvement = NULL;

          if (day == NULL)
            return FALSE;
          if (in_tertial (report, day))
            {
              if ((effects = tavla_board_get_item_effect (board, id, 0, error)) == NULL)
                return FALSE;
              improvement = improvement_new (item);
              improvement->done = g_steal_pointer (&day);
              for (guint e = 0; e < effects->len; e++)
                g_ptr_array_add (improvement->effects, tavla_effect_dup_summary (g_ptr_array_index (effects, e)));
              g_ptr_array_add (report->done, improvement);
            }
        }
      else if (status == TAVLA_STATUS_IN_PROGRESS)
        g_ptr_array_add (report->ongoing, improvement_new (item));

      if (in_tertial (report, tavla_item_get_created (item)))
        g_ptr_array_add (report->new_items, improvement_new (item));

      if (tavla_item_get_strategic (item) &&
          (status == TAVLA_STATUS_NEW || status == TAVLA_STATUS_IN_PROGRESS))
        g_ptr_array_add (report->areas, improvement_new (item));
    }

  return TRUE;
}

static gboolean
read_agreements (TavlaPeriodReport  *report,
                 TavlaBoard         *board,
                 GError            **error)
{
  TavlaAgreementQuery current_query = { .current_only = TRUE, .on = report->on };
  TavlaAgreementQuery all_query = { .on = report->on };
  g_autoptr(GListModel) current = tavla_board_list_agreements (board, &current_query, error);
  g_autoptr(GListModel) all = NULL;

  if (current == NULL || (all = tavla_board_list_agreements (board, &all_query, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (current); i++)
    g_ptr_array_add (report->agreements, g_list_model_get_item (current, i));
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(TavlaAgreement) agreement = g_list_model_get_item (all, i);

      if (in_tertial (report, tavla_agreement_get_signed (agreement)))
        g_ptr_array_add (report->signed_in, g_steal_pointer (&agreement));
    }

  return TRUE;
}

static gboolean
read_recommendations (TavlaPeriodReport  *report,
                      TavlaBoard         *board,
                      GError            **error)
{
  TavlaRecommendationQuery query = { .on = report->on };
  g_autoptr(GListModel) recommendations = tavla_board_list_recommendations (board, &query, error);

  if (recommendations == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (recommendations); i++)
    g_ptr_array_add (report->recommendations, g_list_model_get_item (recommendations, i));

  return TRUE;
}

TavlaPeriodReport *
tavla_board_build_period_report (TavlaBoard  *self,
                                 const char  *tertial,
                                 GError     **error)
{
  g_autoptr(TavlaPeriodReport) report = g_new0 (TavlaPeriodReport, 1);
  g_autofree char *trimmed = tavla_board_dup_trimmed (tertial);
  g_autofree char *today = tavla_date_today ();
  GDate first;
  GDate last;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (trimmed == NULL)
    {
      tavla_board_set_input_error (error, _("Tertial is empty; write the tertial to report on, like 2026-T3."));
      return NULL;
    }
  if (!tavla_period_parse (trimmed, &report->period, error))
    return NULL;
  if (report->period.kind != TAVLA_PERIOD_TERTIAL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a tertial; write one like 2026-T3 "
                                                    "(T1 January–April, T2 May–August, T3 September–December)."),
                                                  trimmed);

      tavla_board_set_input_error (error, message);
      return NULL;
    }

  report->tertial = tavla_period_format (&report->period);
  report->previous = period_after (&report->period, -1);
  report->last_year = period_after (&report->period, -3);
  tavla_period_get_first_day (&report->period, &first);
  tavla_period_get_last_day (&report->period, &last);
  report->from = tavla_date_format (&first);
  report->to = tavla_date_format (&last);
  /* Status and reviews as they stood at the end of a past tertial, or
   * today for the running one. */
  report->on = g_strdup (strcmp (today, report->to) < 0 ? today : report->to);

  report->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) goal_free);
  report->deviations = g_ptr_array_new_with_free_func (g_object_unref);
  report->titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  report->done = g_ptr_array_new_with_free_func ((GDestroyNotify) improvement_free);
  report->ongoing = g_ptr_array_new_with_free_func ((GDestroyNotify) improvement_free);
  report->new_items = g_ptr_array_new_with_free_func ((GDestroyNotify) improvement_free);
  report->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) improvement_free);
  report->agreements = g_ptr_array_new_with_free_func (g_object_unref);
  report->signed_in = g_ptr_array_new_with_free_func (g_object_unref);
  report->recommendations = g_ptr_array_new_with_free_func (g_object_unref);

  if (!read_goals (report, self, error) ||
      !read_deviations (report, self, error) ||
      !read_items (report, self, error) ||
      (report->feedback = tavla_board_summarize_feedback (self, report->tertial, NULL, error)) == NULL ||
      !read_agreements (report, self, error) ||
      !read_recommendations (report, self, error))
    return NULL;

  return g_steal_pointer (&report);
}

/* ---- The document ------------------------------------------------------- */

static char *
format_value (Goal    *goal,
              guint    which)
{
  if (!goal->has[which])
    return g_strdup ("–");
  return tavla_metric_format_value (goal->metric, goal->values[which]);
}

static TavlaTone
goal_tone (Goal *goal)
{
  if (!goal->has[0])
    return TAVLA_TONE_GREY;
  return goal->deviation ? TAVLA_TONE_RED : TAVLA_TONE_GREEN;
}

static void
add_goals (TavlaPeriodReport *report,
           TavlaDocument     *document)
{
  g_autofree char *previous = tavla_period_display_text (report->previous);
  g_autofree char *last_year = tavla_period_display_text (report->last_year);
  g_autofree char *this_one = tavla_period_display_text (report->tertial);
  const char *headings[5] = { _("Metric"), _("Target"), this_one, previous, last_year };
  static const double shares[5] = { 0.32, 0.20, 0.16, 0.16, 0.16 };

  tavla_document_add_heading (document, _("Goals"));
  if (report->goals->len == 0)
    {
      tavla_document_add_note (document, _("The board has no metrics yet."));
      return;
    }

  tavla_document_add_table (document, 5, headings, shares);
  for (guint i = 0; i < report->goals->len; i++)
    {
      Goal *goal = g_ptr_array_index (report->goals, i);
      g_autofree char *target = tavla_metric_format_value (goal->metric, goal->target);
      g_autofree char *value = format_value (goal, 0);
      g_autofree char *before = format_value (goal, 1);
      g_autofree char *year = format_value (goal, 2);
      const char *cells[5] = { tavla_metric_get_name (goal->metric), target, value, before, year };

      tavla_document_add_row (document, goal_tone (goal), cells);
    }

  for (guint i = 0; i < report->goals->len; i++)
    {
      Goal *goal = g_ptr_array_index (report->goals, i);
      TavlaDocumentChart chart = {
        .caption = tavla_metric_get_name (goal->metric),
        .labels = (const char * const *) goal->chart_labels,
        .values = goal->chart_values,
        .n_points = CHART_TERTIALS,
        .target = goal->target,
      };

      tavla_document_add_chart (document, &chart);
    }
}

static char *
item_titles (TavlaPeriodReport *report,
             TavlaDeviation    *deviation)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_items = 0;
  const gint64 *ids = tavla_deviation_get_items (deviation, &n_items);

  for (guint i = 0; i < n_items; i++)
    {
      const char *title = g_hash_table_lookup (report->titles, &ids[i]);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "#%" G_GINT64_FORMAT " %s", ids[i], title != NULL ? title : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_deviations (TavlaPeriodReport *report,
                TavlaDocument     *document)
{
  const char *headings[5] = { _("Period"), _("Metric"), _("Value"), _("Cause"), _("Actions") };
  static const double shares[5] = { 0.13, 0.22, 0.12, 0.28, 0.25 };

  tavla_document_add_heading (document, _("Deviations and actions"));
  if (report->deviations->len == 0)
    {
      tavla_document_add_note (document, _("No deviations in the tertial."));
      return;
    }

  tavla_document_add_table (document, 5, headings, shares);
  for (guint i = 0; i < report->deviations->len; i++)
    {
      TavlaDeviation *deviation = g_ptr_array_index (report->deviations, i);
      g_autofree char *period = tavla_period_display_text (tavla_deviation_get_period (deviation));
      g_autofree char *value = tavla_unit_format_value (tavla_deviation_get_unit (deviation),
                                                        tavla_deviation_get_value (deviation));
      g_autofree char *metric = NULL;
      g_autofree char *actions = item_titles (report, deviation);
      const char *cause = tavla_deviation_get_cause (deviation);
      const char *cells[5] = { NULL };

      if (tavla_deviation_get_group (deviation) != NULL)
        metric = g_strdup_printf ("%s (%s)", tavla_deviation_get_metric (deviation),
                                  tavla_deviation_get_group (deviation));
      else
        metric = g_strdup (tavla_deviation_get_metric (deviation));

      cells[0] = period;
      cells[1] = metric;
      cells[2] = value;
      cells[3] = cause != NULL ? cause : _("Not explained yet");
      cells[4] = *actions != '\0' ? actions : _("None");
      tavla_document_add_row (document, cause != NULL && *actions != '\0' ? TAVLA_TONE_GREEN : TAVLA_TONE_RED,
                              cells);
    }
}

static TavlaTone
mark_tone (TavlaItem *item)
{
  switch (tavla_item_get_mark (item))
    {
    case TAVLA_MARK_ON_TRACK:
      return TAVLA_TONE_GREEN;
    case TAVLA_MARK_AT_RISK:
      return TAVLA_TONE_YELLOW;
    case TAVLA_MARK_OFF_TRACK:
      return TAVLA_TONE_RED;
    case TAVLA_MARK_NONE:
    default:
      return TAVLA_TONE_NONE;
    }
}

static char *
describe_item (TavlaItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *due = tavla_item_dup_due_label (item);

  g_string_append_printf (text, "#%" G_GINT64_FORMAT " %s", tavla_item_get_id (item), tavla_item_get_title (item));
  if (tavla_item_get_owner (item) != NULL)
    g_string_append_printf (text, " (%s)", tavla_item_get_owner (item));
  if (due != NULL)
    /* Translators: after an item's title; %s is its due date. */
    g_string_append_printf (text, _(", due %s"), due);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_item_list (TavlaDocument *document,
               const char    *subheading,
               GPtrArray     *improvements,
               const char    *none)
{
  tavla_document_add_subheading (document, subheading);
  if (improvements->len == 0)
    tavla_document_add_note (document, none);

  for (guint i = 0; i < improvements->len; i++)
    {
      Improvement *improvement = g_ptr_array_index (improvements, i);
      g_autofree char *text = describe_item (improvement->item);
      g_autoptr(GString) line = g_string_new (text);

      if (improvement->done != NULL)
        /* Translators: after a done item; %s is the day it was done. */
        g_string_append_printf (line, _(", done %s"), improvement->done);
      for (guint e = 0; e < improvement->effects->len; e++)
        g_string_append_printf (line, "\n%s", (char *) g_ptr_array_index (improvement->effects, e));

      tavla_document_add_bullet (document,
                                 improvement->done != NULL ? TAVLA_TONE_GREEN : mark_tone (improvement->item),
                                 line->str);
    }
}

static void
add_improvements (TavlaPeriodReport *report,
                  TavlaDocument     *document)
{
  tavla_document_add_heading (document, _("Improvements"));
  add_item_list (document, _("Done in the tertial"), report->done, _("None was done in the tertial."));
  add_item_list (document, _("Ongoing"), report->ongoing, _("None is in progress."));
  add_item_list (document, _("New in the tertial"), report->new_items, _("None was proposed in the tertial."));

  tavla_document_add_heading (document, _("Improvement areas"));
  if (report->areas->len == 0)
    tavla_document_add_note (document, _("No strategic improvement areas are open."));
  for (guint i = 0; i < report->areas->len; i++)
    {
      Improvement *improvement = g_ptr_array_index (report->areas, i);
      g_autofree char *text = describe_item (improvement->item);
      g_autofree char *line = g_strdup_printf ("%s: %s", text,
                                               tavla_status_get_label (tavla_item_get_status (improvement->item)));

      tavla_document_add_bullet (document, mark_tone (improvement->item), line);
    }
}

static void
add_feedback_table (TavlaDocument        *document,
                    TavlaFeedbackSummary *summary)
{
  const char *headings[7] = {
    _("Department"), _("Total"),
    tavla_feedback_category_get_label (TAVLA_FEEDBACK_CATEGORY_COMPLAINT),
    tavla_feedback_category_get_label (TAVLA_FEEDBACK_CATEGORY_SUGGESTION),
    tavla_feedback_category_get_label (TAVLA_FEEDBACK_CATEGORY_PRAISE),
    tavla_feedback_category_get_label (TAVLA_FEEDBACK_CATEGORY_QUESTION),
    _("Passed on"),
  };
  static const double shares[7] = { 0.30, 0.10, 0.12, 0.12, 0.12, 0.12, 0.12 };

  tavla_document_add_table (document, 7, headings, shares);
  for (guint i = 0; i <= summary->departments->len; i++)
    {
      TavlaFeedbackCount *count = i < summary->departments->len ? g_ptr_array_index (summary->departments, i)
                                                                : &summary->all;
      char *numbers[6] = { NULL };
      const char *cells[7] = { NULL };

      numbers[0] = g_strdup_printf ("%u", count->total);
      for (guint c = 0; c < TAVLA_N_FEEDBACK_CATEGORIES; c++)
        numbers[c + 1] = g_strdup_printf ("%u", count->categories[c]);
      numbers[5] = g_strdup_printf ("%u", count->passed_on);

      cells[0] = i < summary->departments->len ? count->department : _("All departments");
      for (guint c = 0; c < 6; c++)
        cells[c + 1] = numbers[c];
      tavla_document_add_row (document, TAVLA_TONE_NONE, cells);

      for (guint c = 0; c < 6; c++)
        g_free (numbers[c]);
    }
}

static void
add_channels (TavlaDocument        *document,
              TavlaFeedbackSummary *summary)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c <= TAVLA_FEEDBACK_CHANNEL_OTHER; c++)
    {
      if (summary->all.channels[c] == 0)
        continue;
      if (line->len > 0)
        g_string_append (line, ", ");
      g_string_append_printf (line, "%s %u", tavla_feedback_channel_get_label (c), summary->all.channels[c]);
    }
  if (line->len > 0)
    tavla_document_add_fact (document, _("Channels"), line->str);
}

static void
add_feedback (TavlaPeriodReport *report,
              TavlaDocument     *document)
{
  tavla_document_add_heading (document, _("Citizen feedback per department"));
  if (report->feedback->all.total == 0)
    {
      tavla_document_add_note (document, _("No feedback was registered in the tertial."));
      return;
    }

  add_feedback_table (document, report->feedback);
  add_channels (document, report->feedback);
  if (report->feedback->items->len > 0)
    tavla_document_add_subheading (document, _("Improvements started from the feedback"));
  for (guint i = 0; i < report->feedback->items->len; i++)
    {
      g_autofree char *text = describe_item (g_ptr_array_index (report->feedback->items, i));

      tavla_document_add_bullet (document, TAVLA_TONE_NONE, text);
    }
}

TavlaTone
tavla_period_report_agreement_tone (TavlaPeriodReport *report,
                                    TavlaAgreement    *agreement)
{
  const char *due = tavla_agreement_get_review_due (agreement);

  switch (tavla_agreement_get_status (agreement))
    {
    case TAVLA_AGREEMENT_STATUS_ACTIVE:
      if (tavla_agreement_is_review_overdue (agreement, report->on))
        return TAVLA_TONE_RED;
      if (due != NULL && strcmp (due, report->to) <= 0)
        return TAVLA_TONE_YELLOW;
      return TAVLA_TONE_GREEN;
    case TAVLA_AGREEMENT_STATUS_EXPIRED:
      return TAVLA_TONE_RED;
    case TAVLA_AGREEMENT_STATUS_DRAFT:
    case TAVLA_AGREEMENT_STATUS_SUPERSEDED:
    default:
      return TAVLA_TONE_GREY;
    }
}

static void
add_agreements (TavlaPeriodReport *report,
                TavlaDocument     *document)
{
  const char *headings[5] = { _("Department"), _("Status"), _("Version"), _("Signed"), _("Review due") };
  static const double shares[5] = { 0.34, 0.18, 0.12, 0.18, 0.18 };

  tavla_document_add_heading (document, _("Delivery agreements"));
  if (report->agreements->len == 0)
    {
      tavla_document_add_note (document, _("No department has a delivery agreement yet."));
      return;
    }

  tavla_document_add_table (document, 5, headings, shares);
  for (guint i = 0; i < report->agreements->len; i++)
    {
      TavlaAgreement *agreement = g_ptr_array_index (report->agreements, i);
      g_autofree char *version = g_strdup_printf ("%u", tavla_agreement_get_version_number (agreement));
      const char *cells[5] = {
        tavla_agreement_get_department (agreement),
        tavla_agreement_status_get_label (tavla_agreement_get_status (agreement)),
        version,
        tavla_agreement_get_signed (agreement),
        tavla_agreement_get_review_due (agreement),
      };

      tavla_document_add_row (document, tavla_period_report_agreement_tone (report, agreement), cells);
    }

  tavla_document_add_subheading (document, _("Reviews done in the tertial"));
  if (report->signed_in->len == 0)
    tavla_document_add_note (document, _("No agreement was signed in the tertial."));
  for (guint i = 0; i < report->signed_in->len; i++)
    {
      TavlaAgreement *agreement = g_ptr_array_index (report->signed_in, i);
      /* Translators: "Socialförvaltningen, version 2, signed 2026-10-01". */
      g_autofree char *line = g_strdup_printf (_("%s, version %u, signed %s"),
                                               tavla_agreement_get_department (agreement),
                                               tavla_agreement_get_version_number (agreement),
                                               tavla_agreement_get_signed (agreement));

      tavla_document_add_bullet (document, TAVLA_TONE_GREEN, line);
    }

  tavla_document_add_subheading (document, _("Reviews due"));
  {
    guint n_due = 0;

    for (guint i = 0; i < report->agreements->len; i++)
      {
        TavlaAgreement *agreement = g_ptr_array_index (report->agreements, i);
        TavlaTone tone = tavla_period_report_agreement_tone (report, agreement);
        g_autofree char *line = NULL;

        if (tone != TAVLA_TONE_YELLOW && tone != TAVLA_TONE_RED)
          continue;
        /* Translators: "Socialförvaltningen: review due 2026-11-30". */
        line = g_strdup_printf (_("%s: review due %s"), tavla_agreement_get_department (agreement),
                                tavla_agreement_get_review_due (agreement) != NULL
                                  ? tavla_agreement_get_review_due (agreement) : "–");
        tavla_document_add_bullet (document, tone, line);
        n_due++;
      }
    if (n_due == 0)
      tavla_document_add_note (document, _("No review is due by the end of the tertial."));
  }
}

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

static void
add_recommendations (TavlaPeriodReport *report,
                     TavlaDocument     *document)
{
  const char *headings[5] = { _("Recommendation"), _("Owner"), _("Due"), _("Status"), _("Light") };
  static const double shares[5] = { 0.44, 0.16, 0.13, 0.15, 0.12 };
  const char *audit = NULL;

  tavla_document_add_heading (document, _("Audit recommendations"));
  if (report->recommendations->len == 0)
    {
      tavla_document_add_note (document, _("No audit recommendations are registered."));
      return;
    }

  for (guint i = 0; i < report->recommendations->len; i++)
    {
      TavlaRecommendation *recommendation = g_ptr_array_index (report->recommendations, i);
      TavlaLight light = tavla_recommendation_get_light (recommendation);
      const char *cells[5] = {
        tavla_recommendation_get_text (recommendation),
        tavla_recommendation_get_owner (recommendation),
        tavla_recommendation_get_due (recommendation),
        tavla_recommendation_status_get_label (tavla_recommendation_get_status (recommendation)),
        light != TAVLA_LIGHT_NONE ? tavla_light_get_label (light) : NULL,
      };

      /* One table per audit, under its title. */
      if (g_strcmp0 (audit, tavla_recommendation_get_audit_title (recommendation)) != 0)
        {
          audit = tavla_recommendation_get_audit_title (recommendation);
          tavla_document_add_subheading (document, audit);
          tavla_document_add_table (document, 5, headings, shares);
        }
      tavla_document_add_row (document, light_tone (light), cells);
    }
}

TavlaDocument *
tavla_period_report_to_document (TavlaPeriodReport *report)
{
  g_autoptr(TavlaDocument) document = NULL;
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  period = tavla_period_display (&report->period);
  /* Translators: the period report's title; %s is a tertial like "T3 2026". */
  title = g_strdup_printf (_("Period report %s"), period);
  document = tavla_document_new (title);
  /* Translators: under the period report's title: its first and last day. */
  subtitle = g_strdup_printf (_("%s to %s"), report->from, report->to);
  tavla_document_add_subtitle (document, subtitle);

  add_goals (report, document);
  add_deviations (report, document);
  add_improvements (report, document);
  add_feedback (report, document);
  add_agreements (report, document);
  add_recommendations (report, document);

  return g_steal_pointer (&document);
}

/* ---- The compilation per department ------------------------------------- */

TavlaDocument *
tavla_board_build_feedback_compilation (TavlaBoard  *self,
                                        const char  *tertial,
                                        const char  *department,
                                        GError     **error)
{
  g_autoptr(TavlaFeedbackSummary) summary = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(TavlaDocument) document = NULL;
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;
  TavlaFeedbackQuery query = { 0 };
  const char *headings[5] = { _("Date"), _("Channel"), _("Category"), _("Text"), _("Passed on") };
  static const double shares[5] = { 0.13, 0.13, 0.13, 0.48, 0.13 };

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((summary = tavla_board_summarize_feedback (self, tertial, department, error)) == NULL)
    return NULL;
  query.period = summary->period;
  query.department = summary->department;
  if ((list = tavla_board_list_feedback (self, &query, error)) == NULL)
    return NULL;

  period = tavla_period_display_text (summary->period);
  /* Translators: the title of the feedback compilation; %s is a tertial
   * like "T3 2026". */
  title = g_strdup_printf (_("Citizen feedback %s"), period);
  document = tavla_document_new (title);
  tavla_document_add_subtitle (document, summary->department != NULL ? summary->department
                                                                     : _("All departments"));

  if (summary->all.total == 0)
    {
      tavla_document_add_note (document, _("No feedback was registered in the tertial."));
      return g_steal_pointer (&document);
    }

  add_feedback_table (document, summary);
  add_channels (document, summary);

  tavla_document_add_heading (document, _("Feedback"));
  tavla_document_add_table (document, 5, headings, shares);
  for (guint i = g_list_model_get_n_items (list); i > 0; i--)
    {
      g_autoptr(TavlaFeedback) feedback = g_list_model_get_item (list, i - 1);
      g_autofree char *text = tavla_feedback_dup_display_text (feedback);
      g_autofree char *with_department = NULL;
      const char *cells[5] = {
        tavla_feedback_get_date (feedback),
        tavla_feedback_channel_get_label (tavla_feedback_get_channel (feedback)),
        tavla_feedback_category_get_label (tavla_feedback_get_category (feedback)),
        text,
        tavla_feedback_get_passed_on_date (feedback),
      };

      if (summary->department == NULL)
        {
          with_department = g_strdup_printf ("%s: %s", tavla_feedback_get_department (feedback), text);
          cells[3] = with_department;
        }
      tavla_document_add_row (document, TAVLA_TONE_NONE, cells);
    }

  if (summary->items->len > 0)
    {
      tavla_document_add_heading (document, _("Improvements started from the feedback"));
      for (guint i = 0; i < summary->items->len; i++)
        {
          g_autofree char *text = describe_item (g_ptr_array_index (summary->items, i));

          tavla_document_add_bullet (document, mark_tone (g_ptr_array_index (summary->items, i)), text);
        }
    }

  return g_steal_pointer (&document);
}
