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

status=0
if [ -s "$tmp/warnings" ]; then
  echo "xgettext cannot extract these strings correctly:" >&2
  cat "$tmp/warnings" >&2
  status=1
fi

# Outside printf-like calls xgettext does not warn, but a msgid that ends in
# a lone "%" shows the same mistake: a macro was glued to the string.
msgcat --no-wrap --no-location "$tmp/tavla.pot" > "$tmp/flat.pot"
if grep -nE '^msgid(_plural)? "(.*[^%])?(%%)*%"$' "$tmp/flat.pot" > "$tmp/cut"; then
  echo "These msgids end in the middle of a format directive, so they are never translated at run time:" >&2
  sed -E 's/^[0-9]+:/  /' "$tmp/cut" >&2
  for id in $(sed -nE 's/^[0-9]+:msgid(_plural)? "(.*)"$/\2/p' "$tmp/cut" | head -n 20 | tr ' ' '\001'); do
    text=$(printf '%s' "$id" | tr '\001' ' ')
    grep -rnF --include='*.c' "\"$text\"" src 2>/dev/null | sed 's/^/    at /' >&2 || true
  done
  status=1
fi
[ "$status" -eq 0 ] || exit 1
echo "$(grep -c '^msgid ' "$tmp/tavla.pot") messages extracted from po/POTFILES"
