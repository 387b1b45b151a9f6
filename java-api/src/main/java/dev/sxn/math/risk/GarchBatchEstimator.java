package dev.sxn.math.risk;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;

/**
 * Fits every asset of a time-major batch at once: one {@link GarchMinimizer} per asset, stepped together, each
 * round gathering the point every still-running asset asks for and evaluating them all in one call of the
 * {@code risk.garch} kernel family ({@link GarchKernels}); an asset that has stopped is masked out of later rounds.
 * Scaling, start values, bounds, the standard errors' difference Hessian (its 2p gradient evaluations batched the
 * same way) and the result are {@link GarchEstimator}'s, so each asset's fit is its single fit's: bit for bit on
 * JAVA (the same operation order), within the optimiser's tolerance on the other kinds (their logarithms and sums
 * differ in the last bits, which moves the path of the optimiser but not the optimum it finds).
 *
 * <p>O(k iterations n) time over the kernel; O(k p^2) scratch beside the k returned sd paths.
 */
final class GarchBatchEstimator {
    /** The family's dispatch. */
    static final KernelSet<GarchKernels> KERNELS = KernelSet.of(KernelFamilies.RISK_GARCH, GarchKernels.class, new JavaGarchKernels());

    private GarchBatchEstimator() {}

    /** Fits the k assets of {@code x} (time-major, n returns each, finite, n >= 2: checked by the caller). */
    static GarchFit[] fit(double[] x, int k, int n, GarchSpec spec, Backend backend) {
        final int p = spec.parameterCount(), flags = GarchLikelihood.flags(spec);
        GarchFit[] out = new GarchFit[k];
        double[] sd = new double[k], c = new double[GarchLikelihood.CONSTANTS * k];
        double[] th = new double[p * k], grad = new double[p * k], f = new double[k];
        byte[] act = new byte[k];
        GarchMinimizer[] min = new GarchMinimizer[k];
        double[] t0 = new double[p], lo = new double[p], hi = new double[p];
        for (int a = 0; a < k; a++) {
            // The single fit's mean and sd, in its order.
            double mean = 0;
            for (int t = 0; t < n; t++) mean += x[t * k + a];
            mean /= n;
            double ss = 0;
            for (int t = 0; t < n; t++) {
                double d = x[t * k + a] - mean;
                ss += d * d;
            }
            double s = Math.sqrt(ss / (n - 1));
            sd[a] = s;
            if (!(s > 0) || !Double.isFinite(s) || !Double.isFinite(s * s)) {
                out[a] = GarchEstimator.degenerate(spec, n);
                continue;
            }
            GarchLikelihood.constants(x, a, k, n, 1.0 / s, c, a, k);
            GarchEstimator.start(spec, c[a], GarchLikelihood.varianceScaled(c[a], c[k + a], n), t0, lo, hi);
            min[a] = new GarchMinimizer(p);
            min[a].start(t0, lo, hi, GarchEstimator.GRADIENT_TOLERANCE, GarchEstimator.MAX_ITERATIONS);
        }
        // Lockstep rounds until every minimiser has stopped.
        while (true) {
            int running = 0;
            for (int a = 0; a < k; a++) {
                GarchMinimizer m = min[a];
                boolean on = m != null && m.wantsEvaluation();
                act[a] = (byte) (on ? 1 : 0);
                if (!on) continue;
                double[] pt = m.point();
                for (int i = 0; i < p; i++) th[i * k + a] = pt[i];
                running++;
            }
            if (running == 0) break;
            evaluate(backend, running, flags, p, x, k, n, c, th, act, f, grad);
            for (int a = 0; a < k; a++) {
                if (act[a] == 0) continue;
                double[] g = min[a].gradient();
                for (int i = 0; i < p; i++) g[i] = grad[i * k + a];
                min[a].accept(f[a]);
            }
        }
        // Standard errors: central differences of the gradient, coordinate by coordinate, every asset in each call.
        double[] hess = new double[k * p * p];
        boolean[] bad = new boolean[k];
        int fitted = 0;
        for (int a = 0; a < k; a++) {
            act[a] = (byte) (min[a] != null ? 1 : 0);
            fitted += act[a];
        }
        if (fitted > 0) {
            for (int i = 0; i < p; i++) {
                for (int sign = 1; sign >= -1; sign -= 2) {
                    for (int a = 0; a < k; a++) {
                        if (act[a] == 0) continue;
                        double[] xa = min[a].x();
                        for (int j = 0; j < p; j++) th[j * k + a] = xa[j];
                        th[i * k + a] = sign > 0 ? xa[i] + GarchEstimator.hessianStep(xa[i]) : xa[i] - GarchEstimator.hessianStep(xa[i]);
                    }
                    evaluate(backend, fitted, flags, p, x, k, n, c, th, act, f, grad);
                    for (int a = 0; a < k; a++) {
                        if (act[a] == 0) continue;
                        if (!Double.isFinite(f[a])) bad[a] = true;
                        int o = (a * p + i) * p;
                        for (int j = 0; j < p; j++) hess[o + j] = sign > 0 ? grad[j * k + a] : hess[o + j] - grad[j * k + a];
                    }
                }
            }
        }
        double[][] h = new double[p][p];
        double[] d = new double[p];
        double[] se = new double[p];
        for (int a = 0; a < k; a++) {
            if (min[a] == null) continue;
            double[] xa = min[a].x();
            double s = sd[a];
            double[] sigma = new double[n];
            double nll = GarchLikelihood.evaluate(x, a, k, n, c[2 * k + a], c[a], c[k + a], c[3 * k + a], flags, xa, null, sigma, d);
            double scale2 = s * s;
            for (int t = 0; t < n; t++) sigma[t] = Math.sqrt(sigma[t] * scale2);
            double[] err;
            if (bad[a]) {
                err = se.clone();
                java.util.Arrays.fill(err, Double.NaN);
            } else {
                for (int i = 0; i < p; i++) {
                    double step = GarchEstimator.hessianStep(xa[i]);
                    int o = (a * p + i) * p;
                    for (int j = 0; j < p; j++) h[i][j] = hess[o + j] / (2 * step);
                }
                err = GarchEstimator.fromHessian(h, s);
            }
            out[a] = GarchEstimator.result(spec, xa, s, err, nll, n, sigma, x[(n - 1) * k + a], min[a].result());
        }
        return out;
    }

    private static void evaluate(Backend backend, int running, int flags, int p, double[] x, int k, int n, double[] c, double[] th,
            byte[] act, double[] f, double[] grad) {
        KERNELS.run(backend, (long) running * n, kern -> kern.likelihood(flags, p, x, k, n, c, th, act, f, grad));
    }
}
