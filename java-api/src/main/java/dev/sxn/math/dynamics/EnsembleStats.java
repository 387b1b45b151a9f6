package dev.sxn.math.dynamics;

/**
 * Statistics of an ensemble at one step, over its finite members.
 *
 * @param step steps taken in this integration call
 * @param time step times dt
 * @param meanEnergy mean over members of |p|^2 / 2 + V(q)
 * @param meanPosition mean position per dimension (length d)
 * @param positionVariance population variance of the position per dimension (length d)
 * @param meanMomentum mean momentum per dimension (length d)
 * @param nonFiniteMembers members flagged non-finite so far (left out of the statistics)
 */
public record EnsembleStats(long step, double time, double meanEnergy, double[] meanPosition, double[] positionVariance,
        double[] meanMomentum, int nonFiniteMembers) {

    /** Computes the statistics of {@code e} under {@code v}: O(n d) plus n evaluations of V. */
    static EnsembleStats of(Ensemble e, Potential v, long step, double time) {
        int n = e.size(), d = e.dimension();
        double[] q = e.positions(), p = e.momenta();
        double[] scratch = new double[d];
        double[] mq = new double[d], vq = new double[d], mp = new double[d];
        double energy = 0;
        long count = 0;
        for (int i = 0; i < n; i++) {
            if (e.nonFiniteStep(i) >= 0) continue;
            count++;
            energy += e.memberEnergy(v, i, scratch);
        }
        // Two passes (mean, then centred squares) so the variance does not cancel catastrophically.
        for (int k = 0; k < d; k++) {
            double sq = 0, sp = 0;
            for (int i = 0; i < n; i++) {
                if (e.nonFiniteStep(i) >= 0) continue;
                sq += q[k * n + i];
                sp += p[k * n + i];
            }
            mq[k] = sq / count;
            mp[k] = sp / count;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                if (e.nonFiniteStep(i) >= 0) continue;
                double y = q[k * n + i] - mq[k];
                ss += y * y;
            }
            vq[k] = ss / count;
        }
        return new EnsembleStats(step, time, energy / count, mq, vq, mp, e.nonFiniteCount());
    }
}
