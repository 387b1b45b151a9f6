package dev.sxn.math.amm;

/**
 * Every row of one forward pass: row-major {@code weights[t n + i]} and {@code reserves[t n + i]}, the value
 * {@code values[t]} and the fee revenue {@code feeRevenue[t]} of minute {@code start + t} (quantammsim's
 * {@code reserves_and_values}).
 *
 * @param assets          n
 * @param start           the bout's first minute
 * @param weights         the weights per row
 * @param reserves        the reserves per row
 * @param values          the pool value per row, in the numeraire
 * @param feeRevenue      the fee revenue earned in each row, in the numeraire
 * @param initialReserves R_0
 */
public record PoolRun(int assets, int start, double[] weights, double[] reserves, double[] values, double[] feeRevenue, double[] initialReserves) {

    /** The number of rows. */
    public int rows() {
        return values.length;
    }

    /** The final value. */
    public double finalValue() {
        return values[values.length - 1];
    }

    /** The total fee revenue. */
    public double totalFeeRevenue() {
        double s = 0;
        for (double f : feeRevenue) s += f;
        return s;
    }
}
