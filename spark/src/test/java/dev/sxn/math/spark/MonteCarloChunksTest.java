package dev.sxn.math.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.stochastic.GbmCorrelated;
import dev.sxn.math.stochastic.PortfolioRisk;
import dev.sxn.math.stochastic.PortfolioRiskEstimate;
import dev.sxn.math.stochastic.RandomStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The chunked Monte Carlo without Spark: against the library's PortfolioRisk and a closed form. */
class MonteCarloChunksTest {

    static MonteCarloSpec portfolio(long paths, int chunkPaths, int partitions) {
        double[][] corr = {{1, 0.5, 0.2}, {0.5, 1, 0.3}, {0.2, 0.3, 1}};
        return new MonteCarloSpec(new double[] {100, 50, 20}, new double[] {0.05, 0.03, 0.08}, new double[] {0.2, 0.3, 0.4}, corr,
                new double[] {10, -5, 30}, 10.0 / 252, 0.99, 42, paths, chunkPaths, partitions);
    }

    @Test
    void oneChunkEqualsPortfolioRiskBitForBit() {
        MonteCarloSpec s = portfolio(50_001, 50_001, 1);
        MonteCarloResult r = MonteCarloChunks.local(s);
        GbmCorrelated model = GbmCorrelated.of(s.spots(), s.drifts(), s.volatilities(), DMatrix.of(s.correlation()));
        PortfolioRiskEstimate e = PortfolioRisk.monteCarlo(model, s.positions(), s.horizon(), s.alpha(), RandomStream.philox4x64(42, 0), 50_001);
        assertEquals(e.valueAtRisk(), r.valueAtRisk(), 0.0);
        assertEquals(e.expectedShortfall(), r.expectedShortfall(), 0.0);
        assertEquals(e.meanLoss(), r.meanLoss(), 0.0);
    }

    @Test
    void oneAssetMatchesTheClosedForm() throws IOException {
        Properties ref = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/reference/gbm_tail.properties")) {
            ref.load(in);
        }
        double s0 = Double.parseDouble(ref.getProperty("s0"));
        MonteCarloSpec s = new MonteCarloSpec(new double[] {s0}, new double[] {Double.parseDouble(ref.getProperty("mu"))},
                new double[] {Double.parseDouble(ref.getProperty("sigma"))}, new double[][] {{1}}, new double[] {1},
                Double.parseDouble(ref.getProperty("horizon")), Double.parseDouble(ref.getProperty("alpha")), 7, 400_000, 30_000, 0);
        MonteCarloResult r = MonteCarloChunks.local(s);
        // 400k paths: the 1% tail holds 4000 scenarios, a sampling error of about 0.5% on VaR and ES.
        assertEquals(Double.parseDouble(ref.getProperty("var")), r.valueAtRisk(), 0.02 * Double.parseDouble(ref.getProperty("var")));
        assertEquals(Double.parseDouble(ref.getProperty("es")), r.expectedShortfall(), 0.02 * Double.parseDouble(ref.getProperty("es")));
        assertEquals(14, r.chunks());
    }

    @Test
    void partialsMergeInAnyGrouping() {
        MonteCarloSpec s = portfolio(70_000, 9_000, 0);
        MonteCarloResult whole = MonteCarloChunks.local(s);
        MonteCarloResult split = MonteCarloChunks.finish(s, List.of(MonteCarloChunks.run(s, new int[] {7, 1, 4}),
                MonteCarloChunks.run(s, new int[] {0, 2}), MonteCarloChunks.run(s, new int[] {6, 5, 3})), null);
        assertEquals(whole.valueAtRisk(), split.valueAtRisk(), 0.0);
        assertEquals(whole.expectedShortfall(), split.expectedShortfall(), 0.0);
        assertEquals(whole.meanLoss(), split.meanLoss(), 0.0);
    }

    @Test
    void mergeTopKeepsTheLargest() {
        assertArrayEquals(new double[] {3, 4, 5}, MonteCarloChunks.mergeTop(new double[] {1, 4}, new double[] {2, 3, 5}, 3));
        assertArrayEquals(new double[] {1, 2}, MonteCarloChunks.mergeTop(new double[] {1}, new double[] {2}, 5));
    }

    @Test
    void badSpecsFailWithTheArgumentNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> portfolio(1, 10, 0));
        assertEquals("paths must be >= 2, was 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> portfolio(100, 0, 0));
        assertEquals("chunkPaths must be >= 1, was 0", e.getMessage());
    }
}
