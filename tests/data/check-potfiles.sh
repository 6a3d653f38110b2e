#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
#
# check-potfiles.sh SRCDIR: fails when a file under src/, ui/ or data/ marks
# a string for translation (_(), N_(), C_(), NC_(), ngettext, or
# translatable="yes") but is missing from po/POTFILES, or when POTFILES
# names a file that does not exist. The strings of such a file would stay
# English for Swedish users without anyone noticing.
#
# check-potfiles.sh --list SRCDIR prints the files that need to be listed.
set -eu

list_only=no
if [ "${1:-}" = "--list" ]; then
  list_only=yes
  shift
fi
srcdir=${1:?usage: check-potfiles.sh [--list] SRCDIR}
cd "$srcdir"

marked_files () {
  for dir in src ui data; do
    [ -d "$dir" ] || continue
    find "$dir" -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \
      -o -name '*.in' -o -name '*.gschema.xml' \) -print
  done | LC_ALL=C sort | while IFS= read -r f; do
    case "$f" in
      *.gschema.xml | *.desktop.in | *.metainfo.xml.in)
        # The data files are translated as a whole by their ITS rules.
        echo "$f"
        ;;
      *)
        if grep -qE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2) ?\(|translatable="yes"' "$f"; then
          echo "$f"
        fi
        ;;
    esac
  done
}

if [ "$list_only" = yes ]; then
  marked_files | grep -vE '^data/io\.github\.tavla\.Tavla\.(desktop\.in|gschema\.xml|metainfo\.xml\.in)$' || true
  exit 0
fi

listed=$(grep -vE '^[[:space:]]*(#|$)' po/POTFILES || true)
status=0

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES lists $f, which does not exist" >&2
    status=1
  fi
done

for f in $(marked_files); do
  if ! printf '%s\n' "$listed" | grep -qxF "$f"; then
    echo "$f has translatable strings but is missing from po/POTFILES (run build-aux/update-potfiles)" >&2
    status=1
  fi
done

if [ "$status" -eq 0 ]; then
  echo "po/POTFILES lists all $(printf '%s\n' "$listed" | grep -c .) files with translatable strings"
fi
exit "$status"
