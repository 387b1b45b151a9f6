package dev.sxn.math.stochastic;

/**
 * The natural logarithm as fdlibm 5.3's {@code __ieee754_log} (e_log.c) computes it, and hence as
 * {@link StrictMath#log} does, bit for bit, for positive normal doubles. It uses only IEEE 754 basic
 * operations (+, -, *, /, no fused multiply-add) on integer-extracted exponent and mantissa, so the
 * VECTOR, NATIVE and OPENCL kernels, which repeat these steps in the same order, get the same bits; a
 * library {@code log} (Math.log's intrinsic, C libm, OpenCL's built-in) may differ in the last bit.
 *
 * <p>Method (fdlibm): {@code x = 2^k (1 + f)} with {@code 1 + f} in [sqrt(2)/2, sqrt(2)); {@code s = f / (2 + f)};
 * {@code log(1 + f) = f - hfsq + s (hfsq + R(s^2))} with fdlibm's degree-14 minimax R and {@code hfsq = f^2/2};
 * {@code log(x) = k ln2_hi + (log(1 + f) + k ln2_lo)}. Error below 1 ulp.
 *
 * <p>Domain: finite {@code x >= Double.MIN_NORMAL} (the samplers call it with uniforms in (0, 1));
 * zero, subnormals, negative numbers, infinities and NaN are not handled. O(1), stateless.
 */
final class FdLog {
    private FdLog() {}

    static final double LN2_HI = 0x1.62e42feep-1;
    static final double LN2_LO = 0x1.a39ef35793c76p-33;
    static final double LG1 = 0x1.5555555555593p-1;
    static final double LG2 = 0x1.999999997fa04p-2;
    static final double LG3 = 0x1.2492494229359p-2;
    static final double LG4 = 0x1.c71c51d8e78afp-3;
    static final double LG5 = 0x1.7466496cb03dep-3;
    static final double LG6 = 0x1.39a09d078c69fp-3;
    static final double LG7 = 0x1.2f112df3e5244p-3;
    /** fdlibm's "1/3" in the tiny-f branch (the decimal literal 0.33333333333333333). */
    static final double THIRD = 0.33333333333333333;

    /** {@code log(x)} for finite {@code x >= Double.MIN_NORMAL}, equal to {@code StrictMath.log(x)}. */
    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >>> 32);
        int k = (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        // Normalise the mantissa into [sqrt(2)/2, sqrt(2)): exponent 0, or -1 when it is above sqrt(2).
        double m = Double.longBitsToDouble(((long) (hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xFFFF_FFFFL));
        k += i >> 20;
        double f = m - 1.0;
        double dk = k;
        if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^-20 (f == 0 included: it gives dk ln2_hi + dk ln2_lo)
            double r = f * f * (0.5 - THIRD * f);
            return dk * LN2_HI - ((r - dk * LN2_LO) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double w = z * z;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        double r = t2 + t1;
        if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) { // 1 + f in fdlibm's middle band: the hfsq form is the more accurate
            double hfsq = 0.5 * f * f;
            return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
        }
        return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }
}
