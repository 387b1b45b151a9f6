package dev.sxn.math.risk;

/**
 * The conditional-variance equation of a GARCH fit, for residuals {@code z_t = r_t - mu}.
 *
 * <ul>
 *   <li>{@link #GARCH}: {@code h_t = omega + alpha z_{t-1}^2 + beta h_{t-1}} (Bollerslev 1986).</li>
 *   <li>{@link #GJR}: GJR-GARCH(1,1) as fGarch expresses it, the APARCH(1,1) of Ding, Granger and Engle with
 *       {@code delta = 2} fixed: {@code h_t = omega + alpha (|z_{t-1}| - gamma z_{t-1})^2 + beta h_{t-1}},
 *       {@code gamma} in (-1, 1). It equals Glosten-Jagannathan-Runkle's
 *       {@code omega + (a + g 1[z < 0]) z^2 + beta h} with {@code a = alpha (1 - gamma)^2},
 *       {@code g = 4 alpha gamma} ({@link GarchFit#gjrAlpha()}, {@link GarchFit#gjrGamma()}).</li>
 * </ul>
 */
public enum GarchModel {
    /** GARCH(1,1). */
    GARCH,
    /** GJR-GARCH(1,1) in fGarch's APARCH form with delta = 2. */
    GJR
}
