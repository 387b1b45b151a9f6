package dev.sxn.math.indicators;

/**
 * The plain-Java {@link StreamRowKernels}: per asset, the single-series step object loaded from the state arrays,
 * stepped and stored back, so a batched stream runs the very step of the single stream and of the array kernel.
 * A run count beyond what the step distinguishes is stored capped (the steps only compare it with the seed), so a
 * stream of more than 2^31 rows keeps counting correctly. The range forms serve VECTOR's tail assets.
 */
final class JavaStreamRowKernels implements StreamRowKernels {

    /** A stored run count as the step's int, capped at {@code cap} (beyond the seed: all larger counts step alike). */
    static int run(double r, int cap) {
        return r > cap ? cap : (int) r;
    }

    @Override
    public void ema(double[] x, int k, double[] stIn, double[] stOut, int seed, double alpha, double[] out) {
        emaRange(x, k, stIn, stOut, seed, alpha, out, 0, k);
    }

    static void emaRange(double[] x, int k, double[] stIn, double[] stOut, int seed, double alpha, double[] out, int a0, int a1) {
        double beta = 1 - alpha;
        EmaState s = new EmaState();
        for (int a = a0; a < a1; a++) {
            s.run = run(stIn[a], seed + 1);
            s.acc = stIn[k + a];
            s.e = stIn[2 * k + a];
            out[a] = s.update(x[a], seed, alpha, beta);
            stOut[a] = s.run;
            stOut[k + a] = s.acc;
            stOut[2 * k + a] = s.e;
        }
    }

    @Override
    public void rsi(double[] x, int k, double[] stIn, double[] stOut, int n, double[] out) {
        rsiRange(x, k, stIn, stOut, n, out, 0, k);
    }

    static void rsiRange(double[] x, int k, double[] stIn, double[] stOut, int n, double[] out, int a0, int a1) {
        double alpha = 1.0 / n, beta = 1 - alpha;
        RsiState s = new RsiState();
        for (int a = a0; a < a1; a++) {
            s.run = run(stIn[a], n + 2);
            s.prev = stIn[k + a];
            s.up = stIn[2 * k + a];
            s.dn = stIn[3 * k + a];
            out[a] = s.update(x[a], n, alpha, beta);
            stOut[a] = s.run;
            stOut[k + a] = s.prev;
            stOut[2 * k + a] = s.up;
            stOut[3 * k + a] = s.dn;
        }
    }

    @Override
    public void sum(double[] ring, int p, int back, int k, double[] stIn, double[] stOut, int w, double scale, double[] out) {
        sumRange(ring, p, back, k, stIn, stOut, w, scale, out, 0, k);
    }

    static void sumRange(double[] ring, int p, int back, int k, double[] stIn, double[] stOut, int w, double scale, double[] out, int a0,
            int a1) {
        RollingSumState s = new RollingSumState();
        for (int a = a0; a < a1; a++) {
            s.run = run(stIn[a], w + 1);
            s.s = stIn[k + a];
            s.c = stIn[2 * k + a];
            out[a] = s.update(ring, p + a, back, w, scale);
            stOut[a] = s.run;
            stOut[k + a] = s.s;
            stOut[2 * k + a] = s.c;
        }
    }

    @Override
    public void atr(double[] high, double[] low, double[] close, int k, double[] stIn, double[] stOut, int n, double[] out) {
        atrRange(high, low, close, k, stIn, stOut, n, out, 0, k);
    }

    static void atrRange(double[] high, double[] low, double[] close, int k, double[] stIn, double[] stOut, int n, double[] out, int a0,
            int a1) {
        double alpha = 1.0 / n, beta = 1 - alpha;
        EmaState s = new EmaState();
        for (int a = a0; a < a1; a++) {
            double h = high[a], l = low[a], c = close[a];
            double tr = JavaOnlyKernels.trueRange(h, l, c, stIn[a]);
            stOut[a] = JavaOnlyKernels.nextClose(h, l, c);
            s.run = run(stIn[k + a], n + 1);
            s.acc = stIn[2 * k + a];
            s.e = stIn[3 * k + a];
            out[a] = s.update(tr, n, alpha, beta);
            stOut[k + a] = s.run;
            stOut[2 * k + a] = s.acc;
            stOut[3 * k + a] = s.e;
        }
    }
}
