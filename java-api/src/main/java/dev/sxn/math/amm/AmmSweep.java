package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

/**
 * P rule parameter sets over one price history in one call: every set's pass and metrics, each exactly (bit for
 * bit) its single run's {@link TfmmPool#metric}, since each set runs the same plain-Java pass. Sets may be split
 * over threads ({@code parallelism}); the split does not change any result. Output {@code out[s m + j]} is metric j
 * of set s. O(P rows n); a warm single-thread call allocates nothing proportional to the input.
 */
public final class AmmSweep {
    private AmmSweep() {}

    /**
     * Runs every set and writes its metrics.
     *
     * @throws IllegalArgumentException as {@link TfmmPool#run}, if a set has a non-finite component, sets or metrics is
     *     empty, out is shorter than {@code sets.length * metrics.length}, or parallelism {@code < 1}
     */
    public static void metrics(TfmmPool pool, MinutePrices prices, int start, int boutLength, RuleParams[] sets, AmmMetric[] metrics, double[] out,
                               int parallelism) {
        Checks.notNull(pool, "pool");
        Checks.notNull(sets, "sets");
        Checks.notNull(metrics, "metrics");
        Checks.notNull(out, "out");
        Checks.atLeast(sets.length, "sets.length", 1);
        Checks.atLeast(metrics.length, "metrics.length", 1);
        Checks.atLeast(parallelism, "parallelism", 1);
        for (int s = 0; s < sets.length; s++) pool.check(prices, start, boutLength, Checks.notNull(sets[s], "sets[" + s + "]"));
        for (int j = 0; j < metrics.length; j++) AmmMetrics.checkLength(Checks.notNull(metrics[j], "metrics[" + j + "]"), boutLength - 1);
        Checks.minLength(out, "out", (long) sets.length * metrics.length, "sets x metrics");
        prices.checkPositive();
        int threads = Math.min(parallelism, sets.length);
        if (threads == 1) {
            block(pool, prices.values(), start, boutLength, sets, metrics, out, 0, sets.length);
            return;
        }
        Thread[] ts = new Thread[threads];
        RuntimeException[] failure = new RuntimeException[1];
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) sets.length * t / threads), to = (int) ((long) sets.length * (t + 1) / threads);
            ts[t] = Thread.ofPlatform().start(() -> {
                try {
                    block(pool, prices.values(), start, boutLength, sets, metrics, out, from, to);
                } catch (RuntimeException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            });
        }
        for (Thread t : ts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sweeping", e);
            }
        }
        if (failure[0] != null) throw failure[0];
    }

    private static void block(TfmmPool pool, double[] prices, int start, int boutLength, RuleParams[] sets, AmmMetric[] metrics, double[] out,
                              int from, int to) {
        int m = metrics.length;
        int n = pool.assets();
        int rows = boutLength - 1;
        for (int s = from; s < to; s++) {
            PoolScratch sc = PoolScratch.get();
            double[] v = sc.values(rows);
            double fee = pool.simulate(prices, start, rows, sets[s], v, null, null, null, sc);
            System.arraycopy(prices, start * n, sc.pFirst, 0, n);
            System.arraycopy(prices, (start + rows - 1) * n, sc.pLast, 0, n);
            for (int j = 0; j < m; j++) out[s * m + j] = AmmMetrics.compute(metrics[j], v, rows, n, sc.r0, sc.pFirst, sc.pLast, fee, sc);
        }
    }
}
