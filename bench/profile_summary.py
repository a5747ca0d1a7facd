#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Self time per operator of a LibTorch profiler trace (Chrome trace JSON written by the
"profile PATH" command of bench_train_step's step worker, or by torch.profiler's
export_chrome_trace): where a training step's time goes, beyond the convolutions.

Run: /usr/bin/python3 bench/profile_summary.py TRACE.json [--top 25]
"""

import argparse
import collections
import json


def self_times(events):
    """Self time (microseconds) per name: each event's duration less its children's, per thread."""
    by_thread = collections.defaultdict(list)
    for e in events:
        if e.get("ph") == "X" and "dur" in e:
            by_thread[e.get("tid")].append(e)
    totals = collections.Counter()
    calls = collections.Counter()
    for evs in by_thread.values():
        evs.sort(key=lambda e: (float(e["ts"]), -float(e["dur"])))
        stack = []  # [event, child time]
        for e in evs:
            start, dur = float(e["ts"]), float(e["dur"])
            while stack and float(stack[-1][0]["ts"]) + float(stack[-1][0]["dur"]) <= start:
                done, child = stack.pop()
                totals[done["name"]] += float(done["dur"]) - child
            if stack:
                stack[-1][1] += dur
            stack.append([e, 0.0])
            calls[e["name"]] += 1
        while stack:
            done, child = stack.pop()
            totals[done["name"]] += float(done["dur"]) - child
    return totals, calls


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trace")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    with open(args.trace) as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    totals, calls = self_times(events)
    whole = sum(totals.values())
    print("%-45s %10s %7s %7s" % ("operator", "self ms", "share", "calls"))
    for name, us in totals.most_common(args.top):
        print("%-45s %10.1f %6.1f%% %7d" % (name[:45], us / 1000, 100 * us / whole, calls[name]))
    print("%-45s %10.1f" % ("total", whole / 1000))


if __name__ == "__main__":
    main()
