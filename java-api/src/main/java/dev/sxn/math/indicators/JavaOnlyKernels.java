package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.JavaIndicatorKernels.finite;

/**
 * Plain-Java kernels of the indicators that have no other backend, on time-major batches like
 * {@link IndicatorKernels} (a single series is the batch k = 1): weighted and time-aware averages,
 * cumulative VWAP, OBV, true range, per-row deltas and cross-sectional z-scores. They are memory-light
 * scans that another backend would not speed up by much, or are built from {@link IndicatorKernels}
 * by {@link Indicators}. The rolling maximum and minimum are in {@link RollingExtremes}.
 */
final class JavaOnlyKernels {
    private JavaOnlyKernels() {}

    /**
     * Linearly weighted moving average (weights 1..w, newest heaviest) by running sums, O(1) per
     * output: with S the plain window sum and N the weighted one, N_t = N_{t-1} + (w x_t - S_{t-1})
     * and S_t = S_{t-1} + (x_t - x_{t-w}), each one add on its own dependency chain (the O(w)
     * per-output sum it replaces grew with the window: IndicatorsSweepBench). Drift control: both sums are
     * recomputed from the window (N as sum (j+1) x_j, as before) at the first full window of every
     * run and then every R = max(64, w) steps, which adds at most one multiply-add per point
     * amortised. Error bound (u = 2^-53, M = max |x| over the last R + w values): the exact restart
     * errs by at most about w u sum j|x| <= w u W M (W = w(w+1)/2); each of the at most R updates
     * adds at most 2u (|N| + w M + |S|) <= 2u (W + 2w) M to N and 2u (|S| + 2M) <= 2u (w + 2) M to
     * S, and an error in S enters N at every later update, so after R steps
     * |err N| <= (w W + 2R (W + 2w) + R^2 (w + 2)) u M, and dividing by W:
     * |err wma| <= (w + 2R + 4R/(w+1) + 2R^2/w + 4R^2/w^2) u M + 1 ulp; for w = 20 (R = 64) about
     * 680 u M = 1.5e-13 M, for w >= 64 (R = w) about 6 w u M. Batches run the same per-asset loop, so
     * batched results equal one-by-one results bit for bit.
     */
    static void wma(double[] x, int k, int t, int w, double[] out) {
        double wsum = WmaState.weightSum(w);
        int resum = WmaState.resum(w);
        for (int a = 0; a < k; a++) {
            WmaState st = new WmaState();
            for (int i = 0, p = a; i < t; i++, p += k) out[p] = st.update(x, p, k, w, wsum, resum);
        }
    }

    /** Cumulative VWAP, restarting after a non-finite price or volume: compensated running sums. */
    static void vwapCumulative(double[] price, double[] volume, int k, int t, double[] out) {
        for (int a = 0; a < k; a++) {
            VwapState st = new VwapState();
            for (int i = 0, p = a; i < t; i++, p += k) out[p] = st.update(price[p], volume[p]);
        }
    }

    /** The cumulative VWAP's state over one series and its step (the array loop's and the stream's). */
    static final class VwapState {
        /** The compensated sums of price * volume and of volume (sum and collected rounding errors). */
        double pv, pvc, vs, vc;

        void copyFrom(VwapState o) {
            pv = o.pv;
            pvc = o.pvc;
            vs = o.vs;
            vc = o.vc;
        }

        /** Consumes one (price, volume); returns the VWAP of the run, NaN (and a restart) at a missing one. */
        double update(double pr, double vo) {
            if (!finite(pr) || !finite(vo)) {
                pv = pvc = vs = vc = 0;
                return Double.NaN;
            }
            double u = pr * vo, sn = pv + u;
            pvc += RollingSumState.twoSumError(pv, u, sn);
            pv = sn;
            sn = vs + vo;
            vc += RollingSumState.twoSumError(vs, vo, sn);
            vs = sn;
            return (pv + pvc) / (vs + vc);
        }
    }

    /**
     * On-balance volume: starts at the first volume of a run, then adds (rise), subtracts (fall) or
     * keeps (equal), comparing prices exactly (TA-Lib). Branch-free: the sign of a price change is a
     * coin flip on real prices, so the if/else chain it replaces mispredicted about every other
     * step on long series (IndicatorsSweepBench).
     * Here the compares become 0/1 integers that build the addend's bits: +vo on a rise, -vo on a
     * fall (flipping the sign bit is exact; {@code acc - vo == acc + (-vo)} in IEEE arithmetic), and
     * -0.0 on no change, the one addend that leaves every acc unchanged (+0.0 would turn an acc of
     * -0.0 into +0.0), so the results are bit for bit those of the branches.
     */
    static void obv(double[] price, double[] volume, int k, int t, double[] out) {
        for (int a = 0; a < k; a++) {
            ObvState st = new ObvState();
            for (int i = 0, p = a; i < t; i++, p += k) out[p] = st.update(price[p], volume[p]);
        }
    }

    /** OBV's state over one series and its step (the array loop's and the stream's). */
    static final class ObvState {
        boolean live;
        double acc, prev;

        void copyFrom(ObvState o) {
            live = o.live;
            acc = o.acc;
            prev = o.prev;
        }

        /** Consumes one (price, volume); returns the OBV after it, NaN (and a restart) at a missing one. */
        double update(double pr, double vo) {
            if (!finite(pr) || !finite(vo)) {
                live = false;
                return Double.NaN;
            }
            long up = pr > prev ? 1 : 0, down = pr < prev ? 1 : 0;
            long changed = -(up | down);
            long addend = ((Double.doubleToRawLongBits(vo) ^ (down << 63)) & changed) | (Long.MIN_VALUE & ~changed);
            acc = live ? acc + Double.longBitsToDouble(addend) : vo;
            live = true;
            prev = pr;
            return acc;
        }
    }

    /** One true range: NaN where a field or the previous close is missing (the array loop's and the stream's step). */
    static double trueRange(double h, double l, double c, double prevClose) {
        if (!finite(h) || !finite(l) || !finite(c) || !finite(prevClose)) return Double.NaN;
        return Math.max(h, prevClose) - Math.min(l, prevClose);
    }

    /** The previous close the next true range takes: c, or NaN after a bar with a missing field. */
    static double nextClose(double h, double l, double c) {
        return finite(h) && finite(l) && finite(c) ? c : Double.NaN;
    }

    /** True range; NaN at the first sample of a run (no previous close). */
    static void trueRange(double[] high, double[] low, double[] close, int k, int t, double[] out) {
        for (int a = 0; a < k; a++) {
            double prevClose = Double.NaN;
            for (int i = 0, p = a; i < t; i++, p += k) {
                double h = high[p], l = low[p], c = close[p];
                out[p] = trueRange(h, l, c, prevClose);
                prevClose = nextClose(h, l, c);
            }
        }
    }

    /**
     * The time-aware EMA's weight of a value after a step of dt: {@code 1 - exp(-dt / tau)}, computed
     * as {@code -expm1(-dt / tau)}.
     */
    static double timeEmaWeight(double dt, double tau) {
        return -Math.expm1(-dt / tau);
    }

    /** One step of the time-aware EMA (its single-series and batched loops): {@code v + alpha (x - v)}. */
    static double timeEmaStep(double v, double x, double alpha) {
        return v + alpha * (x - v);
    }

    /**
     * Time-aware EMA: {@code v += (1 - exp(-dt / tau)) (x - v)}, starting at the first finite value of
     * a run; timestamps are shared by the assets of the batch. The weight is {@code -expm1(-dt / tau)}
     * (exact for small dt/tau, where 1 - exp would cancel); {@code Math.expm1} is not a C2 intrinsic
     * and dominates the cost (IndicatorsSweepBench), so it is evaluated once per distinct step:
     * reused while dt repeats (regular bars: no expm1 at all), and for a batch once per time step for
     * all assets (a live asset's previous timestamp is always time[i - 1], so its dt is the same for
     * every asset). Both reuse the very value that would have been recomputed, so results are bit for
     * bit those of the per-step formula, and batched equals one by one.
     */
    static void timeEma(double[] x, double[] time, int k, int t, double tau, double[] out) {
        // Each loop in its own method, so that C2 profiles (and inlines the steps into) each on its own.
        if (k == 1) timeEmaSeries(x, time, t, tau, out);
        else timeEmaRows(x, time, k, t, tau, out);
    }

    /** One series: the weight re-computed only when dt changes. */
    private static void timeEmaSeries(double[] x, double[] time, int t, double tau, double[] out) {
        boolean live = false;
        double v = 0, last = 0, lastDt = Double.NaN, alpha = 0;
        for (int i = 0; i < t; i++) {
            double xi = x[i];
            if (!finite(xi)) {
                live = false;
                out[i] = Double.NaN;
                continue;
            }
            if (!live) {
                v = xi;
                live = true;
            } else {
                double dt = time[i] - last;
                if (dt != lastDt) {
                    alpha = timeEmaWeight(dt, tau);
                    lastDt = dt;
                }
                v = timeEmaStep(v, xi, alpha);
            }
            last = time[i];
            out[i] = v;
        }
    }

    /** Time outer, assets inner (contiguous rows); per-asset state in two small arrays. */
    private static void timeEmaRows(double[] x, double[] time, int k, int t, double tau, double[] out) {
        double[] v = new double[k];
        boolean[] live = new boolean[k];
        double lastDt = Double.NaN, alpha = 0;
        for (int i = 0, row = 0; i < t; i++, row += k) {
            if (i > 0) {
                double dt = time[i] - time[i - 1];
                if (dt != lastDt) {
                    alpha = timeEmaWeight(dt, tau);
                    lastDt = dt;
                }
            }
            for (int a = 0; a < k; a++) {
                double xi = x[row + a];
                if (!finite(xi)) {
                    live[a] = false;
                    out[row + a] = Double.NaN;
                    continue;
                }
                double va;
                if (!live[a]) {
                    va = xi;
                    live[a] = true;
                } else {
                    va = timeEmaStep(v[a], xi, alpha);
                }
                v[a] = va;
                out[row + a] = va;
            }
        }
    }

    /** Per-cycle difference {@code p[i] - p[i-1]}, or percent change {@code 100 (p[i] / p[i-1] - 1)}; row 0 NaN. */
    static void delta(double[] x, int k, int t, int lag, boolean percent, double[] out) {
        int lim = Math.min(t, lag) * k;
        for (int p = 0; p < lim; p++) out[p] = Double.NaN;
        for (int p = lim; p < t * k; p++) {
            double cur = x[p], prev = x[p - lag * k];
            out[p] = percent ? 100 * (cur - prev) / prev : cur - prev;
        }
    }

    /**
     * Cross-sectional z-score of each row (time step) over its finite entries, with the population
     * standard deviation (two passes); NaN entries stay NaN; a row with fewer than two finite entries
     * or zero spread is NaN.
     */
    static void crossSectionalZ(double[] x, int k, int t, double[] out) {
        for (int i = 0; i < t; i++) {
            int base = i * k, cnt = 0;
            double s = 0;
            for (int a = 0; a < k; a++) {
                double v = x[base + a];
                if (finite(v)) {
                    s += v;
                    cnt++;
                }
            }
            double mean = s / cnt, q = 0;
            for (int a = 0; a < k; a++) {
                double v = x[base + a];
                if (finite(v)) q += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(q / cnt);
            boolean ok = cnt >= 2 && sd > 0;
            for (int a = 0; a < k; a++) {
                double v = x[base + a];
                out[base + a] = ok && finite(v) ? (v - mean) / sd : Double.NaN;
            }
        }
    }
}
