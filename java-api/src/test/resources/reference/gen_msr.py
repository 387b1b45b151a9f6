#!/usr/bin/python3
"""Reference values for the tests of dev.sxn.math.regime.switching (MarkovRegressionTest).

Run with Debian's python3, python3-numpy, python3-scipy, python3-pandas and python3-statsmodels (NumPy 1.24.2,
SciPy 1.10.1, statsmodels 0.13.5 made the checked-in files):
    /usr/bin/python3 gen_msr.py
Data: y = 100 * diff(log(DAX)) and x = 100 * diff(log(SMI)) from eustockmarkets.csv (R's EuStockMarkets),
1859 daily log returns in percent.

Fits: statsmodels.tsa.MarkovRegression(y, 2, ...).fit() (its default: 5 EM steps, then BFGS on transformed
parameters), then refitted from that point with a tight gradient tolerance (BFGS, gtol 1e-10) so the reference
optimum is accurate well below the tests' 1e-4 on parameters; the script asserts the refit only raised the
log-likelihood and moved the parameters by less than 1e-3. Standard errors are statsmodels' default
(cov_type='approx': the inverse of the negative complex-step Hessian of the log-likelihood in the constrained
parameters).

Initial distribution: statsmodels' Hamilton filter meets two transitions between initial_probabilities and
the first observation, also for MarkovRegression (order 0): with initialize_known(pi_sm) its log-likelihood
equals that of a filter whose first hidden state s_0 has the distribution A @ A @ pi_sm, with
A[i, j] = P(s_t = i | s_{t-1} = j) (verified below; A @ pi_sm, one transition, does not match). Ours is the
distribution of s_0, so ours = A^2 pi_sm. The default steady-state start is invariant under A, so
fitted models agree either way. The script checks this with an independent log-space Hamilton filter
written here (NumPy/SciPy logsumexp) against statsmodels with initialize_known(...).

Forecasts (statsmodels 0.13 has none for Markov-switching models): P(s_{T+h} | Y_T) = A^h p_T with p_T the
last filtered probabilities; E[y_{T+h} | Y_T] = sum_i P(s_{T+h} = i | Y_T) x_{T+h}' beta_i and
Var[y_{T+h} | Y_T] = sum_i P_i (sigma2_i + m_i^2) - (sum_i P_i m_i)^2, computed here with NumPy matrix powers
and future regressors x_{T+h} = 0.1 * h (const 1).

Writes msr_fits.txt beside this script, one record per line, fields separated by spaces, floats as repr:
  case <name> <k> <trend c|n> <switching_trend 0|1> <switching_exog 0|1> <switching_variance 0|1> <uses_x 0|1>
  names <param names...>              statsmodels' order: transition probabilities p[i->j] (from i to j;
                                      for k = 2: p[0->0], p[1->0]), coefficients (each column, all its
                                      regimes), variances
  params <values...>                  the refined MLE
  bse <values...>                     cov_type='approx' standard errors at those params
  llf <value> aic <value> bic <value>
  start <values...>                   statsmodels' start_params (what the EM starts from)
  em5 <values...>                     the parameters after statsmodels' 5 EM steps from start (tolerance 0)
  filtered <t> <p_0 ... p_{k-1}>      filtered P(s_t | Y_t) at params, for t in 0..9 and the last 10
  smoothed <t> <p_0 ... p_{k-1}>      smoothed P(s_t | Y_n), same indices
  fc_prob <h> <p_0 ...>               forecast regime probabilities, h = 1..5, 20
  fc_y <h> <x_{T+h}> <mean> <var>     forecast of y, h = 1..5, 20
  known_llf <pi_sm_0 ...> <llf>       statsmodels' llf at params with initialize_known(pi_sm)
  end
Tests read this file; they never run Python.
"""
import os
import warnings

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm
from scipy.special import logsumexp

warnings.simplefilter('ignore')
HERE = os.path.dirname(os.path.abspath(__file__))
d = pd.read_csv(os.path.join(HERE, 'eustockmarkets.csv'))
y = 100 * np.diff(np.log(d['DAX'].values))
x = 100 * np.diff(np.log(d['SMI'].values))

CASES = [
    ('c2sv', dict(switching_variance=True), False, True, True),
    ('x2sv', dict(exog=x, switching_variance=True), True, True, True),
    ('x2mix', dict(exog=x, switching_trend=False, switching_variance=True), True, False, True),
    ('x2nv', dict(exog=x, switching_variance=False), True, True, False),
]


def r(v):
    return ' '.join(repr(float(a)) for a in np.ravel(v))


def hamilton_log(pi0, A, cll):
    """Independent log-space Hamilton filter; pi0 = distribution of s_0, A[i, j] = P(i | j)."""
    k, n = cll.shape
    logA = np.log(A)
    filt = np.zeros((k, n))
    llf = 0.0
    prev = None
    for t in range(n):
        pred = np.log(pi0) if t == 0 else logsumexp(logA + prev[None, :], axis=1)
        joint = pred + cll[:, t]
        lt = logsumexp(joint)
        llf += lt
        prev = joint - lt
        filt[:, t] = np.exp(prev)
    return llf, filt


out = ['# statsmodels %s, numpy %s; see gen_msr.py' % (statsmodels.__version__, np.__version__)]
for name, kw, uses_x, sw_trend, sw_var in CASES:
    k = 2
    m = sm.tsa.MarkovRegression(y, k, **kw)
    r0 = m.fit()
    r1 = m.fit(start_params=r0.params, em_iter=0, method='bfgs', maxiter=2000, gtol=1e-10)
    assert r1.llf >= r0.llf - 1e-9, (name, r0.llf, r1.llf)
    assert np.max(np.abs(r1.params - r0.params)) < 1e-3, name
    p = r1.params
    start = m.start_params
    em5 = m._fit_em(start, transformed=True, maxiter=5, tolerance=0, return_params=True)
    out.append('case %s %d c %d %d %d %d' % (name, k, int(sw_trend), 1, int(sw_var), int(uses_x)))
    out.append('names ' + ' '.join(m.param_names))
    out.append('params ' + r(p))
    out.append('bse ' + r(r1.bse))
    out.append('llf %r aic %r bic %r' % (float(r1.llf), float(r1.aic), float(r1.bic)))
    out.append('start ' + r(start))
    out.append('em5 ' + r(em5))
    n = len(y)
    idx = list(range(10)) + list(range(n - 10, n))
    for t in idx:
        out.append('filtered %d %s' % (t, r(r1.filtered_marginal_probabilities[t])))
    for t in idx:
        out.append('smoothed %d %s' % (t, r(r1.smoothed_marginal_probabilities[t])))
    # Independent filter: the same llf and filtered probabilities at the steady state.
    A = m.regime_transition_matrix(p)[:, :, 0]
    cll = m._conditional_loglikelihoods(p)[:, 0, :] if m._conditional_loglikelihoods(p).ndim == 3 \
        else m._conditional_loglikelihoods(p)
    pi_sm = m.initial_probabilities(p)
    llf_ind, filt_ind = hamilton_log(A @ pi_sm, A, cll)
    assert abs(llf_ind - r1.llf) < 1e-9 * abs(r1.llf), (name, llf_ind, r1.llf)
    assert np.max(np.abs(filt_ind.T - r1.filtered_marginal_probabilities)) < 1e-9
    # Known initialisation: statsmodels' pi meets two transitions; ours = A @ A @ pi_sm.
    pi_known = np.array([0.9, 0.1])
    mk = sm.tsa.MarkovRegression(y, k, **kw)
    mk.initialize_known(pi_known)
    llf_known = mk.loglike(p)
    llf_ours, _ = hamilton_log(A @ A @ pi_known, A, cll)
    assert abs(llf_ours - llf_known) < 1e-9 * abs(llf_known), (name, llf_ours, llf_known)
    llf_wrong, _ = hamilton_log(A @ pi_known, A, cll)
    assert abs(llf_wrong - llf_known) > 1e-6, name
    out.append('known_llf %s %r' % (r(pi_known), float(llf_known)))
    # Forecasts.
    pT = r1.filtered_marginal_probabilities[-1]
    for h in [1, 2, 3, 4, 5, 20]:
        ph = np.linalg.matrix_power(A, h) @ pT
        out.append('fc_prob %d %s' % (h, r(ph)))
    for h in [1, 2, 3, 4, 5, 20]:
        ph = np.linalg.matrix_power(A, h) @ pT
        xf = 0.1 * h
        means = np.zeros(k)
        var = np.zeros(k)
        for i in range(k):
            beta = p[m.parameters[i, 'exog']]
            means[i] = beta[0] + (beta[1] * xf if uses_x else 0.0)
            var[i] = p[m.parameters[i, 'variance']][0]
        mean = ph @ means
        v = ph @ (var + means ** 2) - mean ** 2
        out.append('fc_y %d %r %r %r' % (h, xf, float(mean), float(v)))
    out.append('end')

with open(os.path.join(HERE, 'msr_fits.txt'), 'w') as f:
    f.write('\n'.join(out) + '\n')
