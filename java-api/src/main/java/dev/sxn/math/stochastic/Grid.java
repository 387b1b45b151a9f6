package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * The argument rules of a block of the (lane, step) grid written into a caller's array, checked once by
 * the public entry points ({@link Randoms}, {@link Variates}) through {@link Checks}' wording. O(1).
 */
final class Grid {
    private Grid() {}

    /**
     * Checks a block of {@code lanes} x {@code steps} from (firstLane, firstStep) of {@code stream}, stored
     * step-major at {@code out[offset + r * rowStride + i]} in an array {@code name} of {@code length}
     * elements: counts {@code >= 0}, indices inside the generator's limits, {@code rowStride >= lanes},
     * {@code offset >= 0} and the last element inside the array.
     */
    static void check(RandomStream stream, long firstLane, int lanes, long firstStep, int steps,
                      Object array, int length, String name, int offset, int rowStride) {
        Checks.notNull(stream, "stream");
        Checks.notNull(array, name);
        Checks.atLeast(lanes, "lanes", 0);
        Checks.atLeast(steps, "steps", 0);
        Generator g = stream.generator();
        if (firstLane < 0 || firstLane > g.laneLimit() - lanes) {
            throw Checks.invalid("firstLane", firstLane, "be in [0, " + (g.laneLimit() - lanes) + "] (" + g + " lanes end at " + g.laneLimit() + ")");
        }
        if (firstStep < 0 || firstStep > g.stepLimit() - steps) {
            throw Checks.invalid("firstStep", firstStep, "be in [0, " + (g.stepLimit() - steps) + "] (" + g + " steps end at " + g.stepLimit() + ")");
        }
        Checks.atLeast(offset, "offset", 0);
        if (rowStride < lanes) throw Checks.invalid("rowStride", rowStride, "be >= lanes (" + lanes + ")");
        if (lanes > 0 && steps > 0) {
            long last = (long) offset + (long) (steps - 1) * rowStride + lanes;
            if (last > length) {
                throw Checks.invalid("offset + (steps - 1) * rowStride + lanes", last, "be <= " + name + ".length (" + length + ")");
            }
        }
    }
}
