package dev.sxn.math.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact output bits of every indicator kernel method (the {@link IndicatorKernels} methods
 * on JAVA and VECTOR, and the JAVA-only window operations) against digests recorded in
 * {@code golden/indicators-kernel-bits.txt}: a refactoring of the kernels must not move a single bit,
 * NaN payloads and signed zeros included. Inputs are random walks and adversarial series (NaN and
 * infinities inside, flat stretches, huge and tiny magnitudes, calm stretches after storms, a pool of
 * ties and signed zeros), single series of lengths around the vector blocks and the 1024-step
 * re-summation, batches of 2..64 assets, windows 1, 2, 14, 20, 97 and 200.
 *
 * <p>One digest per (backend, kernel, input, k) folds all lengths and windows. VECTOR's results
 * depend on the vector length, so its digests are keyed by it and checked only on a machine with a
 * recorded length. When a change is meant to alter results, rewrite the file with
 * {@code -Dsxn.golden.write=<path of the file>} and say why in the commit.
 */
class IndicatorsKernelBitsTest {
    private static final String RESOURCE = "/golden/indicators-kernel-bits.txt";
    private static final int[] WINDOWS = {1, 2, 14, 20, 97, 200};
    private static final int[] KS = {1, 2, 3, 7, 8, 9, 17, 64};
    private static final int[] SERIES_T = {1, 2, 13, 14, 15, 20, 31, 32, 33, 97, 200, 1023, 1024, 1025, 1026, 2047, 2048,
        2049, 4100, 20000};
    private static final int[] BATCH_T = {1, 14, 33, 200, 1023, 1025, 2049};
    private static final String[] INPUTS = {"walk", "nan", "flat", "huge", "tiny", "storm", "pool"};

    /** Folds the raw bits of {@code v} into {@code h} (order-sensitive). */
    private static long fold(long h, double[] v) {
        for (double d : v) h = mix(h ^ Double.doubleToRawLongBits(d));
        return mix(h + v.length);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Time-major k x t input of the given kind. */
    static double[] input(String kind, int k, int t, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[k * t];
        double[] pool = {0.0, -0.0, 1, 1, -1, 2, 2.5, -2.5, 3, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 1e308, -1e308};
        for (int a = 0; a < k; a++) {
            double p = 100 + 10 * r.nextDouble(), vol = 1;
            int flatLeft = 0;
            for (int i = 0; i < t; i++) {
                double v;
                switch (kind) {
                    case "walk" -> v = p += r.nextGaussian();
                    case "nan" -> {
                        p += r.nextGaussian();
                        int u = r.nextInt(200);
                        v = u == 0 ? Double.NaN : u == 1 ? Double.POSITIVE_INFINITY : u == 2 ? Double.NEGATIVE_INFINITY : p;
                    }
                    case "flat" -> {
                        if (flatLeft > 0) {
                            flatLeft--;
                        } else {
                            p += r.nextGaussian();
                            if (r.nextInt(20) == 0) flatLeft = r.nextInt(300);
                        }
                        v = p;
                    }
                    case "huge" -> {
                        p += r.nextGaussian();
                        int u = r.nextInt(300);
                        v = u == 0 ? 1e300 : u == 1 ? -1e300 : p * 1e150;
                    }
                    case "tiny" -> v = (p += r.nextGaussian()) * 1e-300;
                    case "storm" -> {
                        if (r.nextInt(500) == 0) vol = vol >= 1 ? 1e-9 : 1e3;
                        v = 1e6 + (p += vol * r.nextGaussian());
                    }
                    case "pool" -> {
                        v = pool[r.nextInt(pool.length)];
                        if (!Double.isFinite(v) && r.nextInt(8) != 0) v = r.nextBoolean() ? 0.0 : -0.0;
                    }
                    default -> throw new IllegalArgumentException(kind);
                }
                x[i * k + a] = v;
            }
        }
        return x;
    }

    /** Timestamps: unit steps with repeats, gaps and sub-unit steps (shared by the assets). */
    private static double[] times(int t, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] time = new double[t];
        double now = 0;
        for (int i = 0; i < t; i++) {
            int u = r.nextInt(10);
            now += u < 7 ? 1 : u < 8 ? 0.25 : u < 9 ? 3 : r.nextDouble() * 5;
            time[i] = now;
        }
        return time;
    }

    /** The digests of one backend's {@link IndicatorKernels} methods, keyed "prefix kernel input k". */
    private static void kernelDigests(String prefix, IndicatorKernels kr, Map<String, Long> out) {
        for (String in : INPUTS) {
            for (int k : KS) {
                long sum = 0, var = 0, ema = 0, rsi = 0;
                for (int t : k == 1 ? SERIES_T : BATCH_T) {
                    double[] x = input(in, k, t, 31L * t + k);
                    double[] o = new double[k * t];
                    for (int w : WINDOWS) {
                        if (w > t) continue;
                        for (double scale : new double[] {1, 1.0 / w}) {
                            kr.rollingSum(x, k, t, w, scale, o);
                            sum = fold(sum, o);
                        }
                        for (int ddof = 0; ddof <= (w >= 2 ? 1 : 0); ddof++) {
                            for (boolean sqrt : new boolean[] {false, true}) {
                                kr.rollingVar(x, k, t, w, ddof, sqrt, o);
                                var = fold(var, o);
                            }
                        }
                        for (double alpha : new double[] {2.0 / (w + 1), 1.0 / w}) {
                            kr.ema(x, k, t, w, alpha, o);
                            ema = fold(ema, o);
                        }
                        kr.rsi(x, k, t, w, o);
                        rsi = fold(rsi, o);
                    }
                }
                out.put(prefix + " rollingSum " + in + " " + k, sum);
                out.put(prefix + " rollingVar " + in + " " + k, var);
                out.put(prefix + " ema " + in + " " + k, ema);
                out.put(prefix + " rsi " + in + " " + k, rsi);
            }
        }
    }

    /** The digests of the JAVA-only window operations. */
    private static void windowOpDigests(Map<String, Long> out) {
        for (String in : INPUTS) {
            for (int k : KS) {
                long ext = 0, wma = 0, vwap = 0, obv = 0, tr = 0, tema = 0, delta = 0, z = 0;
                for (int t : k == 1 ? SERIES_T : BATCH_T) {
                    long seed = 31L * t + k;
                    double[] x = input(in, k, t, seed), y = input(in, k, t, seed + 7), o = new double[k * t];
                    double[] vol = new double[k * t], high = new double[k * t], low = new double[k * t];
                    for (int p = 0; p < k * t; p++) {
                        vol[p] = Math.abs(y[p]);
                        high[p] = x[p] + Math.abs(y[p] - x[p]) * 0.01;
                        low[p] = x[p] - Math.abs(y[p] + x[p]) * 0.01;
                    }
                    for (int w : WINDOWS) {
                        if (w > t) continue;
                        for (boolean max : new boolean[] {true, false}) {
                            RollingExtremes.rollingExtreme(x, k, t, w, max, o);
                            ext = fold(ext, o);
                        }
                        JavaOnlyKernels.wma(x, k, t, w, o);
                        wma = fold(wma, o);
                    }
                    JavaOnlyKernels.vwapCumulative(x, vol, k, t, o);
                    vwap = fold(vwap, o);
                    JavaOnlyKernels.obv(x, vol, k, t, o);
                    obv = fold(obv, o);
                    JavaOnlyKernels.trueRange(high, low, x, k, t, o);
                    tr = fold(tr, o);
                    for (double tau : new double[] {0.5, 14, 1e6}) {
                        JavaOnlyKernels.timeEma(x, times(t, seed), k, t, tau, o);
                        tema = fold(tema, o);
                    }
                    for (boolean percent : new boolean[] {false, true}) {
                        JavaOnlyKernels.delta(x, k, t, 1, percent, o);
                        delta = fold(delta, o);
                    }
                    JavaOnlyKernels.crossSectionalZ(x, k, t, o);
                    z = fold(z, o);
                }
                String key = " " + in + " " + k;
                out.put("JAVA rollingExtreme" + key, ext);
                out.put("JAVA wma" + key, wma);
                out.put("JAVA vwapCumulative" + key, vwap);
                out.put("JAVA obv" + key, obv);
                out.put("JAVA trueRange" + key, tr);
                out.put("JAVA timeEma" + key, tema);
                out.put("JAVA delta" + key, delta);
                out.put("JAVA crossSectionalZ" + key, z);
            }
        }
    }

    private static String vectorPrefix() {
        return "VECTOR/L" + jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
    }

    @Test
    void kernelOutputsKeepTheirBits() throws Exception {
        Map<String, Long> now = new LinkedHashMap<>();
        kernelDigests("JAVA", new JavaIndicatorKernels(), now);
        windowOpDigests(now);
        if (Backends.isAvailable(Backend.VECTOR)) {
            IndicatorKernels vector = (IndicatorKernels) Class.forName("dev.sxn.math.indicators.VectorIndicatorKernels")
                    .getDeclaredConstructor().newInstance();
            kernelDigests(vectorPrefix(), vector, now);
        }
        String write = System.getProperty("sxn.golden.write");
        Map<String, Long> golden = read();
        if (write != null && !write.isBlank()) {
            // Keep the recorded lines of other vector lengths; replace what this machine computed.
            Map<String, Long> merged = new LinkedHashMap<>(golden);
            merged.putAll(now);
            List<String> lines = new ArrayList<>();
            lines.add("# Output digests of the indicator kernels (IndicatorsKernelBitsTest): backend kernel input k digest");
            merged.forEach((key, d) -> lines.add(key + " " + Long.toHexString(d)));
            Files.write(Path.of(write), lines, StandardCharsets.UTF_8);
            return;
        }
        int checked = 0;
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, Long> e : now.entrySet()) {
            Long g = golden.get(e.getKey());
            if (g == null && e.getKey().startsWith("VECTOR/")) continue; // a vector length not recorded
            assertNotNull(g, () -> "no recorded digest for " + e.getKey());
            checked++;
            if (g.longValue() != e.getValue()) differ.add(e.getKey());
        }
        assertEquals(List.of(), differ, "kernels whose output bits changed");
        assertEquals(true, checked > 0);
    }

    private static Map<String, Long> read() throws IOException {
        Map<String, Long> m = new LinkedHashMap<>();
        try (InputStream in = IndicatorsKernelBitsTest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return m;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int sp = line.lastIndexOf(' ');
                m.put(line.substring(0, sp), Long.parseUnsignedLong(line.substring(sp + 1).trim(), 16));
            }
        }
        return m;
    }
}
