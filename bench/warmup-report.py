#!/usr/bin/env python3
"""Tables of bench/results/history/warmup.md from bench/warmup.sh's runs.jsonl files (one JSON line per run).

usage: bench/warmup-report.py RUNS.jsonl [RUNS.jsonl ...]

One row per case, kind and setup (heap flags, warmUp budget): min / median / max over the forks of the
first call's wall time, the time until the calls are first fast and until they stay steady (wall clock
from the first call), the calling thread's CPU time until steady, and the steady call's median CPU time.
"""
import json
import statistics
import sys

ORDER = ["gemm64", "gemm256", "svd100", "fft1024", "sma1e5", "ema1e5", "std1e5", "dot1e5", "kalman", "leapfrog"]


def mmm(xs, fmt):
    if not xs:
        return "-"
    return "/".join(fmt.format(v) for v in (min(xs), statistics.median(xs), max(xs)))


def kind_order(k):
    base = ["JAVA", "VECTOR", "NATIVE"]
    return (base.index(k) if k in base else len(base), k)


def main(paths):
    rows = {}
    for p in paths:
        with open(p) as f:
            for line in f:
                line = line.strip()
                if not line.startswith("{"):
                    continue
                r = json.loads(line)
                if not r.get("available"):
                    continue
                key = (r["case"], r["kind"], r.get("heap", ""), r.get("extra", ""))
                rows.setdefault(key, []).append(r)
    print("| case | kind | setup | forks | first call ms | fast s | steady s | CPU until steady s | calls until steady"
          " | steady call us | reached |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    def sort_key(k):
        c = ORDER.index(k[0]) if k[0] in ORDER else len(ORDER)
        return (c, k[0], k[2], k[3], kind_order(k[1]))
    for key in sorted(rows, key=sort_key):
        rs = rows[key]
        case, kind, heap, extra = key
        setup = ("fixed heap" if "AlwaysPreTouch" in heap else "default heap") + (", " + extra if extra else "")
        print("| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %d/%d |" % (
            case, kind, setup, len(rs),
            mmm([r["first_ms"] for r in rs], "{:.0f}"),
            mmm([r["fast_s"] for r in rs], "{:.2f}"),
            mmm([r["steady_s"] for r in rs], "{:.2f}"),
            mmm([r["steady_cpu_s"] for r in rs], "{:.2f}"),
            mmm([r["steady_calls"] for r in rs], "{:.0f}"),
            mmm([r["final_us"] for r in rs], "{:.3g}"),
            sum(1 for r in rs if r["reached"]), len(rs)))
    loads = [float(r["load"]) for rs in rows.values() for r in rs if "load" in r]
    if loads:
        print()
        print("Load average (1 min) at the runs' ends: %.1f to %.1f, median %.1f." % (min(loads), max(loads), statistics.median(loads)))


if __name__ == "__main__":
    main(sys.argv[1:])
