#!/usr/bin/python3
"""Reference values for the tests of dev.sxn.math.amm (AmmReferenceTest).

quantammsim (QuantAMM's JAX simulator) is the definition of the forward pass, but JAX cannot be installed here (no
PyPI), so this script is an independent NumPy re-implementation written from quantammsim's formulas (its
momentum_pool / estimator_primitives / fine_weights / quantamm_reserves / optimal_n_pool_arb / forward_pass
definitions), structured as quantammsim is (gradients over the whole coarse series, then the coarse weight scan, then
the interpolation blocks, then reserves by cumprod of direct reserve ratios, or the fee scan with every trade
signature evaluated and tied maxima summed by a mask), not as the Java code is (a single fused minute loop, log-domain
reserves, first-of-ties). Run with Debian's python3 and python3-numpy (NumPy 1.24.2 made the checked-in file):
    /usr/bin/python3 gen_amm.py
Prices are a deterministic function both sides compute (so no price file ships): asset i's log price is a random
walk driven by a 32-bit LCG (x <- (1664525 x + 1013904223 + 7919 i) mod 2^32, u = x / 2^32), step
sigma_i (u - 0.5), plus a slow sine, see prices() below.
Writes amm_cases.txt beside this script: CoW AMM cases first ("cow <name> <key=value ...>" with "reserves" and
"values" rows), then per TFMM case a line "case <name> <key=value ...>", then "values <row> <value>"
lines every 97th row and the last, "weights <row> w...", "reserves <row> r...", and "metric <name> <value>" lines.
Also writes amm_rules.txt (difference momentum and minimum variance rule outputs, see rules_main()) and
amm_composite.txt (composite pools: sub-pools' LP shares as members, see composite_main()).
Tests read the files; they never run Python.
"""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def prices(T, n):
    out = np.empty((T, n))
    sig = [0.0012, 0.0017, 0.0009, 0.0014]
    base = [100.0, 50.0, 2.0, 7.0]
    for i in range(n):
        x = 12345 + 1000 * i
        lp = 0.0
        for t in range(T):
            x = (1664525 * x + 1013904223 + 7919 * i) % 4294967296
            u = x / 4294967296.0
            lp = lp + sig[i] * (u - 0.5)
            out[t, i] = base[i] * np.exp(lp + 0.05 * np.sin(t / (1440.0 * (1.5 + i))))
    return out


def memory_days_to_lamb(d, cp):
    s = (1440.0 * d / (2.0 * cp)) ** 3 / 6.0
    n1 = np.cbrt(np.sqrt(3 * (27 * s**4 + 4 * s**3)) - 9 * s**2)
    return n1 / (np.cbrt(2) * 3 ** (2.0 / 3.0) * s) - np.cbrt(2.0 / 3.0) / n1 + 1.0


def lamb_to_memory_days(l, cp):
    return np.cbrt(6 * l / ((1 - l) ** 3)) * 2 * cp / 1440


def squareplus(x):
    return 0.5 * (x + np.sqrt(x * x + 4))


def gradients(chunk_prices, lamb):
    G = 1.0 / (1.0 - lamb)
    b = lamb / (1 - lamb) ** 3
    ewma = chunk_prices[0].copy()
    a = np.zeros_like(ewma)
    out = [np.zeros_like(ewma)]
    for p in chunk_prices[1:]:
        ewma = ewma + (p - ewma) / G
        a = lamb * a + G * (p - ewma)
        a = np.where(np.abs(a) < 1e-10, 0.0, a)
        out.append(a / (b * ewma))
    return np.array(out)[1:]


def zero_sum(signal, k):
    kk = np.full(signal.shape[-1], k)
    off = -(kk * signal).sum(-1, keepdims=True) / kk.sum()
    return np.where(kk == 0.0, 0.0, kk * (signal + off))


def rule_outputs(rule, g, k, p):
    if rule == "momentum":
        return zero_sum(g, k)
    if rule == "anti_momentum":
        return zero_sum(g, -k)
    c, q = p["pre_exp"], p["exponent"]
    trend = np.sign(g) * np.power(np.abs(g / (2.0 * c)), q)
    if rule == "power_channel":
        return zero_sum(trend, k)
    w, A = p["width"], p["amplitude"]
    env = np.exp(-(g**2) / (2 * w**2))
    x = np.pi * g / (3 * w)
    sig = -A * env * (x - x**3 / 6) / 0.5415 + (1 - env) * trend
    return zero_sum(sig, k)


def coarse_step(prev, dw, eps, m, max_change):
    return coarse_from_raw(prev, prev + dw, eps, m, max_change)


def guardrail(raw, eps):
    # normalise, clip to [eps, 1 - (n-1) eps], hold the below-eps assets at eps, rescale the others, residual to the largest
    n = len(raw)
    w = raw / raw.sum()
    idx = w < eps
    w = np.clip(w, eps, 1.0 - (n - 1) * eps)
    remaining = 1 - idx.sum() * eps
    others = np.where(~idx, w, 0.0).sum()
    w = np.where(~idx, w * remaining / others, w)
    j = np.argmax(w)
    w[j] = w[j] - w.sum() + 1.0
    return w


def coarse_from_raw(prev, raw, eps, m, max_change):
    w = guardrail(raw, eps)
    diff = 1 / m * (w - prev)
    mx = np.max(np.abs(diff))
    if mx > max_change:
        diff = diff * (max_change / (mx + 1e-10))
    return diff, prev + diff * m


def block(start, diff, m, cp, method):
    ar = np.arange(m + 1)[:, None]
    lin = ar * diff + start
    end = lin[-1]
    out = np.tile(end, (cp, 1))
    if method == "linear":
        out[: m] = lin[: m]
    else:
        geo = start * (end / start) ** (ar / (m + 1))
        ao = lin + geo
        ao = ao / ao.sum(-1, keepdims=True)
        out[: m] = ao[: m]
    return out


def fine_weights(P, c):
    n = P.shape[1]
    cp, m = c["cp"], c["wip"]
    w0 = np.array(c["w0"])
    bout = c["bout"]
    s = c["start"] // cp
    rows = bout - 1
    if c["rule"] == "fixed":
        return np.tile(w0, (rows, 1))
    lamb = 1.0 / (1.0 + np.exp(-c["logit_lambda"]))
    lamb = min(max(lamb, 0.0), memory_days_to_lamb(c["max_mem"], cp))
    mem = min(max(lamb_to_memory_days(lamb, cp), 0.0), c["max_mem"])
    k = 2.0 ** c["log_k"] * mem
    p = dict(pre_exp=c["pre_exp"], exponent=c["exponent"], width=c["width"], amplitude=2.0 ** c["log_amp"] * mem)
    chunk = P[::cp]
    nb = -(-rows // cp)
    eps = 0.1 / n
    alt = 1.0 / (1.0 + np.exp(-(c["logit_lambda"] + c["logit_delta_lambda"])))
    if c["rule"] == "min_variance":
        # MinVariancePool: rule outputs are target weights (outs[j] from the returns up to chunk j + 1), blended with the
        # previous position by alt_lamb (capped); no block of initial weights: the first position is the guardrailed
        # outs[s], and block b moves towards outs[s + b] (quantammsim's rule_outputs_are_weights path)
        outs, _ = min_variance(chunk, lamb)
        blend = min(max(alt, 0.0), memory_days_to_lamb(c["max_mem"], cp))
        prev = guardrail(blend * outs[s] + (1 - blend) * outs[s], eps)
        blocks = []
        for b in range(nb):
            diff, new = coarse_from_raw(prev, blend * prev + (1 - blend) * outs[s + b], eps, m, c["max_change"])
            blocks.append(block(prev, diff, m, cp, c["interp"]))
            prev = new
        return np.vstack(blocks)[:rows]
    if c["rule"] == "difference_momentum":
        # DifferenceMomentumPool, logit parameterisation: lamb and alt_lamb to memory days (clipped), k on the fast
        # memory, then calc_ewma_pair turns the memories back into capped decays
        m1 = min(max(lamb_to_memory_days(1.0 / (1.0 + np.exp(-c["logit_lambda"])), cp), 0.0), c["max_mem"])
        m2 = min(max(lamb_to_memory_days(alt, cp), 0.0), c["max_mem"])
        cap = memory_days_to_lamb(c["max_mem"], cp)
        l1 = min(max(memory_days_to_lamb(m1, cp), 0.0), cap)
        l2 = min(max(memory_days_to_lamb(m2, cp), 0.0), cap)
        outs = difference_momentum(chunk, l1, l2, np.full(n, 2.0 ** c["log_k"] * m1))
    else:
        g = gradients(chunk, lamb)  # g[j] belongs to chunk j + 1
        outs = rule_outputs(c["rule"], g, k, p)
    prev = w0.copy()
    blocks = [np.tile(w0, (cp, 1))]
    for b in range(nb):
        if s + b >= len(outs):
            break
        diff, new = coarse_step(prev, outs[s + b], eps, m, c["max_change"])
        blocks.append(block(prev, diff, m, cp, c["interp"]))
        prev = new
    return np.vstack(blocks)[:rows]


def sig_variations(n):
    import itertools
    v = np.array(list(itertools.product([1, 0, -1], repeat=n)))
    v = v[(v == 1).sum(-1) == 1]
    return v[(v == -1).sum(-1) == 1]


def optimal_trade(R, w, p, gamma, sigs):
    n = len(R)
    trades = []
    for sig in sigs:
        drop = sig == 0
        d = (sig == 1).astype(float)
        aw = w / np.where(drop, 0.0, w).sum()
        ar = np.where(drop, 1.0, R)
        per = (aw * gamma**d / p) ** (1.0 - aw)
        q = np.where(drop, 1.0, (p / (gamma**d * aw)) ** aw)
        other = np.array([np.prod(np.delete(q, i)) for i in range(n)])
        C = np.prod(ar**aw)
        t = (1.0 / gamma**d) * (C * per * other - ar)
        t = np.where(drop, 0.0, t)
        # quantammsim tests prod((R + t gamma^[t>0])^w) - prod(R^w) >= 0 exactly; the optimal trade sits on that boundary,
        # so rounding decides; both sides here accept a relative 1e-12 in the log invariant instead (see Arbitrage's Javadoc)
        ok = np.all(R + t > 0) and (np.sum(w * np.log((R + t * gamma ** (t > 0)) / R)) >= -1e-12)
        trades.append(t if ok else np.zeros(n))
    trades = np.array(trades)
    profits = -(trades * p).sum(-1)
    mask = (profits == profits.max()).astype(float)
    return mask @ trades


def reserves_and_fees(W, LP, c):
    V0 = c["value0"]
    R0 = W[0] * V0 / LP[0]
    fees, gas, arbf = c["fees"], c["gas"], c["arb_fees"]
    if fees == 0 and gas == 0 and arbf == 0:
        pr = LP[1:] / LP[:-1]
        ratio = np.exp((W[:-1] * np.log(pr)).sum(-1, keepdims=True)) / pr
        wr = W[1:] / W[:-1]
        ratio = ratio * wr / np.exp((W[1:] * np.log(wr)).sum(-1, keepdims=True))
        R = np.vstack([R0, R0 * np.cumprod(ratio, axis=0)])
        return R, np.zeros(len(W))
    gamma = 1.0 - fees
    sigs = sig_variations(len(R0))
    R = R0.copy()
    out, rev = [], []
    prev_w = W[0]
    for t in range(len(W)):
        p = LP[t]
        f = 0.0
        for ww in (prev_w, W[t]):
            if gamma != 1.0:
                tr = optimal_trade(R, ww, p, gamma, sigs)
            else:
                V = (R * p).sum()
                qp = V * ww / R
                pc = p / qp
                tr = R * np.exp((ww * np.log(pc)).sum()) / pc - R
            profit = -(tr * p).sum() - gas
            if profit >= 0.5 * arbf * (np.abs(tr) * p).sum():
                R = R + tr
                f += (1 - gamma) * (np.where(tr > 0, tr, 0.0) * p).sum()
        out.append(R.copy())
        rev.append(f)
        prev_w = W[t]
    return np.array(out), np.array(rev)


def chunks(v, d):
    k = (len(v) // d) * d
    return v[:k].reshape(-1, d)


def mdd(x):
    rm = np.maximum.accumulate(x, axis=-1)
    return ((x - rm) / rm).min(-1)


def metrics(v, R0, LP, fee_total):
    T = len(v)
    out = {}
    r = np.diff(v) / v[:-1]
    out["sharpe"] = np.sqrt(365 * 24 * 60) * r.mean() / r.std()
    d = v[::1440]
    dr = np.diff(d) / d[:-1]
    out["daily_sharpe"] = np.sqrt(365) * dr.mean() / dr.std()
    lr = np.diff(np.log(d + 1e-12))
    out["daily_log_sharpe"] = np.sqrt(365.0) * (lr.mean() / (lr.std() + 1e-8))
    out["returns"] = v[-1] / v[0] - 1.0
    ex = 365 * 24 * 60 / (T - 1)
    out["annualised_returns"] = (v[-1] / v[0]) ** ex - 1.0
    h = (R0 * LP[-1]).sum()
    out["returns_over_hodl"] = v[-1] / h - 1.0
    out["annualised_returns_over_hodl"] = (v[-1] / h) ** ex - 1.0
    uh = (((R0 * LP[0]).sum() / (len(R0) * LP[0])) * LP[-1]).sum()
    out["returns_over_uniform_hodl"] = v[-1] / uh - 1.0
    out["annualised_returns_over_uniform_hodl"] = (v[-1] / uh) ** ex - 1.0
    out["greatest_draw_down"] = np.min(v - v[0]) / v[0]
    days = T / 1440
    af = 365 / days

    def var(q, D):
        c = chunks(v, D)
        rr = np.diff(c, axis=-1) / c[:, :-1]
        return np.mean([np.percentile(x, q) for x in rr])

    def var_trad(q, D):
        e = chunks(v, D)[:, -1]
        return np.percentile(np.diff(e) / e[:-1], q)

    tot = v[-1] / v[0] - 1.0
    ann = (1 + tot) ** af - 1
    for name, D in (("daily", 1440), ("weekly", 7 * 1440)):
        if T >= D:
            out[name + "_var_95%"] = var(5.0, D)
            out[name + "_var_99%"] = var(1.0, D)
            out[name + "_raroc"] = -ann / (var(5.0, D) * np.sqrt(af * 1440 / D))
        if T >= 2 * D:
            out[name + "_var_95%_trad"] = var_trad(5.0, D)
            out[name + "_var_99%_trad"] = var_trad(1.0, D)
    if T >= 7 * 1440:
        out["weekly_max_drawdown"] = mdd(chunks(v, 7 * 1440)).min()
    for name, D in (("daily", 1440), ("weekly", 7 * 1440), ("monthly", 30 * 1440)):
        if T >= D:
            c = chunks(v, D)
            pr = c[:, -1] / c[:, 0] - 1.0
            m = np.mean((1 + pr) ** (365 * 24 * 60 / D) - 1)
            out[name + "_rovar"] = -m / (var(5.0, D) * np.sqrt(af * 1440 / D))
            if T >= 2 * D:
                out[name + "_rovar_trad"] = -m / (var_trad(5.0, D) * np.sqrt(af * 1440 / D))
    if T >= 30 * 1440:
        c = chunks(v, 30 * 1440)
        rm = np.maximum.accumulate(c, axis=-1)
        dd = (c - rm) / rm
        out["ulcer"] = -np.mean(np.sqrt(np.mean(dd**2, axis=1)))
        den = -np.mean(dd.min(1))
        out["sterling"] = np.inf if den <= 0 else ann / den
    md = mdd(v)
    out["calmar"] = np.inf if md >= 0 else ann / -md
    out["fee_revenue_over_value"] = fee_total / v[0]
    out["final_value"] = v[-1]
    return out


BASE = dict(cp=60, wip=60, max_change=3e-4, max_mem=365.0, value0=1e6, fees=0.0, gas=0.0, arb_fees=0.0, interp="linear",
            logit_lambda=3.0, log_k=2.0, exponent=1.0, width=1.0, log_amp=0.0, pre_exp=0.5, logit_delta_lambda=0.0)
CASES = [
    dict(name="momentum2", n=2, rule="momentum", w0=[0.5, 0.5], start=3 * 1440, bout=31 * 1440 + 1, logit_lambda=4.0, log_k=3.0),
    dict(name="anti3_daily_optimal", n=3, rule="anti_momentum", w0=[0.2, 0.3, 0.5], cp=1440, wip=1440, interp="approx_optimal",
         start=2 * 1440, bout=32 * 1440, logit_lambda=1.5, log_k=4.0, max_change=1e-4),
    dict(name="power3", n=3, rule="power_channel", w0=[0.4, 0.3, 0.3], cp=60, wip=30, start=1440, bout=8 * 1440, logit_lambda=3.5, log_k=5.0,
         exponent=1.7, pre_exp=0.3),
    dict(name="mrc2_tight", n=2, rule="mean_reversion_channel", w0=[0.6, 0.4], cp=120, wip=120, start=2400, bout=9 * 1440, logit_lambda=2.5,
         log_k=6.0, exponent=1.3, width=0.4, log_amp=1.0, pre_exp=0.5, max_change=5e-3),
    dict(name="momentum3_fees", n=3, rule="momentum", w0=[0.3, 0.3, 0.4], cp=60, wip=60, start=1440, bout=3 * 1440, fees=0.003, gas=1.0,
         arb_fees=0.0005, logit_lambda=3.0, log_k=6.0, max_change=2e-3),
    dict(name="balancer2_fees", n=2, rule="fixed", w0=[0.8, 0.2], start=0, bout=3 * 1440, fees=0.01, gas=0.0, arb_fees=0.0),
    dict(name="momentum2_gas_only", n=2, rule="momentum", w0=[0.5, 0.5], start=0, bout=3 * 1440 + 1, fees=0.0, gas=5.0, arb_fees=0.0,
         log_k=7.0, max_change=1e-2),
    dict(name="diffmom3", n=3, rule="difference_momentum", w0=[0.3, 0.3, 0.4], cp=60, wip=60, start=2 * 1440, bout=20 * 1440 + 1,
         logit_lambda=3.0, logit_delta_lambda=1.5, log_k=5.0, max_change=2e-3),
    dict(name="diffmom2_daily_optimal", n=2, rule="difference_momentum", w0=[0.5, 0.5], cp=1440, wip=720, interp="approx_optimal",
         start=4 * 1440, bout=40 * 1440, logit_lambda=1.0, logit_delta_lambda=0.8, log_k=6.0, max_change=1e-3),
    dict(name="diffmom2_fees", n=2, rule="difference_momentum", w0=[0.6, 0.4], cp=60, wip=60, start=1440, bout=3 * 1440, fees=0.003,
         gas=0.5, arb_fees=0.0002, logit_lambda=2.5, logit_delta_lambda=1.0, log_k=7.0, max_change=5e-3),
    dict(name="minvar3", n=3, rule="min_variance", w0=[0.2, 0.3, 0.5], cp=60, wip=60, start=2 * 1440, bout=20 * 1440 + 1,
         logit_lambda=4.0, logit_delta_lambda=-1.0, max_change=1e-3),
    dict(name="minvar4_daily", n=4, rule="min_variance", w0=[0.25, 0.25, 0.25, 0.25], cp=1440, wip=1440, start=10 * 1440,
         bout=60 * 1440, logit_lambda=2.0, logit_delta_lambda=0.5, max_change=3e-4),
    dict(name="minvar2_fees", n=2, rule="min_variance", w0=[0.5, 0.5], cp=120, wip=60, start=1440, bout=3 * 1440 - 7, fees=0.002,
         gas=0.0, arb_fees=0.0003, logit_lambda=3.0, logit_delta_lambda=-0.5, max_change=2e-3),
]


def cow_reserves(LP, weight, c):
    # quantammsim's _jax_calc_cowamm_reserves_with_fees scan (perfect arbitrage, arb_quality = 1)
    w = np.array([weight, 1 - weight])
    gamma = 1.0 - c["fees"]
    R = w * c["value0"] / LP[0]
    out = []
    for p in LP:
        cur = (R[1] / R[0]) * (w[0] / w[1])
        bid = p[0] / p[1]
        lo = bid * gamma * (1 - c["arb_fees"])
        hi = bid / gamma / (1 - c["arb_fees"])
        below, above = cur <= lo, hi <= cur
        a = lo if below else cur
        a = hi if above else a
        X = R * w[::-1] * 2.0
        al = np.array([0.5 * X[0] + 0.5 * X[1] / a, 0.5 * X[0] * a + 0.5 * X[1]]) - X + R
        al = al + np.maximum(0, al - R) * (1 - gamma) / gamma
        R = al if (below or above) else R
        out.append(R.copy())
    return np.array(out)


def main():
    lines = []
    for name, weight, fees, arbf in (("cow_fees", 0.5, 0.003, 0.0), ("cow_uneven_arbfees", 0.7, 0.001, 0.0002), ("cow_zero_fees", 0.5, 0.0, 0.0)):
        c = dict(BASE, fees=fees, arb_fees=arbf)
        P = prices(4 * 1440, 2)
        LP = P[60: 60 + 3 * 1440 - 1]
        R = cow_reserves(LP, weight, c)
        v = (R * LP).sum(-1)
        lines.append(f"cow {name} weight={weight} fees={fees} arb_fees={arbf} start=60 bout={3 * 1440}")
        for t in list(range(0, len(v), 97)) + [len(v) - 1]:
            lines.append(f"reserves {t} {R[t][0]!r} {R[t][1]!r}")
            lines.append(f"values {t} {v[t]!r}")
    for case in CASES:
        c = dict(BASE)
        c.update(case)
        n = c["n"]
        T = c["start"] + c["bout"] + 1440
        P = prices(T, n)
        W = fine_weights(P, c)
        LP = P[c["start"]: c["start"] + c["bout"] - 1]
        R, rev = reserves_and_fees(W, LP, c)
        v = (R * LP).sum(-1)
        keys = " ".join(f"{k}={c[k]}" for k in ("n", "rule", "cp", "wip", "max_change", "max_mem", "value0", "fees", "gas", "arb_fees", "interp",
                                                "logit_lambda", "log_k", "exponent", "width", "log_amp", "pre_exp", "logit_delta_lambda",
                                                "start", "bout"))
        lines.append(f"case {c['name']} {keys} w0=" + ",".join(repr(x) for x in c["w0"]))
        lines.extend(pass_lines(v, dict(weights=W, reserves=R), LP, rev))
    with open(os.path.join(HERE, "amm_cases.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def pass_lines(v, series, LP, rev):
    """The "values" line and one line per named series every 97th row and the last, then the "metric" lines."""
    out = []
    for t in list(range(0, len(v), 97)) + [len(v) - 1]:
        out.append(f"values {t} {v[t]!r}")
        for name, arr in series.items():
            out.append(f"{name} {t} " + " ".join(repr(x) for x in arr[t]))
    for k, val in metrics(v, series["reserves"][0], LP, rev.sum()).items():
        out.append(f"metric {k} {float(val)!r}")
    return out


def ewma_series(chunk_prices, lamb):
    # quantammsim's _jax_ewma_at_infinity_via_scan: one row per coarse price after the first
    G = 1.0 / (1.0 - lamb)
    e = chunk_prices[0].copy()
    out = []
    for p in chunk_prices[1:]:
        e = e + (p - e) / G
        out.append(e)
    return np.array(out)


def momentum_per_asset_k(signal, k):
    # quantammsim's _jax_momentum_weight_update with a k per asset
    off = -(k * signal).sum(-1, keepdims=True) / k.sum()
    return np.where(k == 0.0, 0.0, k * (signal + off))


def difference_momentum(chunk_prices, lamb1, lamb2, k):
    # DifferenceMomentumPool.calculate_rule_outputs: 1 - ewma_2 / ewma_1 into the momentum update
    return momentum_per_asset_k(1.0 - ewma_series(chunk_prices, lamb2) / ewma_series(chunk_prices, lamb1), k)


def min_variance(chunk_prices, lamb):
    # calc_return_variances (CPU scan path) then _jax_min_variance_weights
    r = np.diff(chunk_prices, axis=0) / chunk_prices[:-1]
    G = 1.0 / (1.0 - lamb)
    e = r[0].copy()
    s = np.zeros_like(e)
    var = [np.ones_like(e)]
    for x in r[1:]:
        d_old = x - e
        e = e + d_old / G
        d_new = d_old * (1 - 1 / G)
        s = lamb * s + d_old * d_new
        var.append(s * (1 - lamb))
    prec = 1.0 / np.array(var)
    return prec / prec.sum(-1, keepdims=True), np.array(var)


RULE_CASES = (
    dict(name="diffmom_3", rule="difference_momentum", n=3, cp=60, days=20, mem1=3.0, mem2=9.0, k=(20.0, 0.0, 35.0)),
    dict(name="diffmom_2_daily", rule="difference_momentum", n=2, cp=1440, days=120, mem1=10.0, mem2=25.0, k=(4.0, 4.0)),
    dict(name="minvar_3", rule="min_variance", n=3, cp=60, days=20, mem1=5.0),
    dict(name="minvar_4_daily", rule="min_variance", n=4, cp=1440, days=120, mem1=15.0),
)


def rules_main():
    """Writes amm_rules.txt: per case "rule <name> key=value ..." then "out <row> x..." (difference momentum: the
    weight changes; minimum variance: the target weights then "var <row> v..."), every 7th row and the last."""
    lines = []
    for c in RULE_CASES:
        n, cp = c["n"], c["cp"]
        CP = prices(c["days"] * 1440, n)[::cp]
        lamb1 = float(memory_days_to_lamb(c["mem1"], cp))
        if c["rule"] == "difference_momentum":
            lamb2 = float(memory_days_to_lamb(c["mem2"], cp))
            out = difference_momentum(CP, lamb1, lamb2, np.array(c["k"]))
            var = None
            lines.append(f"rule {c['name']} rule={c['rule']} n={n} cp={cp} days={c['days']} lambda1={lamb1!r} lambda2={lamb2!r} k="
                         + ",".join(repr(x) for x in c["k"]))
        else:
            out, var = min_variance(CP, lamb1)
            lines.append(f"rule {c['name']} rule={c['rule']} n={n} cp={cp} days={c['days']} lambda1={lamb1!r}")
        for t in list(range(0, len(out), 7)) + [len(out) - 1]:
            lines.append(f"out {t} " + " ".join(repr(float(x)) for x in out[t]))
            if var is not None:
                lines.append(f"var {t} " + " ".join(repr(float(x)) for x in var[t]))
    with open(os.path.join(HERE, "amm_rules.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")



# ---- issue 23: Gyroscope E-CLP and CoW AMM arbitrage quality (pools_main writes amm_eclp.txt and amm_cow.txt) ----
# The E-CLP is written from quantammsim's gyroscope_reserves definitions (A matrix, tau = eta(zeta), chi of
# Proposition 8, the invariant as the positive root of Proposition 8's quadratic, the inner price of Proposition 12,
# the fee scan of its Appendix A / Remark 5), structured as quantammsim is (2x2 matrices, the invariant recomputed from
# the reserves every minute, masks for the band cases), not as EclpPool is (scalar closed forms, the zero-fee invariant
# held). Two named changes from quantammsim's code, the same as EclpPool's: the fee band is tested on the Proposition 12
# marginal price (quantammsim overwrites it with the reserve ratio y/x), and a market price outside [alpha, beta] is
# clipped to the range (quantammsim keeps the previous reserves when the closed form turns a reserve negative).


def eclp_A(c, s, lam):
    return np.array([[c / lam, -s / lam], [s, c]])


def eclp_A_inv(c, s, lam):
    return np.array([[c * lam, s], [-s * lam, c]])


def eclp_tau(p, A):
    ap = A @ np.array([-1.0, p])
    zeta = (np.array([0.0, 1.0]) @ ap) / (-np.array([1.0, 0.0]) @ ap)
    return 1.0 / np.sqrt(1.0 + zeta**2) * np.array([zeta, 1.0])


def eclp_chi(A, Ai, alpha, beta):
    return np.array([(Ai @ eclp_tau(beta, A))[0], (Ai @ eclp_tau(alpha, A))[1]])


def eclp_invariant(t, A, chi):
    Ac = A @ chi
    At = A @ t
    d = At @ Ac
    q = Ac @ Ac - 1.0
    return (d + np.sqrt(max(d**2 - q * (At @ At), 0.0))) / q


def eclp_price(t, A, chi, r):
    tpp = A @ (t - r * chi)
    pc = np.array([tpp[0] / tpp[1], 1.0])
    return (pc @ (A @ np.array([1.0, 0.0]))) / (pc @ (A @ np.array([0.0, 1.0])))


def eclp_at(r, p, A, Ai, chi, alpha, beta):
    p = min(max(p, alpha), beta)
    t = r * (chi - Ai @ eclp_tau(p, A))
    return np.maximum(t, 0.0)


def eclp_reserves(LP, e, c):
    A, Ai = eclp_A(e["c"], e["s"], e["lam"]), eclp_A_inv(e["c"], e["s"], e["lam"])
    chi = eclp_chi(A, Ai, e["alpha"], e["beta"])
    R = eclp_at(1.0, LP[0][0] / LP[0][1], A, Ai, chi, e["alpha"], e["beta"])
    R = R * c["value0"] / (R @ LP[0])
    gamma = 1.0 - c["fees"]
    zero = c["fees"] == 0.0 and c["gas"] == 0.0 and c["arb_fees"] == 0.0
    out, fee = [], []
    for p in LP:
        r = eclp_invariant(R, A, chi)
        mkt = p[0] / p[1]
        f = 0.0
        if zero:
            R = eclp_at(r, mkt, A, Ai, chi, e["alpha"], e["beta"])
        else:
            q = eclp_price(R, A, chi, r)
            below, above = q <= mkt * gamma, mkt / gamma <= q
            if below or above:
                eff = mkt * gamma if below else mkt / gamma
                tr = eclp_at(r, eff, A, Ai, chi, e["alpha"], e["beta"]) - R
                tr = tr * (np.array([1.0, 1.0 / gamma]) if below else np.array([1.0 / gamma, 1.0]))
                profit = -(tr * p).sum() - c["gas"]
                new = R + tr
                if profit >= 0.5 * c["arb_fees"] * (np.abs(tr) * p).sum() and new.min() >= 0:
                    R = new
                    f = (1.0 - gamma) * (np.maximum(tr, 0.0) * p).sum()
        out.append(R.copy())
        fee.append(f)
    return np.array(out), np.array(fee)


ECLP_CASES = (
    dict(name="eclp_zero", alpha=1.8, beta=2.3, phi=0.6, lam=4.0, fees=0.0, gas=0.0, arb_fees=0.0),
    dict(name="eclp_zero_narrow_exits", alpha=1.97, beta=2.04, phi=0.785398, lam=12.0, fees=0.0, gas=0.0, arb_fees=0.0),
    dict(name="eclp_zero_circle", alpha=1.5, beta=2.5, phi=0.0, lam=1.0, fees=0.0, gas=0.0, arb_fees=0.0),
    dict(name="eclp_fees", alpha=1.8, beta=2.3, phi=0.6, lam=4.0, fees=0.003, gas=0.0, arb_fees=0.0),
    dict(name="eclp_fees_gas_narrow", alpha=1.97, beta=2.04, phi=1.2, lam=20.0, fees=0.001, gas=1.0, arb_fees=0.0005),
    dict(name="eclp_gas_only", alpha=1.8, beta=2.3, phi=0.3, lam=2.0, fees=0.0, gas=2.0, arb_fees=0.0),
)


def cow_one_arb(LP, weight, c):
    # quantammsim's _jax_calc_cowamm_reserves_one_arb_with_fees (two cases, the lower profit, tied rows summed by the
    # mask), or _jax_calc_cowamm_reserves_one_arb_zero_fees when fees are 0; gas as arb_thresh
    gamma = 1.0 - c["fees"]
    w = weight
    R = np.array([w, 1 - w]) * c["value0"] / LP[0]
    out = []
    for p in LP:
        prod = R[0] * R[1]
        sp = p[0] / p[1]
        pw = (1.0 - w) * w
        if c["fees"] == 0.0:
            trades = np.array([[-((1 - w) * R[0] - np.sqrt(pw * prod / sp)), -(w * R[1] - np.sqrt(pw * prod * sp))]])
        else:
            d01 = (1 - w) * R[0] - np.sqrt(pw * prod / (gamma * sp))
            d11 = w * R[1] / gamma - np.sqrt(pw * prod * sp / gamma)
            d02 = (1 - w) * R[0] / gamma - np.sqrt(pw * prod / (gamma * sp))
            d12 = w * R[1] - np.sqrt(pw * prod * sp / gamma)
            trades = np.array([[-d01, -d11], [-d02, -d12]])
        profits = -(trades * p).sum(-1)
        best = profits.min()
        delta = np.where(profits == best, 1.0, 0.0) @ trades
        if best - c["gas"] >= 0.5 * c["arb_fees"] * (np.abs(delta) * p).sum():
            R = R + delta
        out.append(R.copy())
    return np.array(out)


COW_CASES = (
    dict(name="cow_q08_fees", weight=0.5, fees=0.003, gas=0.0, arb_fees=0.0, q=0.8),
    dict(name="cow_q0_uneven", weight=0.7, fees=0.001, gas=0.5, arb_fees=0.0002, q=0.0),
    dict(name="cow_q05_zero_fees", weight=0.5, fees=0.0, gas=0.0, arb_fees=0.0, q=0.5),
    dict(name="cow_q03_zero_fees_gas", weight=0.4, fees=0.0, gas=2.0, arb_fees=0.0, q=0.3),
)


def pools_main():
    """amm_eclp.txt: per case "eclp <name> key=value ..." then "reserves <row> x y", "values <row> v", "fees <row> f"
    every 97th row and the last, and "metric <name> <value>" lines; amm_cow.txt: per case "cowq <name> key=value ..."
    then "reserves" and "values" rows (quantammsim's CowPool.calculate_reserves_with_fees: arb_quality times the
    perfect-arbitrage path plus (1 - arb_quality) times the single-arbitrageur path, each its own scan)."""
    P = prices(4 * 1440, 2)
    start, bout = 60, 3 * 1440
    LP = P[start: start + bout - 1]

    def rows(lines, R, v, fee=None):
        for t in list(range(0, len(v), 97)) + [len(v) - 1]:
            lines.append(f"reserves {t} {R[t][0]!r} {R[t][1]!r}")
            lines.append(f"values {t} {v[t]!r}")
            if fee is not None:
                lines.append(f"fees {t} {fee[t]!r}")

    def write(name, lines):
        with open(os.path.join(HERE, name), "w") as f:
            f.write("\n".join(lines) + "\n")

    lines = []
    for e in ECLP_CASES:
        e = dict(e, c=float(np.cos(e["phi"])), s=float(np.sin(e["phi"])))
        c = dict(BASE, fees=e["fees"], gas=e["gas"], arb_fees=e["arb_fees"])
        R, fee = eclp_reserves(LP, e, c)
        v = (R * LP).sum(-1)
        lines.append(f"eclp {e['name']} alpha={e['alpha']!r} beta={e['beta']!r} c={e['c']!r} s={e['s']!r} lambda={e['lam']!r} "
                     f"fees={e['fees']!r} gas={e['gas']!r} arb_fees={e['arb_fees']!r} start={start} bout={bout}")
        rows(lines, R, v, fee)
        for k, val in metrics(v, R[0], LP, fee.sum()).items():
            lines.append(f"metric {k} {float(val)!r}")
    write("amm_eclp.txt", lines)
    lines = []
    for q in COW_CASES:
        c = dict(BASE, fees=q["fees"], gas=q["gas"], arb_fees=q["arb_fees"])
        R = q["q"] * cow_reserves(LP, q["weight"], c) + (1.0 - q["q"]) * cow_one_arb(LP, q["weight"], c)
        lines.append(f"cowq {q['name']} weight={q['weight']!r} fees={q['fees']!r} gas={q['gas']!r} arb_fees={q['arb_fees']!r} "
                     f"arb_quality={q['q']!r} start={start} bout={bout}")
        rows(lines, R, (R * LP).sum(-1))
    write("amm_cow.txt", lines)


COMPOSITES = (
    # tokens: market columns held directly; subs: sub-pools over market columns, each run from minute 0 with its rule
    dict(name="composite_momentum_zero_fees", market_n=3, tokens=[0], start=1440, bout=10 * 1440 + 1,
         pool=dict(rule="momentum", w0=[0.4, 0.3, 0.3], cp=60, wip=60, logit_lambda=3.5, log_k=5.0, max_change=2e-3),
         subs=[dict(assets=[1, 2], rule="momentum", w0=[0.5, 0.5], cp=60, wip=60, logit_lambda=3.0, log_k=4.0, max_change=1e-3),
               dict(assets=[0, 1], rule="anti_momentum", w0=[0.6, 0.4], cp=120, wip=60, logit_lambda=2.5, log_k=3.0, max_change=1e-3)]),
    dict(name="composite_minvar_fees", market_n=4, tokens=[], start=1440, bout=3 * 1440,
         pool=dict(rule="min_variance", w0=[0.3, 0.3, 0.4], cp=60, wip=60, logit_lambda=3.0, logit_delta_lambda=0.5, max_change=2e-3,
                   fees=0.003, gas=0.5, arb_fees=0.0002),
         subs=[dict(assets=[0, 1], rule="momentum", w0=[0.5, 0.5], cp=60, wip=60, logit_lambda=3.0, log_k=5.0, max_change=2e-3),
               dict(assets=[1, 2, 3], rule="min_variance", w0=[0.3, 0.3, 0.4], cp=1440, wip=1440, logit_lambda=1.5,
                    logit_delta_lambda=0.3, max_change=1e-3),
               dict(assets=[3, 0], rule="difference_momentum", w0=[0.5, 0.5], cp=60, wip=60, logit_lambda=3.0, logit_delta_lambda=1.0,
                    log_k=5.0, max_change=1e-3, fees=0.001)]),
)

POOL_KEYS = ("rule", "cp", "wip", "max_change", "max_mem", "value0", "fees", "gas", "arb_fees", "interp", "logit_lambda", "log_k", "exponent",
             "width", "log_amp", "pre_exp", "logit_delta_lambda")


def composite_main():
    """Writes amm_composite.txt: per case "composite <name> market_n= tokens= start= bout= <pool keys> w0=", one "sub <j>
    assets= <pool keys> w0=" line per sub-pool, then the composite's "values", "weights", "reserves" rows (members:
    tokens, then sub-pool shares), "members <row> prices..." (member prices at the bout's rows), "look <row> holdings..."
    (look-through holdings of the market's assets) every 97th row and the last, and "metric" lines."""
    lines = []
    for cc in COMPOSITES:
        N, start, bout, tokens = cc["market_n"], cc["start"], cc["bout"], cc["tokens"]
        T = start + bout + 3 * 1440
        P = prices(T, N)
        Tm = T
        for sub in cc["subs"]:
            if sub["rule"] == "min_variance":
                Tm = min(Tm, (T - 1) // sub["cp"] * sub["cp"])
        cols, subruns = [], []
        for sub in cc["subs"]:
            c = dict(BASE)
            c.update(sub)
            c.update(start=0, bout=Tm + 1, n=len(sub["assets"]))
            Ps = P[:, sub["assets"]]
            W = fine_weights(Ps, c)
            LPs = Ps[:Tm]
            R, _ = reserves_and_fees(W, LPs, c)
            v = (R * LPs).sum(-1)
            cols.append(v / v[0])
            subruns.append((R, v[0]))
        PM = np.column_stack([P[:Tm, tokens]] + [q[:, None] for q in cols])
        c = dict(BASE)
        c.update(cc["pool"])
        c.update(start=start, bout=bout, n=PM.shape[1])
        W = fine_weights(PM, c)
        LP = PM[start: start + bout - 1]
        R, rev = reserves_and_fees(W, LP, c)
        v = (R * LP).sum(-1)
        rows, nt = len(v), len(tokens)
        look = np.zeros((rows, N))
        for i, a in enumerate(tokens):
            look[:, a] += R[:, i]
        for j, sub in enumerate(cc["subs"]):
            Rs, shares = subruns[j]
            look[:, sub["assets"]] += (R[:, nt + j] / shares)[:, None] * Rs[start: start + rows]
        lines.append(f"composite {cc['name']} market_n={N} tokens=" + (",".join(str(t) for t in tokens) or "-") + f" start={start} bout={bout} "
                     + " ".join(f"{k}={c[k]}" for k in POOL_KEYS) + " w0=" + ",".join(repr(x) for x in c["w0"]))
        for j, sub in enumerate(cc["subs"]):
            cs = dict(BASE)
            cs.update(sub)
            lines.append(f"sub {j} assets=" + ",".join(str(a) for a in sub["assets"]) + " " + " ".join(f"{k}={cs[k]}" for k in POOL_KEYS)
                         + " w0=" + ",".join(repr(x) for x in cs["w0"]))
        lines.extend(pass_lines(v, dict(weights=W, reserves=R, members=LP, look=look), LP, rev))
    with open(os.path.join(HERE, "amm_composite.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
    rules_main()
    pools_main()
    composite_main()
