/* Risk kernels of libsxnkernels (risk.c), called by dev.sxn.math.risk.NativeGarchKernels and by the C harness
 * (test/test_risk.c).
 *
 * sxn_risk_garch_sums: the time loop of the negative log-likelihood of a constant-mean GARCH(1,1) / GJR-GARCH(1,1)
 * (normal or standardized t) and of its exact gradient, for the active assets of a time-major batch
 * (x[t k + a], t < n), in dev.sxn.math.risk.GarchLikelihood's operation order: y_t = x[t k + a] inv,
 * z_t = y_t - mu, h_0 from fGarch's "mci" start (flag MCI) or arch's backcast, h_{t+1} = omega + alpha e^2 +
 * beta h_t with e = |z_t| - gamma z_t, dh/dtheta run forward with it. Per asset the constants are
 * c[a] = mean y, c[k + a] = mean y^2, c[2k + a] = inv, c[3k + a] = backcast, and the parameters th[i k + a] in the
 * spec's order (mu, omega, alpha, [gamma], beta, [shape]). Writes SXN_GARCH_ROWS sums per active asset to
 * out[row k + a] (rows below); the Java side (GarchSums) adds the per-asset constants of the density. A variance
 * that is not positive and finite sets the BAD row; the loop runs on (the value is then +Infinity in Java).
 *
 * The constants are the Java constants (GarchConstantsTest). */
#ifndef SXN_RISK_H
#define SXN_RISK_H

#include "sxn_dispatch.h"

#include <stdint.h>

/* flags (GarchLikelihood.GJR, STUDENT, MCI) */
#define SXN_GARCH_GJR 1
#define SXN_GARCH_STUDENT 2
#define SXN_GARCH_MCI 4

/* rows of out (GarchSums) */
#define SXN_GARCH_SUM 0
#define SXN_GARCH_SHAPE 1
#define SXN_GARCH_BAD 2
#define SXN_GARCH_G_MU 3
#define SXN_GARCH_G_OMEGA 4
#define SXN_GARCH_G_ALPHA 5
#define SXN_GARCH_G_GAMMA 6
#define SXN_GARCH_G_BETA 7
#define SXN_GARCH_ROWS 8

/* Assets run side by side: a block shares each time step's cache line of the batch. */
#define SXN_GARCH_BLOCK 8

SXN_EXPORT void sxn_risk_garch_sums(int32_t flags, int64_t k, int64_t n, const double *x, const double *c, const double *th,
                         const uint8_t *active, double *out);

/* sxn_risk_scorecard: one pass over the k assets of a time-major batch of simple returns (x[t k + a], n >= 1 each)
 * leaving SXN_SCORE_ROWS sums per asset in out[row k + a] (dev.sxn.math.risk.ScorecardKernels gives the rows and
 * the per-step operations, in the order repeated here; time outer, assets inner). */
#define SXN_SCORE_S1 0
#define SXN_SCORE_S2 1
#define SXN_SCORE_EXCESS 2
#define SXN_SCORE_DOWN 3
#define SXN_SCORE_GROWTH 4
#define SXN_SCORE_PEAK 5
#define SXN_SCORE_MDD 6
#define SXN_SCORE_ROWS 7

SXN_EXPORT void sxn_risk_scorecard(const double *x, int64_t k, int64_t n, double mar, double *out);

/* sxn_risk_rolling_moments: rolling volatility (sharpe == 0) or Sharpe (rf per period) of the k assets of a
 * time-major batch (x[t k + a], n returns each) over windows of w >= 2, annualised by sqrt(ppy), into out in the same
 * layout (warm-up NaN); dev.sxn.math.risk.RollingRisk.momentsCore's operations in its order. */
SXN_EXPORT void sxn_risk_rolling_moments(const double *x, int64_t k, int64_t n, int64_t w, double rf, double ppy,
                                         int32_t sharpe, double *out);

/* sxn_risk_rolling_historical: rolling historical VaR and ES (positive losses) at tail probability alpha over
 * windows of 1 <= w <= n, RollingRisk.historicalCore's rank window per asset. Scratch: 2 n + 1 doubles and
 * 2 n + 1 int32s, reused asset by asset. */
SXN_EXPORT void sxn_risk_rolling_historical(const double *x, int64_t k, int64_t n, int64_t w, double alpha, double *var,
                                            double *es, double *dscratch, int32_t *iscratch);

#endif
