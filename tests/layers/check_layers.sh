#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ARCHITECTURE rules 1 and 2 as a test: core has no Qt; ui/ and app/ never include torch/ATen/c10;
# and the core layers (one folder each) include each other without a cycle.
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
# Rule 3: the layers form a hierarchy. Every '#include "L/..."' in core/K (K != L, L a core folder) is an
# edge K -> L; tsort reports a loop when two layers reach each other.
edges=""
for dir in "$root"/core/*/; do
    [[ -d "$dir" ]] || continue
    from=$(basename "$dir")
    for to in $(grep -rhoE --include='*.h' --include='*.cpp' --include='*.hpp' '^\s*#\s*include\s*"[a-z_]+/' "$dir" 2>/dev/null \
        | sed -E 's/.*"([a-z_]+)\/$/\1/' | sort -u); do
        [[ "$to" != "$from" && -d "$root/core/$to" ]] && edges+="$from $to"$'\n'
    done
done
if [[ -n "$edges" ]] && ! loop=$(printf '%s' "$edges" | tsort 2>&1 >/dev/null) || [[ -n "${loop:-}" ]]; then
    echo "RULE 3 BROKEN: core layers include each other in a cycle:"; echo "$loop"
    echo "layer edges (includer included):"; printf '%s' "$edges" | sort; status=1
fi
[[ $status -eq 0 ]] && echo "layer rules hold in $root"
exit $status
