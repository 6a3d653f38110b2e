#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Checks the reminder timer's units with systemd-analyze verify: the
# service (its ExecStart pointed at the built tavla-cli) and the timer.
set -eu
analyze=$1 service=$2 timer=$3 cli=$4
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
grep -q '^ExecStart=.*/tavla-cli remind --notify --scheduled$' "$service"
sed "s|^ExecStart=[^ ]*|ExecStart=$cli|" "$service" > "$dir/tavla-remind.service"
cp "$timer" "$dir/tavla-remind.timer"
# A user manager needs a runtime folder, which a build machine may lack.
mkdir -m 700 "$dir/runtime"
export XDG_RUNTIME_DIR="$dir/runtime"
cd "$dir"
"$analyze" verify --man=no --user ./tavla-remind.service ./tavla-remind.timer
