package dev.sxn.math.risk;

/**
 * The distribution of the standardized innovations {@code e_t = z_t / sqrt(h_t)} (mean 0, variance 1).
 *
 * <ul>
 *   <li>{@link #NORMAL}: standard normal.</li>
 *   <li>{@link #STUDENT_T}: Student t with {@code nu} degrees of freedom scaled to unit variance, fGarch's
 *       {@code dstd}: {@code f(e) = t_nu(e s) s}, {@code s = sqrt(nu / (nu - 2))}; defined for {@code nu > 2}, the
 *       fitted {@code shape} is {@code nu}, bounded to [1, 10] as fGarch does (below 2 the likelihood is
 *       undefined and the optimiser backs off).</li>
 * </ul>
 */
public enum GarchInnovations {
    /** Standard normal innovations. */
    NORMAL,
    /** Standardized Student-t innovations (fGarch "std"). */
    STUDENT_T
}
