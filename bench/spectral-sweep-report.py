#!/usr/bin/env python3
"""Prints the tables of bench/spectral-sweep.sh's JSON: FFT MFLOP/s (complex 5 n log2 n, real
2.5 n log2 n per transform) per backend and n, the best backend over JTransforms, and the rolling
entropy in windows per second. Run from the repository root."""
import json, math, os, sys

d = sys.argv[1] if len(sys.argv) > 1 else "bench-results/spectral-sweep"
fft, roll = {}, {}
# Later stages override earlier ones for the same (transform, n, backend): "large" re-measures
# 2^18..2^22 with longer iterations than "powers".
ORDER = {"powers.json": 0, "large.json": 1, "others.json": 2, "rolling.json": 3}
for f in sorted(os.listdir(d), key=lambda f: (ORDER.get(f, 9), f)):
    if not f.endswith(".json"):
        continue
    try:
        rows = json.load(open(os.path.join(d, f)))
    except ValueError:
        continue
    for r in rows:
        m, p, ops = r["benchmark"].rsplit(".", 1)[1], r["params"], r["primaryMetric"]["score"]
        if m in ("complex", "realFft"):
            n = int(p["n"])
            flops = (5 if m == "complex" else 2.5) * n * math.log2(n)
            fft[(m, n, p["impl"])] = ops * flops / 1e6
        else:
            pts, step = int(p["points"]), int(p["step"])
            windows = (pts - 256) // step + 1
            roll[(p["impl"], step)] = ops * windows

impls = ["JAVA", "VECTOR", "NATIVE", "JTRANSFORMS"]
for m, title in (("complex", "Complex FFT"), ("realFft", "Real FFT (rfft)")):
    ns = sorted({k[1] for k in fft if k[0] == m}, key=lambda n: (n & (n - 1) != 0, n))
    print("\n### %s, MFLOP/s (JMH, 1 fork, 3 x 0.3 s after 3 warm-up iterations)\n" % title)
    print("| n | " + " | ".join(impls) + " | best / JTransforms |")
    print("|---:|" + "---:|" * (len(impls) + 1))
    for n in ns:
        v = {i: fft.get((m, n, i)) for i in impls}
        ours = {i: x for i, x in v.items() if i != "JTRANSFORMS" and x}
        best = max(ours, key=ours.get) if ours else None
        ratio = ("%.2f (%s)" % (ours[best] / v["JTRANSFORMS"], best)) if best and v["JTRANSFORMS"] else ""
        print("| %d | %s | %s |" % (n, " | ".join("%.0f" % v[i] if v[i] else "" for i in impls), ratio))
if roll:
    print("\n### Rolling spectral entropy, 10^6 points, window 256: windows per second\n")
    print("| backend | step 1 | step 16 |")
    print("|---|---:|---:|")
    for i in ("JAVA", "VECTOR", "NATIVE", "OPENCL"):
        print("| %s | %s | %s |" % (i, *("%.3g" % roll[(i, s)] if (i, s) in roll else "" for s in (1, 16))))
