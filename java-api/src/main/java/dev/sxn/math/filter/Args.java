package dev.sxn.math.filter;

import java.util.Objects;

/** Argument checks shared by the filter package's public entry points; messages name the argument. */
final class Args {
    private Args() {}

    /** Checks that {@code a} is r x c, rectangular, with finite entries; returns it flattened row-major. */
    static double[] matrix(double[][] a, String name, int r, int c, String shape) {
        Objects.requireNonNull(a, name);
        if (a.length != r) {
            throw new IllegalArgumentException(name + " must be " + r + "x" + c + " (" + shape + "), was " + describe(a));
        }
        for (int i = 0; i < r; i++) {
            if (a[i] == null) throw new NullPointerException(name + "[" + i + "]");
            if (a[i].length != c) {
                throw new IllegalArgumentException(name + " must be " + r + "x" + c + " (" + shape + "), was " + describe(a));
            }
            for (int j = 0; j < c; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException(name + " must be finite, was " + a[i][j] + " at (" + i + ", " + j + ")");
                }
            }
        }
        return Dense.flatten(a, r, c);
    }

    private static String describe(double[][] a) {
        if (a.length == 0) return "0x0";
        boolean ragged = false;
        for (double[] row : a) ragged |= row == null || row.length != a[0].length;
        return a.length + "x" + (a[0] == null ? 0 : a[0].length) + (ragged ? " (ragged)" : "");
    }

    /** Checks a vector of length n with finite entries; returns a copy. */
    static double[] vector(double[] v, String name, int n, String what) {
        Objects.requireNonNull(v, name);
        if (v.length != n) throw new IllegalArgumentException(name + " must have length " + n + " (" + what + "), was " + v.length);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException(name + "[" + i + "] must be finite, was " + v[i]);
        }
        return v.clone();
    }

    /** Checks a flattened k x k matrix for symmetry (to a relative 1e-12 of its largest entry). */
    static void symmetric(double[] a, int k, String name) {
        double scale = 0;
        for (double v : a) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                if (Math.abs(a[i * k + j] - a[j * k + i]) > 1e-12 * scale) {
                    throw new IllegalArgumentException(name + " must be symmetric, but " + name + "(" + i + ", " + j + ") = " + a[i * k + j]
                            + " and " + name + "(" + j + ", " + i + ") = " + a[j * k + i]);
                }
            }
        }
    }

    /** Checks symmetric positive definite by attempting a Cholesky factorisation. */
    static void positiveDefinite(double[] a, int k, String name) {
        symmetric(a, k, name);
        double[] l = new double[k * k];
        int bad = Dense.cholesky(a, l, k);
        if (bad >= 0) {
            throw new IllegalArgumentException(name + " must be symmetric positive definite, but its Cholesky factorisation fails at pivot "
                    + bad + " (value " + Dense.pivot(a, l, k, bad) + ")");
        }
    }

    /** Checks symmetric positive semidefinite. */
    static void positiveSemidefinite(double[] a, int k, String name) {
        symmetric(a, k, name);
        if (!Dense.isPositiveSemidefinite(a, k)) {
            throw new IllegalArgumentException(name + " must be symmetric positive semidefinite, but it has a negative direction");
        }
    }
}
