package dev.sxn.math.indicators;

import dev.sxn.math.internal.Checks;
import java.util.Arrays;

/**
 * Runs a TTR-style indicator kernel over every asset of a time-major batch, one <em>finite run</em> at a time:
 * the maximal stretches of an asset's series where every input is finite. Positions where an input is NaN or
 * infinite are NaN in every output, and the kernel starts afresh after them, so a NaN poisons exactly the windows
 * that contain it and a recursive indicator starts a new warm-up after it (the project's NaN rule). TTR itself
 * refuses NA after the start of a series, so on NaN-free input this is TTR's computation.
 *
 * <p>Why copy each run into contiguous scratch: the kernels are written once, in TTR's operation order, on plain
 * {@code double[]} runs (index 0 is the run's first value), and serve both the single series (k = 1) and every
 * asset of a batch; a batch's result equals the per-asset results bit for bit. The per-thread scratch grows to the
 * longest run seen and is reused, so a warm call allocates nothing proportional to its input beyond its outputs.
 *
 * <p>Thread-safe (scratch per thread); O(k t) copying plus the kernel's cost.
 */
final class Segments {
    private Segments() {}

    /** An indicator on one finite run of length {@code m}: reads {@code in[j][0..m)}, writes {@code out[j][0..m)}. */
    @FunctionalInterface
    interface Kernel {
        void run(double[][] in, int m, double[][] out, Work w);
    }

    /** Per-thread scratch: the run's inputs, outputs and the kernels' temporaries, grown on demand. */
    static final class Work {
        private final double[][] in = new double[6][];
        private final double[][] out = new double[14][];
        private final double[][] tmp = new double[16][];

        private static double[] grow(double[][] slots, int i, int m) {
            double[] a = slots[i];
            if (a == null || a.length < m) slots[i] = a = new double[Math.max(m, 16)];
            return a;
        }

        /** Temporary {@code i} (0..15), at least {@code m} long, contents undefined. */
        double[] tmp(int i, int m) {
            return grow(tmp, i, m);
        }
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    /** The calling thread's scratch (for kernels that call other kernels' building blocks directly). */
    static Work work() {
        return WORK.get();
    }

    /**
     * Applies {@code kernel} to every finite run of every asset: {@code inputs} and {@code outputs} are time-major
     * arrays of {@code k * t} values.
     */
    static void run(double[][] inputs, int k, int t, double[][] outputs, Kernel kernel) {
        Work w = WORK.get();
        int ni = inputs.length, no = outputs.length;
        for (int j = 0; j < ni; j++) Work.grow(w.in, j, t);
        for (int j = 0; j < no; j++) Work.grow(w.out, j, t);
        for (int a = 0; a < k; a++) {
            int i = 0;
            while (i < t) {
                if (!finiteAt(inputs, i * k + a)) {
                    for (int j = 0; j < no; j++) outputs[j][i * k + a] = Double.NaN;
                    i++;
                    continue;
                }
                int start = i;
                while (i < t && finiteAt(inputs, i * k + a)) i++;
                int m = i - start;
                for (int j = 0; j < ni; j++) {
                    double[] src = inputs[j], dst = w.in[j];
                    for (int s = 0, p = start * k + a; s < m; s++, p += k) dst[s] = src[p];
                }
                for (int j = 0; j < no; j++) Arrays.fill(w.out[j], 0, m, Double.NaN);
                kernel.run(w.in, m, w.out, w);
                for (int j = 0; j < no; j++) {
                    double[] src = w.out[j], dst = outputs[j];
                    for (int s = 0, p = start * k + a; s < m; s++, p += k) dst[p] = src[s];
                }
            }
        }
    }

    private static boolean finiteAt(double[][] inputs, int p) {
        for (double[] x : inputs) {
            if (!Double.isFinite(x[p])) return false;
        }
        return true;
    }

    // ---- the public shapes: one series (double[] columns of one length) or batches of one shape

    /** Checks that the named series are non-null and of one length; returns that length. */
    static int seriesLength(double[][] in, String[] names) {
        for (int j = 0; j < in.length; j++) Checks.notNull(in[j], names[j]);
        for (int j = 1; j < in.length; j++) Checks.sameLength(in[j], names[j], in[0], names[0]);
        return in[0].length;
    }

    /** Checks that the named batches are non-null and of one shape. */
    static void sameShape(SeriesBatch[] in, String[] names) {
        for (int j = 0; j < in.length; j++) Checks.notNull(in[j], names[j]);
        for (int j = 1; j < in.length; j++) Shapes.same(in[j], names[j], in[0], names[0]);
    }

    private static final String[] X = {"x"};

    /** A one-input, one-output indicator with a window n on one series {@code x}: checks, then runs {@code k}. */
    static double[] one(double[] x, int n, Kernel k) {
        double[][] in = {x};
        Shapes.window(n, "n", seriesLength(in, X), Shapes.SERIES);
        return series(1, k, in)[0];
    }

    /** {@link #one(double[], int, Kernel)} on every asset of the batch {@code x}. */
    static SeriesBatch one(SeriesBatch x, int n, Kernel k) {
        SeriesBatch[] in = {x};
        sameShape(in, X);
        Shapes.window(n, "n", x.length(), Shapes.BATCH);
        return batch(1, k, in)[0];
    }

    /** Runs {@code kernel} on one series; returns {@code outs} new outputs of the inputs' length. */
    static double[][] series(int outs, Kernel kernel, double[][] in) {
        int t = in[0].length;
        double[][] out = new double[outs][t];
        run(in, 1, t, out, kernel);
        return out;
    }

    /** Runs {@code kernel} on every asset of the batches; returns {@code outs} new batches of their shape. */
    static SeriesBatch[] batch(int outs, Kernel kernel, SeriesBatch[] in) {
        int k = in[0].assets(), t = in[0].length();
        double[][] data = new double[in.length][];
        for (int j = 0; j < in.length; j++) data[j] = in[j].data();
        SeriesBatch[] out = new SeriesBatch[outs];
        double[][] od = new double[outs][];
        for (int j = 0; j < outs; j++) {
            out[j] = in[0].like();
            od[j] = out[j].data();
        }
        run(data, k, t, od, kernel);
        return out;
    }
}
