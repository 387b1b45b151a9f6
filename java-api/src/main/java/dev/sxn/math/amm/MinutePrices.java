package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

/**
 * Minute close prices of n assets in one numeraire, time-major: {@code values[t n + i]} is asset i's price at minute t.
 * Wraps the array (no copy); entry points check its entries on each call.
 *
 * @param values the prices, {@code steps * assets} of them
 * @param assets the number of assets n, at least 2
 */
public record MinutePrices(double[] values, int assets) {

    /** Checks the shape. */
    public MinutePrices {
        Checks.notNull(values, "values");
        Checks.atLeast(assets, "assets", 2);
        if (values.length % assets != 0) throw Checks.invalid("values.length", values.length, "be a multiple of assets (" + assets + ")");
        if (values.length == 0) throw Checks.invalid("values.length", 0, "be > 0");
    }

    /** The number of minutes T. */
    public int steps() {
        return values.length / assets;
    }

    /** Asset i's price at minute t. */
    public double price(int t, int i) {
        return values[t * assets + i];
    }

    /** Throws naming the first price that is not positive and finite. O(T n). */
    void checkPositive() {
        for (int k = 0; k < values.length; k++) {
            double v = values[k];
            if (!(v > 0) || Double.isInfinite(v)) {
                throw Checks.invalid("prices[" + (k / assets) + "][" + (k % assets) + "]", v, "be finite and > 0");
            }
        }
    }
}
