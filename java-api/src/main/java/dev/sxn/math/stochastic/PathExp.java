package dev.sxn.math.stochastic;

/**
 * The exponential of the path kernels, written with IEEE 754 basic operations only (+, -, *, /, no fused
 * multiply-add, no library call), so that the JAVA and VECTOR path kernels, and any NATIVE or OPENCL kernel
 * that repeats these steps in this order, give the same bits: {@link Math#exp} is an intrinsic whose last
 * bit may differ from the Vector API's {@code EXP} (SVML) or a C libm.
 *
 * <p>Method (fdlibm 5.3's {@code e_exp.c}, with the reduction rounded to nearest by the 1.5 2^52 trick):
 * {@code x} clamped to [-746, 710]; {@code k = rint(x / ln2)}; {@code r = (x - k ln2_hi) - k ln2_lo};
 * {@code c = r - r^2 (P1 + r^2 (P2 + ... P5))}; {@code exp(r) = 1 - ((lo - r c / (2 - c)) - hi)}; scaled by
 * {@code 2^(k >> 1)} and then {@code 2^(k - (k >> 1))} (two normal powers of two, so overflow gives
 * infinity and underflow rounds once, into the subnormals or zero). Error below 1 ulp (tested against
 * {@link StrictMath#exp}); NaN gives NaN. O(1), stateless.
 */
final class PathExp {
    private PathExp() {}

    static final double LO = -746.0, HI = 710.0;
    static final double INV_LN2 = 1.44269504088896338700e+00;
    static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
    static final double P1 = 1.66666666666666019037e-01, P2 = -2.77777777770155933842e-03, P3 = 6.61375632143793436117e-05,
            P4 = -1.65339022054652515390e-06, P5 = 4.13813679705723846039e-08;
    /** 1.5 2^52: adding it rounds a value below 2^51 in magnitude to an integer, held in the low mantissa bits. */
    static final double MAGIC = 0x1.8p52;
    static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);

    /** {@code e^x}, the same bits on every path kernel. */
    static double exp(double x) {
        x = Math.min(Math.max(x, LO), HI);
        double kdm = x * INV_LN2 + MAGIC;
        double kd = kdm - MAGIC;
        long k = Double.doubleToRawLongBits(kdm) - MAGIC_BITS;
        double hi = x - kd * LN2_HI;
        double lo = kd * LN2_LO;
        double r = hi - lo;
        double t = r * r;
        double c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
        long k1 = k >> 1;
        return y * Double.longBitsToDouble((k1 + 1023) << 52) * Double.longBitsToDouble((k - k1 + 1023) << 52);
    }
}
