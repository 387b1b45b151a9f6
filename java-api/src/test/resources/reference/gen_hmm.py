#!/usr/bin/python3
"""Reference values for the tests of dev.sxn.math.regime's hidden Markov models (HmmReferenceTest).

Run with Debian's python3, python3-numpy, python3-scipy and python3-statsmodels (NumPy 1.24.2, SciPy 1.10.1 and
statsmodels 0.13.5 made the checked-in file):
    /usr/bin/python3 gen_hmm.py
An independent hidden Markov model written here in log space with NumPy/SciPy (scipy.special.logsumexp, log
densities from scipy.stats), sharing no code with the Java side: forward (log alpha), backward (log beta),
Viterbi, and Baum-Welch EM. Convention: pi is the distribution of the first hidden state.

The engine is first checked against statsmodels' MarkovRegression (2 regimes, switching mean and variance) on DAX
returns: statsmodels' known initial probabilities p0 meet two transitions before the first observation, so its
filter equals ours with pi = p0 A^2 (A = statsmodels' regime_transition[:, :, 0] transposed: rows from, columns to).
The script stops unless log-likelihood, filtered and smoothed probabilities agree to 1e-9.

Data: R's EuStockMarkets (eustockmarkets.csv beside this script); returns r_t = 100 ln(P_t / P_{t-1}).
Writes hmm_reference.txt beside this script: for each case a line "case <name>", then "<key> v0 v1 ..." lines
(floats as repr; matrices row-major):
  states, dim, kind (gaussian-full|diagonal|spherical|tied, categorical, student-t), data (which series),
  pi, A, the emission parameters (means, covs | probs | locs, scales, nu), loglik, filtered, smoothed,
  viterbi (the path), viterbi_logprob (log p(path, x)); for multi-sequence cases "lengths";
  for Baum-Welch cases fit_* (the optimum reached from the given start, states in ascending order of the first
  mean) with fit_loglik and fit_iterations; for the statsmodels check sm_* (statsmodels' own values).
Baum-Welch: M-step as in the Java Javadoc: covariance + floor_j on the diagonal, floor_j = 1e-6 var(x_j)
(population variance); transition rows floored at 1e-10 then renormalised; stop when the log-likelihood gains
less than 1e-13 (about the rounding of a log-likelihood of a few thousand) or after 20000 iterations.
Tests read the file; they never run Python.
"""
import os

import numpy as np
from scipy import stats
from scipy.special import logsumexp
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
prices = np.loadtxt(os.path.join(HERE, "eustockmarkets.csv"), delimiter=",", skiprows=1)
R = 100 * np.diff(np.log(prices), axis=0)   # n x 4: DAX, SMI, CAC, FTSE
DAX = R[:, 0:1]
DAXSMI = R[:, 0:2]


# ---- the log-space engine, on a matrix of emission log densities logb (n x K)
def forward(logpi, logA, logb):
    n, k = logb.shape
    la = np.empty((n, k))
    la[0] = logpi + logb[0]
    for t in range(1, n):
        la[t] = logsumexp(la[t - 1][:, None] + logA, axis=0) + logb[t]
    return la


def backward(logA, logb):
    n, k = logb.shape
    lb = np.zeros((n, k))
    for t in range(n - 2, -1, -1):
        lb[t] = logsumexp(logA + (logb[t + 1] + lb[t + 1])[None, :], axis=1)
    return lb


def infer(pi, A, logb):
    with np.errstate(divide="ignore"):
        logpi, logA = np.log(pi), np.log(A)
    la = forward(logpi, logA, logb)
    lb = backward(logA, logb)
    ll = logsumexp(la[-1])
    filtered = np.exp(la - logsumexp(la, axis=1)[:, None])
    sm_ = la + lb
    smoothed = np.exp(sm_ - logsumexp(sm_, axis=1)[:, None])
    return ll, filtered, smoothed, la, lb


def viterbi(pi, A, logb):
    with np.errstate(divide="ignore"):
        logpi, logA = np.log(pi), np.log(A)
    n, k = logb.shape
    delta = logpi + logb[0]
    back = np.zeros((n, k), dtype=int)
    for t in range(1, n):
        c = delta[:, None] + logA
        back[t] = np.argmax(c, axis=0)
        delta = c[back[t], np.arange(k)] + logb[t]
    path = np.zeros(n, dtype=int)
    path[-1] = int(np.argmax(delta))
    for t in range(n - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path, float(np.max(delta))


# ---- emission log densities
def gauss_logb(x, means, covs):
    return np.column_stack([stats.multivariate_normal(means[k], covs[k]).logpdf(x).reshape(-1) for k in range(len(means))])


def t_logb(x, locs, scales, nu):
    return np.column_stack([stats.multivariate_t(locs[k], scales[k], df=nu[k]).logpdf(x).reshape(-1) for k in range(len(locs))])


def cat_logb(sym, probs):
    with np.errstate(divide="ignore"):
        return np.log(probs[:, sym].T)


# ---- Baum-Welch for Gaussian emissions with full / diagonal / spherical / tied covariances
def baum_welch(x, pi, A, means, covs, kind, tol=1e-13, max_iter=20000):
    n, d = x.shape
    k = len(pi)
    floors = 1e-6 * x.var(axis=0)
    prev = -np.inf
    it = 0
    for it in range(1, max_iter + 1):
        logb = gauss_logb(x, means, covs)
        ll, _, gamma, la, lb = infer(pi, A, logb)
        logA = np.log(A)
        lxi = la[:-1, :, None] + logA[None] + (logb[1:] + lb[1:])[:, None, :]
        lxi -= logsumexp(lxi, axis=(1, 2))[:, None, None]
        xi = np.exp(lxi).sum(axis=0)
        pi = gamma[0].copy()
        A = xi / xi.sum(axis=1, keepdims=True)
        A = np.maximum(A, 1e-10)
        A /= A.sum(axis=1, keepdims=True)
        w = gamma.sum(axis=0)
        means = (gamma.T @ x) / w[:, None]
        full = np.array([((gamma[:, s, None] * (x - means[s])).T @ (x - means[s])) / w[s] for s in range(k)])
        if kind == "full":
            covs = full + np.diag(floors)[None]
        elif kind == "diagonal":
            covs = np.array([np.diag(np.diag(full[s]) + floors) for s in range(k)])
        elif kind == "spherical":
            covs = np.array([np.eye(d) * (np.trace(full[s]) + floors.sum()) / d for s in range(k)])
        elif kind == "tied":
            pooled = sum(full[s] * w[s] for s in range(k)) / w.sum()
            covs = np.array([pooled + np.diag(floors)] * k)
        if ll - prev < tol:
            break
        prev = ll
    # the loop ends after the M-step that followed the last E-step; report the parameters and their log-likelihood
    ll = infer(pi, A, gauss_logb(x, means, covs))[0]
    order = np.argsort(means[:, 0], kind="stable")
    return pi[order], A[np.ix_(order, order)], means[order], covs[order], ll, it


OUT = []


def put(key, values):
    arr = np.asarray(values).reshape(-1)
    OUT.append(key + " " + " ".join(repr(float(v)) if arr.dtype.kind == "f" else str(int(v)) for v in arr))


def case(name, kind, data, x, pi, A, params, logb, lengths=None, fit=None):
    OUT.append("case " + name)
    put("states", [len(pi)])
    put("dim", [x.shape[1]])
    OUT.append("kind " + kind)
    OUT.append("data " + data)
    put("pi", np.asarray(pi, dtype=float))
    put("A", np.asarray(A, dtype=float))
    for key, v in params:
        put(key, np.asarray(v, dtype=float))
    if lengths is None:
        ll, filtered, smoothed, _, _ = infer(pi, A, logb)
        path, vlp = viterbi(pi, A, logb)
    else:
        put("lengths", np.asarray(lengths))
        parts = []
        start = 0
        for L in lengths:
            parts.append((infer(pi, A, logb[start:start + L]), viterbi(pi, A, logb[start:start + L])))
            start += L
        ll = sum(p[0][0] for p in parts)
        filtered = np.vstack([p[0][1] for p in parts])
        smoothed = np.vstack([p[0][2] for p in parts])
        path = np.concatenate([p[1][0] for p in parts])
        vlp = sum(p[1][1] for p in parts)
    put("loglik", [ll])
    put("filtered", filtered)
    put("smoothed", smoothed)
    put("viterbi", path)
    put("viterbi_logprob", [vlp])
    if fit is not None:
        fpi, fA, fm, fc, fll, fit_it = fit
        put("fit_pi", fpi)
        put("fit_A", fA)
        put("fit_means", fm)
        put("fit_covs", fc)
        put("fit_loglik", [fll])
        put("fit_iterations", [fit_it])


# ---- 1. the engine against statsmodels' MarkovRegression (2 regimes, switching mean and variance)
y = DAX[:, 0]
mod = sm.tsa.MarkovRegression(y, k_regimes=2, trend="c", switching_variance=True)
params = np.array([0.97, 0.06, 0.15, -0.3, 0.6, 3.0])   # p[0->0], p[1->0], const[0], const[1], sigma2[0], sigma2[1]
p0 = np.array([0.3, 0.7])
mod.initialize_known(p0)
res = mod.smooth(params)
P = mod.regime_transition_matrix(params)[:, :, 0]   # P[i, j] = P(s_t = i | s_{t-1} = j)
A2 = P.T
pi2 = p0 @ A2 @ A2
means2 = np.array([[0.15], [-0.3]])
covs2 = np.array([[[0.6]], [[3.0]]])
logb2 = gauss_logb(DAX, means2, covs2)
ll2, f2, s2, _, _ = infer(pi2, A2, logb2)
assert abs(ll2 - res.llf) <= 1e-9 * abs(res.llf), (ll2, res.llf)
assert np.max(np.abs(f2 - res.filtered_marginal_probabilities)) <= 1e-9
assert np.max(np.abs(s2 - res.smoothed_marginal_probabilities)) <= 1e-9
case("statsmodels2", "gaussian-diagonal", "DAX", DAX, pi2, A2, [("means", means2), ("covs", covs2)], logb2)
put("sm_p0", p0)
put("sm_loglik", [res.llf])
put("sm_filtered", res.filtered_marginal_probabilities)
put("sm_smoothed", res.smoothed_marginal_probabilities)

# ---- 2. univariate DAX, 3 states (fixed parameters; Baum-Welch from them)
pi3 = np.array([0.2, 0.5, 0.3])
A3 = np.array([[0.90, 0.08, 0.02], [0.03, 0.95, 0.02], [0.01, 0.04, 0.95]])
means3 = np.array([[-0.5], [0.05], [0.2]])
covs3 = np.array([[[4.0]], [[1.0]], [[0.3]]])
case("dax3", "gaussian-full", "DAX", DAX, pi3, A3, [("means", means3), ("covs", covs3)], gauss_logb(DAX, means3, covs3),
     fit=baum_welch(DAX, pi3, A3, means3, covs3, "full"))

# ---- 3. bivariate DAX and SMI, 2 states, full covariance (Baum-Welch from the given parameters)
piB = np.array([0.4, 0.6])
AB = np.array([[0.9, 0.1], [0.05, 0.95]])
meansB = np.array([[-0.1, -0.05], [0.1, 0.1]])
covsB = np.array([[[2.0, 1.2], [1.2, 1.5]], [[0.6, 0.3], [0.3, 0.5]]])
case("daxsmi2", "gaussian-full", "DAX,SMI", DAXSMI, piB, AB, [("means", meansB), ("covs", covsB)],
     gauss_logb(DAXSMI, meansB, covsB), fit=baum_welch(DAXSMI, piB, AB, meansB, covsB, "full"))

# ---- 4. the other covariance types on DAX and SMI (inference and Baum-Welch)
diagB = np.array([np.diag(np.diag(c)) for c in covsB])
case("daxsmi2-diagonal", "gaussian-diagonal", "DAX,SMI", DAXSMI, piB, AB, [("means", meansB), ("covs", diagB)],
     gauss_logb(DAXSMI, meansB, diagB), fit=baum_welch(DAXSMI, piB, AB, meansB, diagB, "diagonal"))
sphB = np.array([np.eye(2) * 1.7, np.eye(2) * 0.55])
case("daxsmi2-spherical", "gaussian-spherical", "DAX,SMI", DAXSMI, piB, AB, [("means", meansB), ("covs", sphB)],
     gauss_logb(DAXSMI, meansB, sphB), fit=baum_welch(DAXSMI, piB, AB, meansB, sphB, "spherical"))
tiedB = np.array([covsB[0], covsB[0]])
case("daxsmi2-tied", "gaussian-tied", "DAX,SMI", DAXSMI, piB, AB, [("means", meansB), ("covs", tiedB)],
     gauss_logb(DAXSMI, meansB, tiedB), fit=baum_welch(DAXSMI, piB, AB, meansB, tiedB, "tied"))

# ---- 5. several sequences: DAX split after 1000 returns, 3 states
case("dax3-multi", "gaussian-full", "DAX", DAX, pi3, A3, [("means", means3), ("covs", covs3)],
     gauss_logb(DAX, means3, covs3), lengths=[1000, len(DAX) - 1000])

# ---- 6. Student-t emissions on DAX and SMI, 2 states
locsT = meansB
scalesT = np.array([[[1.2, 0.7], [0.7, 1.0]], [[0.4, 0.2], [0.2, 0.35]]])
nuT = np.array([3.5, 6.0])
case("daxsmi2-t", "student-t", "DAX,SMI", DAXSMI, piB, AB, [("locs", locsT), ("scales", scalesT), ("nu", nuT)],
     t_logb(DAXSMI, locsT, scalesT, nuT))

# ---- 7. categorical: DAX returns as symbols 0 (< -0.5), 1 (in [-0.5, 0.5]), 2 (> 0.5), 2 states
sym = np.where(DAX[:, 0] < -0.5, 0, np.where(DAX[:, 0] > 0.5, 2, 1))
probsC = np.array([[0.4, 0.2, 0.4], [0.15, 0.65, 0.2]])
case("daxsym2", "categorical", "DAX-symbols", sym[:, None].astype(float), piB, AB, [("probs", probsC)],
     cat_logb(sym, probsC))

with open(os.path.join(HERE, "hmm_reference.txt"), "w") as f:
    f.write("\n".join(OUT) + "\n")
print("wrote", len(OUT), "lines")
