/* Row kernels of the batched streams: see stream.h. Plain scalar C per asset; each branch is the Java step's. */
#include "stream.h"

#include <float.h>
#include <math.h>

static int is_fin(double v) { return fabs(v) <= DBL_MAX; }

/* Java's Math.max / Math.min on finite values (of two zeros, max is -0.0 only if both are, min +0.0). */
static double jmax(double a, double b) {
    if (a == 0 && b == 0) return signbit(a) ? b : a;
    return a > b ? a : b;
}
static double jmin(double a, double b) {
    if (a == 0 && b == 0) return signbit(a) ? a : b;
    return a < b ? a : b;
}

/* EmaState.update on one asset's fields; returns the value. */
static double ema_step(double v, double *run, double *acc, double *e, int64_t seed, double alpha, double beta) {
    if (!is_fin(v)) {
        *run = 0;
        *acc = 0;
        return NAN;
    }
    *run += 1;
    if (*run < (double) seed) {
        *acc += v;
        return NAN;
    }
    *e = *run == (double) seed ? (*acc + v) / (double) seed : v * alpha + *e * beta;
    return *e;
}

void sxn_stream_ema(const double *x, int64_t k, const double *st_in, double *st_out, int64_t seed, double alpha, double *out) {
    const double beta = 1 - alpha;
    for (int64_t a = 0; a < k; a++) {
        double run = st_in[a], acc = st_in[k + a], e = st_in[2 * k + a];
        out[a] = ema_step(x[a], &run, &acc, &e, seed, alpha, beta);
        st_out[a] = run;
        st_out[k + a] = acc;
        st_out[2 * k + a] = e;
    }
}

void sxn_stream_rsi(const double *x, int64_t k, const double *st_in, double *st_out, int64_t n, double *out) {
    const double alpha = 1.0 / (double) n, beta = 1 - alpha, nd = (double) n;
    for (int64_t a = 0; a < k; a++) {
        double run = st_in[a], prev = st_in[k + a], up = st_in[2 * k + a], dn = st_in[3 * k + a], v = x[a], r = NAN;
        if (!is_fin(v)) {
            run = 0;
            up = 0;
            dn = 0;
        } else {
            run += 1;
            const double d = v - prev;
            prev = v;
            const double g = d > 0 ? d : 0.0, l = -d > 0 ? -d : 0.0;
            const double m = run - 1;
            if (m > nd) {
                up = g * alpha + up * beta;
                dn = l * alpha + dn * beta;
                r = 100 * up / (up + dn);
            } else if (m == nd) {
                up = (up + g) / nd;
                dn = (dn + l) / nd;
                r = 100 * up / (up + dn);
            } else if (m > 0) {
                up += g;
                dn += l;
            }
        }
        out[a] = r;
        st_out[a] = run;
        st_out[k + a] = prev;
        st_out[2 * k + a] = up;
        st_out[3 * k + a] = dn;
    }
}

/* RollingSumState.twoSumError: sum plus the result is a + b exactly. */
static double two_sum_error(double a, double b, double sum) {
    const double bp = sum - a;
    return (a - (sum - bp)) + (b - bp);
}

void sxn_stream_sum(const double *ring, int64_t p, int64_t back, int64_t k, const double *st_in, double *st_out, int64_t w, double scale,
                    double *out) {
    const double wd = (double) w;
    for (int64_t a = 0; a < k; a++) {
        double run = st_in[a], s = st_in[k + a], c = st_in[2 * k + a], r = NAN;
        const double v = ring[p + a];
        if (!is_fin(v)) {
            run = 0;
            s = 0;
            c = 0;
        } else {
            run += 1;
            double sn = s + v;
            c += two_sum_error(s, v, sn);
            s = sn;
            if (run > wd) {
                const double o = -ring[p + a - back];
                sn = s + o;
                c += two_sum_error(s, o, sn);
                s = sn;
                r = scale * (s + c);
            } else if (run == wd) {
                r = scale * (s + c);
            }
        }
        out[a] = r;
        st_out[a] = run;
        st_out[k + a] = s;
        st_out[2 * k + a] = c;
    }
}

void sxn_stream_atr(const double *high, const double *low, const double *close, int64_t k, const double *st_in, double *st_out, int64_t n,
                    double *out) {
    const double alpha = 1.0 / (double) n, beta = 1 - alpha;
    for (int64_t a = 0; a < k; a++) {
        const double h = high[a], l = low[a], c = close[a], pc = st_in[a];
        const int bar = is_fin(h) && is_fin(l) && is_fin(c);
        const double tr = bar && is_fin(pc) ? jmax(h, pc) - jmin(l, pc) : NAN;
        st_out[a] = bar ? c : NAN;
        double run = st_in[k + a], acc = st_in[2 * k + a], e = st_in[3 * k + a];
        out[a] = ema_step(tr, &run, &acc, &e, n, alpha, beta);
        st_out[k + a] = run;
        st_out[2 * k + a] = acc;
        st_out[3 * k + a] = e;
    }
}
