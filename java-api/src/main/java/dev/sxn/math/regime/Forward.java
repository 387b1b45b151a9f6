package dev.sxn.math.regime;

/**
 * The forward step shared by the batch filter ({@link HiddenMarkovModel#filter}), the log-likelihood and the
 * streaming filter ({@link HmmFilter}), so the streamed probabilities equal the batch ones bit for bit.
 *
 * <p>Scaled, not raw: the state vector carried from step to step is the filtered distribution itself
 * (normalised every step, so it cannot underflow however long the series), and the emission log densities
 * are shifted by their largest value over the states the prediction reaches before they are exponentiated,
 * so one emission far in the tail cannot underflow them all. This costs K exponentials a step instead of
 * the K^2 of a full log-sum-exp recursion. The shifted products never all vanish: the state holding the
 * maximum contributes its (positive) prediction times exp(0). A state whose weight underflows to 0 is one whose
 * filtered probability is below the smallest double relative to that state's, so nothing a trader can use is lost.
 */
final class Forward {
    private Forward() {}

    /**
     * One step: predict {@code pred = prev A} (or {@code pi} when {@code first}), weigh by the emission
     * densities of {@code x[off .. off+d)}, normalise into {@code out}. Returns the log-likelihood increment
     * {@code log p(x_t | x_1 .. x_{t-1})}: 0 for a missing observation (any NaN component: predict only),
     * {@code -inf} for an observation impossible in every predicted state (then {@code out} is the prediction).
     * {@code out} may be {@code prev}.
     */
    static double step(HiddenMarkovModel m, double[] prev, boolean first, double[] x, int off,
                       double[] pred, double[] logb, double[] work, double[] out) {
        int k = m.states();
        if (first) {
            System.arraycopy(m.initialArray(), 0, pred, 0, k);
        } else {
            m.transitions().propagate(prev, pred);
        }
        int d = m.dimension();
        for (int j = 0; j < d; j++) {
            if (Double.isNaN(x[off + j])) {
                System.arraycopy(pred, 0, out, 0, k);
                return 0;
            }
        }
        m.emissions().logDensities(x, off, logb, work);
        return weigh(pred, logb, k, out);
    }

    /** The update half of a step: {@code out ∝ pred * exp(logb)}; returns the log normaliser. */
    static double weigh(double[] pred, double[] logb, int k, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) if (pred[j] > 0 && logb[j] > max) max = logb[j];
        if (max == Double.NEGATIVE_INFINITY) {
            System.arraycopy(pred, 0, out, 0, k);
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double w = pred[j] > 0 ? pred[j] * Math.exp(logb[j] - max) : 0;
            out[j] = w;
            sum += w;
        }
        // sum >= pred[argmax] > 0: the state holding the maximum contributes its prediction times exp(0).
        double inv = 1 / sum;
        for (int j = 0; j < k; j++) out[j] *= inv;
        return max + Math.log(sum);
    }
}
