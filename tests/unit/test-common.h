/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <sqlite3.h>

#include "tavla.h"
#include "tavla-board-private.h"
#include "tavla-clock.h"

G_BEGIN_DECLS

/* The fixed "now" of the unit tests: Wednesday 2026-11-25, week 48. */
#define TEST_NOW "2026-11-25T10:00:00Z"
#define TEST_TODAY "2026-11-25"

void        test_common_init        (int    *argc,
                                     char ***argv);
/* A fresh temporary folder, removed with its content by test_tmpdir_free. */
typedef char TestTmpdir;
TestTmpdir *test_tmpdir_new         (void);
void        test_tmpdir_free        (TestTmpdir *dir);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestTmpdir, test_tmpdir_free)

TavlaBoard *test_board_new          (const char *dir);
/* A board with people Anna and Bo and the department Socialförvaltningen. */
TavlaBoard *test_board_new_staffed  (const char *dir);
/* A new proposal with a title only. */
TavlaItem  *test_add_item           (TavlaBoard *board,
                                     const char *title);
/* Counts rows with raw SQL, past the board, to prove nothing was written. */
gint64      test_count_rows         (TavlaBoard *board,
                                     const char *table);
/* Runs SQL on the board's file through a separate raw connection. */
void        test_exec_sql           (const char *path,
                                     const char *sql);

/* The first file next to @db_path moved aside as "<db>.<label>-...". */
char       *test_find_aside         (const char *db_path,
                                     const char *label);
/* A random string of SQL, markup, formula, format and Unicode pieces. */
char       *test_hostile_string     (GRand      *rand);

/* Records items-changed emissions as "pos-removed+added" words. */
typedef struct
{
  GString    *log;
  GListModel *model;
  gulong      handler;
} ChangeRecorder;

void        change_recorder_start   (ChangeRecorder *recorder,
                                     GListModel     *model);
/* Returns the log so far and clears it. */
char       *change_recorder_take    (ChangeRecorder *recorder);
void        change_recorder_stop    (ChangeRecorder *recorder);

G_END_DECLS
