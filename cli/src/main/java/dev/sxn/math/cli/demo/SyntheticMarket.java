package dev.sxn.math.cli.demo;

import java.util.SplittableRandom;

/**
 * A seeded synthetic multi-asset market for the demo: every run with the same seed is identical.
 *
 * <p>Each asset follows a regime-switching process. A three-state Markov chain (calm trend,
 * mean reversion, crisis) sets the drift and the long-run variance; the variance itself is a
 * GARCH(1,1) recursion (volatility clusters); Poisson jumps with normal sizes add gaps; a common
 * market factor correlates the assets. Ticks arrive at irregular times (exponential gaps), and each
 * tick carries a noisy observed price (the clean price plus microstructure noise, for filters to
 * remove), a high, a low and a volume.
 *
 * <p>Layout: {@code close[a][t]} etc., asset-major. Prices are in currency units, time in seconds.
 */
public final class SyntheticMarket {
    /** Regime names by index. */
    public static final String[] REGIMES = {"trend", "mean-revert", "crisis"};

    private final int assets;
    private final int ticks;
    private final double[][] clean;
    private final double[][] observed;
    private final double[][] high;
    private final double[][] low;
    private final double[][] volume;
    private final double[][] time;
    private final int[][] regime;
    private final double noiseSd;

    private SyntheticMarket(int assets, int ticks, double noiseSd) {
        this.assets = assets;
        this.ticks = ticks;
        this.noiseSd = noiseSd;
        clean = new double[assets][ticks];
        observed = new double[assets][ticks];
        high = new double[assets][ticks];
        low = new double[assets][ticks];
        volume = new double[assets][ticks];
        time = new double[assets][ticks];
        regime = new int[assets][ticks];
    }

    /**
     * Generates {@code assets} series of {@code ticks} ticks from {@code seed}.
     *
     * @param noiseSd the microstructure noise's standard deviation, relative to the price (e.g. 5e-4)
     */
    public static SyntheticMarket generate(int assets, int ticks, long seed, double noiseSd) {
        if (assets < 1 || ticks < 2) throw new IllegalArgumentException("need assets >= 1 and ticks >= 2, were " + assets + ", " + ticks);
        SyntheticMarket m = new SyntheticMarket(assets, ticks, noiseSd);
        SplittableRandom root = new SplittableRandom(seed);
        double[] factor = new double[ticks];
        SplittableRandom fr = root.split();
        for (int t = 0; t < ticks; t++) factor[t] = gauss(fr);
        // Per regime: drift per tick, long-run variance per tick, mean-reversion strength.
        double[] drift = {4e-4, 0.0, -6e-4};
        double[] longVar = {1e-4, 6e-5, 9e-4};
        double[] revert = {0.0, 0.02, 0.0};
        double[][] stay = {{0.995, 0.004, 0.001}, {0.004, 0.994, 0.002}, {0.01, 0.01, 0.98}};
        for (int a = 0; a < assets; a++) {
            SplittableRandom r = root.split();
            double logP = Math.log(20 + 180 * r.nextDouble());
            double anchor = logP;
            double var = longVar[0];
            int reg = r.nextInt(3);
            double beta = 0.3 + 0.5 * r.nextDouble();
            double clock = 0;
            for (int t = 0; t < ticks; t++) {
                double u = r.nextDouble();
                reg = u < stay[reg][0] ? 0 : u < stay[reg][0] + stay[reg][1] ? 1 : 2;
                // GARCH(1,1): var_t = w + alpha * shock^2 + beta * var_{t-1}, w set by the regime.
                double shock = Math.sqrt(var) * (beta * factor[t] + Math.sqrt(1 - beta * beta) * gauss(r));
                var = longVar[reg] * 0.05 + 0.10 * shock * shock + 0.85 * var;
                double jump = r.nextDouble() < 0.002 ? 0.03 * gauss(r) : 0.0;
                logP += drift[reg] + revert[reg] * (anchor - logP) + shock + jump;
                if (reg != 1) anchor = 0.99 * anchor + 0.01 * logP;
                double p = Math.exp(logP);
                double obs = p * (1 + noiseSd * gauss(r));
                double range = p * Math.sqrt(var) * (0.5 + Math.abs(gauss(r)));
                m.clean[a][t] = p;
                m.observed[a][t] = obs;
                m.high[a][t] = Math.max(obs, p + range);
                m.low[a][t] = Math.min(obs, p - range);
                m.volume[a][t] = Math.round(1000 * Math.exp(0.5 * gauss(r)) * (1 + 200 * Math.abs(shock)));
                clock += -Math.log(1 - r.nextDouble()) * 1.0; // exponential gaps, mean 1 s
                m.time[a][t] = clock;
                m.regime[a][t] = reg;
            }
        }
        return m;
    }

    private static double gauss(SplittableRandom r) {
        // Marsaglia polar method: exact normal deviates from uniform ones.
        double u, v, s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** Number of assets. */
    public int assets() { return assets; }

    /** Ticks per asset. */
    public int ticks() { return ticks; }

    /** The noise-free price of asset {@code a} (shared array: do not modify). */
    public double[] clean(int a) { return clean[a]; }

    /** The observed (noisy) price of asset {@code a}, used as the close. */
    public double[] close(int a) { return observed[a]; }

    /** The tick's high of asset {@code a}. */
    public double[] high(int a) { return high[a]; }

    /** The tick's low of asset {@code a}. */
    public double[] low(int a) { return low[a]; }

    /** The tick's volume of asset {@code a}. */
    public double[] volume(int a) { return volume[a]; }

    /** Tick timestamps of asset {@code a}, in seconds (irregular, increasing). */
    public double[] time(int a) { return time[a]; }

    /** The true regime index of each tick of asset {@code a} (see {@link #REGIMES}). */
    public int[] regime(int a) { return regime[a]; }

    /** The relative standard deviation of the observation noise. */
    public double noiseSd() { return noiseSd; }

    /** Log returns of the observed price of asset {@code a} (length ticks - 1). */
    public double[] logReturns(int a) {
        double[] p = observed[a];
        double[] r = new double[ticks - 1];
        for (int t = 1; t < ticks; t++) r[t - 1] = Math.log(p[t] / p[t - 1]);
        return r;
    }
}
