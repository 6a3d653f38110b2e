#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
#
# check-extract.sh SRCDIR: extracts the template from po/POTFILES as
# `meson compile tavla-pot` does and fails on any xgettext warning. A warning
# means a string Swedish users would see in English although it is marked:
# for example _("proposal %" G_GINT64_FORMAT), where xgettext cannot expand
# the GLib macro, so the msgid never matches the string at run time (use
# "%" PRId64 from <inttypes.h>, which gettext understands, or format the
# number first).
set -eu

srcdir=${1:?usage: check-extract.sh SRCDIR}
# The same arguments as meson's "glib" gettext preset that po/ uses.
argsfile=$(cd "$(dirname "$0")" && pwd)/xgettext-args
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

cd "$srcdir"
LC_ALL=C xgettext --package-name=tavla $(cat "$argsfile") \
  -D "$srcdir" -f po/POTFILES -o "$tmp/tavla.pot" 2> "$tmp/warnings"

if [ -s "$tmp/warnings" ]; then
  echo "xgettext cannot extract these strings correctly:" >&2
  cat "$tmp/warnings" >&2
  exit 1
fi
echo "$(grep -c '^msgid ' "$tmp/tavla.pot") messages extracted from po/POTFILES"
