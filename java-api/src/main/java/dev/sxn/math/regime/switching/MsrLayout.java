package dev.sxn.math.regime.switching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where each parameter of a Markov-switching regression sits in the flat parameter vector, in statsmodels'
 * {@code MarkovRegression} order, and the maps between that vector and the model's pieces.
 *
 * <p>Order: the {@code k (k - 1)} free transition probabilities, to-regime major: {@code p[i->j]}
 * ({@code P(s_t = j | s_{t-1} = i)}) at index {@code j k + i} for {@code j < k - 1}; then each regressor column
 * (trend first), with one entry per regime when it switches, one shared entry otherwise; then the variance
 * ({@code k} entries when it switches, one otherwise). The last column of each transition row is implied
 * ({@code 1 - sum}).
 *
 * <p>Unconstrained form (what the quasi-Newton step moves): each transition row's free entries through the
 * multinomial logistic {@code p_j = exp(u_j) / (1 + sum exp(u))}, variances as {@code u^2}, coefficients as they
 * are (statsmodels' transform, so the same optimum is reached the same way). Immutable; O(p) per map.
 */
final class MsrLayout {
    final int k;
    final int m;
    final boolean[] switching;
    final boolean switchingVariance;
    final int count;
    /** coef[c][i]: the index of column c's coefficient in regime i. */
    final int[][] coef;
    /** var[i]: the index of regime i's variance. */
    final int[] var;

    MsrLayout(int k, boolean[] switching, boolean switchingVariance) {
        this.k = k;
        this.m = switching.length;
        this.switching = switching.clone();
        this.switchingVariance = switchingVariance;
        int next = k * (k - 1);
        coef = new int[m][k];
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < k; i++) coef[c][i] = switching[c] ? next + i : next;
            next += switching[c] ? k : 1;
        }
        var = new int[k];
        for (int i = 0; i < k; i++) var[i] = switchingVariance ? next + i : next;
        next += switchingVariance ? k : 1;
        count = next;
    }

    /** Index of {@code p[i->j]} = P(s_t = j | s_{t-1} = i), for {@code j < k - 1}. */
    int transition(int from, int to) {
        return to * k + from;
    }

    /** statsmodels' names: p[i->j], then &lt;column&gt;[i] (or &lt;column&gt;), then sigma2[i] (or sigma2). */
    List<String> names(String[] columnNames) {
        List<String> out = new ArrayList<>(Collections.nCopies(count, ""));
        for (int j = 0; j < k - 1; j++) {
            for (int i = 0; i < k; i++) out.set(transition(i, j), "p[" + i + "->" + j + "]");
        }
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < k; i++) out.set(coef[c][i], switching[c] ? columnNames[c] + "[" + i + "]" : columnNames[c]);
        }
        for (int i = 0; i < k; i++) out.set(var[i], switchingVariance ? "sigma2[" + i + "]" : "sigma2");
        return List.copyOf(out);
    }

    /** Writes the row-stochastic transition matrix {@code P[i][j] = P(s_t = j | s_{t-1} = i)} from {@code theta}. */
    void transitionMatrix(double[] theta, double[][] p) {
        for (int i = 0; i < k; i++) {
            double sum = 0;
            for (int j = 0; j < k - 1; j++) {
                p[i][j] = theta[transition(i, j)];
                sum += p[i][j];
            }
            p[i][k - 1] = 1 - sum;
        }
    }

    /** Constrained from unconstrained (statsmodels' transform_params). */
    void constrain(double[] u, double[] theta) {
        System.arraycopy(u, 0, theta, 0, count);
        for (int i = 0; i < k; i++) {
            // log(1 + sum exp(u_j)) without overflow: shift by the largest of 0 and the u_j.
            double max = 0;
            for (int j = 0; j < k - 1; j++) max = Math.max(max, u[transition(i, j)]);
            double s = Math.exp(-max);
            for (int j = 0; j < k - 1; j++) s += Math.exp(u[transition(i, j)] - max);
            double lse = max + Math.log(s);
            for (int j = 0; j < k - 1; j++) theta[transition(i, j)] = Math.exp(u[transition(i, j)] - lse);
        }
        for (int i = 0; i < (switchingVariance ? k : 1); i++) theta[var[i]] = u[var[i]] * u[var[i]];
    }

    /** Unconstrained from constrained: the logistic inverted row by row ({@code u_j = log(p_j / p_last)}). */
    void unconstrain(double[] theta, double[] u) {
        System.arraycopy(theta, 0, u, 0, count);
        for (int i = 0; i < k; i++) {
            double last = 1;
            for (int j = 0; j < k - 1; j++) last -= theta[transition(i, j)];
            for (int j = 0; j < k - 1; j++) u[transition(i, j)] = Math.log(theta[transition(i, j)] / last);
        }
        for (int i = 0; i < (switchingVariance ? k : 1); i++) u[var[i]] = Math.sqrt(theta[var[i]]);
    }
}
