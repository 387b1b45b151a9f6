package dev.sxn.math.spark;

import java.io.Serializable;

/**
 * A portfolio VaR/ES Monte Carlo on a correlated GBM ({@code dev.sxn.math.stochastic.GbmCorrelated}), split into
 * deterministic chunks: chunk {@code c} holds paths {@code [c chunkPaths, min((c + 1) chunkPaths, paths))} and
 * draws them from the Philox4x64-10 stream keyed by {@code (seed, c)}, lane = path index inside the chunk. The
 * numbers of a chunk therefore depend only on (seed, c), never on which executor or partition ran it.
 *
 * @param spots initial prices per asset
 * @param drifts real-world drifts per year
 * @param volatilities volatilities per year
 * @param correlation the correlation matrix (rows), symmetric positive definite with a unit diagonal
 * @param positions units held per asset (negative for short)
 * @param horizon the horizon in years
 * @param alpha the loss quantile's level (e.g. 0.99)
 * @param seed the generator's seed
 * @param paths total scenarios
 * @param chunkPaths scenarios per chunk
 * @param partitions Spark partitions the chunks are spread over (0: default parallelism)
 */
public record MonteCarloSpec(double[] spots, double[] drifts, double[] volatilities, double[][] correlation, double[] positions,
                             double horizon, double alpha, long seed, long paths, int chunkPaths, int partitions) implements Serializable {

    /** The most tail scenarios a job keeps per partition (the quantile and ES need the whole upper tail). */
    public static final long MAX_TAIL = 50_000_000L;

    /** Checks the sizes; the model's own checks run when it is built. */
    public MonteCarloSpec {
        SparkChecks.notNull(positions, "positions");
        SparkChecks.positive(horizon, "horizon");
        SparkChecks.inOpen(alpha, "alpha", 0, 1);
        SparkChecks.atLeast(paths, "paths", 2);
        SparkChecks.atLeast(chunkPaths, "chunkPaths", 1);
        SparkChecks.atLeast(partitions, "partitions", 0);
        if (tail(paths, alpha) > MAX_TAIL) {
            throw SparkChecks.invalid("alpha", alpha, "leave at most " + MAX_TAIL + " tail scenarios of " + paths + " paths (use a higher level)");
        }
        if ((paths + chunkPaths - 1) / chunkPaths > Integer.MAX_VALUE) throw SparkChecks.invalid("chunkPaths", chunkPaths, "give at most 2^31 - 1 chunks");
    }

    /** The number of chunks. */
    public int chunks() {
        return (int) ((paths + chunkPaths - 1) / chunkPaths);
    }

    /** How many of the largest losses the quantile and ES need: {@code paths - floor((paths - 1) alpha)}. */
    static long tail(long paths, double alpha) {
        return paths - (long) Math.floor((paths - 1) * alpha);
    }
}
