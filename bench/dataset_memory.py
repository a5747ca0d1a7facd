#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Memory of the dataset store: builds a dataset with zistudio-cli, then opens it (`dataset info`),
sampling the process's private (RssAnon) and file-backed (RssFile) resident memory every 5 ms.

The store's images are streamed to disk while a build renders them and memory-mapped when a store is
opened, so private memory should stay far below the image blob's size: the benchmark prints that
ratio (private peak / blob size) for the build and for the open, with the configuration, and writes
JSON. Usage: bench/dataset_memory.py CLI [--size 256] [--charset gb2312-1] [--rounds 3] [--json F]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SOURCE = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"
TARGET = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"


def sample(cmd):
    """Runs cmd; returns (seconds, peak RssAnon bytes, peak RssFile bytes)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = {"RssAnon": 0, "RssFile": 0}
    while proc.poll() is None:
        try:
            with open(f"/proc/{proc.pid}/status") as status:
                for line in status:
                    key = line.split(":")[0]
                    if key in peak:
                        peak[key] = max(peak[key], int(line.split()[1]) * 1024)
        except (FileNotFoundError, ProcessLookupError):
            break
        time.sleep(0.005)
    err = proc.stderr.read().decode()
    if proc.wait() != 0:
        sys.exit(f"{' '.join(cmd)} failed: {err}")
    return time.monotonic() - start, peak["RssAnon"], peak["RssFile"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("--size", type=int, default=256)
    ap.add_argument("--charset", default="gb2312-1")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json")
    args = ap.parse_args()
    mib = 1 << 20
    work = tempfile.mkdtemp(prefix="zs-dsmem-")
    try:
        config = os.path.join(work, "dataset.json")
        with open(config, "w") as f:
            json.dump({"source": {"path": SOURCE}, "targets": [{"path": TARGET}],
                       "charset": {"builtin": args.charset}, "imageSize": args.size}, f)
        builds, opens = [], []
        for _ in range(args.rounds):
            store = os.path.join(work, "store")
            shutil.rmtree(store, ignore_errors=True)
            builds.append(sample([args.cli, "dataset", "build", "--config", config, "--store", store]))
            opens.append(sample([args.cli, "dataset", "info", "--store", store]))
        blob = sum(os.path.getsize(os.path.join(store, n)) for n in os.listdir(store) if n.endswith(".bin"))
        with open(os.path.join(store, "index.json")) as f:
            images = json.load(f)["imageCount"]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def summary(runs):
        return {"seconds": statistics.median(r[0] for r in runs),
                "rssAnonBytes": statistics.median(r[1] for r in runs),
                "rssFileBytes": statistics.median(r[2] for r in runs)}

    result = {"config": {"size": args.size, "charset": args.charset, "source": SOURCE, "target": TARGET,
                         "images": images, "blobBytes": blob, "rounds": args.rounds,
                         "loadAverage": open("/proc/loadavg").read().split()[:3]},
              "build": summary(builds), "open": summary(opens)}
    print(f"dataset store memory: {args.charset} at {args.size} px, Song -> Kai, {images} images, "
          f"blob {blob / mib:.0f} MiB, median of {args.rounds}")
    for name in ("build", "open"):
        s = result[name]
        ratio = s["rssAnonBytes"] / blob
        result[name]["privateOverBlob"] = ratio
        print(f"  {name:5}  {s['seconds']:.2f} s   private (RssAnon) {s['rssAnonBytes'] / mib:6.0f} MiB"
              f" = {ratio:.2f} x the blob   mapped/shared (RssFile) {s['rssFileBytes'] / mib:6.0f} MiB")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
        print(f"results: {args.json}")


if __name__ == "__main__":
    main()
