package dev.sxn.math.regime;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import dev.sxn.math.internal.Scratch;

/**
 * The forward filter and log-likelihood of Gaussian hidden Markov models in batches, on JAVA, VECTOR, NATIVE or
 * OPENCL (family {@code regime.forward}, size = lanes x steps):
 *
 * <ul>
 *   <li>{@link #filterAssets}: one model over k assets, assets in lanes;
 *   <li>{@link #filterModels}: k models (a parameter sweep) over one series, models in lanes.
 * </ul>
 *
 * <p>Layouts, lane (asset or model) index fastest: observations {@code x[(t d + j) k + a]} for assets, the
 * row-major series {@code x[t d + j]} for models; filtered probabilities {@code filtered[(t K + s) k + l]} (null:
 * log-likelihoods only); {@code logLikelihood[l]}. Each lane is the model's scaled forward filter
 * ({@link HiddenMarkovModel#filter(double[])}); on JAVA bit for bit, on the other kinds within a few ulps per step
 * (their exp and log). Missing observations (any NaN component) predict only. O(lanes steps (K^2 + K d^2)) time;
 * warm calls allocate nothing proportional to the batch (per-thread scratch). {@code backend} null: chosen per
 * call; else that kind or an exception naming why not.
 */
public final class BatchHmm {
    private static final KernelSet<RegimeKernels> KERNELS = KernelSet.of(KernelFamilies.REGIME_FORWARD, RegimeKernels.class,
            new JavaRegimeKernels());

    private BatchHmm() {}

    /**
     * Filters {@code assets} series with one Gaussian model.
     *
     * @param x observations, {@code steps * d * assets} values, asset fastest
     * @param filtered null, or {@code steps * K * assets} values to receive the filtered probabilities
     * @param logLikelihood {@code assets} values to receive each asset's log-likelihood
     * @return the kind that ran
     */
    public static Backend filterAssets(HiddenMarkovModel model, double[] x, int assets, double[] filtered, double[] logLikelihood,
                                       Backend backend) {
        Checks.notNull(model, "model");
        GaussianEmissions g = gaussian(model, "model");
        Checks.atLeast(assets, "assets", 1);
        int k = model.states(), d = model.dimension();
        int steps = steps(x, (long) d * assets, "d x assets = " + d + " x " + assets);
        if (filtered != null) Checks.length(filtered, "filtered", (long) steps * k * assets, "steps x states x assets");
        Checks.length(logLikelihood, "logLikelihood", assets, "the number of assets");
        boolean diagonal = diagonal(g);
        try (Scratch sc = Scratch.open()) {
            double[] prm = sc.doubles(RegimeKernels.entries(k, d));
            pack(model, g, prm, 1, 0);
            return KERNELS.run(backend, (long) assets * steps,
                    kn -> kn.forward(assets, steps, k, d, diagonal, prm, 1, x, assets, filtered, logLikelihood));
        }
    }

    /** Log-likelihoods only of {@code assets} series under one model; see {@link #filterAssets}. */
    public static Backend logLikelihoodAssets(HiddenMarkovModel model, double[] x, int assets, double[] logLikelihood, Backend backend) {
        return filterAssets(model, x, assets, null, logLikelihood, backend);
    }

    /**
     * Filters one series with each of {@code models} (same number of states and dimension, Gaussian emissions).
     *
     * @param x the series, row-major {@code x[t * d + j]}
     * @param filtered null, or {@code steps * K * models.length} values, model fastest
     * @param logLikelihood {@code models.length} values
     * @return the kind that ran
     */
    public static Backend filterModels(HiddenMarkovModel[] models, double[] x, double[] filtered, double[] logLikelihood, Backend backend) {
        Checks.notNull(models, "models");
        if (models.length == 0) throw Checks.invalid("models.length", 0, "be >= 1");
        int m = models.length;
        Checks.notNull(models[0], "models[0]");
        int k = models[0].states(), d = models[0].dimension();
        boolean diagonal = true;
        for (int i = 0; i < m; i++) {
            Checks.notNull(models[i], "models[" + i + "]");
            GaussianEmissions g = gaussian(models[i], "models[" + i + "]");
            if (models[i].states() != k || models[i].dimension() != d) {
                throw Checks.invalid("models[" + i + "]", models[i].states() + " states x " + models[i].dimension() + " dimensions",
                        "have " + k + " states and dimension " + d + " (as models[0])");
            }
            diagonal &= diagonal(g);
        }
        int steps = steps(x, d, "the dimension " + d);
        if (filtered != null) Checks.length(filtered, "filtered", (long) steps * k * m, "steps x states x models");
        Checks.length(logLikelihood, "logLikelihood", m, "the number of models");
        boolean diag = diagonal;
        try (Scratch sc = Scratch.open()) {
            double[] prm = sc.doubles(RegimeKernels.entries(k, d) * m);
            for (int i = 0; i < m; i++) pack(models[i], (GaussianEmissions) models[i].emissions(), prm, m, i);
            return KERNELS.run(backend, (long) m * steps, kn -> kn.forward(m, steps, k, d, diag, prm, m, x, 1, filtered, logLikelihood));
        }
    }

    /** Log-likelihoods only of one series under each model; see {@link #filterModels}. */
    public static Backend logLikelihoodModels(HiddenMarkovModel[] models, double[] x, double[] logLikelihood, Backend backend) {
        return filterModels(models, x, null, logLikelihood, backend);
    }

    private static void pack(HiddenMarkovModel model, GaussianEmissions g, double[] prm, int lanes, int l) {
        int k = model.states(), d = model.dimension(), e = 0;
        double[] pi = model.initialArray(), a = model.transitions().rowMajor();
        for (int j = 0; j < k; j++) prm[(e++) * lanes + l] = pi[j];
        for (int j = 0; j < k * k; j++) prm[(e++) * lanes + l] = a[j];
        double[] mu = g.meanArray(), chol = g.cholArray(), inv = g.invDiagArray(), ln = g.logNormArray();
        for (int j = 0; j < k * d; j++) prm[(e++) * lanes + l] = mu[j];
        for (int j = 0; j < k * d * d; j++) prm[(e++) * lanes + l] = chol[j];
        for (int j = 0; j < k * d; j++) prm[(e++) * lanes + l] = inv[j];
        for (int j = 0; j < k; j++) prm[(e++) * lanes + l] = ln[j];
    }

    private static GaussianEmissions gaussian(HiddenMarkovModel m, String name) {
        if (!(m.emissions() instanceof GaussianEmissions g)) {
            throw Checks.invalid(name + ".emissions()", m.emissions().getClass().getSimpleName(), "be GaussianEmissions (the batched filter's emissions)");
        }
        return g;
    }

    private static boolean diagonal(GaussianEmissions g) {
        return g.covarianceType() == CovarianceType.DIAGONAL || g.covarianceType() == CovarianceType.SPHERICAL;
    }

    private static int steps(double[] x, long row, String what) {
        Checks.notNull(x, "x");
        if (x.length == 0 || x.length % row != 0) throw Checks.invalid("x.length", x.length, "be a positive multiple of " + what);
        return (int) (x.length / row);
    }
}
