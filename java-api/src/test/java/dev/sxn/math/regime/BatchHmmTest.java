package dev.sxn.math.regime;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The batched forward filter: JAVA equals {@link HiddenMarkovModel#filter(double[])} of each lane bit for bit; every
 * other kind equals JAVA within 1e-12 absolute on probabilities and 1e-12 relative on log-likelihoods (their exp and
 * log differ from {@link Math}'s by an ulp or two per step). Lane counts around vector widths (1, 7, 9, 33), shared and
 * per-lane models, full and diagonal covariances, a missing observation.
 */
class BatchHmmTest {
    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.REGIME_FORWARD);
    }

    /** {@code assets} series of {@code steps} observations of the model, asset fastest: x[(t d + j) assets + a]. */
    static double[] assets(HiddenMarkovModel m, int assets, int steps, long seed) {
        int d = m.dimension();
        double[] x = new double[steps * d * assets];
        for (int a = 0; a < assets; a++) {
            double[] one = m.sample(steps, seed + a).observations();
            for (int t = 0; t < steps; t++) for (int j = 0; j < d; j++) x[(t * d + j) * assets + a] = one[t * d + j];
        }
        return x;
    }

    static double[] column(double[] x, int lanes, int a, int rows) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) out[r] = x[r * lanes + a];
        return out;
    }

    @Test
    void javaEqualsTheModelFilterOfEachAssetBitForBit() {
        for (HiddenMarkovModel m : new HiddenMarkovModel[] {HmmBehaviourTest.fourStatesFiveDims(), HmmReference.get("daxsmi2-diagonal").model()}) {
            int assets = 7, steps = 200, k = m.states(), d = m.dimension();
            double[] x = assets(m, assets, steps, 5);
            x[(3 * d + 1) * assets + 2] = Double.NaN;
            double[] filtered = new double[steps * k * assets], ll = new double[assets];
            assertEquals(Backend.JAVA, BatchHmm.filterAssets(m, x, assets, filtered, ll, Backend.JAVA));
            for (int a = 0; a < assets; a++) {
                double[] series = column(x, assets, a, steps * d);
                HmmFiltered f = m.filter(series);
                assertEquals(f.logLikelihood(), ll[a], "asset " + a);
                double[] got = column(filtered, assets, a, steps * k);
                for (int i = 0; i < got.length; i++) assertEquals(f.probabilities()[i], got[i], "asset " + a + " index " + i);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void assetsMatchJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (HiddenMarkovModel m : new HiddenMarkovModel[] {HmmBehaviourTest.fourStatesFiveDims(), HmmReference.get("dax3").model(),
                HmmReference.get("daxsmi2-spherical").model()}) {
            for (int assets : new int[] {1, 7, 9, 33}) {
                int steps = 150, k = m.states(), d = m.dimension();
                double[] x = assets(m, assets, steps, 17);
                x[(5 * d) * assets] = Double.NaN;
                double[] fj = new double[steps * k * assets], lj = new double[assets];
                double[] fk = new double[steps * k * assets], lk = new double[assets];
                BatchHmm.filterAssets(m, x, assets, fj, lj, Backend.JAVA);
                assertEquals(kind, BatchHmm.filterAssets(m, x, assets, fk, lk, kind));
                assertClose(fj, fk, 1e-12, 0, kind + " filtered, " + assets + " assets");
                assertClose(lj, lk, 0, 1e-12, kind + " log-likelihoods, " + assets + " assets");
                double[] only = new double[assets];
                BatchHmm.logLikelihoodAssets(m, x, assets, only, kind);
                assertClose(lj, only, 0, 1e-12, kind + " log-likelihoods only");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void modelSweepMatchesEachModel(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        double[] x = HmmData.returns(0);
        HiddenMarkovModel base = HmmReference.get("dax3").model();
        HiddenMarkovModel[] models = new HiddenMarkovModel[11];
        for (int i = 0; i < models.length; i++) {
            double stay = 0.80 + 0.015 * i;
            double[][] a = {{stay, 1 - stay - 0.02, 0.02}, {0.03, 0.95, 0.02}, {0.01, 0.04, 0.95}};
            models[i] = HiddenMarkovModel.of(base.initial(), TransitionMatrix.of(a), base.emissions());
        }
        models[4] = HmmReference.get("dax3").fitted();
        int n = x.length, k = 3, m = models.length;
        double[] filtered = new double[n * k * m], ll = new double[m];
        assertEquals(kind, BatchHmm.filterModels(models, x, filtered, ll, kind));
        for (int i = 0; i < m; i++) {
            HmmFiltered f = models[i].filter(x);
            double tol = kind == Backend.JAVA ? 0 : 1e-12;
            assertClose(f.logLikelihood(), ll[i], 0, tol, kind + " model " + i);
            assertClose(f.probabilities(), column(filtered, m, i, n * k), tol, 0, kind + " model " + i + " filtered");
        }
    }

    @Test
    void argumentsAreChecked() {
        HiddenMarkovModel m = HmmReference.get("dax3").model();
        assertEquals("x.length must be a positive multiple of d x assets = 1 x 4, was 10",
                assertThrows(IllegalArgumentException.class, () -> BatchHmm.logLikelihoodAssets(m, new double[10], 4, new double[4], null)).getMessage());
        assertEquals("logLikelihood.length must be 4 (the number of assets), was 3",
                assertThrows(IllegalArgumentException.class, () -> BatchHmm.logLikelihoodAssets(m, new double[8], 4, new double[3], null)).getMessage());
        HiddenMarkovModel cat = HmmReference.get("daxsym2").model();
        assertThrows(IllegalArgumentException.class, () -> BatchHmm.logLikelihoodAssets(cat, new double[8], 4, new double[4], null));
        HiddenMarkovModel two = HmmReference.get("statsmodels2").model();
        assertEquals("models[1] must have 3 states and dimension 1 (as models[0]), was 2 states x 1 dimensions",
                assertThrows(IllegalArgumentException.class, () -> BatchHmm.logLikelihoodModels(new HiddenMarkovModel[] {m, two}, new double[8],
                        new double[2], null)).getMessage());
    }
}
