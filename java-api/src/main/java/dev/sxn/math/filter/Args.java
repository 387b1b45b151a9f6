package dev.sxn.math.filter;

import dev.sxn.math.internal.Checks;

/**
 * The filter package's argument checks, composed of {@link Checks} (the library's one wording,
 * {@code "<argument> must <rule>, was <value>"}): matrices given as {@code double[][]} are shape- and
 * finite-checked and flattened row-major; the definiteness rules need this package's {@link Dense}
 * Cholesky, which is why they live here and not in {@link Checks}.
 */
final class Args {
    private Args() {}

    /** Checks that {@code a} is r x c with finite entries; returns it flattened row-major. O(r c). */
    static double[] matrix(double[][] a, String name, int r, int c, String shape) {
        Checks.rectangular(a, name, r, c, shape);
        Checks.finiteEntries(a, name);
        return Dense.flatten(a, r, c);
    }

    /** Checks a vector of length n with finite entries ({@code what} names n); returns a copy. O(n). */
    static double[] vector(double[] v, String name, int n, String what) {
        Checks.length(v, name, n, what);
        Checks.allFinite(v, name);
        return v.clone();
    }

    /**
     * Checks that {@code a[off .. off+n)} (already range-checked) holds no infinity; NaN is allowed (a missing
     * observation). O(n).
     */
    static void finiteOrMissing(double[] a, int off, int n, String name) {
        for (int i = off; i < off + n; i++) {
            if (Double.isInfinite(a[i])) throw infinite(name + "[" + i + "]", a[i]);
        }
    }

    /** The exception for an infinite observation {@code name} (NaN would be a missing one). */
    static IllegalArgumentException infinite(String name, double value) {
        return Checks.invalid(name, value, "be finite or NaN (missing)");
    }

    /** Checks a flattened k x k matrix for symmetry (to a relative 1e-12 of its largest entry). O(k^2). */
    static void symmetric(double[] a, int k, String name) {
        double scale = 0;
        for (double v : a) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                if (Math.abs(a[i * k + j] - a[j * k + i]) > 1e-12 * scale) {
                    throw Checks.invalid(name, name + "(" + i + ", " + j + ") = " + a[i * k + j] + " but " + name + "(" + j + ", " + i + ") = "
                            + a[j * k + i], "be symmetric");
                }
            }
        }
    }

    /** Checks symmetric positive definite by attempting a Cholesky factorisation. O(k^3). */
    static void positiveDefinite(double[] a, int k, String name) {
        symmetric(a, k, name);
        double[] l = new double[k * k];
        int bad = Dense.cholesky(a, l, k);
        if (bad >= 0) {
            throw Checks.invalid(name, "not (its Cholesky factorisation fails at pivot " + bad + ", value " + Dense.pivot(a, l, k, bad) + ")",
                    "be symmetric positive definite");
        }
    }

    /** Checks symmetric positive semidefinite. O(k^3). */
    static void positiveSemidefinite(double[] a, int k, String name) {
        symmetric(a, k, name);
        if (!Dense.isPositiveSemidefinite(a, k)) {
            throw Checks.invalid(name, "not (it has a negative direction)", "be symmetric positive semidefinite");
        }
    }
}
