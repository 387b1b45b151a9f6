package dev.sxn.math.cli.demo;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.series.MatrixProfile;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * The matrix profile on the market: for a few assets, the self-join profile of the most recent close
 * prices (window m = 64 ticks; z-normalisation makes it a comparison of shapes, whatever the level and
 * scale), its discords (the price shapes least like anything else in the sample: anomalies such as
 * jumps, with the regime the market was in) and its top motif (the most closely repeated shape), plus
 * an AB-join asking where asset 0's latest shape best recurs in asset 1's history.
 */
final class MatrixProfileSection implements DemoSection {
    private static final int ASSETS = 3, N = 1536, M = 64;

    @Override
    public String title() {
        return "series.MatrixProfile: discords (anomalies) and motifs of price shapes";
    }

    @Override
    public void run(DemoContext ctx) {
        SyntheticMarket mk = ctx.market();
        int k = Math.min(ASSETS, mk.assets());
        int n = Math.min(N, mk.ticks());
        if (n < 2 * M) {
            ctx.line("market too short for windows of %d ticks (needs %d ticks), skipped", M, 2 * M);
            return;
        }
        double[][] r = new double[k][];
        for (int a = 0; a < k; a++) {
            double[] all = mk.close(a);
            r[a] = Arrays.copyOfRange(all, all.length - n, all.length);
        }
        int firstTick = mk.ticks() - n; // sample value t is the close of tick firstTick + t
        EnumSet<Backend> all = EnumSet.allOf(Backend.class);
        // Backends use identical arithmetic; 1e-9 absolute on distances, and indices (appended as
        // doubles) must match exactly.
        MatrixProfile[] prof = new MatrixProfile[k];
        ctx.acrossBackends("self-join n=" + n + " m=" + M + " x" + k + " assets", all, 0, 1e-9, kind -> {
            double[] out = new double[2 * k * (n - M + 1)];
            for (int a = 0; a < k; a++) {
                MatrixProfile p = MatrixProfile.compute(kind, r[a], M);
                if (kind == Backend.JAVA) prof[a] = p;
                double[] d = p.profile();
                int[] ix = p.index();
                for (int i = 0; i < d.length; i++) {
                    out[2 * a * d.length + i] = d[i];
                    out[(2 * a + 1) * d.length + i] = ix[i];
                }
            }
            return out;
        });
        for (int a = 0; a < k; a++) {
            MatrixProfile p = prof[a];
            int[] regime = mk.regime(a);
            StringBuilder sb = new StringBuilder();
            for (MatrixProfile.Discord d : p.discords(2)) {
                int tick = firstTick + d.index();
                sb.append(String.format(java.util.Locale.ROOT, " tick %d (d=%.2f, %s)", tick, d.distance(),
                        SyntheticMarket.REGIMES[regime[Math.min(tick + M / 2, regime.length - 1)]]));
            }
            List<MatrixProfile.Motif> motifs = p.motifs(1);
            String motif = motifs.isEmpty() ? "none" : String.format(java.util.Locale.ROOT, "ticks %d and %d (d=%.2f of max %.1f)",
                    firstTick + motifs.get(0).a(), firstTick + motifs.get(0).b(), motifs.get(0).distance(), 2 * Math.sqrt(M));
            ctx.line("asset %d: discords%s; top motif %s", a, sb, motif);
        }
        if (k >= 2) {
            double[] query = Arrays.copyOfRange(r[0], n - 2 * M, n);
            double[] ab = ctx.acrossBackends("AB-join asset 0 (last " + 2 * M + ") vs asset 1", all, 0, 1e-9, kind -> {
                MatrixProfile p = MatrixProfile.compute(kind, query, r[1], M);
                double[] d = p.profile();
                double[] out = Arrays.copyOf(d, 2 * d.length);
                for (int i = 0; i < d.length; i++) out[d.length + i] = p.index()[i];
                return out;
            });
            int w = query.length - M; // the latest window of the query
            ctx.line("asset 0's latest %d-tick price shape recurs best in asset 1 at tick %d (d=%.2f)", M,
                    firstTick + (int) ab[ab.length / 2 + w], ab[w]);
        }
    }
}
