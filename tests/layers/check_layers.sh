#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ARCHITECTURE rules 1 and 2 as a test: core has no Qt; ui/ and app/ never include torch/ATen/c10.
# Usage: check_layers.sh ROOT   (exit 1 and the offending lines when a rule is broken)
set -u
root=${1:?usage: check_layers.sh ROOT}
status=0
qt=$(grep -rEn --include='*.h' --include='*.cpp' --include='*.hpp' \
    '^\s*#\s*include\s*[<"](Q[A-Z][A-Za-z]*|qcustomplot\.h|Qt[A-Za-z]*/[^">]*)[">]' "$root/core" 2>/dev/null)
if [[ -n "$qt" ]]; then
    echo "RULE 1 BROKEN: core/ includes Qt headers:"; echo "$qt"; status=1
fi
torch=$(grep -rEn --include='*.h' --include='*.cpp' --include='*.hpp' \
    '^\s*#\s*include\s*[<"](torch|ATen|c10|caffe2)/' "$root/ui" "$root/app" 2>/dev/null)
# A core header that pulls in torch is just as bad when ui/ or app/ include it.
for header in $(grep -rlE '^\s*#\s*include\s*[<"](torch|ATen|c10)/' "$root/core" --include='*.h' 2>/dev/null); do
    rel=${header#"$root/core/"}
    hits=$(grep -rEn --include='*.h' --include='*.cpp' "^\s*#\s*include\s*[<\"]${rel}[\">]" "$root/ui" "$root/app" 2>/dev/null)
    [[ -n "$hits" ]] && torch+=$'\n'"$hits (includes torch through core/$rel)"
done
if [[ -n "${torch//$'\n'/}" ]]; then
    echo "RULE 2 BROKEN: ui/ or app/ include torch headers:"; echo "$torch"; status=1
fi
[[ $status -eq 0 ]] && echo "layer rules hold in $root"
exit $status
