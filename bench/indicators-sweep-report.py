#!/usr/bin/env python3
"""Turns bench-results/indicators-sweep/*.json (bench/indicators-sweep.sh) into Markdown tables:
time per point (ns) per backend and size, ratios against ta4j and the scalar loop, and, for the
single-series kernels, the fraction of copy bandwidth (time of System.arraycopy of the same doubles /
time of the indicator). Run from the repository root; prints to stdout."""
import json, os, sys

d = sys.argv[1] if len(sys.argv) > 1 else "bench-results/indicators-sweep"
rows = []
for f in sorted(os.listdir(d)):
    if f.endswith(".json"):
        try:
            rows += json.load(open(os.path.join(d, f)))
        except ValueError:
            pass

def key(r):
    return r["benchmark"].rsplit(".", 1)[1], r["params"]

score = {}  # (method, size/assets, impl) -> seconds per operation
for r in rows:
    m, p = key(r)
    ops = r["primaryMetric"]["score"]
    n = int(p.get("size", p.get("assets", 0)))
    impl = p.get("backend", "AUTO")
    if m.startswith("ours"):
        m, impl = m[4].lower() + m[5:], "SXN"
    elif m.startswith("ta4j"):
        m, impl = m[4].lower() + m[5:], "TA4J"
    score[(m, n, impl)] = 1.0 / ops if ops > 0 else float("nan")

def fmt(x):
    return "" if x is None else ("%.3g" % x)

def get(m, n, impl):
    return score.get((m, n, impl))

sizes = sorted({k[1] for k in score if k[0] in ("sma", "ema", "rollingStd", "rsi")})
print("### Single series: ns per point (JMH, 1 fork, 3 x 0.3 s after 3 warm-up iterations); best = fastest of JAVA/VECTOR/NATIVE\n")
print("| indicator | points | JAVA | VECTOR | NATIVE | scalar loop | ta4j | best vs ta4j | best vs loop | % of copy bandwidth |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for m in ("sma", "ema", "rollingStd", "rsi"):
    for n in sizes:
        t = {i: get(m, n, i) for i in ("JAVA", "VECTOR", "NATIVE", "SCALAR", "TA4J")}
        ours = [v for k, v in t.items() if k in ("JAVA", "VECTOR", "NATIVE") and v]
        if not ours:
            continue
        best = min(ours)
        copy = get("copy", n, "AUTO") or get("copy", n, "JAVA")
        cells = [fmt(t[i] / n * 1e9 if t[i] else None) for i in ("JAVA", "VECTOR", "NATIVE", "SCALAR", "TA4J")]
        print("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            m, n, *cells,
            ("%.0fx" % (t["TA4J"] / best)) if t["TA4J"] else "",
            ("%.2fx" % (t["SCALAR"] / best)) if t["SCALAR"] else "",
            ("%.0f%%" % (100 * copy / best)) if copy else ""))
copies = sorted(k[1] for k in score if k[0] == "copy")
if copies:
    print("\nCopy yardstick (System.arraycopy of n doubles): " + ", ".join(
        "%d: %.3g ns/point" % (n, (get("copy", n, "AUTO") or get("copy", n, "JAVA")) / n * 1e9) for n in copies))

assets = sorted({k[1] for k in score if k[0].startswith("batch")})
if assets:
    print("\n### Batches of k assets x 10^4 points: ms per batch; LOOP = the plain-Java kernel per asset on contiguous arrays\n")
    print("| indicator | assets | JAVA | VECTOR | NATIVE | LOOP | VECTOR vs LOOP | best vs LOOP |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for m in ("batchSma", "batchEma", "batchRsi", "batchRollingStd"):
        for k in assets:
            t = {i: get(m, k, i) for i in ("JAVA", "VECTOR", "NATIVE", "LOOP")}
            if not any(t.values()):
                continue
            ours = [v for i, v in t.items() if i != "LOOP" and v]
            best = min(ours) if ours else None
            print("| %s | %d | %s | %s | %s | %s | %s | %s |" % (
                m, k, *[fmt(t[i] * 1e3 if t[i] else None) for i in ("JAVA", "VECTOR", "NATIVE", "LOOP")],
                ("%.2fx" % (t["LOOP"] / t["VECTOR"])) if t["LOOP"] and t["VECTOR"] else "",
                ("%.2fx" % (t["LOOP"] / best)) if t["LOOP"] and best else ""))

others = sorted({k[0] for k in score if k[2] == "SXN"})
if others:
    osizes = sorted({k[1] for k in score if k[2] == "SXN"})
    print("\n### The other indicators: ns per point, ours (automatic backend) / ta4j\n")
    print("| indicator | " + " | ".join("%g" % n for n in osizes) + " |")
    print("|---|" + "---:|" * len(osizes))
    for m in others:
        cells = []
        for n in osizes:
            o, t = get(m, n, "SXN"), get(m, n, "TA4J")
            c = fmt(o / n * 1e9) if o else ""
            if o and t:
                c += " / %s (%.0fx)" % (fmt(t / n * 1e9), t / o)
            cells.append(c)
        print("| %s | %s |" % (m, " | ".join(cells)))
