#!/usr/bin/env python3
"""Crossover sizes from a JMH result file, written into the library's crossovers resource.

The crossover of a kind is the smallest measured size from which that kind is no slower than JAVA at
that size and at every larger size measured (the rule every entry of crossovers.properties follows);
"never" when there is no such size. With several benchmarks (a regular expression), the largest of
their crossovers is taken, so the kind is chosen only where it wins on all of them.

Usage (from the repository root, after a sweep wrote its JSON):
  python3 bench/crossovers.py RESULT.json --bench 'IndicatorsBench\\.(sma|ema)$' --size size \\
      --family indicators.Indicators.series [--kinds VECTOR,NATIVE] [--scale K] [--cpu KEY] [--write]

--size names the JMH parameter that holds the problem size; --scale multiplies it into the family's
size unit (for example the batch length when the parameter counts assets). --cpu names the CPU family
the JSON was measured on (dev.sxn.math.internal.CpuKey: amd-zen5, intel-spr, ...; bench/sweep-lib.sh
passes the key of the machine it runs on): the lines are then that CPU's section, <cpu>.<family>.<kind>,
which overrides the generic line on that CPU family only; without it, or with --cpu generic, they are the
generic lines. Without --write the lines are printed; with it they replace the same lines in
java-api/src/main/resources/dev/sxn/math/internal/crossovers.properties (a section line that is not
there yet goes at the end of its CPU's section, which is made at the end of the file if missing), each
family preceded by a comment naming the result file and benchmarks (the evidence stays beside the number).
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
    ap.add_argument("--cpu", default="generic", help="the CPU family key the result was measured on (generic: the generic lines)")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()

    results = json.load(open(a.result))
    table = scores(results, a.bench, a.size, a.scale, a.backend_param)
    if not table:
        sys.exit("no benchmark in %s matches %r with parameters %s and %s" % (a.result, a.bench, a.size, a.backend_param))
    cpu = a.cpu.strip()
    if cpu != "generic" and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", cpu):
        sys.exit(f"--cpu must be a CPU family key such as amd-zen5 (lower case, with a '-'), or generic; was {cpu!r}")
    prefix = "" if cpu == "generic" else cpu + "."
    lines = []
    for kind in a.kinds.split(","):
        per_bench = [crossover(by_kind, kind) for by_kind in table.values() if kind in by_kind]
        if not per_bench:
            continue
        value = "never" if any(c is None for c in per_bench) else str(max(per_bench))
        lines.append((f"{a.family}.{kind.lower()}", value))
    evidence_tag = "# %s%s: bench/crossovers.py " % (prefix, a.family)
    evidence = "%s%s --bench '%s' (%s)" % (evidence_tag, os.path.basename(a.result), a.bench, datetime.date.today().isoformat())
    for key, value in lines:
        print(f"{prefix}{key} = {value}")
    if not a.write:
        return
    text = open(RESOURCE).read().split("\n")
    generic = {line.split("=")[0].strip() for line in text if re.match(r"^[a-zA-Z][\w.]*\s*=", line) and "-" not in line.split(".")[0]}
    # Earlier evidence lines of this family's automatic runs (for this CPU) give way to the new one.
    text = [line for line in text if not line.startswith(evidence_tag)]
    first = None
    for key, value in lines:
        if key not in generic:
            sys.exit(f"{key} is not in {RESOURCE}: a new family is declared by hand first (KernelFamilies)")
        full = prefix + key
        pattern = re.compile(r"^%s\s*=" % re.escape(full))
        idx = [i for i, line in enumerate(text) if pattern.match(line)]
        if idx:
            text[idx[0]] = f"{full} = {value}"
            at = idx[0]
        else:
            at = section_end(text, cpu)
            text.insert(at, f"{full} = {value}")
        first = at if first is None else min(first, at)
    text.insert(first, evidence)
    open(RESOURCE, "w").write("\n".join(text))
    print("wrote", RESOURCE, "(section %s)" % cpu if prefix else "(generic lines)")


def section_end(text, cpu):
    """The index after the last line of CPU family cpu's section, made at the end of the file if missing."""
    header = "# ---------------------------------------------------------------- section %s" % cpu
    if header not in text:
        while text and text[-1] == "":
            text.pop()
        text.extend(["", header, "# Measured on this CPU family by the sweeps; each line overrides the generic line of the same", "# family and kind there.", ""])
        return len(text) - 1
    i = text.index(header) + 1
    while i < len(text) and not text[i].startswith("# ---------------------------------------------------------------- "):
        i += 1
    while i > 0 and text[i - 1] == "":
        i -= 1
    return i


if __name__ == "__main__":
    main()
