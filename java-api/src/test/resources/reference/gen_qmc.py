#!/usr/bin/python3
"""Sobol direction numbers and reference data for dev.sxn.math.stochastic's Sobol and BrownianBridge.

Run with Debian's python3, python3-numpy and python3-scipy (NumPy 1.24, SciPy 1.10.1 made the
checked-in files):
    /usr/bin/python3 gen_qmc.py
Reads SciPy's copy of Joe & Kuo's new-joe-kuo-6.21201 direction numbers
(scipy/stats/_sobol_direction_numbers.npz: poly[21201], vinit[21201][18]) and writes:
  ../../../main/resources/dev/sxn/math/stochastic/sobol-joe-kuo-6-21201.bin
      the same numbers, bit-packed (format below); the library's only copy.
  stochastic_sobol.txt
      "tablesha256 <hex>"  SHA-256 of the text "<j> <poly> <m_1> ... <m_s>\\n" over all 21201 dimensions
                           j = 0.. (s = the polynomial's degree; dimension 0 has poly 1 and no m),
                           straight from the npz, so the packed file's decoding is checked in full;
      "svsha256 <hex>"     SHA-256 of SciPy's direction integers for all 21201 dimensions at 32 bits
                           (qmc.Sobol(21201, scramble=False, bits=32)._sv, big-endian uint32, dimension-
                           major), so the recurrence is checked for every dimension;
      "point <d> <i> <j> : <x_j> <x_j+1> ..." coordinates j, j+1, ... of point i of
                           qmc.Sobol(d, scramble=False, bits=32) (after fast_forward(i) for a skip-ahead
                           block), as float.hex.
  stochastic_bridge.txt
      Brownian bridge levels W(t_1..t_n) from fixed normals z (importance order: terminal first, then
      midpoints level by level, left to right), by the independent construction bridge() below:
      "case <name>", "times ...", "z ...", "order <time index built by z[0]> ...", "w ...".

Packed format (big-endian): magic "SXNSOBOL", u16 version 1, u32 dimensions (21201), u8 max degree (18),
then MSB-first bits, per dimension: degree s (5 bits); the polynomial's interior coefficients
a_1..a_{s-1} (s - 1 bits, a_1 first; poly = 2^s + sum a_k 2^(s-k) + 1); m_1..m_s, m_k in k bits. Dimension 0
has s = 0 (Sobol's first coordinate is the van der Corput sequence, all m_k = 1).
Tests read these files; they never run Python.
"""
import hashlib
import os
import random
import struct
import warnings

import numpy as np
import scipy
from scipy.stats import qmc

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCE = os.path.normpath(os.path.join(HERE, "../../../main/resources/dev/sxn/math/stochastic/sobol-joe-kuo-6-21201.bin"))
NPZ = os.path.join(os.path.dirname(scipy.stats.__file__), "_sobol_direction_numbers.npz")

data = np.load(NPZ)
poly = [int(p) for p in data["poly"]]
vinit = data["vinit"]
DIMS, MAXDEG = vinit.shape
assert (DIMS, MAXDEG) == (21201, 18)


def degree(p):
    return p.bit_length() - 1


class Bits:
    def __init__(self):
        self.acc, self.n, self.out = 0, 0, bytearray()

    def put(self, value, width):
        assert 0 <= value < (1 << width) or width == 0
        self.acc = (self.acc << width) | value
        self.n += width
        while self.n >= 8:
            self.n -= 8
            self.out.append((self.acc >> self.n) & 0xFF)
        self.acc &= (1 << self.n) - 1

    def finish(self):
        if self.n:
            self.out.append((self.acc << (8 - self.n)) & 0xFF)
        return bytes(self.out)


canon = []
bits = Bits()
for j in range(DIMS):
    p = poly[j]
    s = degree(p)
    m = [int(x) for x in vinit[j][:s]]
    if j == 0:
        assert p == 1 and s == 0
    else:
        assert 1 <= s <= MAXDEG and p & 1 and p >> s == 1
        assert all(x % 2 == 1 and x < (1 << (k + 1)) for k, x in enumerate(m)), j
    assert all(int(x) == 0 for x in vinit[j][max(s, 1):]), j
    canon.append(" ".join(str(x) for x in [j, p] + m) + "\n")
    bits.put(s, 5)
    if s >= 2:
        bits.put((p >> 1) & ((1 << (s - 1)) - 1), s - 1)
    for k, x in enumerate(m):
        bits.put(x, k + 1)
with open(RESOURCE, "wb") as f:
    f.write(b"SXNSOBOL" + struct.pack(">HIB", 1, DIMS, MAXDEG) + bits.finish())

table_sha = hashlib.sha256("".join(canon).encode("ascii")).hexdigest()
sv = qmc.Sobol(DIMS, scramble=False, bits=32)._sv
assert sv.shape == (DIMS, 32)
sv_sha = hashlib.sha256(sv.astype(">u4").tobytes()).hexdigest()

warnings.simplefilter("ignore")  # SciPy warns when n is not a power of 2: irrelevant to the values


def points(d, skip, n):
    e = qmc.Sobol(d, scramble=False, bits=32)
    if skip:
        e.fast_forward(skip)
    return e.random(n)


def ranges(d, spans):
    return [(a, min(b, d)) for a, b in spans]


# (d, skip, n, dimension ranges)
CASES = [
    (1, 0, 40, [(0, 1)]), (1, 12345, 5, [(0, 1)]), (1, (1 << 32) - 3, 3, [(0, 1)]),
    (2, 0, 40, [(0, 2)]), (2, 1000, 5, [(0, 2)]), (2, (1 << 32) - 4, 4, [(0, 2)]),
    (5, 0, 40, [(0, 5)]), (5, (1 << 16) - 3, 6, [(0, 5)]), (5, 1000003, 5, [(0, 5)]),
    (50, 0, 40, [(0, 50)]), (50, 777, 5, [(0, 50)]), (50, (1 << 20) + 1, 3, [(0, 50)]),
    (1000, 0, 40, [(0, 16), (984, 1000)]), (1000, 4093, 3, [(0, 16), (500, 510), (984, 1000)]),
    (21201, 0, 40, [(0, 16), (10000, 10008), (21185, 21201)]),
    (21201, 1021, 3, [(0, 8), (15000, 15008), (21185, 21201)]),
]

with open(os.path.join(HERE, "stochastic_sobol.txt"), "w") as f:
    f.write("# numpy %s, scipy %s: scipy.stats.qmc.Sobol(d, scramble=False, bits=32); made by gen_qmc.py\n"
            % (np.__version__, scipy.__version__))
    f.write("tablesha256 %s\n" % table_sha)
    f.write("svsha256 %s\n" % sv_sha)
    for d, skip, n, spans in CASES:
        x = points(d, skip, n)
        for r in range(n):
            for a, b in spans:
                f.write("point %d %d %d : %s\n" % (d, skip + r, a, " ".join(float(v).hex() for v in x[r, a:b])))


def bridge(times, z):
    """W(t_1..t_n) from z in importance order: W(t_n) = sqrt(t_n) z_0; then, breadth first, the middle
    index m = (a + b) // 2 of each gap between built indices a < b (index 0 is t = 0, W = 0) from the
    conditional law W(t_m) | W(t_a), W(t_b) ~ N(((t_b - t_m) W_a + (t_m - t_a) W_b) / (t_b - t_a),
    (t_m - t_a)(t_b - t_m) / (t_b - t_a))."""
    n = len(times)
    t = [0.0] + list(times)
    w = [0.0] * (n + 1)
    w[n] = (t[n] ** 0.5) * z[0]
    order = [n - 1]
    queue = [(0, n)]
    used = 1
    while queue:
        a, b = queue.pop(0)
        if b - a < 2:
            continue
        m = (a + b) // 2
        mean = ((t[b] - t[m]) * w[a] + (t[m] - t[a]) * w[b]) / (t[b] - t[a])
        var = (t[m] - t[a]) * (t[b] - t[m]) / (t[b] - t[a])
        w[m] = mean + var ** 0.5 * z[used]
        order.append(m - 1)
        used += 1
        queue.append((a, m))
        queue.append((m, b))
    assert used == n
    return w[1:], order


rng = random.Random(1919)
BRIDGES = [
    ("single", [2.5]),
    ("two", [0.25, 1.0]),
    ("uniform8", [i / 8 for i in range(1, 9)]),
    ("uniform12_T2", [2.0 * i / 12 for i in range(1, 13)]),
    ("irregular7", [0.01, 0.05, 0.3, 0.31, 0.9, 1.7, 3.0]),
    ("random33", sorted(rng.uniform(0.0, 5.0) for _ in range(33))),
    ("uniform64", [i / 64 for i in range(1, 65)]),
]

with open(os.path.join(HERE, "stochastic_bridge.txt"), "w") as f:
    f.write("# Python 3 floats, independent breadth-first Brownian bridge (gen_qmc.py bridge()); made by gen_qmc.py\n")
    for name, times in BRIDGES:
        z = [rng.gauss(0.0, 1.0) for _ in times]
        w, order = bridge(times, z)
        f.write("case %s\n" % name)
        f.write("times %s\n" % " ".join(float(v).hex() for v in times))
        f.write("z %s\n" % " ".join(float(v).hex() for v in z))
        f.write("order %s\n" % " ".join(str(i) for i in order))
        f.write("w %s\n" % " ".join(float(v).hex() for v in w))

print("wrote", RESOURCE, os.path.getsize(RESOURCE), "bytes")
