package dev.sxn.math.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.testing.BackendSupport;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/** LaneSums adds in its documented order, bit for bit, for the preferred species (the only one the kernels use). */
class LaneSumsTest {
    // Values whose sum depends on the order: 1 is lost next to 2^53 unless added to its partner first.
    private static final double[] X = {0x1p53, 1, -0x1p53, 1, 3, 0.5, -3, 0.25};

    private static double expected(double[] x, int n) {
        return switch (n) {
            case 8 -> ((x[0] + x[4]) + (x[2] + x[6])) + ((x[1] + x[5]) + (x[3] + x[7]));
            case 4 -> (x[0] + x[2]) + (x[1] + x[3]);
            case 2 -> x[0] + x[1];
            default -> x[0];
        };
    }

    @Test
    void sumsInTheDocumentedPairwiseOrder() {
        BackendSupport.assumeAvailable(Backend.VECTOR);
        {
            VectorSpecies<Double> s = DoubleVector.SPECIES_PREFERRED;
            int n = s.length();
            for (int shift = 0; shift < 8; shift++) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) x[i] = X[(i + shift) % 8];
                // Repeated so the loop also runs compiled: the result must not change with the mode.
                for (int rep = 0; rep < 2000; rep++) {
                    assertEquals(expected(x, n), LaneSums.sum(DoubleVector.fromArray(s, x, 0)), 0.0, n + " lanes, shift " + shift);
                }
            }
        }
    }
}
