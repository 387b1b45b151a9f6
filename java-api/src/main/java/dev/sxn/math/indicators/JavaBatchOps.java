package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.JavaIndicatorKernels.finite;

/**
 * Plain-Java kernels of the indicators that run on JAVA only (order statistics, weighted windows,
 * cumulative sums, per-row matrix operations), on time-major batches like {@link IndicatorKernels}.
 * They are either memory-light scans that no other backend would speed up by much, or built from
 * {@link IndicatorKernels} by {@link Indicators}.
 */
final class JavaBatchOps {
    private JavaBatchOps() {}

    /** Rolling max ({@code max = true}) or min over w with a monotonic deque: amortised O(1) per step. */
    static void rollingExtreme(double[] x, int k, int t, int w, boolean max, double[] out) {
        int[] dq = new int[w]; // ring buffer of time indices; values along it are monotone
        for (int a = 0; a < k; a++) {
            int head = 0, size = 0, run = 0;
            for (int i = 0, p = a; i < t; i++, p += k) {
                double v = x[p];
                if (!finite(v)) {
                    run = 0;
                    size = 0;
                    out[p] = Double.NaN;
                    continue;
                }
                run++;
                if (size > 0 && dq[head] <= i - w) {
                    head = head + 1 == w ? 0 : head + 1;
                    size--;
                }
                while (size > 0) {
                    int tail = head + size - 1;
                    if (tail >= w) tail -= w;
                    double tv = x[dq[tail] * k + a];
                    if (max ? tv <= v : tv >= v) size--;
                    else break;
                }
                int slot = head + size;
                if (slot >= w) slot -= w;
                dq[slot] = i;
                size++;
                out[p] = run >= w ? x[dq[head] * k + a] : Double.NaN;
            }
        }
    }

    /** Linearly weighted moving average (weights 1..w, newest heaviest), O(w) per output, exact per window. */
    static void wma(double[] x, int k, int t, int w, double[] out) {
        double wsum = w * (w + 1.0) / 2.0;
        for (int a = 0; a < k; a++) {
            int run = 0;
            for (int i = 0, p = a; i < t; i++, p += k) {
                if (!finite(x[p])) {
                    run = 0;
                    out[p] = Double.NaN;
                    continue;
                }
                run++;
                if (run < w) {
                    out[p] = Double.NaN;
                    continue;
                }
                double s = 0;
                for (int j = 0, q = p - (w - 1) * k; j < w; j++, q += k) s += (j + 1) * x[q];
                out[p] = s / wsum;
            }
        }
    }

    /** Cumulative VWAP, restarting after a non-finite price or volume: compensated running sums. */
    static void vwapCumulative(double[] price, double[] volume, int k, int t, double[] out) {
        for (int a = 0; a < k; a++) {
            double pv = 0, pvc = 0, vs = 0, vc = 0;
            for (int i = 0, p = a; i < t; i++, p += k) {
                double pr = price[p], vo = volume[p];
                if (!finite(pr) || !finite(vo)) {
                    pv = pvc = vs = vc = 0;
                    out[p] = Double.NaN;
                    continue;
                }
                double u = pr * vo, sn = pv + u, bp = sn - pv;
                pvc += (pv - (sn - bp)) + (u - bp);
                pv = sn;
                sn = vs + vo;
                bp = sn - vs;
                vc += (vs - (sn - bp)) + (vo - bp);
                vs = sn;
                out[p] = (pv + pvc) / (vs + vc);
            }
        }
    }

    /** On-balance volume: starts at the first volume of a run, then adds (rise), subtracts (fall) or keeps (equal). */
    static void obv(double[] price, double[] volume, int k, int t, double[] out) {
        for (int a = 0; a < k; a++) {
            int run = 0;
            double acc = 0, prev = 0;
            for (int i = 0, p = a; i < t; i++, p += k) {
                double pr = price[p], vo = volume[p];
                if (!finite(pr) || !finite(vo)) {
                    run = 0;
                    out[p] = Double.NaN;
                    continue;
                }
                run++;
                if (run == 1) acc = vo;
                else if (pr > prev) acc += vo;
                else if (pr < prev) acc -= vo;
                prev = pr;
                out[p] = acc;
            }
        }
    }

    /** True range; NaN at the first sample of a run (no previous close). */
    static void trueRange(double[] high, double[] low, double[] close, int k, int t, double[] out) {
        for (int a = 0; a < k; a++) {
            double prevClose = Double.NaN;
            for (int i = 0, p = a; i < t; i++, p += k) {
                double h = high[p], l = low[p], c = close[p];
                if (!finite(h) || !finite(l) || !finite(c) || !finite(prevClose)) {
                    out[p] = Double.NaN;
                } else {
                    out[p] = Math.max(h, prevClose) - Math.min(l, prevClose);
                }
                prevClose = finite(h) && finite(l) && finite(c) ? c : Double.NaN;
            }
        }
    }

    /**
     * Time-aware EMA: {@code v += (1 - exp(-dt / tau)) (x - v)}, starting at the first finite value of
     * a run; timestamps are shared by the assets of the batch.
     */
    static void timeEma(double[] x, double[] time, int k, int t, double tau, double[] out) {
        for (int a = 0; a < k; a++) {
            boolean live = false;
            double v = 0, last = 0;
            for (int i = 0, p = a; i < t; i++, p += k) {
                double xi = x[p];
                if (!finite(xi)) {
                    live = false;
                    out[p] = Double.NaN;
                    continue;
                }
                if (!live) {
                    v = xi;
                    live = true;
                } else {
                    v += -Math.expm1(-(time[i] - last) / tau) * (xi - v);
                }
                last = time[i];
                out[p] = v;
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
