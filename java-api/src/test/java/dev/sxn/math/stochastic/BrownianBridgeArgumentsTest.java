package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sxn.math.stochastic.BrownianBridge.Output;
import org.junit.jupiter.api.Test;

/** The Brownian bridge's argument rules, each with its one-line message naming the argument, its value and the rule. */
class BrownianBridgeArgumentsTest {
    private static final BrownianBridge B = BrownianBridge.uniform(4, 1);

    private static void message(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void grids() {
        message("times.length must be >= 1 (at least one time), was 0", () -> BrownianBridge.of());
        message("times[0] must be > 0 (the path starts at W(0) = 0), was 0.0", () -> BrownianBridge.of(0, 1));
        message("times[0] must be > 0 (the path starts at W(0) = 0), was -1.0", () -> BrownianBridge.of(-1));
        message("times[2] must be finite, was NaN", () -> BrownianBridge.of(1, 2, Double.NaN));
        message("times[1] must be finite, was Infinity", () -> BrownianBridge.of(1, Double.POSITIVE_INFINITY));
        message("times[3] must be > times[2] = 0.5 (strictly increasing), was 0.5", () -> BrownianBridge.of(0.1, 0.2, 0.5, 0.5));
        message("times[1] must be > times[0] = 0.5 (strictly increasing), was 0.25", () -> BrownianBridge.of(0.5, 0.25));
        message("steps must be >= 1, was 0", () -> BrownianBridge.uniform(0, 1));
        message("horizon must be finite and > 0, was 0.0", () -> BrownianBridge.uniform(3, 0));
        message("horizon must be finite and > 0, was NaN", () -> BrownianBridge.uniform(3, Double.NaN));
        message("horizon / steps must be > 0 (horizon 4.9E-324 over 3 steps underflows), was 0.0", () -> BrownianBridge.uniform(3, Double.MIN_VALUE));
        assertThrows(NullPointerException.class, () -> BrownianBridge.of((double[]) null));
    }

    @Test
    void singlePaths() {
        double[] z = new double[4], out = new double[4];
        message("zOffset + steps must be <= z.length (4), was 1 + 4 = 5", () -> B.path(z, 1, out, 0, Output.LEVELS));
        message("outOffset + steps must be <= out.length (4), was 2 + 4 = 6", () -> B.path(z, 0, out, 2, Output.LEVELS));
        message("zOffset must be >= 0, was -1", () -> B.path(z, -1, out, 0, Output.LEVELS));
        message("out must not be the same array as z", () -> B.path(z, 0, z, 0, Output.LEVELS));
        assertThrows(NullPointerException.class, () -> B.path(null, 0, out, 0, Output.LEVELS));
        assertThrows(NullPointerException.class, () -> B.path(z, 0, out, 0, null));
    }

    @Test
    void batches() {
        double[] z = new double[40], out = new double[40];
        message("paths must be >= 0, was -1", () -> B.paths(-1, z, 0, 10, out, 0, 10, Output.LEVELS));
        message("zRowStride must be >= paths (10), was 9", () -> B.paths(10, z, 0, 9, out, 0, 10, Output.LEVELS));
        message("outRowStride must be >= paths (10), was 5", () -> B.paths(10, z, 0, 10, out, 0, 5, Output.INCREMENTS));
        message("zOffset + (steps - 1) * zRowStride + paths must be <= z.length (40), was 41",
                () -> B.paths(10, z, 1, 10, out, 0, 10, Output.LEVELS));
        message("outOffset + (steps - 1) * outRowStride + paths must be <= out.length (40), was 43",
                () -> B.paths(10, z, 0, 10, out, 3, 10, Output.LEVELS));
        message("outOffset must be >= 0, was -2", () -> B.paths(10, z, 0, 10, out, -2, 10, Output.LEVELS));
        message("out must not be the same array as z", () -> B.paths(2, z, 0, 10, z, 20, 2, Output.LEVELS));
        assertThrows(NullPointerException.class, () -> B.paths(1, z, 0, 1, null, 0, 1, Output.LEVELS));
        assertThrows(NullPointerException.class, () -> B.paths(1, z, 0, 1, out, 0, 1, null));
    }
}
