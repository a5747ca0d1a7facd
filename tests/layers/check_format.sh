#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a tracked C++ file is not formatted with the project's .clang-format.
# Usage: check_format.sh ROOT [FILE...]   (files default to every tracked *.h/*.cpp outside tests/data)
set -u
root=${1:?usage: check_format.sh ROOT [FILE...]}
shift
cd "$root" || exit 2
command -v clang-format >/dev/null || { echo "clang-format is not installed (scripts/setup-deps installs it)"; exit 2; }
if (($# > 0)); then
    files=("$@")
elif git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files '*.h' '*.cpp' | grep -v '^tests/data/')
else
    mapfile -t files < <(find core ui app tests bench -name '*.h' -o -name '*.cpp' | grep -v '^tests/data/')
fi
bad=0
for f in "${files[@]}"; do
    [[ -f "$f" ]] || continue
    if ! clang-format --style=file --dry-run --Werror "$f" >/dev/null 2>&1; then
        echo "not formatted: $f (run: clang-format -i $f)"
        bad=1
    fi
done
[[ $bad -eq 0 ]] && echo "${#files[@]} files formatted"
exit $bad
