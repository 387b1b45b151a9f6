package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link PathExp} against {@link StrictMath#exp} (fdlibm): within 1 ulp everywhere, and its edge cases. */
class PathExpTest {
    @Test
    void withinOneUlpOfFdlibm() {
        SplittableRandom r = new SplittableRandom(11);
        for (int k = 0; k < 2_000_000; k++) {
            double x = k % 2 == 0 ? r.nextDouble(-745, 709.7) : r.nextDouble(-3, 3);
            double got = PathExp.exp(x), want = StrictMath.exp(x);
            double tol = want >= Double.MIN_NORMAL ? Math.ulp(want) : Double.MIN_VALUE;
            assertTrue(Math.abs(got - want) <= tol, "exp(" + x + ") = " + got + ", fdlibm " + want);
        }
    }

    @Test
    void edgeCases() {
        assertEquals(1.0, PathExp.exp(0.0));
        assertEquals(Math.E, PathExp.exp(1.0), Math.ulp(Math.E));
        assertEquals(Double.POSITIVE_INFINITY, PathExp.exp(710.0));
        assertEquals(Double.POSITIVE_INFINITY, PathExp.exp(Double.POSITIVE_INFINITY));
        assertEquals(0.0, PathExp.exp(-746.0));
        assertEquals(0.0, PathExp.exp(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(PathExp.exp(Double.NaN)));
        // Into the subnormals: one rounding.
        assertEquals(StrictMath.exp(-740.0), PathExp.exp(-740.0), Double.MIN_VALUE);
        assertEquals(StrictMath.exp(709.5), PathExp.exp(709.5), Math.ulp(StrictMath.exp(709.5)));
    }
}
