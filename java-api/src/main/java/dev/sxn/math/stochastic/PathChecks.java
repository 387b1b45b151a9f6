package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * The argument rules shared by the path simulations' public entry points, in {@link Checks}' wording: the
 * block of paths and steps against the stream's limits, and the output block against the caller's array.
 * O(1).
 */
final class PathChecks {
    private PathChecks() {}

    /**
     * Checks a block of {@code paths} paths from {@code firstPath} over {@code steps >= 1} time steps, each
     * using {@code slotsPerStep} stream steps, under {@code antithetic}: counts, and the last lane and stream
     * step inside the generator's limits.
     */
    static void block(RandomStream stream, long firstPath, int paths, int steps, int slotsPerStep, Antithetic antithetic) {
        Checks.notNull(stream, "stream");
        Checks.notNull(antithetic, "antithetic");
        Checks.atLeast(paths, "paths", 0);
        Checks.atLeast(steps, "steps", 1);
        Checks.atLeast(firstPath, "firstPath", 0);
        Generator g = stream.generator();
        if (paths > 0 && antithetic.lane(firstPath + paths - 1) >= g.laneLimit()) {
            throw Checks.invalid("firstPath + paths", firstPath + paths, "map to lanes below " + g.laneLimit() + " (" + g + ", " + antithetic + ")");
        }
        if ((long) steps * slotsPerStep > g.stepLimit()) {
            throw Checks.invalid("steps", steps, "be <= " + g.stepLimit() / slotsPerStep + " (" + g + ", " + slotsPerStep + " stream steps per step)");
        }
    }

    /** Checks that {@code rows} rows of {@code cols} values at {@code out[offset + r * rowStride + i]} fit in {@code out}. */
    static void output(double[] out, int offset, int rowStride, int rows, int cols) {
        Checks.notNull(out, "out");
        Checks.atLeast(offset, "offset", 0);
        if (rowStride < cols) throw Checks.invalid("rowStride", rowStride, "be >= paths (" + cols + ")");
        if (rows > 0 && cols > 0) {
            long last = (long) offset + (long) (rows - 1) * rowStride + cols;
            if (last > out.length) throw Checks.invalid("offset + (rows - 1) * rowStride + paths", last, "be <= out.length (" + out.length + ")");
        }
    }

    /** Checks {@code dt > 0} and finite. */
    static void dt(double dt) {
        Checks.positive(dt, "dt");
    }
}
