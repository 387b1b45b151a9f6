#!/usr/bin/env python3
"""Crossover sizes from a JMH result file, written into the library's crossovers resource.

The crossover of a kind is the smallest measured size from which that kind is no slower than JAVA at
that size and at every larger size measured (the rule every entry of crossovers.properties follows);
"never" when there is no such size. With several benchmarks (a regular expression), the largest of
their crossovers is taken, so the kind is chosen only where it wins on all of them.

Usage (from the repository root, after a sweep wrote its JSON):
  python3 bench/crossovers.py RESULT.json --bench 'IndicatorsBench\\.(sma|ema)$' --size size \\
      --family indicators.Indicators.series [--kinds VECTOR,NATIVE] [--scale K] [--write]

--size names the JMH parameter that holds the problem size; --scale multiplies it into the family's
size unit (for example the batch length when the parameter counts assets). Without --write the lines
are printed; with it they replace the family's lines in
java-api/src/main/resources/dev/sxn/math/internal/crossovers.properties, each preceded by a comment
naming the result file and benchmarks (the evidence stays beside the number).
"""
import argparse
import datetime
import json
import os
import re
import sys

RESOURCE = os.path.join("java-api", "src", "main", "resources", "dev", "sxn", "math", "internal", "crossovers.properties")


def scores(results, bench, size_param, scale, backend_param):
    """{benchmark: {kind: {size: score}}} with scores oriented so that larger is better."""
    out = {}
    for r in results:
        if not re.search(bench, r["benchmark"]):
            continue
        p = r.get("params", {})
        if size_param not in p or backend_param not in p:
            continue
        s = r["primaryMetric"]["score"]
        better = s if r["mode"] in ("thrpt",) else -s  # avgt / sample / ss: lower is better
        size = int(p[size_param]) * scale
        out.setdefault(r["benchmark"], {}).setdefault(p[backend_param], {})[size] = better
    return out


def crossover(by_kind, kind):
    """Smallest size from which kind >= JAVA at it and every larger size measured; None if never."""
    java, other = by_kind.get("JAVA", {}), by_kind.get(kind, {})
    sizes = sorted(set(java) & set(other))
    best = None
    for s in reversed(sizes):
        if other[s] >= java[s]:
            best = s
        else:
            break
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("result")
    ap.add_argument("--bench", required=True, help="regular expression over benchmark names")
    ap.add_argument("--size", required=True, help="the JMH parameter holding the size")
    ap.add_argument("--family", required=True)
    ap.add_argument("--kinds", default="VECTOR,NATIVE,OPENCL")
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("--backend-param", default="backend", help="the JMH parameter naming the kind (JAVA, VECTOR, ...)")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()

    results = json.load(open(a.result))
    table = scores(results, a.bench, a.size, a.scale, a.backend_param)
    if not table:
        sys.exit("no benchmark in %s matches %r with parameters %s and %s" % (a.result, a.bench, a.size, a.backend_param))
    lines = []
    for kind in a.kinds.split(","):
        per_bench = [crossover(by_kind, kind) for by_kind in table.values() if kind in by_kind]
        if not per_bench:
            continue
        value = "never" if any(c is None for c in per_bench) else str(max(per_bench))
        lines.append((f"{a.family}.{kind.lower()}", value))
    evidence = "# %s: bench/crossovers.py %s --bench '%s' (%s)" % (
        a.family, os.path.basename(a.result), a.bench, datetime.date.today().isoformat())
    for key, value in lines:
        print(f"{key} = {value}")
    if not a.write:
        return
    text = open(RESOURCE).read().split("\n")
    # Earlier evidence lines of this family's automatic runs give way to the new one.
    text = [line for line in text if not line.startswith("# %s: bench/crossovers.py " % a.family)]
    first = None
    for key, value in lines:
        pattern = re.compile(r"^%s\s*=" % re.escape(key))
        idx = [i for i, line in enumerate(text) if pattern.match(line)]
        if not idx:
            sys.exit(f"{key} is not in {RESOURCE}: a new family is declared by hand first (KernelFamilies)")
        text[idx[0]] = f"{key} = {value}"
        first = idx[0] if first is None else min(first, idx[0])
    text.insert(first, evidence)
    open(RESOURCE, "w").write("\n".join(text))
    print("wrote", RESOURCE)


if __name__ == "__main__":
    main()
