package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

import java.util.ArrayList;
import java.util.List;

/**
 * Grids of rule parameter sets: the Cartesian product of per-component value lists (linspaces, log ranges or
 * explicit values) over a base set, as quantammsim's {@code generate_params_combinations}. The first axis added
 * varies slowest. Components are indexed as {@link RuleParams#get(int)}. Builds O(product of sizes) sets.
 */
public final class ParamGrid {
    private final RuleParams base;
    private final List<double[]> axes = new ArrayList<>();
    private final List<Integer> components = new ArrayList<>();

    private ParamGrid(RuleParams base) {
        this.base = base;
    }

    /** A grid over {@code base} (components without an axis keep base's value). */
    public static ParamGrid over(RuleParams base) {
        return new ParamGrid(Checks.notNull(base, "base"));
    }

    /**
     * Adds an axis of explicit values for a component.
     *
     * @throws IllegalArgumentException if the component is out of range, already has an axis, or values is empty or
     *     holds a non-finite value
     */
    public ParamGrid values(int component, double... values) {
        Checks.inRange(component, "component", 0, RuleParams.SIZE - 1, "a RuleParams component");
        if (components.contains(component)) throw Checks.invalid("component", component, "have one axis only");
        Checks.notNull(values, "values");
        Checks.minLength(values, "values", 1, "an axis needs a value");
        Checks.allFinite(values, "values");
        components.add(component);
        axes.add(values.clone());
        return this;
    }

    /** Adds {@code count} evenly spaced values from lo to hi inclusive (NumPy's linspace). */
    public ParamGrid linspace(int component, double lo, double hi, int count) {
        Checks.atLeast(count, "count", 1);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) v[i] = count == 1 ? lo : lo + (hi - lo) * i / (count - 1);
        return values(component, v);
    }

    /** Adds {@code count} log2 values {@code log2(x)} with x geometrically spaced from lo to hi (for logK, logAmplitude). */
    public ParamGrid log2Range(int component, double lo, double hi, int count) {
        Checks.positive(lo, "lo");
        Checks.positive(hi, "hi");
        Checks.atLeast(count, "count", 1);
        double[] v = new double[count];
        double a = Math.log(lo) / Math.log(2), b = Math.log(hi) / Math.log(2);
        for (int i = 0; i < count; i++) v[i] = count == 1 ? a : a + (b - a) * i / (count - 1);
        return values(component, v);
    }

    /** The number of sets the grid holds. */
    public int size() {
        long s = 1;
        for (double[] a : axes) s *= a.length;
        if (s > Integer.MAX_VALUE - 8) throw Checks.invalid("grid size", s, "fit in an array");
        return (int) s;
    }

    /** Every set of the product, the first axis slowest. */
    public RuleParams[] build() {
        int total = size();
        RuleParams[] out = new RuleParams[total];
        double[] x = new double[RuleParams.SIZE];
        for (int s = 0; s < total; s++) {
            base.toArray(x, 0);
            int rem = s;
            for (int ax = axes.size() - 1; ax >= 0; ax--) {
                double[] a = axes.get(ax);
                x[components.get(ax)] = a[rem % a.length];
                rem /= a.length;
            }
            out[s] = RuleParams.of(x, 0);
        }
        return out;
    }
}
