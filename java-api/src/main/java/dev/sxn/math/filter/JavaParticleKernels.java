package dev.sxn.math.filter;

/** Plain-Java particle kernels (the reference), with {@link Math#exp}. */
final class JavaParticleKernels implements ParticleKernels {
    @Override
    public double logSumExp(double[] logW, int n, double max) {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += Math.exp(logW[i] - max);
        return max + Math.log(sum);
    }

    @Override
    public double ess(double[] logW, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.exp(2 * logW[i]);
        return 1 / s;
    }
}
