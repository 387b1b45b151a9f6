#!/usr/bin/python3
"""Reference values for the Monte Carlo tests of dev.sxn.math.stochastic (BlackScholesTest, MonteCarloTest,
HestonTest, PortfolioRiskTest).

Run with Debian's python3, python3-numpy and python3-scipy (NumPy 1.24.2 and SciPy 1.10.1 made the
checked-in files):
    /usr/bin/python3 gen_montecarlo.py
Writes, beside this script (one case per line, fields separated by spaces, floats as repr):
  stochastic_mc_bs.txt       Black-Scholes-Merton prices from scipy.special.ndtr:
                             "<call|put> S K r q sigma T price".
  stochastic_mc_barrier.txt  discretely monitored knock-out barrier options under GBM (monitoring dates
                             T/n, 2T/n, ..., T), by quadrature: the density of the log price on the
                             surviving side is carried from date to date by an FFT convolution with the
                             Gaussian step (trapezoid rule on a uniform grid that ends on the barrier),
                             then integrated against the payoff; computed on two grids (h and h/2) and
                             reported with their difference as the error estimate:
                             "<call|put> <up|down> S K B r q sigma T n price_h2 abs(price_h - price_h2)".
  stochastic_mc_asian.txt    arithmetic-average Asian options (fixings at T/n, ..., T) by NumPy Monte Carlo
                             (PCG64, 4 10^6 paths) with the discrete geometric-average option (closed form)
                             as control variate: "<call|put> S K r q sigma T n price standard_error".
  stochastic_mc_heston.txt   Heston European calls by the Heston (1993) two-probability formula with
                             Albrecher et al.'s "little trap" characteristic function, each probability by
                             scipy.integrate.quad on (0, inf): "S K T r q v0 kappa theta xi rho price".
  stochastic_mc_cir.txt      the CIR one-step transition law, a scaled non-central chi-square, from
                             scipy.stats.ncx2: "x0 kappa theta sigma dt x P(X_dt <= x)" at nine quantiles.
  stochastic_mc_merton.txt   Merton (1976) jump-diffusion European calls by his Poisson-weighted series of
                             Black-Scholes prices (200 terms): "S K r T sigma lambda m delta price".
Tests read these files; they never run Python.
"""
import os

import numpy as np
from scipy import integrate, special

HERE = os.path.dirname(os.path.abspath(__file__))


def bs(kind, s, k, r, q, sig, t):
    sq = sig * np.sqrt(t)
    d1 = (np.log(s / k) + (r - q + 0.5 * sig * sig) * t) / sq
    d2 = d1 - sq
    if kind == "call":
        return s * np.exp(-q * t) * special.ndtr(d1) - k * np.exp(-r * t) * special.ndtr(d2)
    return k * np.exp(-r * t) * special.ndtr(-d2) - s * np.exp(-q * t) * special.ndtr(-d1)


BS_CASES = [
    ("call", 100, 100, 0.05, 0.0, 0.2, 1.0),
    ("put", 100, 100, 0.05, 0.0, 0.2, 1.0),
    ("call", 100, 120, 0.03, 0.01, 0.25, 0.5),
    ("put", 100, 80, 0.03, 0.01, 0.25, 0.5),
    ("call", 50, 30, 0.01, 0.02, 0.4, 2.0),
    ("put", 50, 30, 0.01, 0.02, 0.4, 2.0),
    ("call", 100, 200, 0.02, 0.0, 0.15, 0.25),
    ("put", 100, 200, 0.02, 0.0, 0.15, 0.25),
    ("call", 1.5, 1.4, -0.005, 0.0, 0.08, 3.0),
    ("put", 1.5, 1.4, -0.005, 0.0, 0.08, 3.0),
    ("call", 100, 100, 0.05, 0.0, 0.6, 10.0),
    ("put", 4000, 4100, 0.045, 0.015, 0.18, 0.0833),
]


def knock_out(kind, direction, s0, k, b, r, q, sig, t, n, cells):
    dt = t / n
    m = (r - q - 0.5 * sig * sig) * dt
    sd = sig * np.sqrt(dt)
    lb = np.log(b / s0)
    span = 12 * sig * np.sqrt(t) + abs(m) * n
    if direction == "up":
        y = np.linspace(lb - span, lb, cells + 1)
    else:
        y = np.linspace(lb, lb + span, cells + 1)
    h = y[1] - y[0]
    w = np.full(cells + 1, h)
    w[0] = w[-1] = h / 2
    # Density after the first date (starting at y = 0), then n - 1 convolutions with the Gaussian step.
    f = np.exp(-0.5 * ((y - m) / sd) ** 2) / (sd * np.sqrt(2 * np.pi))
    offsets = np.arange(-cells, cells + 1) * h
    kern = np.exp(-0.5 * ((offsets - m) / sd) ** 2) / (sd * np.sqrt(2 * np.pi))
    from scipy.signal import fftconvolve
    for _ in range(n - 1):
        f = fftconvolve(f * w, kern, mode="full")[cells:2 * cells + 1]
    st = s0 * np.exp(y)
    pay = np.maximum(st - k, 0) if kind == "call" else np.maximum(k - st, 0)
    return np.exp(-r * t) * np.sum(w * f * pay)


BARRIER_CASES = [
    ("call", "up", 100, 100, 120, 0.05, 0.02, 0.25, 1.0, 12),
    ("put", "down", 100, 100, 85, 0.05, 0.02, 0.25, 1.0, 12),
    ("call", "down", 100, 95, 90, 0.03, 0.0, 0.3, 0.5, 25),
    ("put", "up", 100, 105, 115, 0.03, 0.0, 0.2, 0.5, 25),
]


def asian(kind, s0, k, r, q, sig, t, n, paths, rng):
    dt = t / n
    m = (r - q - 0.5 * sig * sig) * dt
    sd = sig * np.sqrt(dt)
    # Geometric average of the n fixings: log-normal with these moments.
    mg = np.log(s0) + m * (n + 1) / 2
    vg = sd * sd * (n + 1) * (2 * n + 1) / (6 * n)
    d2 = (mg - np.log(k)) / np.sqrt(vg)
    d1 = d2 + np.sqrt(vg)
    if kind == "call":
        geo = np.exp(-r * t) * (np.exp(mg + vg / 2) * special.ndtr(d1) - k * special.ndtr(d2))
    else:
        geo = np.exp(-r * t) * (k * special.ndtr(-d2) - np.exp(mg + vg / 2) * special.ndtr(-d1))
    a_all, g_all = [], []
    chunk = 200_000
    for _ in range(paths // chunk):
        x = np.cumsum(m + sd * rng.standard_normal((chunk, n)), axis=1)
        st = s0 * np.exp(x)
        a = st.mean(axis=1)
        g = np.exp(np.log(s0) + x.mean(axis=1))
        if kind == "call":
            a_all.append(np.maximum(a - k, 0))
            g_all.append(np.maximum(g - k, 0))
        else:
            a_all.append(np.maximum(k - a, 0))
            g_all.append(np.maximum(k - g, 0))
    a = np.exp(-r * t) * np.concatenate(a_all)
    g = np.exp(-r * t) * np.concatenate(g_all)
    beta = np.cov(a, g)[0, 1] / np.var(g, ddof=1)
    est = a - beta * (g - geo)
    return est.mean(), est.std(ddof=1) / np.sqrt(len(est))


ASIAN_CASES = [
    ("call", 100, 100, 0.05, 0.0, 0.2, 1.0, 12),
    ("put", 100, 100, 0.05, 0.0, 0.2, 1.0, 12),
    ("call", 100, 90, 0.03, 0.01, 0.35, 0.5, 50),
]


def heston_call(s0, k, t, r, q, v0, kappa, theta, xi, rho):
    def cf(u):
        iu = 1j * u
        d = np.sqrt((rho * xi * iu - kappa) ** 2 + xi * xi * (iu + u * u))
        g = (kappa - rho * xi * iu - d) / (kappa - rho * xi * iu + d)
        e = np.exp(-d * t)
        c = kappa * theta / xi ** 2 * ((kappa - rho * xi * iu - d) * t - 2 * np.log((1 - g * e) / (1 - g)))
        dd = (kappa - rho * xi * iu - d) / xi ** 2 * (1 - e) / (1 - g * e)
        return np.exp(iu * (np.log(s0) + (r - q) * t) + c + dd * v0)

    lk = np.log(k)
    fwd = cf(-1j)

    def p1(u):
        return (np.exp(-1j * u * lk) * cf(u - 1j) / (1j * u * fwd)).real

    def p2(u):
        return (np.exp(-1j * u * lk) * cf(u) / (1j * u)).real

    i1 = integrate.quad(p1, 0, np.inf, limit=1000, epsabs=1e-13, epsrel=1e-12)[0]
    i2 = integrate.quad(p2, 0, np.inf, limit=1000, epsabs=1e-13, epsrel=1e-12)[0]
    P1 = 0.5 + i1 / np.pi
    P2 = 0.5 + i2 / np.pi
    return s0 * np.exp(-q * t) * P1 - k * np.exp(-r * t) * P2


HESTON_CASES = [
    (100, 100, 1.0, 0.03, 0.0, 0.04, 1.5, 0.04, 0.5, -0.7),
    (100, 90, 0.5, 0.02, 0.01, 0.09, 2.0, 0.06, 0.8, -0.5),
    (100, 120, 2.0, 0.01, 0.0, 0.02, 0.8, 0.05, 0.3, 0.2),
    (100, 100, 1.0, 0.0, 0.0, 0.0175, 1.5768, 0.0398, 0.5751, -0.5711),
    (50, 55, 0.25, 0.05, 0.0, 0.06, 3.0, 0.05, 1.0, -0.9),
]


CIR_CASES = [
    (0.04, 1.2, 0.05, 0.3, 0.5),
    (0.04, 1.2, 0.05, 0.6, 0.25),
    (0.01, 0.5, 0.02, 0.4, 1.0),
]


def cir_rows(x0, kappa, theta, sigma, dt):
    from scipy import stats
    c = sigma * sigma * (1 - np.exp(-kappa * dt)) / (4 * kappa)
    df = 4 * kappa * theta / sigma ** 2
    nc = x0 * np.exp(-kappa * dt) / c
    rows = []
    for p in (0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99):
        x = c * stats.ncx2.ppf(p, df, nc)
        rows.append((x0, kappa, theta, sigma, dt, x, stats.ncx2.cdf(x / c, df, nc)))
    return rows


MERTON_CASES = [
    (100, 100, 0.05, 1.0, 0.2, 0.5, -0.1, 0.15),
    (100, 110, 0.03, 0.5, 0.15, 2.0, -0.05, 0.1),
    (100, 90, 0.02, 2.0, 0.25, 0.2, 0.1, 0.3),
]


def merton_call(s, k, r, t, sig, lam, m, delta):
    from scipy.stats import poisson
    kbar = np.exp(m + 0.5 * delta * delta) - 1
    lp = lam * (1 + kbar)
    total = 0.0
    for n in range(200):
        w = poisson.pmf(n, lp * t)
        sn = np.sqrt(sig * sig + n * delta * delta / t)
        rn = r - lam * kbar + n * np.log(1 + kbar) / t
        total += w * bs("call", s, k, rn, 0.0, sn, t)
    return total


def main():
    with open(os.path.join(HERE, "stochastic_mc_bs.txt"), "w") as f:
        for c in BS_CASES:
            f.write(" ".join([c[0]] + [repr(float(v)) for v in c[1:]] + [repr(float(bs(*c)))]) + "\n")
    with open(os.path.join(HERE, "stochastic_mc_barrier.txt"), "w") as f:
        for c in BARRIER_CASES:
            a = knock_out(*c, cells=20_000)
            b = knock_out(*c, cells=40_000)
            f.write(" ".join(list(c[:2]) + [repr(float(v)) for v in c[2:]] + [repr(float(b)), repr(float(abs(a - b)))]) + "\n")
    rng = np.random.Generator(np.random.PCG64(20261207))
    with open(os.path.join(HERE, "stochastic_mc_asian.txt"), "w") as f:
        for c in ASIAN_CASES:
            p, se = asian(*c, paths=4_000_000, rng=rng)
            f.write(" ".join([c[0]] + [repr(float(v)) for v in c[1:]] + [repr(float(p)), repr(float(se))]) + "\n")
    with open(os.path.join(HERE, "stochastic_mc_cir.txt"), "w") as f:
        for c in CIR_CASES:
            for row in cir_rows(*c):
                f.write(" ".join(repr(float(v)) for v in row) + "\n")
    with open(os.path.join(HERE, "stochastic_mc_merton.txt"), "w") as f:
        for c in MERTON_CASES:
            f.write(" ".join([repr(float(v)) for v in c] + [repr(float(merton_call(*c)))]) + "\n")
    with open(os.path.join(HERE, "stochastic_mc_heston.txt"), "w") as f:
        for c in HESTON_CASES:
            f.write(" ".join([repr(float(v)) for v in c] + [repr(float(heston_call(*c)))]) + "\n")


if __name__ == "__main__":
    main()
