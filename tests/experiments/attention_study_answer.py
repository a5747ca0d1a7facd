# SPDX-License-Identifier: GPL-3.0-or-later
"""The attention study's plain-language answer (scripts/attention_study_doc.py, plain_answer) read from
comparisons shaped like `zistudio-cli compare --json`: every reading it can give, from the standings
against the run-to-run noise. Run: /usr/bin/python3 tests/experiments/attention_study_answer.py"""

import importlib.machinery
import importlib.util
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import attention_study_doc as doc  # noqa: E402

loader = importlib.machinery.SourceFileLoader("attention_study", str(ROOT / "scripts" / "attention-study"))
spec = importlib.util.spec_from_loader("attention_study", loader)
script = importlib.util.module_from_spec(spec)
loader.exec_module(script)

STUDY = types.SimpleNamespace(size=64, placements=script.placements(64))
SPECS = [doc.canonical(s) for _, s, _ in STUDY.placements]  # none, bottleneck, decoder, encoder, both, every


def comparison(l1_by_spec, noise, step_cpu=None, spreads=None):
    """A pair's comparison: mean held-out L1 per placement, the verdict's noise, step CPU seconds; every
    placement trained twice with seeds `noise` apart unless `spreads` says otherwise (None: one seed)."""
    step_cpu = step_cpu or {}
    spreads = spreads or {}

    def l1(spec, mean):
        spread = spreads.get(spec, noise)
        if spread is None:
            return {"placement": spec, "scored": 1, "val_l1": {"mean": mean, "min": mean, "max": mean}}
        return {"placement": spec, "scored": 2, "val_l1": {"mean": mean, "min": mean - spread / 2,
                                                             "max": mean + spread / 2}}

    return {
        "verdict": {"noise": noise},
        "placements": [l1(s, v) for s, v in l1_by_spec.items()],
        "stepCpu": {s: (t, "") for s, t in step_cpu.items()},
    }


def scores(none, **offsets):
    """none's L1 and every other placement at none + its offset (0 where not named)."""
    names = ["bottleneck", "decoder", "encoder", "both", "every"]
    out = {"none": none}
    for name, spec in zip(names, SPECS[1:]):
        out[spec] = none + offsets.get(name, 0.0)
    return out


failures = []


def expect(text, *fragments, absent=()):
    for f in fragments:
        if f not in text:
            failures.append(f"missing {f!r} in:\n{text}\n")
    for f in absent:
        if f in text:
            failures.append(f"unexpected {f!r} in:\n{text}\n")


# Nothing helps, every depth hurts on both pairs, the bottleneck is level: "nowhere", a safe first try.
cpu = {s: 0.30 for s in SPECS}
cpu[SPECS[1]] = 0.33
answer = doc.plain_answer(STUDY, {
    "song-kai": comparison(scores(0.130, every=0.011, bottleneck=0.001), 0.002, cpu),
    "ming-yen": comparison(scores(0.121, every=0.009, bottleneck=-0.001), 0.003, cpu),
}, complete=True)
expect(answer, "earns its place nowhere", "every depth (`enc:1,enc:2,enc:3,enc:4,enc:5,dec:1,dec:2,dec:3,dec:4,dec:5`)",
       "+0.0110 on song-kai (5.5× its noise), +0.0090 on ming-yen (3.0× its noise)", "bottleneck (`enc:5`), ×1.10 the step time", "safe first try",
       absent=("provisional", "belongs at"))

# One placement helps beyond the noise on both pairs: it is the answer; another helps on one pair only.
answer = doc.plain_answer(STUDY, {
    "song-kai": comparison(scores(0.130, decoder=-0.005, encoder=-0.004), 0.002),
    "ming-yen": comparison(scores(0.121, decoder=-0.004, encoder=0.001), 0.002),
}, complete=False)
expect(answer, "(provisional)", "belongs at decoder middle (`dec:2,dec:3`)", "-0.0050 on song-kai (2.5× its noise), -0.0040 on ming-yen (2.0× its noise)",
       "one pair only", "encoder middle (`enc:2,enc:3`) (-0.0040 on song-kai (2.0× its noise), +0.0010 on ming-yen (0.5× its noise))",
       absent=("nowhere",))

# The bottleneck costs quality on one pair: the advice is answered with the pair named.
answer = doc.plain_answer(STUDY, {
    "song-kai": comparison(scores(0.130, bottleneck=0.004), 0.002),
    "ming-yen": comparison(scores(0.121), 0.002),
}, complete=True)
expect(answer, "Level on one pair, worse on another: bottleneck", "even the bottleneck alone costs quality on song-kai")

# ... and where it is only just past the noise, the answer says that the evidence is weak.
answer = doc.plain_answer(STUDY, {
    "song-kai": comparison(scores(0.130, bottleneck=0.0021), 0.002),
    "ming-yen": comparison(scores(0.121), 0.002),
}, complete=True)
expect(answer, "sits just past the noise", absent=("even the bottleneck alone costs quality",))

# No noise estimate yet (no placement trained twice): no reading at all.
answer = doc.plain_answer(STUDY, {"song-kai": comparison(scores(0.130, every=0.05), None)}, complete=False)
expect(answer, "not yet", absent=("nowhere", "belongs at", "Worse"))

# One pair with a noise estimate and one without: the other is named as not read.
answer = doc.plain_answer(STUDY, {
    "song-kai": comparison(scores(0.130, every=0.011), 0.002),
    "ming-yen": comparison(scores(0.121), None),
}, complete=False)
expect(answer, "No noise estimate yet for ming-yen", "+0.0110 on song-kai (5.5× its noise)")

# One placement that trains unevenly across seeds (the verdict's noise 0.015) does not hide the others: every
# depth is judged against its own and none's spreads (0.002), the uneven placement against its own.
wide = {spec: 0.002 for spec in SPECS}
wide[SPECS[4]] = 0.015
answer = doc.plain_answer(STUDY, {
    "song-kai": comparison(scores(0.130, every=0.011, both=0.009), 0.015, spreads=wide),
    "ming-yen": comparison(scores(0.121, every=0.009, both=0.009), 0.015, spreads=wide),
}, complete=True)
expect(answer, "Worse than no attention beyond the noise on both pairs: every depth",
       "+0.0110 on song-kai (5.5× its noise)", "middle, both sides (`enc:2,enc:3,dec:2,dec:3`) (+0.0090 on song-kai (0.6× its noise)")

# A placement with one seed is judged against the widest seed spread of any placement (the bottleneck's 0.008
# here), as the product's verdict does where one of the two compared has a single seed.
answer = doc.plain_answer(STUDY, {
    "song-kai": comparison(scores(0.130, every=0.011), 0.004, spreads={SPECS[5]: None, SPECS[1]: 0.008}),
}, complete=False)
expect(answer, "+0.0110 on song-kai (1.4× its noise)")

if failures:
    print("".join(failures))
    sys.exit(1)
print("attention study answer: all readings as expected")
