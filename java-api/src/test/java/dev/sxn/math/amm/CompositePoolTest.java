package dev.sxn.math.amm;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Composite pools against reference/amm_composite.txt (gen_amm.py: sub-pools run from minute 0 with their own rules,
 * their value per share as member prices, the composite's pass over the members, look-through holdings): member prices,
 * reserves, values and look-through holdings within rtol 1e-9, weights within atol 1e-10 (the member prices differ
 * from NumPy's in the last digits, log-domain sums against products, and the rules scale those differences), metrics
 * within rtol 1e-8 + atol 1e-9. Also: the look-through value is the composite's value (rtol 1e-12), metric() equals
 * run() bit for bit, and bad arguments.
 */
class CompositePoolTest {

    private static final class Ref {
        AmmReference.Case pool;
        final List<AmmReference.Case> subs = new ArrayList<>();
        final Map<Integer, Double> values = new LinkedHashMap<>();
        final Map<Integer, double[]> weights = new LinkedHashMap<>(), reserves = new LinkedHashMap<>(), members = new LinkedHashMap<>(),
                look = new LinkedHashMap<>();
        final Map<String, Double> metrics = new LinkedHashMap<>();

        int[] cols(String key, AmmReference.Case c) {
            String v = c.keys.get(key);
            if (v.equals("-")) return new int[0];
            String[] f = v.split(",");
            int[] out = new int[f.length];
            for (int i = 0; i < f.length; i++) out[i] = Integer.parseInt(f[i]);
            return out;
        }

        CompositePool composite() {
            List<CompositePool.SubPool> sp = new ArrayList<>();
            for (AmmReference.Case s : subs) sp.add(new CompositePool.SubPool(s.pool(), cols("assets", s), s.params()));
            return CompositePool.of(pool.pool(), cols("tokens", pool), sp);
        }

        MinutePrices market() {
            return AmmReference.prices(pool.i("start") + pool.i("bout") + 3 * 1440, pool.i("market_n"));
        }
    }

    private static List<Ref> refs() {
        List<Ref> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(CompositePoolTest.class.getResourceAsStream("/reference/amm_composite.txt"),
                StandardCharsets.UTF_8))) {
            Ref c = null;
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.trim().split(" ");
                switch (f[0]) {
                    case "composite", "sub" -> {
                        AmmReference.Case k = AmmReference.header(f);
                        if (f[0].equals("composite")) {
                            c = new Ref();
                            c.pool = k;
                            out.add(c);
                        } else {
                            c.subs.add(k);
                        }
                    }
                    case "values" -> c.values.put(Integer.parseInt(f[1]), Double.parseDouble(f[2]));
                    case "weights" -> c.weights.put(Integer.parseInt(f[1]), AmmReference.rest(f));
                    case "reserves" -> c.reserves.put(Integer.parseInt(f[1]), AmmReference.rest(f));
                    case "members" -> c.members.put(Integer.parseInt(f[1]), AmmReference.rest(f));
                    case "look" -> c.look.put(Integer.parseInt(f[1]), AmmReference.rest(f));
                    case "metric" -> c.metrics.put(f[1], Double.parseDouble(f[2]));
                    default -> throw new IllegalStateException(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> compositesMatchNumPy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Ref c : refs()) tests.add(DynamicTest.dynamicTest(c.pool.name, () -> check(c)));
        assertEquals(2, tests.size());
        return tests;
    }

    private static void check(Ref c) {
        CompositePool pool = c.composite();
        MinutePrices market = c.market();
        int start = c.pool.i("start"), bout = c.pool.i("bout"), m = pool.members(), nm = market.assets();
        RuleParams params = c.pool.params();
        CompositePool.CompositeRun run = pool.run(market, start, bout, params);
        PoolRun r = run.composite();
        String name = c.pool.name;
        assertEquals(bout - 1, r.rows());
        for (Map.Entry<Integer, double[]> e : c.members.entrySet()) {
            for (int i = 0; i < m; i++) assertClose(e.getValue()[i], run.memberPrices().price(start + e.getKey(), i), 0, 1e-9, name + " member " + e.getKey());
        }
        for (Map.Entry<Integer, double[]> e : c.weights.entrySet()) {
            for (int i = 0; i < m; i++) assertClose(e.getValue()[i], r.weights()[e.getKey() * m + i], 1e-10, 0, name + " weight " + e.getKey() + "," + i);
        }
        for (Map.Entry<Integer, double[]> e : c.reserves.entrySet()) {
            for (int i = 0; i < m; i++) assertClose(e.getValue()[i], r.reserves()[e.getKey() * m + i], 0, 1e-9, name + " reserve " + e.getKey() + "," + i);
        }
        for (Map.Entry<Integer, Double> e : c.values.entrySet()) assertClose(e.getValue(), r.values()[e.getKey()], 0, 1e-9, name + " value " + e.getKey());
        for (Map.Entry<Integer, double[]> e : c.look.entrySet()) {
            for (int a = 0; a < nm; a++) {
                assertClose(e.getValue()[a], run.lookThrough()[e.getKey() * nm + a], 1e-9, 1e-9, name + " look-through " + e.getKey() + "," + a);
            }
        }
        double[] w = new double[nm];
        for (int t = 0; t < r.rows(); t += 331) {
            double v = 0;
            for (int a = 0; a < nm; a++) v += run.lookThrough()[t * nm + a] * market.price(start + t, a);
            assertClose(r.values()[t], v, 0, 1e-12, name + " look-through value " + t);
            run.lookThroughWeights(market, t, w);
            double s = 0;
            for (double x : w) s += x;
            assertClose(1.0, s, 1e-14, 0, name + " look-through weights sum");
        }
        for (Map.Entry<String, Double> e : c.metrics.entrySet()) {
            AmmMetric metric = AmmMetric.of(e.getKey());
            double got = pool.metric(market, start, bout, params, metric);
            // the same member prices and pass as run(): bit for bit
            assertEquals(pool.composite().metric(run.memberPrices(), start, bout, params, metric), got, name + " " + metric.key() + " metric vs run");
            if (Double.isInfinite(e.getValue())) assertEquals(e.getValue(), got, name + " " + metric.key());
            else assertClose(e.getValue(), got, 1e-9, 1e-8, name + " " + metric.key());
        }
    }

    @Test
    void badArguments() {
        AmmConfig config = AmmConfig.defaults().withChunks(60, 60);
        TfmmPool two = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, config);
        TfmmPool three = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.3, 0.3, 0.4}, config);
        RuleParams p = RuleParams.momentum(2, 10, 60);
        CompositePool.SubPool sub = new CompositePool.SubPool(two, new int[] {0, 1}, p);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompositePool.of(three, new int[] {2}, List.of(sub)));
        assertEquals("composite.assets() must equal tokens.length + subPools.size() (2), was 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CompositePool.of(two, new int[0], List.of()));
        assertEquals("subPools.size() must be >= 1, was 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CompositePool.SubPool(two, new int[] {1, 1}, p));
        assertEquals("assets[1] must differ from assets[0], was 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CompositePool.SubPool(two, new int[] {0, 1, 2}, p));
        assertEquals("assets.length must equal pool.assets() (2), was 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CompositePool.SubPool(two, new int[] {0, 1}, new RuleParams(Double.NaN, 1, 1, 1, 0, 0.5)));
        assertEquals("params component 0 must be finite, was NaN", e.getMessage());
        CompositePool cp = CompositePool.of(two, new int[] {3}, List.of(sub));
        MinutePrices market = AmmReference.prices(3 * 1440, 3);
        e = assertThrows(IllegalArgumentException.class, () -> cp.metric(market, 60, 1440, p, AmmMetric.FINAL_VALUE));
        assertEquals("tokens[0] must be a market column (< 3), was 3", e.getMessage());
        CompositePool ok = CompositePool.of(two, new int[] {2}, List.of(sub));
        e = assertThrows(IllegalArgumentException.class, () -> ok.metric(market, 60, 3 * 1440, p, AmmMetric.FINAL_VALUE));
        assertTrue(e.getMessage().startsWith("boutLength must fit the data"), e.getMessage());
        double[] bad = market.values().clone();
        bad[5] = -1;
        e = assertThrows(IllegalArgumentException.class, () -> ok.run(new MinutePrices(bad, 3), 60, 1440, p));
        assertEquals("prices[1][2] must be finite and > 0, was -1.0", e.getMessage());
    }
}
