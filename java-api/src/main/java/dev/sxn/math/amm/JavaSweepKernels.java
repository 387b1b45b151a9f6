package dev.sxn.math.amm;

/** The plain-Java sweep kernel: each set's single-run pass ({@link TfmmPool#simulate}), so each is bit-identical to it. */
final class JavaSweepKernels implements SweepKernels {
    @Override
    public void values(TfmmPool pool, double[] prices, int start, int rows, RuleParams[] sets, int from, int count, double[] values,
                       double[] fees) {
        range(pool, prices, start, rows, sets, from, count, 0, values, fees);
    }

    /** Sets {@code from + c} for c in {@code [c0, count)} of the chunk. */
    static void range(TfmmPool pool, double[] prices, int start, int rows, RuleParams[] sets, int from, int count, int c0, double[] values,
                      double[] fees) {
        PoolScratch sc = PoolScratch.get();
        for (int c = c0; c < count; c++) {
            double[] v = sc.values(rows);
            fees[c] = pool.simulate(prices, start, rows, sets[from + c], v, null, null, null, sc);
            System.arraycopy(v, 0, values, c * rows, rows);
        }
    }
}
