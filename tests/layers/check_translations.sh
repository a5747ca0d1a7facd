#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every tr() string in ui/ and app/gui has a zh_TW, zh_CN and ja translation.
# Usage: check_translations.sh ROOT LUPDATE
set -eu
root=${1:?root}
lupdate=${2:?lupdate}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$root"/translations/zistudio_*.ts "$tmp/"
"$lupdate" -silent -no-obsolete -locations none "$root/ui" "$root/app/gui" -ts "$tmp"/zistudio_*.ts
/usr/bin/python3 "$root/scripts/fill-translations" --check "$tmp"
