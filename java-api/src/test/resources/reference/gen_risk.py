#!/usr/bin/python3
"""Reference values for the tests of dev.sxn.math.risk (PerformanceTest, DrawdownsTest, ValueAtRiskTest, KellyTest,
RollingRiskTest).

Run with Debian's python3, python3-numpy, python3-scipy, python3-mpmath and python3-sklearn (NumPy 1.24.2, SciPy 1.10.1,
mpmath 1.2.1 and scikit-learn 1.2.1 made the checked-in files):
    /usr/bin/python3 gen_risk.py
The formulas below are written here from the definitions pinned in the risk package's Javadoc, with NumPy
and SciPy doing the numerics (np.quantile method='linear' = R type 7, scipy.stats.skew / kurtosis,
scipy.stats.norm / t, Student-t quantiles refined by mpmath, scipy.integrate.quad, scipy.optimize.fsolve); no code is shared with the Java side.
Writes, beside this script (one record per line, fields separated by spaces, floats as repr):
  risk_series.txt   the input series: "<name> v0 v1 ...". prices: GBM prices; daily: 500 Student-t(4)
                    returns; monthly: 60 normal returns; skewed: 300 right-skewed returns (outside the
                    Cornish-Fisher domain, also
                    after the correction); heavy: 600 returns of a normal scale mixture (kurtosis above
                    the uncorrected domain, inside the corrected one); lossy: 40 returns that end in a drawdown (no recovery).
  risk_metrics.txt  "<series> <metric> <args...> <value>" for the performance metrics.
  risk_drawdown.txt "<series> <maxdd> <peak> <trough> <recovery|-1> <longest duration> <ulcer>".
  risk_var.txt      "<series> <method> <alpha> <extra> <var> <es>" (extra: nu for t, lambda for ewma,
                    'standard', 'corrected' or 'invalid' (var and es NaN) for Cornish-Fisher,
                    '-' otherwise).
  risk_quantiles.txt "<p> <x>" for the distribution quantile tests: normal "norm p x", t "t nu p x".
  risk_ledoitwolf.txt per case "case <name> <n> <p>", then "x" rows (n lines of p values), "cov" rows
                    (p lines of scikit-learn's LedoitWolf().fit(x).covariance_), "shrinkage <value>", and
                    "kelly <p values>" = numpy.linalg.solve(covariance_, mu - r), mu the column means, r = 0.0001.
  risk_rolling.txt  "<series> <w> <alpha> <index> <var> <es> <sharpe> <vol>" for every window end index.
Tests read these files; they never run Python.
"""
import os

import mpmath as mp
import numpy as np
from scipy import integrate, optimize, stats
from sklearn.covariance import LedoitWolf

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20)
lw_rng = np.random.default_rng(2020)

SERIES = {}
SERIES["prices"] = 100 * np.exp(np.cumsum(rng.normal(0.0003, 0.012, 250)))
SERIES["daily"] = 0.0004 + 0.01 * rng.standard_t(4, 500) / np.sqrt(2.0)
SERIES["monthly"] = rng.normal(0.008, 0.045, 60)
SERIES["skewed"] = 0.02 * np.exp(rng.normal(0.0, 1.1, 300)) - 0.03
SERIES["heavy"] = np.where(rng.random(600) < 0.04, 6.0, 1.0) * rng.normal(0.0, 0.01, 600)
SERIES["lossy"] = np.concatenate([rng.normal(0.01, 0.02, 25), rng.normal(-0.02, 0.015, 15)])
RETURN_SERIES = ["daily", "monthly", "skewed", "heavy", "lossy"]
PPY = {"daily": 252.0, "monthly": 12.0, "skewed": 252.0, "heavy": 252.0, "lossy": 52.0}


def per_period(rate, ppy):
    return (1.0 + rate) ** (1.0 / ppy) - 1.0


def sharpe(r, rf, ppy):
    e = r - per_period(rf, ppy)
    return e.mean() / e.std(ddof=1) * np.sqrt(ppy)


def sortino(r, mar, ppy):
    m = per_period(mar, ppy)
    dd = np.sqrt(np.mean(np.minimum(r - m, 0.0) ** 2))
    return (r - m).mean() / dd * np.sqrt(ppy)


def cagr(r, ppy):
    v = np.prod(1.0 + r)
    return v ** (ppy / len(r)) - 1.0


def equity(r):
    return np.concatenate([[1.0], np.cumprod(1.0 + r)])


def drawdown(r):
    e = equity(r)
    run = np.maximum.accumulate(e)
    dd = 1.0 - e / run
    trough = int(np.argmax(dd))  # first index of the largest drawdown
    peak = int(np.argmax(e[: trough + 1] == run[trough])) if dd[trough] > 0 else trough
    rec = -1
    if dd[trough] > 0:
        later = np.nonzero(e[trough + 1:] >= run[trough])[0]
        rec = int(trough + 1 + later[0]) if len(later) else -1
    # longest episode: from the index where the running max was set to the first index back at it, or T
    longest, start = 0, 0
    for i in range(1, len(e)):
        if e[i] >= run[i]:
            if dd[i - 1] > 0:
                longest = max(longest, i - start)
            start = i
    if dd[-1] > 0:
        longest = max(longest, len(e) - 1 - start)
    ulcer = 100.0 * np.sqrt(np.mean((e[1:] / run[1:] - 1.0) ** 2))
    return dd[trough], peak, trough, rec, longest, ulcer


def sterling(r, ppy):
    n = int(ppy)
    dds = [drawdown(r[i:i + n])[0] for i in range(0, len(r), n)]
    return cagr(r, ppy) / np.mean(dds)


def omega(r, thr, ppy):
    l = per_period(thr, ppy)
    return np.sum(np.maximum(r - l, 0)) / np.sum(np.maximum(l - r, 0))


def metrics(name, r, ppy):
    out = []
    for rf in (0.0, 0.03):
        out.append((name, "sharpe", rf, ppy, sharpe(r, rf, ppy)))
        out.append((name, "sortino", rf, ppy, sortino(r, rf, ppy)))
        out.append((name, "omega", rf, ppy, omega(r, rf, ppy)))
    out.append((name, "cagr", ppy, cagr(r, ppy)))
    dd = drawdown(r)[0]
    out.append((name, "calmar", ppy, cagr(r, ppy) / dd))
    out.append((name, "sterling", ppy, sterling(r, ppy)))
    nz = r[r != 0]
    out.append((name, "winrate", np.mean(nz > 0)))
    out.append((name, "profitfactor", r[r > 0].sum() / -r[r < 0].sum()))
    out.append((name, "tailratio", abs(np.quantile(r, 0.95)) / abs(np.quantile(r, 0.05))))
    out.append((name, "skew_g1", stats.skew(r, bias=True)))
    out.append((name, "skew_G1", stats.skew(r, bias=False)))
    out.append((name, "kurt_g2", stats.kurtosis(r, fisher=True, bias=True)))
    out.append((name, "kurt_G2", stats.kurtosis(r, fisher=True, bias=False)))
    out.append((name, "mean", r.mean()))
    out.append((name, "std", r.std(ddof=1)))
    return out


def t_ppf(p, nu):
    """Student-t quantile to 30 digits by mpmath (SciPy 1.10's t.ppf is off by up to ~5e-10 relative far in the
    tail, e.g. t.ppf(1e-10, 30)); SciPy's value is the starting point."""
    with mp.workdps(40):
        nu_, p_ = mp.mpf(nu), mp.mpf(p)

        def cdf(t):
            x = nu_ / (nu_ + t * t)
            lower = mp.betainc(nu_ / 2, mp.mpf(1) / 2, 0, x, regularized=True) / 2
            return lower if t <= 0 else 1 - lower

        return float(mp.findroot(lambda t: cdf(t) - p_, mp.mpf(stats.t.ppf(p, nu)), tol=mp.mpf(10) ** -35))


def hist(r, a):
    q = np.quantile(r, a, method="linear")
    return -q, -r[r <= q].mean()


def normal_var(r, a):
    mu, sd = r.mean(), r.std(ddof=1)
    z = stats.norm.ppf(a)
    return -(mu + sd * z), -(mu - sd * stats.norm.pdf(z) / a)


def t_var(r, a, nu):
    mu, sd = r.mean(), r.std(ddof=1)
    s = sd * np.sqrt((nu - 2.0) / nu)
    # ES of a located and scaled t by quadrature of its quantile function, independent of the closed form
    q = t_ppf(a, nu)
    es_std = integrate.quad(lambda x: x * stats.t.pdf(x, nu), -np.inf, q, limit=200, epsabs=1e-14, epsrel=1e-12)[0] / a
    return -(mu + s * q), -(mu + s * es_std)


def cf_poly(s, k):
    # z_cf = z + (z^2 - 1) s/6 + (z^3 - 3z) k/24 - (2 z^3 - 5 z) s^2/36, as numpy poly coefficients (z^3 .. z^0)
    return np.array([k / 24 - 2 * s * s / 36, s / 6, 1 - 3 * k / 24 + 5 * s * s / 36, -s / 6])


def cf_valid(s, k):
    # monotone in z: derivative a2 z^2 + a1 z + a0 > 0 for all z
    a2, a1, a0 = k / 8 - s * s / 6, s / 3, 1 - k / 8 + 5 * s * s / 36
    return a2 >= 0 and a1 * a1 - 4 * a2 * a0 <= 0


def poly_moments(c):
    # mean, variance, skewness, excess kurtosis of p(Z), Z ~ N(0, 1), by quadrature
    f = np.poly1d(c)
    m = [integrate.quad(lambda z, j=j: f(z) ** j * stats.norm.pdf(z), -np.inf, np.inf, epsabs=1e-13, epsrel=1e-13)[0]
         for j in range(1, 5)]
    mu = m[0]
    var = m[1] - mu * mu
    c3 = m[2] - 3 * mu * m[1] + 2 * mu ** 3
    c4 = m[3] - 4 * mu * m[2] + 6 * mu * mu * m[1] - 3 * mu ** 4
    return mu, var, c3 / var ** 1.5, c4 / var ** 2 - 3


def cf_var(r, a):
    mu, sd = r.mean(), r.std(ddof=1)
    S, K = stats.skew(r, bias=True), stats.kurtosis(r, bias=True)
    if cf_valid(S, K):
        s, k, scale, kind = S, K, 1.0, "standard"
    else:
        def eq(p):
            _, _, sk, ku = poly_moments(cf_poly(p[0], p[1]))
            return [sk - S, ku - K]
        (s, k), _, ier, _ = optimize.fsolve(eq, [S / 2, K / 2], xtol=1e-13, full_output=True)
        if ier != 1 or max(abs(x) for x in eq([s, k])) > 1e-10 or not cf_valid(s, k):
            return "invalid", float("nan"), float("nan")
        scale, kind = 1.0 / np.sqrt(poly_moments(cf_poly(s, k))[1]), "corrected"
    f = np.poly1d(cf_poly(s, k))
    zq = f(stats.norm.ppf(a)) * scale
    za = stats.norm.ppf(a)
    tail = integrate.quad(lambda z: f(z) * stats.norm.pdf(z), -np.inf, za, limit=200, epsabs=1e-14, epsrel=1e-12)[0] / a * scale
    return kind, -(mu + sd * zq), -(mu + sd * tail)


def ewma_var(r, a, lam):
    v = r[0] ** 2
    for x in r:
        v = lam * v + (1 - lam) * x * x
    sd = np.sqrt(v)
    z = stats.norm.ppf(a)
    return -sd * z, sd * stats.norm.pdf(z) / a


def write(name, rows):
    with open(os.path.join(HERE, name), "w") as f:
        for row in rows:
            f.write(" ".join(repr(float(x)) if isinstance(x, (float, np.floating)) else str(x) for x in row) + "\n")


def main():
    write("risk_series.txt", [[n] + list(v) for n, v in SERIES.items()])
    p = SERIES["prices"]
    rows = [("prices", "simple", i, p[i + 1] / p[i] - 1) for i in range(len(p) - 1)]
    rows += [("prices", "log", i, np.log(p[i + 1] / p[i])) for i in range(len(p) - 1)]
    for n in RETURN_SERIES:
        rows += metrics(n, SERIES[n], PPY[n])
    write("risk_metrics.txt", rows)
    write("risk_drawdown.txt", [(n,) + drawdown(SERIES[n]) for n in RETURN_SERIES])
    rows = []
    for n in RETURN_SERIES:
        r = SERIES[n]
        for a in (0.01, 0.025, 0.05, 0.1):
            rows.append((n, "historical", a, "-") + hist(r, a))
            rows.append((n, "normal", a, "-") + normal_var(r, a))
            for nu in (3.0, 5.0, 8.5):
                rows.append((n, "t", a, nu) + t_var(r, a, nu))
            kind, v, e = cf_var(r, a)
            rows.append((n, "cornishfisher", a, kind, v, e))
            rows.append((n, "ewma", a, 0.94) + ewma_var(r, a, 0.94))
    write("risk_var.txt", rows)
    rows = []
    for pr in (1e-10, 1e-4, 0.001, 0.01, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.95, 0.999):
        rows.append(("norm", pr, stats.norm.ppf(pr)))
        for nu in (1.0, 2.0, 2.5, 3.0, 4.0, 7.3, 30.0, 200.0):
            rows.append(("t", nu, pr, t_ppf(pr, nu)))
    write("risk_quantiles.txt", rows)
    rows = []
    r = SERIES["daily"]
    for w, a in ((20, 0.05), (63, 0.01), (250, 0.025)):
        for end in range(w - 1, len(r)):
            x = r[end - w + 1:end + 1]
            v, e = hist(x, a)
            rows.append(("daily", w, a, end, v, e, sharpe(x, 0.02, 252.0), x.std(ddof=1) * np.sqrt(252.0)))
    write("risk_rolling.txt", rows)


def cases():
    a = lw_rng.normal(0.0005, 0.01, (60, 4)) @ np.array([[1, .5, .2, 0], [0, 1, .3, .1], [0, 0, 1, .4], [0, 0, 0, 1.0]])
    yield "corr4", a
    yield "wide", lw_rng.normal(0.001, 0.02, (8, 12))
    yield "one", lw_rng.normal(0, 1, (30, 1))


def ledoit_wolf():
    with open(os.path.join(HERE, "risk_ledoitwolf.txt"), "w") as f:
        for name, x in cases():
            lw = LedoitWolf().fit(x)
            f.write(f"case {name} {x.shape[0]} {x.shape[1]}\n")
            for row in x:
                f.write("x " + " ".join(repr(float(v)) for v in row) + "\n")
            for row in lw.covariance_:
                f.write("cov " + " ".join(repr(float(v)) for v in row) + "\n")
            f.write(f"shrinkage {float(lw.shrinkage_)!r}\n")
            k = np.linalg.solve(lw.covariance_, x.mean(axis=0) - 0.0001)
            f.write("kelly " + " ".join(repr(float(v)) for v in k) + "\n")


if __name__ == "__main__":
    main()
    ledoit_wolf()
