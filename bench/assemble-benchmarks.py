#!/usr/bin/env python3
"""Builds BENCHMARKS.md from bench/results/<domain>.md (each written by the run that measured it).

Run from the repository root: python3 bench/assemble-benchmarks.py. The summary table at the top is
kept in bench/results/summary.md; every other section is a results file with its headings demoted
one level, so each keeps its own machine, load, method and commands.
"""
import os

ORDER = ["foundation", "indicators", "linalg", "linalg2", "matrixprofile", "kalman", "dynamics", "spectral", "gpu", "architecture", "first-call", "warmup", "gc", "calibrate", "stochastic", "risk", "spark"]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results")
out = [open(os.path.join(root, "summary.md")).read().rstrip() + "\n"]
for name in ORDER:
    path = os.path.join(root, name + ".md")
    if not os.path.exists(path):
        continue
    text = open(path).read().rstrip() + "\n"
    lines = []
    fence = False
    for line in text.split("\n"):
        if line.startswith("```"):
            fence = not fence
        lines.append("#" + line if (line.startswith("#") and not fence) else line)
    out.append("\n".join(lines))
open(os.path.join(root, "..", "..", "BENCHMARKS.md"), "w").write("\n".join(out))
print("BENCHMARKS.md:", sum(len(s.split("\n")) for s in out), "lines")
