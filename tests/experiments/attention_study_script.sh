#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# scripts/attention-study against this build's CLI, on a tiny budget: one run, its results and the
# document; the same command again skips it and trains the next run (with attention: heatmaps too); --pair
# picks the other pair's next run; a run another process is training is passed over.
# Usage: attention_study_script.sh ZISTUDIO_CLI SCRATCH_DIR
set -eu
cli=$1
out=$2
study="$(cd "$(dirname "$0")/../.." && pwd)/scripts/attention-study"
rm -rf "$out"
tiny="--cli $cli --work $out/work --results $out/results --doc $out/study.md --steps 2 --ngf 8 --batch 4 \
      --validate-every 1 --checkpoint-every 1 --max-runs 1"
# shellcheck disable=SC2086
"$study" run $tiny
grep -q "1 of 26 runs done" "$out/study.md"
# The estimated memory is today's cost model for the run's configuration (not the figure saved with the run).
est=$(/usr/bin/python3 - "$cli" "$out/results/song-kai/runs/study-none/comparison.json" <<'EOF'
import json, subprocess, sys
run = json.load(open(sys.argv[2], encoding="utf-8"))["runs"][0]
m = run["config"]["model"]
info = subprocess.run([sys.argv[1], "model", "info", "--size", str(m["imageSize"]), "--ngf", str(m["ngf"]),
                       "--ndf", str(m["ndf"]), "--embedding-num", str(m["embeddingNum"]), "--embedding-dim",
                       str(m["embeddingDim"]), "--attention", "none", "--batch", str(run["batchSize"]), "--json"],
                      check=True, capture_output=True, text=True).stdout
print(f"{json.loads(info)['trainingMemoryBytes'] / 1048576:.0f} MiB")
EOF
)
grep -q "| $est (1.00×) |" "$out/study.md" || { echo "estimated memory $est missing"; exit 1; }
# ... even where the saved figure says otherwise (a run saved by an older cost model).
/usr/bin/python3 - "$out/results/song-kai/runs/study-none/comparison.json" <<'EOF'
import json, sys
study = json.load(open(sys.argv[1], encoding="utf-8"))
study["runs"][0]["estimatedMemoryBytes"] = 7 * 1048576
json.dump(study, open(sys.argv[1], "w", encoding="utf-8"))
EOF
# shellcheck disable=SC2086
"$study" doc $tiny
grep -q "| $est (1.00×) |" "$out/study.md" || { echo "estimated memory $est missing after doc"; exit 1; }
for f in song-kai/runs/study-none/comparison.json song-kai/runs/study-none/evaluation.json song-kai.study.json \
         song-kai.png song-kai.csv heldout-song-kai.txt heldout-ming-yen.txt; do
    test -s "$out/results/$f" || { echo "missing: $f"; exit 1; }
done
# shellcheck disable=SC2086
"$study" run $tiny
grep -q "2 of 26 runs done" "$out/study.md"
test -s "$out/results/song-kai/runs/study-enc5/attention/uni6C38-attention.json"
grep -q "What the best attention placement looks at" "$out/study.md"
"$cli" compare --from "$out/results/song-kai.study.json" | grep -q "study-enc5"
# --pair trains only that pair's runs (one process per pair): the next run is ming-yen's first, not song-kai's
# third; the document still covers both pairs.
# shellcheck disable=SC2086
"$study" run $tiny --pair ming-yen
grep -q "3 of 26 runs done" "$out/study.md"
test -s "$out/results/ming-yen/runs/study-none/evaluation.json"
test ! -e "$out/results/song-kai/runs/study-dec2-dec3"
grep -q "Song → Kai" "$out/study.md"
# A run another process is training is passed over: song-kai's next run held by a second study process (its
# claim), the one after it by a trainer (zistudio-cli's own run.lock); this process trains the third.
mkdir -p "$out/work/song-kai/claims" "$out/work/song-kai/runs/study-enc2-enc3"
/usr/bin/python3 - "$out/held" "$out/work/song-kai/claims/study-dec2-dec3.lock" \
    "$out/work/song-kai/runs/study-enc2-enc3/run.lock" <<'EOF' &
import fcntl, sys, time
locks = [open(p, "a") for p in sys.argv[2:]]
for f in locks:
    fcntl.flock(f, fcntl.LOCK_EX)
open(sys.argv[1], "w").close()
time.sleep(600)
EOF
holder=$!
while [ ! -e "$out/held" ]; do sleep 0.1; done
# shellcheck disable=SC2086
"$study" run $tiny --pair song-kai > "$out/claims.log" 2>&1 || { kill "$holder"; cat "$out/claims.log"; exit 1; }
kill "$holder"
grep -q "song-kai/study-dec2-dec3 is being trained by another process" "$out/claims.log"
grep -q "song-kai/study-enc2-enc3 is being trained by another process" "$out/claims.log"
test -s "$out/results/song-kai/runs/study-enc2-enc3-dec2-dec3/evaluation.json"
test ! -e "$out/results/song-kai/runs/study-dec2-dec3"
test ! -e "$out/results/song-kai/runs/study-enc2-enc3"
grep -q "4 of 26 runs done" "$out/study.md"
echo "attention study script: ok"
