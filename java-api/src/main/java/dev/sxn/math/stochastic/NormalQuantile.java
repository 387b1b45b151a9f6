package dev.sxn.math.stochastic;

/**
 * The standard normal quantile (inverse CDF) by Wichura's algorithm AS241, PPND16, in double precision
 * (M. J. Wichura, "Algorithm AS 241: The Percentage Points of the Normal Distribution", Applied
 * Statistics 37(3), 477-484, 1988): relative error about 1e-16.
 *
 * <p>With {@code q = u - 1/2}: for {@code |q| <= 0.425}, {@code z = q A(r) / B(r)} with
 * {@code r = 0.180625 - q^2}; otherwise {@code r = sqrt(-log(min(u, 1 - u)))} and
 * {@code z = +-C(r - 1.6) / D(r - 1.6)} for {@code r <= 5}, {@code +-E(r - 5) / F(r - 5)} beyond, the sign of
 * {@code q}. A..F are Wichura's degree-7 polynomials, evaluated by Horner's rule in the order of Python's
 * {@code statistics.NormalDist.inv_cdf} (the reference of the tests); the logarithm is {@link FdLog}, so
 * the VECTOR, NATIVE and OPENCL kernels, which repeat these operations, get the same bits.
 *
 * <p>One uniform gives one normal, so the normal for (path, step) comes from the same counter as the
 * uniform for (path, step): the layout needs no pairing (as Box-Muller would), and Brownian-bridge or
 * quasi-Monte Carlo constructions can feed their own uniforms. For the open uniforms of
 * {@link UniformInterval#OPEN} (odd multiples of 2^-53), {@code q} is exact and the result is odd:
 * {@code z(1 - u) = -z(u)} bit for bit, so antithetic pairs are exact; |z| <= 8.21.
 *
 * <p>Domain: {@code 0 < u < 1} with {@code min(u, 1 - u) >= Double.MIN_NORMAL}. O(1), stateless.
 */
final class NormalQuantile {
    private NormalQuantile() {}

    // Central region, |q| <= 0.425: A (numerator) and B (denominator), highest degree first.
    static final double A7 = 2.5090809287301226727e+3, A6 = 3.3430575583588128105e+4, A5 = 6.7265770927008700853e+4,
            A4 = 4.5921953931549871457e+4, A3 = 1.3731693765509461125e+4, A2 = 1.9715909503065514427e+3,
            A1 = 1.3314166789178437745e+2, A0 = 3.3871328727963666080e+0;
    static final double B7 = 5.2264952788528545610e+3, B6 = 2.8729085735721942674e+4, B5 = 3.9307895800092710610e+4,
            B4 = 2.1213794301586595867e+4, B3 = 5.3941960214247511077e+3, B2 = 6.8718700749205790830e+2,
            B1 = 4.2313330701600911252e+1;
    // Intermediate tail, r <= 5: C / D in (r - 1.6).
    static final double C7 = 7.7454501427834140764e-4, C6 = 2.2723844989269184583e-2, C5 = 2.4178072517745061177e-1,
            C4 = 1.2704582524523683826e+0, C3 = 3.6478483247632045265e+0, C2 = 5.7694972214606914055e+0,
            C1 = 4.6303378461565452959e+0, C0 = 1.4234371107496835773e+0;
    static final double D7 = 1.0507500716444168432e-9, D6 = 5.4759380849953449460e-4, D5 = 1.5198666563616457197e-2,
            D4 = 1.4810397642748007459e-1, D3 = 6.8976733498510000455e-1, D2 = 1.6763848301838038494e+0,
            D1 = 2.0531916266377588219e+0;
    // Far tail, r > 5: E / F in (r - 5).
    static final double E7 = 2.0103343992922881327e-7, E6 = 2.7115555687434875782e-5, E5 = 1.2426609473880784386e-3,
            E4 = 2.6532189526576123093e-2, E3 = 2.9656057182850489123e-1, E2 = 1.7848265399172913358e+0,
            E1 = 5.4637849111641143699e+0, E0 = 6.6579046435011037772e+0;
    static final double F7 = 2.0442631033899397856e-15, F6 = 1.4215117583164458887e-7, F5 = 1.8463183175100546818e-5,
            F4 = 7.8686913114561325910e-4, F3 = 1.4875361290850614852e-2, F2 = 1.3692988092273580531e-1,
            F1 = 5.9983220655588793769e-1;

    /** The standard normal quantile of {@code u} in (0, 1). */
    static double of(double u) {
        double q = u - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            double num = (((((((A7 * r + A6) * r + A5) * r + A4) * r + A3) * r + A2) * r + A1) * r + A0) * q;
            double den = ((((((B7 * r + B6) * r + B5) * r + B4) * r + B3) * r + B2) * r + B1) * r + 1.0;
            return num / den;
        }
        double r = Math.sqrt(-FdLog.log(q < 0 ? u : 1.0 - u));
        double x;
        if (r <= 5.0) {
            r = r - 1.6;
            double num = ((((((C7 * r + C6) * r + C5) * r + C4) * r + C3) * r + C2) * r + C1) * r + C0;
            double den = ((((((D7 * r + D6) * r + D5) * r + D4) * r + D3) * r + D2) * r + D1) * r + 1.0;
            x = num / den;
        } else {
            r = r - 5.0;
            double num = ((((((E7 * r + E6) * r + E5) * r + E4) * r + E3) * r + E2) * r + E1) * r + E0;
            double den = ((((((F7 * r + F6) * r + F5) * r + F4) * r + F3) * r + F2) * r + F1) * r + 1.0;
            x = num / den;
        }
        return q < 0 ? -x : x;
    }
}
