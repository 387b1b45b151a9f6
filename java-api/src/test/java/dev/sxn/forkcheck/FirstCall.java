package dev.sxn.forkcheck;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.linalg.Linalg;
import dev.sxn.math.linalg.VectorOps;
import dev.sxn.math.spectral.FFT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Main class for a fresh JVM that makes one first call through the public API and reports it: what a host
 * pays on its first call. {@code FirstCall OP [KIND]}: OP is {@code sma} (10^4 points, window 20),
 * {@code dot} (10^4), {@code gemm} (64x64) or {@code fft} (1024 complex points); KIND pins the call
 * ({@code java|vector|native|opencl}), absent or {@code auto}: the automatic choice. Prints the first
 * call's time in milliseconds (wall, and the calling thread's CPU time), a checksum, which of the optional
 * native libraries this process has mapped ({@code /proc/self/maps}), which backend kinds were detected and
 * how many cached native files were hashed: what the first-call tests and the first-call timings read.
 */
public final class FirstCall {
    private FirstCall() {}

    /** The optional native libraries whose loading the first-call tests watch. */
    static final List<String> WATCHED = List.of("libOpenCL", "libJOCL_", "libsxnkernels", "libopenblas");

    public static void main(String[] args) throws IOException {
        String op = args.length > 0 ? args[0] : "sma";
        Backend pin = args.length > 1 && !args[1].equals("auto") ? Backend.valueOf(args[1].toUpperCase(Locale.ROOT)) : null;
        long cpu0 = threadCpuNanos();
        long t0 = System.nanoTime();
        double check = run(op, pin);
        long t1 = System.nanoTime();
        long cpu1 = threadCpuNanos();
        System.out.printf(Locale.ROOT, "first %s %s: %.1f ms, calling thread's CPU %.1f ms (checksum %.6g)%n", op, pin == null ? "auto" : pin,
                (t1 - t0) / 1e6, (cpu1 - cpu0) / 1e6, check);
        System.out.println("mapped: " + mapped());
        System.out.println("detected: " + internal("Detection", "detectedKinds"));
        System.out.println("hashed: " + internal("NativeLibraries", "filesHashed"));
    }

    /** A package-private state probe of {@code dev.sxn.math.internal} (this main runs on the class path only). */
    private static Object internal(String type, String method) {
        try {
            var m = Class.forName("dev.sxn.math.internal." + type).getDeclaredMethod(method);
            m.setAccessible(true);
            return m.invoke(null);
        } catch (ReflectiveOperationException e) {
            return "unreadable: " + e;
        }
    }

    static double run(String op, Backend pin) {
        switch (op) {
            case "sma" -> {
                double[] x = series(10_000);
                double[] y = pin == null ? Indicators.sma(x, 20) : Indicators.on(pin).sma(x, 20);
                return y[y.length - 1];
            }
            case "dot" -> {
                double[] x = series(10_000);
                return pin == null ? VectorOps.dot(x, x) : VectorOps.dot(pin, x, 0, x, 0, x.length);
            }
            case "gemm" -> {
                int n = 64;
                DMatrix a = DMatrix.wrap(n, n, series(n * n)), b = DMatrix.wrap(n, n, series(n * n)), c = DMatrix.zeros(n, n);
                DMatrix r = pin == null ? Linalg.gemm(1, a, false, b, false, 0, c) : Linalg.gemm(pin, 1, a, false, b, false, 0, c);
                return r.get(n - 1, n - 1);
            }
            case "fft" -> {
                double[] re = series(1024), im = new double[1024];
                if (pin == null) FFT.forward(re, im);
                else FFT.forward(pin, re, im, FFT.Norm.BACKWARD);
                return re[1] + im[1];
            }
            default -> throw new IllegalArgumentException("op must be sma, dot, gemm or fft, was " + op);
        }
    }

    private static double[] series(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.sin(i * 0.01) + (i % 13) * 0.1;
        return x;
    }

    /**
     * The calling thread's CPU time so far in nanoseconds, from {@code /proc/thread-self/schedstat} (read with
     * classes every JVM has loaded by then, so the reading does not preload what the first call would load);
     * -1 where unreadable. On a loaded machine this is steadier than wall time.
     */
    static long threadCpuNanos() {
        try (var in = new java.io.FileInputStream("/proc/thread-self/schedstat")) {
            String s = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            return Long.parseLong(s.substring(0, s.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The watched libraries mapped into this process, by the name they were watched for. */
    static List<String> mapped() throws IOException {
        List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
        return WATCHED.stream().filter(w -> maps.stream().anyMatch(l -> l.contains("/" + w))).toList();
    }
}
