#!/usr/bin/python3
"""Reference data for dev.sxn.math.stochastic (PhiloxReferenceTest, NormalQuantileTest).

Run with Debian's python3 and python3-numpy (1.24 made the checked-in files):
    /usr/bin/python3 gen_stochastic.py
Writes, beside this script:
  stochastic_numpy_philox.txt  numpy.random.Philox (Philox4x64-10) built with Philox(key=..., counter=...)
                               directly (no SeedSequence): the first raw 64-bit outputs of random_raw()
                               (NumPy increments the counter before its first block), and the first
                               doubles of Generator(Philox(...)).random() ((x >> 11) * 2^-53, in [0, 1)).
  stochastic_as241.txt         Python's statistics.NormalDist().inv_cdf(p): Wichura's AS241 (PPND16) in
                               double precision, the same rational functions in the same order as
                               NormalQuantile; log is the C library's (the Java side uses fdlibm's).
Lines: "raw <key0> <key1> <ctr0> <ctr1> <ctr2> <ctr3> : <hex64> ...", "double <same> : <float.hex> ...",
"inv_cdf <float.hex p> <float.hex z>". Tests read these files; they never run Python.
"""
import os
import random
from statistics import NormalDist

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
M64 = (1 << 64) - 1

CASES = [
    ((0, 0), (0, 0, 0, 0)),
    ((0x0123456789ABCDEF, 0xFEDCBA9876543210), (0, 0, 0, 0)),
    ((0x243F6A8885A308D3, 0x13198A2E03707344), (M64 - 1, 7, 0, 0)),   # carry out of counter word 0
    ((M64, M64), (M64, M64, M64, M64 - 1)),                            # carry through every word
    ((42, 7), (123456789, 0, 3, 0)),
]
N_RAW = 13  # more than three blocks: crosses block boundaries
N_DOUBLE = 9

def words(key, ctr):
    return " ".join("%016x" % w for w in key + ctr)

with open(os.path.join(HERE, "stochastic_numpy_philox.txt"), "w") as f:
    f.write("# numpy %s, numpy.random.Philox(key=[k0, k1], counter=[c0, c1, c2, c3]); made by gen_stochastic.py\n"
            % np.__version__)
    for key, ctr in CASES:
        bg = np.random.Philox(key=np.array(key, dtype=np.uint64), counter=np.array(ctr, dtype=np.uint64))
        raw = bg.random_raw(N_RAW)
        f.write("raw %s : %s\n" % (words(key, ctr), " ".join("%016x" % int(x) for x in raw)))
        g = np.random.Generator(np.random.Philox(key=np.array(key, dtype=np.uint64),
                                                 counter=np.array(ctr, dtype=np.uint64)))
        d = g.random(N_DOUBLE)
        f.write("double %s : %s\n" % (words(key, ctr), " ".join(float(x).hex() for x in d)))

rng = random.Random(19)
ps = [2.0 ** -53, 2.0 ** -52 + 2.0 ** -53, 3 * 2.0 ** -53, 1e-10, 1e-5, 0.001, 0.02425,
      0.075, 0.0749999, 0.0750001, 0.25, 0.5 - 2.0 ** -53, 0.5, 0.5 + 2.0 ** -53, 0.9, 0.925, 0.975, 0.999,
      1 - 2.0 ** -53, 1 - 3 * 2.0 ** -53]
# Uniforms as the open-interval formula makes them: (2j + 1) * 2^-53, over the whole range and the tails.
for _ in range(2000):
    ps.append((2 * rng.getrandbits(52) + 1) * 2.0 ** -53)
for e in range(2, 53):
    ps.append((2 * rng.getrandbits(52 - e) + 1) * 2.0 ** -53)
    ps.append(1 - (2 * rng.getrandbits(52 - e) + 1) * 2.0 ** -53)
nd = NormalDist()
with open(os.path.join(HERE, "stochastic_as241.txt"), "w") as f:
    f.write("# Python %s statistics.NormalDist().inv_cdf (AS241); made by gen_stochastic.py\n"
            % __import__("sys").version.split()[0])
    for p in ps:
        f.write("inv_cdf %s %s\n" % (p.hex(), nd.inv_cdf(p).hex()))
