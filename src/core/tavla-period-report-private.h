/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-audit.h"
#include "tavla-board-agreements.h"
#include "tavla-board-metrics.h"
#include "tavla-period-report.h"

G_BEGIN_DECLS

/* What tavla-period-report.c reads and tavla-period-report-json.c writes. */

#define CHART_TERTIALS 6

typedef struct
{
  TavlaMetric *metric;
  gboolean     has[3];        /* the tertial, the previous one, a year before */
  gboolean     deviation;     /* the tertial's value is off target (the series' verdict) */
  double       target;        /* the tertial's target: a count's adds up its weeks or months */
  double       values[3];
  GStrv        chart_labels;
  double       chart_values[CHART_TERTIALS];
} Goal;

typedef struct
{
  TavlaItem *item;
  char      *done;            /* the day it was done, or NULL */
  GPtrArray *effects;         /* char *: one summary per linked metric */
} Improvement;

struct _TavlaPeriodReport
{
  TavlaPeriod           period;
  char                 *tertial;
  char                 *previous;
  char                 *last_year;
  char                 *from;
  char                 *to;
  char                 *on;
  GPtrArray            *goals;          /* Goal */
  GPtrArray            *deviations;     /* TavlaDeviation */
  GHashTable           *titles;         /* item id -> title, for the deviations' actions */
  GPtrArray            *done;           /* Improvement */
  GPtrArray            *ongoing;        /* Improvement */
  GPtrArray            *new_items;      /* Improvement */
  GPtrArray            *areas;          /* Improvement */
  TavlaFeedbackSummary *feedback;
  GPtrArray            *agreements;     /* TavlaAgreement: current ones */
  GPtrArray            *signed_in;      /* TavlaAgreement: signed in the tertial */
  GPtrArray            *recommendations; /* TavlaRecommendation */
};

/* The tone of a department's agreement in the report: red when its review
 * is overdue or it expired, yellow when the review falls due by the end of
 * the tertial, green when active, grey for a draft. */
TavlaTone tavla_period_report_agreement_tone (TavlaPeriodReport *report,
                                              TavlaAgreement    *agreement);

G_END_DECLS
