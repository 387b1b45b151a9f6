#include "regime.h"

#include <math.h>

void sxn_regime_forward(int64_t lanes, int64_t steps, int32_t k, int32_t d, int32_t diagonal, const double *params,
                        int64_t param_lanes, const double *x, int64_t x_lanes, double *filtered, double *ll, double *work) {
    double *p = work, *pred = work + k * lanes, *logb = pred + k, *z = logb + k;
    const int64_t P = param_lanes;
    const int64_t oA = k, oMu = k + (int64_t) k * k, oChol = oMu + (int64_t) k * d, oInv = oChol + (int64_t) k * d * d,
                  oLn = oInv + (int64_t) k * d;
    for (int64_t l = 0; l < lanes; l++) ll[l] = 0.0;
    for (int64_t t = 0; t < steps; t++) {
        for (int64_t l = 0; l < lanes; l++) {
            const int64_t pl = P == 1 ? 0 : l, xl = x_lanes == 1 ? 0 : l;
            double inc;
            if (t == 0) {
                for (int j = 0; j < k; j++) pred[j] = params[j * P + pl];
            } else {
                for (int j = 0; j < k; j++) pred[j] = 0.0;
                for (int i = 0; i < k; i++) {
                    const double pi = p[i * lanes + l];
                    if (pi == 0.0) continue;
                    for (int j = 0; j < k; j++) pred[j] += pi * params[(oA + (int64_t) i * k + j) * P + pl];
                }
            }
            int missing = 0;
            for (int j = 0; j < d; j++) missing |= isnan(x[(t * d + j) * x_lanes + xl]);
            if (missing) {
                for (int s = 0; s < k; s++) p[s * lanes + l] = pred[s];
                inc = 0.0;
            } else {
                for (int s = 0; s < k; s++) {
                    double q = 0.0;
                    for (int i = 0; i < d; i++) {
                        double v = x[(t * d + i) * x_lanes + xl] - params[(oMu + (int64_t) s * d + i) * P + pl];
                        if (!diagonal) {
                            for (int j = 0; j < i; j++) v -= params[(oChol + (int64_t) s * d * d + (int64_t) i * d + j) * P + pl] * z[j];
                        }
                        const double zi = v * params[(oInv + (int64_t) s * d + i) * P + pl];
                        z[i] = zi;
                        q += zi * zi;
                    }
                    logb[s] = params[(oLn + s) * P + pl] - 0.5 * q;
                }
                double max = -INFINITY;
                for (int j = 0; j < k; j++) if (pred[j] > 0.0 && logb[j] > max) max = logb[j];
                if (max == -INFINITY) {
                    for (int s = 0; s < k; s++) p[s * lanes + l] = pred[s];
                    inc = -INFINITY;
                } else {
                    double sum = 0.0;
                    for (int j = 0; j < k; j++) {
                        const double w = pred[j] > 0.0 ? pred[j] * exp(logb[j] - max) : 0.0;
                        p[j * lanes + l] = w;
                        sum += w;
                    }
                    const double inv = 1.0 / sum;
                    for (int j = 0; j < k; j++) p[j * lanes + l] *= inv;
                    inc = max + log(sum);
                }
            }
            ll[l] += inc;
            if (filtered) for (int j = 0; j < k; j++) filtered[(t * k + j) * lanes + l] = p[j * lanes + l];
        }
    }
}
