/* The batched zero-fee TFMM pass of libsxnkernels (amm.c, amm_body.h), called by
 * dev.sxn.math.amm.NativeSweepKernels and by the C harness (test/test_amm.c).
 *
 * count rule parameter sets run one bout of an n-asset pool with linear weight interpolation and the momentum
 * rule (anti-momentum: k negated by the caller; fixed weights: dynamic = 0), sets in the inner loop of every
 * per-minute step (structure-of-arrays state, index i * count + s), so the compiler vectorises across sets.
 * Per set s, with lambda[s] and the effective k[s] (dev.sxn.math.amm.TfmmPool#simulate's definitions):
 *   - the gradient estimator starts at prices row 0 and warms up on rows j cp, j = 1 .. start / cp;
 *   - every row >= cp with row % cp == 0 takes a coarse step: estimator on row (start / cp + row / cp) cp,
 *     momentum dw_i = k (g_i - sum(k g) / (n k)) (0 where k = 0), the guardrails (normalise, minimum weight
 *     eps with the residual to the largest, per-minute increment capped at max_change) from the position
 *     reached, then the weights of rows row + j are block start + min(j, m) increment;
 *   - rows [0, cp) hold w0; row 0's value is value0; each later row adds the zero-fee log reserve ratio
 *     (sum_j wp_j ln(p'_j/p_j) - sum_j wc_j ln(wc_j/wp_j)) + ln(wc_i/wp_i) - ln(p'_i/p_i) to ln R_i
 *     (starting at log_r0) and writes value = sum_i exp(ln R_i) p'_i to values[s * rows + row].
 * The coarse steps repeat the JAVA code's IEEE operations in its order (the library is built with
 * -ffp-contract=off), so the weights are JAVA's bits; the weight logarithms are fdlibm's log (StrictMath.log,
 * written without branches), the exponentials stochastic's PathExp and the price logarithms libm's log: the
 * values differ from JAVA's (Math.log, Math.exp) only by those functions' last bits.
 * prices: row-major (steps x n), at least (start + rows) * n elements. work: at least sxn_amm_work_size(n, count)
 * doubles of scratch (contents ignored). Requires n >= 1, count >= 1, rows >= 1, cp >= 1, m >= 1 (checked by
 * the Java facade). Writes values[s * rows + row] for s < count, row < rows, and nothing else but work. */
#ifndef SXN_AMM_H
#define SXN_AMM_H

#include "sxn_dispatch.h"
#include <stdint.h>

SXN_EXPORT int64_t sxn_amm_work_size(int64_t n, int64_t count);

SXN_EXPORT void sxn_amm_sweep_zero_fee(const double *prices, int64_t n, int64_t start, int64_t rows, int32_t cp, int32_t m, double eps,
                                       double max_change, int32_t dynamic, const double *w0, const double *log_r0, double value0,
                                       const double *lambda, const double *k, int64_t count, double *values, double *work);

#endif
