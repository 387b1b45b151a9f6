package dev.sxn.math.linalg;

/**
 * The eigen-decomposition A = V diag(values) V^T of a symmetric matrix.
 *
 * @param values the n eigenvalues in ascending order (the record's own array, not a copy)
 * @param vectors n x n orthonormal eigenvectors, column j belonging to {@code values[j]} (each column's
 *     sign is arbitrary, and differs between backends)
 */
public record SymmetricEigen(double[] values, DMatrix vectors) {}
