package dev.sxn.math.internal.calibration;

import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.risk.Garch;
import dev.sxn.math.risk.GarchInnovations;
import dev.sxn.math.risk.GarchModel;
import dev.sxn.math.risk.GarchSpec;
import dev.sxn.math.risk.RollingRisk;
import dev.sxn.math.risk.Scorecard;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The probes of the risk kernels (size: assets x returns). GARCH: a whole batched GARCH(1,1)-t fit of more assets of
 * {@value #RETURNS} returns at each size, so the sweep varies the batch and not the series (the size is what the
 * first round of the fit evaluates; later rounds evaluate the assets still running). Scorecard and rolling risk: more
 * assets of 256 daily returns at each size.
 */
final class RiskProbes {
    private static final int RETURNS = 250;

    private RiskProbes() {}

    static List<Probe> all() {
        GarchSpec spec = GarchSpec.of(GarchModel.GARCH, GarchInnovations.STUDENT_T);
        return List.of(Probe.of(KernelFamilies.RISK_GARCH, Probe.geometric(4 * RETURNS, 4, 5), n -> {
            SeriesBatch x = returns(n / RETURNS, RETURNS, 20261207L);
            return k -> Garch.fitBatch(x, spec, k);
        }), Probe.of(KernelFamilies.RISK_SCORECARD, Probe.geometric(64 * 256, 4, 6), n -> {
            // 256 days of more assets at each size, returns in fractions (percent / 100)
            SeriesBatch x = fractions(returns(n / 256, 256, 20261208L));
            return k -> Scorecard.of(x, 0.02, 0.0, 252, k);
        }), Probe.of(KernelFamilies.RISK_ROLLING, Probe.geometric(16 * 256, 4, 6), n -> {
            // 256 days of more assets at each size: rolling VaR/ES and volatility over a quarter
            SeriesBatch x = fractions(returns(n / 256, 256, 20261209L));
            SeriesBatch v = SeriesBatch.zeros(x.assets(), x.length()), e = SeriesBatch.zeros(x.assets(), x.length());
            return k -> {
                RollingRisk.historical(x, 63, 0.05, v, e, k);
                RollingRisk.volatility(x, 63, 252, v, k);
            };
        }));
    }

    /** The batch divided by 100 (simple returns as fractions). */
    private static SeriesBatch fractions(SeriesBatch b) {
        double[] d = b.data().clone();
        for (int i = 0; i < d.length; i++) d[i] /= 100;
        return SeriesBatch.wrap(b.assets(), b.length(), d);
    }

    /** Seeded GARCH(1,1)-like returns in percent, k assets by t returns (time-major). */
    static SeriesBatch returns(int k, int t, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[k * t];
        double[] h = new double[k];
        java.util.Arrays.fill(h, 1.0);
        for (int i = 0; i < t; i++) {
            for (int a = 0; a < k; a++) {
                double e = Math.sqrt(h[a]) * r.nextGaussian();
                d[i * k + a] = 0.05 + e;
                h[a] = 0.05 + 0.08 * e * e + 0.9 * h[a];
            }
        }
        return SeriesBatch.wrap(k, t, d);
    }
}
