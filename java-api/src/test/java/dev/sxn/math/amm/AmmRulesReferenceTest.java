package dev.sxn.math.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Difference momentum and minimum variance against reference/amm_rules.txt (gen_amm.py's independent NumPy
 * re-implementation of quantammsim's DifferenceMomentumPool and MinVariancePool, whole-series as quantammsim is):
 * weight changes and target weights within atol 1e-12 (the same formula order on both sides), variances within
 * rtol 1e-10 (NumPy and Java round the small squared deviations alike but the recursion accumulates).
 */
class AmmRulesReferenceTest {

    private record RuleCase(String name, Map<String, String> keys, Map<Integer, double[]> out, Map<Integer, double[]> var) {
        int i(String k) { return Integer.parseInt(keys.get(k)); }
        double d(String k) { return Double.parseDouble(keys.get(k)); }
        double[] coarse() {
            int n = i("n"), cp = i("cp");
            MinutePrices p = AmmReference.prices(i("days") * 1440, n);
            int rows = (p.steps() + cp - 1) / cp;
            double[] c = new double[rows * n];
            for (int t = 0; t < rows; t++) for (int j = 0; j < n; j++) c[t * n + j] = p.price(t * cp, j);
            return c;
        }
    }

    private static List<RuleCase> cases() {
        List<RuleCase> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(AmmRulesReferenceTest.class.getResourceAsStream("/reference/amm_rules.txt"),
                StandardCharsets.UTF_8))) {
            RuleCase c = null;
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.trim().split(" ");
                switch (f[0]) {
                    case "rule" -> {
                        Map<String, String> keys = new HashMap<>();
                        for (int j = 2; j < f.length; j++) {
                            String[] kv = f[j].split("=", 2);
                            keys.put(kv[0], kv[1]);
                        }
                        c = new RuleCase(f[1], keys, new LinkedHashMap<>(), new LinkedHashMap<>());
                        out.add(c);
                    }
                    case "out" -> c.out().put(Integer.parseInt(f[1]), rest(f));
                    case "var" -> c.var().put(Integer.parseInt(f[1]), rest(f));
                    default -> throw new IllegalStateException(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static double[] rest(String[] f) {
        double[] v = new double[f.length - 2];
        for (int j = 0; j < v.length; j++) v[j] = Double.parseDouble(f[j + 2]);
        return v;
    }

    @Test
    void differenceMomentumMatchesReference() {
        int checked = 0;
        for (RuleCase c : cases()) {
            if (!c.keys().get("rule").equals("difference_momentum")) continue;
            int n = c.i("n");
            String[] ks = c.keys().get("k").split(",");
            double[] k = new double[n];
            for (int j = 0; j < n; j++) k[j] = Double.parseDouble(ks[j]);
            double[] cp = c.coarse();
            double[] e1 = new double[n], e2 = new double[n], dw = new double[n];
            DifferenceMomentum.start(cp, 0, n, e1, e2);
            int rows = cp.length / n - 1;
            for (int t = 0; t < rows; t++) {
                DifferenceMomentum.step(c.d("lambda1"), c.d("lambda2"), k, cp, (t + 1) * n, e1, e2, dw);
                double[] want = c.out().get(t);
                if (want == null) continue;
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    assertEquals(want[j], dw[j], 1e-12, c.name() + " row " + t + " asset " + j);
                    if (k[j] == 0.0) assertEquals(0.0, dw[j], c.name() + " zero k stays put");
                    sum += dw[j];
                }
                assertEquals(0.0, sum, 1e-15, c.name() + " zero-sum");
                checked++;
            }
            assertTrue(c.out().containsKey(rows - 1), c.name() + " reference covers the last row");
        }
        assertTrue(checked > 20, "rows checked: " + checked);
    }

    @Test
    void minimumVarianceMatchesReference() {
        int checked = 0;
        for (RuleCase c : cases()) {
            if (!c.keys().get("rule").equals("min_variance")) continue;
            int n = c.i("n");
            double lambda = c.d("lambda1");
            double[] cp = c.coarse();
            double[] ewma = new double[n], s = new double[n], v = new double[n], w = new double[n];
            int rows = cp.length / n - 1;
            MinimumVariance.start(cp, 0, cp, n, n, ewma, s, w);
            for (int t = 0; t < rows; t++) {
                if (t > 0) MinimumVariance.step(lambda, cp, t * n, cp, (t + 1) * n, n, ewma, s, v, w);
                double[] want = c.out().get(t);
                if (want == null) continue;
                double[] wantVar = c.var().get(t);
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    assertEquals(want[j], w[j], 1e-12, c.name() + " weight row " + t + " asset " + j);
                    if (t > 0) assertEquals(wantVar[j], v[j], 1e-10 * Math.abs(wantVar[j]), c.name() + " variance row " + t + " asset " + j);
                    sum += w[j];
                }
                assertEquals(1.0, sum, 1e-14, c.name() + " weights sum to 1");
                checked++;
            }
            assertTrue(c.out().containsKey(rows - 1), c.name() + " reference covers the last row");
        }
        assertTrue(checked > 20, "rows checked: " + checked);
    }

    @Test
    void minimumVarianceFavoursTheQuieterAsset() {
        // closed form: a constant-price asset next to a moving one has near-zero variance, so nearly all the weight
        double[] prev = {1.0, 1.0}, cur = new double[2];
        double[] ewma = new double[2], s = new double[2], v = new double[2], w = new double[2];
        MinimumVariance.start(prev, 0, new double[] {1.0, 1.01}, 0, 2, ewma, s, w);
        assertEquals(0.5, w[0], 0.0);
        prev = new double[] {1.0, 1.01};
        for (int t = 0; t < 30; t++) {
            cur[0] = 1.0 + 1e-6 * (t % 2);
            cur[1] = prev[1] * (t % 2 == 0 ? 1.02 : 0.985);
            MinimumVariance.step(0.9, prev, 0, cur, 0, 2, ewma, s, v, w);
            prev = cur.clone();
        }
        assertTrue(w[0] > 0.99, "weight of the quiet asset " + w[0]);
        assertEquals(1.0, w[0] + w[1], 1e-15);
    }

    @Test
    void badArgumentsAreRejectedWithoutTouchingState() {
        double[] p = {1, 2}, e1 = {1, 2}, e2 = {1, 2}, dw = {7, 7};
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> DifferenceMomentum.step(1.0, 0.5, new double[] {1, 1}, p, 0, e1, e2, dw));
        assertTrue(ex.getMessage().contains("lambda1"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DifferenceMomentum.step(0.5, 0.5, new double[] {1, 1}, p, 1, e1, e2, dw));
        assertEquals(7.0, dw[0]);
        assertEquals(1.0, e1[0]);
        double[] v = {3, 3};
        assertThrows(IllegalArgumentException.class, () -> MinimumVariance.step(-0.1, p, 0, p, 0, 2, e1, e2, v, dw));
        assertFalse(v[0] != 3.0);
    }
}
