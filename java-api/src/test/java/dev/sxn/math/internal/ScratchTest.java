package dev.sxn.math.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The per-thread scratch: reuse across calls, frames in stack order, exact slots that survive alternating shapes. */
class ScratchTest {
    @Test
    void aRepeatedFrameGetsTheSameArrays() {
        double[] first, second;
        try (Scratch w = Scratch.open()) {
            first = w.doubles(100);
            second = w.doubles(50);
        }
        try (Scratch w = Scratch.open()) {
            assertSame(first, w.doubles(80));
            assertSame(second, w.doubles(50));
        }
    }

    @Test
    void nestedFramesTakeTheSlotsAfterTheirParent() {
        try (Scratch outer = Scratch.open()) {
            double[] a = outer.doubles(10);
            try (Scratch inner = Scratch.open()) {
                assertNotSame(a, inner.doubles(10));
            }
        }
    }

    @Test
    void zerosClearsOnlyWhatWasAsked() {
        try (Scratch w = Scratch.open()) {
            java.util.Arrays.fill(w.doubles(8), 7.0);
        }
        try (Scratch w = Scratch.open()) {
            double[] z = w.zeros(4);
            for (int i = 0; i < 4; i++) assertEquals(0.0, z[i]);
            assertEquals(7.0, z[4]);
        }
    }

    /**
     * Regression: exact slots shared one array per slot with {@link Scratch#doubles}, so a caller asking
     * doubles(n) and another asking exact(m) at the same depth replaced each other's array on every call
     * (LU solve's condition estimate against the GEMM of its factorisation).
     */
    @Test
    void alternatingShapesAllocateNothingOnceSeen() {
        Runnable round = () -> {
            for (int len : new int[] {203, 64 * 256, 13, 203}) {
                try (Scratch w = Scratch.open()) {
                    double[] e = w.exact(len);
                    assertEquals(len, e.length);
                    w.doubles(len + 1000);
                }
            }
        };
        for (int i = 0; i < 1000; i++) round.run();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100; i++) round.run();
        long bytes = mx.getCurrentThreadAllocatedBytes() - before;
        // The rounds hand out arrays of 16 K doubles (128 KB): a single reallocation would show.
        assertTrue(bytes < 16 * 1024, "alternating exact shapes allocated " + bytes + " bytes in 100 rounds");
    }

    @Test
    void anExactSlotKeepsItsMostRecentLengths() {
        double[][] seen = new double[Scratch.EXACT_KEPT][];
        for (int i = 0; i < Scratch.EXACT_KEPT; i++) {
            try (Scratch w = Scratch.open()) {
                seen[i] = w.exact(10 + i);
            }
        }
        for (int i = Scratch.EXACT_KEPT - 1; i >= 0; i--) {
            try (Scratch w = Scratch.open()) {
                assertSame(seen[i], w.exact(10 + i));
            }
        }
    }
}
