package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of {@code stochastic.uniform} and {@code stochastic.normal} against the JAVA reference, and
 * each kind against itself cut into pieces. Tolerances: none for bits and uniforms; normals have an ulp
 * budget of 0 across kinds ({@link #NORMAL_ULP_BUDGET}: every kind runs AS241 with fdlibm's log in the same
 * IEEE operation order), measured over 10^6 draws per kind and generator.
 */
class RandomsBackendsTest {
    static final long NORMAL_ULP_BUDGET = 0;

    static Stream<Arguments> kindsAndGenerators() {
        List<Arguments> out = new ArrayList<>();
        BackendSupport.kinds(KernelFamilies.STOCHASTIC_UNIFORM).forEach(k -> {
            for (Generator g : Generator.values()) out.add(Arguments.of(k, g));
        });
        return out.stream();
    }

    private static RandomStream stream(Generator g) {
        return RandomStream.of(g, 0x5eed_1234_abcd_0001L, 7);
    }

    /** Odd shapes: lanes not a multiple of any vector width, steps not starting or ending on a block. */
    @ParameterizedTest
    @MethodSource("kindsAndGenerators")
    void bitsAndUniformsAreTheReferenceBitForBit(Backend kind, Generator g) {
        BackendSupport.assumeAvailable(kind);
        RandomStream s = stream(g);
        int lanes = 37, steps = 23, ld = 41, off = 5;
        long lane0 = (1L << 31) - 3, step0 = 3; // lanes straddle 2^31: sign-extension bugs show here
        long[] bits = new long[off + steps * ld], ref = new long[bits.length];
        Randoms.bits(s, lane0, lanes, step0, steps, bits, off, ld, kind);
        Randoms.bits(s, lane0, lanes, step0, steps, ref, off, ld, Backend.JAVA);
        assertArrayEquals(ref, bits, kind + " bits");
        for (int r = 0; r < steps; r++) {
            for (int i = 0; i < lanes; i++) assertEquals(s.bits(lane0 + i, step0 + r), ref[off + r * ld + i]);
        }
        for (UniformInterval iv : UniformInterval.values()) {
            double[] u = new double[bits.length], want = new double[bits.length];
            Randoms.uniforms(s, iv, lane0, lanes, step0, steps, u, off, ld, kind);
            Randoms.uniforms(s, iv, lane0, lanes, step0, steps, want, off, ld, Backend.JAVA);
            assertArrayEquals(want, u, kind + " " + iv);
            for (int r = 0; r < steps; r++) {
                for (int i = 0; i < lanes; i++) {
                    assertEquals(s.uniform(lane0 + i, step0 + r, iv), want[off + r * ld + i]);
                }
            }
            // Untouched outside the block: the padding between rows and before the offset stays zero.
            for (int k = 0; k < off; k++) assertEquals(0.0, u[k]);
            for (int r = 0; r < steps - 1; r++) for (int i = lanes; i < ld; i++) assertEquals(0.0, u[off + r * ld + i]);
        }
    }

    @ParameterizedTest
    @MethodSource("kindsAndGenerators")
    void normalsAgreeWithinTheUlpBudgetOverAMillionDraws(Backend kind, Generator g) {
        BackendSupport.assumeAvailable(kind);
        RandomStream s = stream(g);
        int lanes = 1000, steps = 1000;
        double[] z = new double[lanes * steps], ref = new double[z.length];
        Randoms.normals(s, 0, lanes, 0, steps, z, 0, lanes, kind);
        Randoms.normals(s, 0, lanes, 0, steps, ref, 0, lanes, Backend.JAVA);
        long worst = 0;
        for (int k = 0; k < z.length; k++) {
            worst = Math.max(worst, Math.abs(Double.doubleToLongBits(z[k]) - Double.doubleToLongBits(ref[k])));
        }
        assertTrue(worst <= NORMAL_ULP_BUDGET, kind + " " + g + ": normals differ from JAVA by up to " + worst + " ulp");
        // The reference is the scalar quantile of the slot's open uniform.
        for (int k = 0; k < z.length; k += 997) assertEquals(s.normal(k % lanes, k / lanes), ref[k]);
        // Run to run: the same call gives the same bits.
        double[] again = new double[z.length];
        Randoms.normals(s, 0, lanes, 0, steps, again, 0, lanes, kind);
        assertArrayEquals(z, again);
    }

    /** One call against the same block cut at other lane and step offsets, in any order, on several threads. */
    @ParameterizedTest
    @MethodSource("kindsAndGenerators")
    void aBlockCutIntoPiecesIsTheWholeBlock(Backend kind, Generator g) throws Exception {
        BackendSupport.assumeAvailable(kind);
        RandomStream s = stream(g);
        int lanes = 203, steps = 61;
        double[] whole = new double[lanes * steps], pieces = new double[whole.length], threaded = new double[whole.length];
        Randoms.normals(s, 0, lanes, 0, steps, whole, 0, lanes, kind);
        int[] laneCuts = {0, 1, 9, 64, 77, 200, lanes};
        int[] stepCuts = {0, 3, 4, 5, 30, 59, steps};
        List<int[]> parts = new ArrayList<>();
        for (int a = laneCuts.length - 2; a >= 0; a--) {
            for (int b = 0; b + 1 < stepCuts.length; b++) parts.add(new int[] {laneCuts[a], laneCuts[a + 1], stepCuts[b], stepCuts[b + 1]});
        }
        for (int[] p : parts) Randoms.normals(s, p[0], p[1] - p[0], p[2], p[3] - p[2], pieces, p[2] * lanes + p[0], lanes, kind);
        assertArrayEquals(whole, pieces, kind + ": pieces");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int[] p : parts) {
                fs.add(pool.submit(() -> Randoms.normals(s, p[0], p[1] - p[0], p[2], p[3] - p[2], threaded, p[2] * lanes + p[0], lanes, kind)));
            }
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdown();
        }
        assertArrayEquals(whole, threaded, kind + ": threads");
        // Uniforms too, with a batch that starts mid-grid.
        double[] u = new double[lanes * steps], u2 = new double[u.length];
        Randoms.uniforms(s, UniformInterval.OPEN, 1000, lanes, 17, steps, u, 0, lanes, kind);
        for (int r = 0; r < steps; r += 7) Randoms.uniforms(s, UniformInterval.OPEN, 1000, lanes, 17 + r, Math.min(7, steps - r), u2, r * lanes, lanes, kind);
        assertArrayEquals(u, u2, kind + ": uniform rows");
    }
}
