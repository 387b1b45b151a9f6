package dev.sxn.math.risk;

import dev.sxn.math.internal.Checks;

/**
 * What to fit: the variance equation, the innovation distribution and the recursion start, with a constant
 * mean {@code mu}. The free parameters, in this order, are {@code mu, omega, alpha, [gamma], beta, [shape]}
 * ({@code gamma} for {@link GarchModel#GJR}, {@code shape} for {@link GarchInnovations#STUDENT_T}).
 *
 * @param model the variance equation
 * @param innovations the innovation distribution
 * @param init the start of the variance recursion ({@link GarchInit#MCI} is fGarch's default)
 */
public record GarchSpec(GarchModel model, GarchInnovations innovations, GarchInit init) {

    /** Checks the components are not null. */
    public GarchSpec {
        Checks.notNull(model, "model");
        Checks.notNull(innovations, "innovations");
        Checks.notNull(init, "init");
    }

    /** The spec with fGarch's default start ({@link GarchInit#MCI}). */
    public static GarchSpec of(GarchModel model, GarchInnovations innovations) {
        return new GarchSpec(model, innovations, GarchInit.MCI);
    }

    /** The same spec with another recursion start. */
    public GarchSpec withInit(GarchInit newInit) {
        return new GarchSpec(model, innovations, newInit);
    }

    /** Whether {@code gamma} is a free parameter. */
    public boolean hasGamma() {
        return model == GarchModel.GJR;
    }

    /** Whether {@code shape} is a free parameter. */
    public boolean hasShape() {
        return innovations == GarchInnovations.STUDENT_T;
    }

    /** The number of free parameters: 4, plus one for gamma, plus one for shape. */
    public int parameterCount() {
        return 4 + (hasGamma() ? 1 : 0) + (hasShape() ? 1 : 0);
    }

    /** The free parameters' names in fit order, e.g. {@code [mu, omega, alpha, beta, shape]}. */
    public String[] parameterNames() {
        String[] names = new String[parameterCount()];
        int i = 0;
        names[i++] = "mu";
        names[i++] = "omega";
        names[i++] = "alpha";
        if (hasGamma()) names[i++] = "gamma";
        names[i++] = "beta";
        if (hasShape()) names[i] = "shape";
        return names;
    }
}
