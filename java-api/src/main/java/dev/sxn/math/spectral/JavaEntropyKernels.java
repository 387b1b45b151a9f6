package dev.sxn.math.spectral;

import dev.sxn.math.internal.Scratch;

import dev.sxn.math.spectral.FftPlan.Workspace;

/**
 * Plain-Java rolling spectral entropy: one real FFT per window (on the FFT kernels given, JAVA for
 * the reference), then {@code -sum p ln p} over the normalised power. A NaN inside a window is found
 * from a running count of NaNs, so each window costs O(1) for that test. Stateless, thread-safe; the count
 * and the bins are per-thread scratch, so a warm call allocates nothing.
 */
class JavaEntropyKernels implements EntropyKernels {
    private final FftKernels fft;

    JavaEntropyKernels() {
        this(FFT.JAVA);
    }

    JavaEntropyKernels(FftKernels fft) {
        this.fft = fft;
    }

    @Override
    public void rollingEntropy(double[] x, int series, int length, int window, int step, boolean keepDc, double logScale,
            double[] out) {
        int count = (length - window) / step + 1;
        int bins = window / 2 + 1;
        Workspace ws = Workspace.get();
        double[] re = ws.slot(6, bins), im = ws.slot(7, bins);
        try (Scratch scratch = Scratch.open()) {
            rollingEntropy(x, series, length, window, step, keepDc, logScale, out, re, im, scratch.ints(length + 1));
        }
    }

    /** {@link #rollingEntropy} with its scratch: the bins' re and im, and nanBefore (length + 1 ints). */
    private void rollingEntropy(double[] x, int series, int length, int window, int step, boolean keepDc, double logScale,
            double[] out, double[] re, double[] im, int[] nanBefore) {
        int count = (length - window) / step + 1;
        int bins = window / 2 + 1;
        nanBefore[0] = 0;
        for (int s = 0; s < series; s++) {
            int base = s * length;
            for (int i = 0; i < length; i++) nanBefore[i + 1] = nanBefore[i] + (Double.isNaN(x[base + i]) ? 1 : 0);
            for (int w = 0; w < count; w++) {
                int start = w * step;
                if (nanBefore[start + window] != nanBefore[start]) {
                    out[s * count + w] = Double.NaN;
                    continue;
                }
                FftEngine.real(fft, x, base + start, window, re, im, 1.0);
                out[s * count + w] = entropy(re, im, bins, keepDc ? 0 : 1) * logScale;
            }
        }
    }

    /** The FFT kernels this kernel transforms each window with. */
    final FftKernels fft() {
        return fft;
    }

    /** The entropy of one window's bins (overridable: the VECTOR kernel evaluates p ln p on vectors). */
    double entropy(double[] re, double[] im, int bins, int from) {
        return entropyOfBins(re, im, bins, from);
    }

    /** -sum p ln p over bins [from, bins) with p = |X|^2 / sum |X|^2; NaN when the sum is 0 or not finite. */
    static double entropyOfBins(double[] re, double[] im, int bins, int from) {
        double inv = powerScale(re, im, bins, from);
        if (Double.isNaN(inv)) return Double.NaN;
        double h = 0;
        for (int k = from; k < bins; k++) {
            double p = re[k] * inv;
            if (p > 0) h -= p * Math.log(p);
        }
        return h;
    }

    /**
     * Overwrites {@code re[from..bins)} with the power |X|^2 of each bin and returns 1 / (their sum),
     * or NaN when the sum is 0 or not finite (the entropy is then NaN): the first pass of every
     * entropy kernel on the JVM.
     */
    static double powerScale(double[] re, double[] im, int bins, int from) {
        double total = 0;
        for (int k = from; k < bins; k++) {
            double p = re[k] * re[k] + im[k] * im[k];
            re[k] = p;
            total += p;
        }
        if (!(total > 0) || Double.isInfinite(total)) return Double.NaN;
        return 1.0 / total;
    }
}
