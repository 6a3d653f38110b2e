/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A shim SQLite VFS over the default one that fails the Nth write or sync
 * (counted together from when it is armed): a full disk or an I/O error at
 * every point of a workload. Registered as the default VFS, so the store
 * uses it without knowing.
 */
void  fault_vfs_install (void);
/* Fails operation @fail_at (1-based; 0 never), and every later one too
 * when @persistent. Resets the counters. */
void  fault_vfs_arm     (guint    fail_at,
                         gboolean persistent);
void  fault_vfs_disarm  (void);
/* Writes and syncs seen since arming, and how many of them failed. */
guint fault_vfs_n_ops    (void);
guint fault_vfs_n_faults (void);

G_END_DECLS
