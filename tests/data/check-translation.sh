#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
#
# check-translation.sh SRCDIR LANG: fails unless po/LANG.po translates every
# string the sources mark today. The template is extracted afresh from
# po/POTFILES (as `meson compile tavla-pot` does) and merged with the .po in
# a temporary folder, so a string added to the code but not yet to the .po
# counts as untranslated; fuzzy messages count too.
set -eu

srcdir=${1:?usage: check-translation.sh SRCDIR LANG}
lang=${2:?usage: check-translation.sh SRCDIR LANG}
# The same arguments as meson's "glib" gettext preset that po/ uses.
argsfile=$(cd "$(dirname "$0")" && pwd)/xgettext-args
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

cd "$srcdir"
xgettext --package-name=tavla $(cat "$argsfile") \
  -D "$srcdir" -f po/POTFILES -o "$tmp/tavla.pot"
msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/tavla.pot" \
  -o "$tmp/$lang.po"

# msgfmt prints e.g. "412 translated messages, 3 fuzzy translations,
# 7 untranslated messages." in the C locale.
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
echo "po/$lang.po: $stats"
case "$stats" in
  *fuzzy* | *untranslated*)
    echo "Untranslated or fuzzy messages in po/$lang.po:" >&2
    msgattrib --untranslated "$tmp/$lang.po" | grep '^msgid ' | sed -n '2,40p' >&2 || true
    msgattrib --only-fuzzy "$tmp/$lang.po" | grep '^msgid ' | sed -n '2,40p' >&2 || true
    echo "Run: meson compile -C build tavla-update-po, then translate po/$lang.po" >&2
    exit 1
    ;;
esac
