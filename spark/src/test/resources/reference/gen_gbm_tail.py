#!/usr/bin/python3
# Closed-form VaR/ES of one long unit of a GBM over a horizon (Debian python3 + python3-scipy).
# Loss L = S0 - S_T, S_T = S0 exp((mu - s^2/2) T + s sqrt(T) Z). VaR_a = the a-quantile of L;
# ES_a = E[L | L >= VaR_a] = S0 - S0 exp(mu T) Phi(z_{1-a} - s sqrt(T)) / (1 - a).
# Writes gbm_tail.properties next to this script.
import math, os, scipy
from scipy.stats import norm
s0, mu, s, T, a = 100.0, 0.05, 0.2, 0.25, 0.99
z = norm.ppf(1 - a)
var = s0 * (1 - math.exp((mu - s * s / 2) * T + s * math.sqrt(T) * z))
es = s0 - s0 * math.exp(mu * T) * norm.cdf(z - s * math.sqrt(T)) / (1 - a)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gbm_tail.properties"), "w") as f:
    f.write("# made by gen_gbm_tail.py with scipy %s\n" % scipy.__version__)
    f.write("s0=%r\nmu=%r\nsigma=%r\nhorizon=%r\nalpha=%r\nvar=%r\nes=%r\n" % (s0, mu, s, T, a, var, es))
