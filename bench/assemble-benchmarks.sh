#!/usr/bin/env bash
# Regenerates BENCHMARKS.md and bench/results/plots/ from the JMH JSON files bench/results/sources.txt lists,
# the targets in bench/targets.txt and the method section bench/benchmarks-method.md
# (sxn bench --benchmarks-md; dev.sxn.math.bench.report.BenchmarksPage). Run from anywhere; builds if needed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"
exec ./sxn bench --benchmarks-md
