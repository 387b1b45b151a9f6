package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The scalar building blocks of the normals: {@link FdLog} is fdlibm's log, so it equals
 * {@link StrictMath#log} bit for bit (tolerance: none); {@link NormalQuantile} is AS241 as Python's
 * {@code statistics.NormalDist.inv_cdf} evaluates it (reference/stochastic_as241.txt), which differs only
 * in its C-library log: at most 2 ulp apart; and the open uniforms make it exactly odd.
 */
class NormalQuantileTest {
    @Test
    void fdLogIsStrictMathLog() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 1_000_000; i++) {
            double x = UnitDoubles.open(r.nextLong());
            assertEquals(Double.doubleToRawLongBits(StrictMath.log(x)), Double.doubleToRawLongBits(FdLog.log(x)), "log(" + x + ")");
        }
        // Every binade of the sampler's domain, the points near 1 (fdlibm's k = 0 and tiny-f branches), wider
        // positives.
        for (int e = -1022; e < 1024; e++) {
            for (int j = 0; j < 20; j++) {
                double x = Math.scalb(1.0 + j / 20.0 + r.nextDouble() / 20.0, e);
                if (Double.isFinite(x)) assertEquals(StrictMath.log(x), FdLog.log(x), "log(" + x + ")");
            }
        }
        for (int j = -5000; j <= 5000; j++) {
            double x = 1.0 + j * 0x1p-40;
            assertEquals(StrictMath.log(x), FdLog.log(x), "log(" + x + ")");
        }
        assertEquals(StrictMath.log(Double.MIN_NORMAL), FdLog.log(Double.MIN_NORMAL));
        assertEquals(0.0, FdLog.log(1.0));
    }

    @Test
    void as241MatchesPython() {
        int n = 0;
        long worst = 0;
        for (String line : PhiloxReferenceTest.lines("stochastic_as241.txt")) {
            String[] f = line.split(" ");
            double p = Double.parseDouble(f[1]), want = Double.parseDouble(f[2]);
            double got = NormalQuantile.of(p);
            long ulps = Math.abs(Double.doubleToLongBits(got) - Double.doubleToLongBits(want));
            worst = Math.max(worst, ulps);
            assertTrue(ulps <= 2, "p = " + p + ": " + got + " vs Python " + want);
            n++;
        }
        assertTrue(n > 2000, "reference rows: " + n);
        assertTrue(worst <= 2, "worst " + worst);
    }

    @Test
    void openUniformsGiveAnExactlyOddQuantile() {
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 200_000; i++) {
            long w = r.nextLong();
            double u = UnitDoubles.open(w);
            assertTrue(u > 0 && u < 1);
            assertEquals(1.0 - u, UnitDoubles.open(~w), "1 - u is the open uniform of the complemented word");
            assertEquals(-NormalQuantile.of(u), NormalQuantile.of(1.0 - u), "u = " + u);
        }
        assertEquals(0x1p-53, UnitDoubles.open(0));
        assertEquals(1.0 - 0x1p-53, UnitDoubles.open(-1L));
        assertEquals(0.0, UnitDoubles.closedOpen(0));
        assertEquals(1.0 - 0x1p-53, UnitDoubles.closedOpen(-1L));
        assertTrue(Math.abs(NormalQuantile.of(0x1p-53)) < 8.21);
    }
}
