#!/usr/bin/env python3
"""Prints the side-by-side table of a bench/ab-compare.sh run: each JMH row with the baseline (A) and
the change (B), score +- error, and B / A oriented so that > 1 means B is faster.

Usage: python3 bench/ab-report.py OUT_DIR
"""
import glob
import json
import os
import sys


def load(path):
    rows = {}
    try:
        results = json.load(open(path))
    except (OSError, ValueError):  # missing, or a run still writing it
        return rows
    for r in results:
        key = (r["benchmark"].replace("dev.sxn.math.bench.", ""),
               ", ".join(f"{k}={v}" for k, v in sorted(r.get("params", {}).items())))
        m = r["primaryMetric"]
        rows[key] = (m["score"], m["scoreError"], m["scoreUnit"], r["mode"])
    return rows


def main():
    out = sys.argv[1]
    print("| benchmark | parameters | A (before) | B (after) | unit | B vs A |")
    print("|---|---|---|---|---|---|")
    for a_path in sorted(glob.glob(os.path.join(out, "*-a.json"))):
        a, b = load(a_path), load(a_path[:-7] + "-b.json")
        for key in sorted(a):
            sa, ea, unit, mode = a[key]
            if key not in b:
                print(f"| {key[0]} | {key[1]} | {sa:.4g} ± {ea:.2g} | missing | {unit} | |")
                continue
            sb, eb = b[key][0], b[key][1]
            ratio = sb / sa if mode == "thrpt" else sa / sb
            print(f"| {key[0]} | {key[1]} | {sa:.4g} ± {ea:.2g} | {sb:.4g} ± {eb:.2g} | {unit} | {ratio:.2f}x |")


if __name__ == "__main__":
    main()
