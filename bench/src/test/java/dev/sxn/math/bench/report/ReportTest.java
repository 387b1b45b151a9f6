package dev.sxn.math.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report generator on synthetic JMH JSON: a run with benchmarks missing, a single size, a failed run (empty and
 * truncated JSON), the PNGs it writes, the baseline comparison and the targets table's met / missed marks; BENCHMARKS.md
 * as one page (under 320 lines on the checked-in sources), its rows that matter, and its GPU section.
 */
class ReportTest {
    @TempDir
    Path dir;

    /** One JMH JSON row. */
    static String row(String bench, String mode, Map<String, String> params, double score, double error, String unit) {
        StringBuilder p = new StringBuilder();
        params.forEach((k, v) -> p.append(p.isEmpty() ? "" : ",").append('"').append(k).append("\":\"").append(v).append('"'));
        return String.format(Locale.ROOT, "{\"benchmark\":\"dev.sxn.math.bench.%s\",\"mode\":\"%s\",\"params\":{%s},"
                + "\"primaryMetric\":{\"score\":%s,\"scoreError\":%s,\"scoreUnit\":\"%s\"}}", bench, mode, p, score,
                Double.isNaN(error) ? "\"NaN\"" : String.valueOf(error), unit);
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    Path json(String name, List<String> rows) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "[\n" + String.join(",\n", rows) + "\n]\n");
        return f;
    }

    /** A small full run: peak, bandwidth, GEMM at three sizes for two kinds and a peer. */
    List<String> fullRun(double nativeScale) {
        List<String> r = new ArrayList<>();
        r.add(row("PeakFlopsBench.vectorFma", "thrpt", params(), 1e11, 1e9, "ops/s"));
        for (int s : new int[] {1000, 100000, 10000000}) r.add(row("BandwidthBench.copy", "thrpt", params("size", "" + s), 1e10 / (16.0 * s), 1, "ops/s"));
        for (int n : new int[] {64, 256, 1024}) {
            double flops = 2.0 * n * n * n;
            r.add(row("LinalgBench.gemm", "avgt", params("impl", "NATIVE", "n", "" + n), nativeScale * flops / 8e10 * 1e3, 1e-4, "ms/op"));
            r.add(row("LinalgBench.gemm", "avgt", params("impl", "JAVA", "n", "" + n), flops / 2e10 * 1e3, 1e-4, "ms/op"));
            r.add(row("LinalgBench.gemm", "avgt", params("impl", "EJML", "n", "" + n), flops / 1e10 * 1e3, Double.NaN, "ms/op"));
        }
        r.add(row("RandomBench.uniforms", "thrpt", params("backend", "VECTOR", "generator", "PHILOX_4X32", "n", "4096"), 6000, 100, "ops/s"));
        r.add(row("RandomBench.commonsPhilox4x32", "thrpt", params("n", "4096"), 1000, 50, "ops/s"));
        return r;
    }

    static void assertPng(Path f) throws IOException {
        assertTrue(Files.size(f) > 1000, f + " is too small to hold a plot: " + Files.size(f) + " bytes");
        var img = ImageIO.read(f.toFile());
        assertTrue(img != null && img.getWidth() >= Charts.WIDTH && img.getHeight() == Charts.HEIGHT, f + " is not a full-size PNG");
    }

    @Test
    void writesMarkdownHtmlAndNonEmptyPngs() throws IOException {
        Path f = json("run.json", fullRun(1));
        Path md = ReportMain.report(List.of(f), null, dir.resolve("out"), null, null);
        String text = Files.readString(md);
        assertTrue(text.startsWith("Load during the run: unknown (the results came without a machine file)."), text.lines().findFirst().orElse(""));
        for (String png : new String[] {"LinalgBench-gemm.png", "RandomBench-uniforms.png", "BandwidthBench-copy.png", "PeakFlopsBench-vectorFma.png"}) {
            assertTrue(text.contains("](" + png + ")"), "report.md links " + png);
            assertPng(dir.resolve("out").resolve(png));
        }
        // GEMM has a work model and the run a peak: two panels side by side.
        assertEquals(2 * Charts.WIDTH, ImageIO.read(dir.resolve("out/LinalgBench-gemm.png").toFile()).getWidth());
        String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(html.contains("data:image/png;base64,"), "the HTML inlines its images");
        assertTrue(!html.contains("src=\"LinalgBench"), "the HTML does not link files beside it");
        assertTrue(text.contains("100.0 GFLOP/s"), "the header names the measured peak");
    }

    @Test
    void machineFileGivesTheHeaderAndTheLoadLine() throws IOException {
        Path f = json("run.json", fullRun(1));
        ReportMain.finishRun(ReportMain.startRun("sxn bench --quick --report"), f);
        assertTrue(Files.isRegularFile(dir.resolve("run.machine.properties")));
        String text = Files.readString(ReportMain.report(List.of(f), null, dir.resolve("out"), null, null));
        assertTrue(text.startsWith("Taken on a quiet machine: load average") || text.startsWith("**Taken under load: load average"), text);
        assertTrue(text.contains("| run | ") && text.contains(": sxn bench --quick --report |"), text);
        assertTrue(text.contains("| cores | " + Runtime.getRuntime().availableProcessors() + " |"), text);
        // A run whose machine file shows other load at the start says so on the first line.
        String props = Files.readString(dir.resolve("run.machine.properties")).replaceAll("(?m)^loadStart=.*$", "loadStart=5.00 4.00 3.00")
                .replaceAll("(?m)^loadEnd=.*$", "loadEnd=1.20 1.00 1.00");
        Files.writeString(dir.resolve("run.machine.properties"), props);
        String loaded = Files.readString(ReportMain.report(List.of(f), null, dir.resolve("out2"), null, null));
        assertTrue(loaded.startsWith("**Taken under load: load average 5.00 at start, 1.20 at end"), loaded.lines().findFirst().orElse(""));
        Files.writeString(dir.resolve("run.machine.properties"), props.replace("loadStart=5.00 4.00 3.00", "loadStart=0.10 0.10 0.10"));
        String quiet = Files.readString(ReportMain.report(List.of(f), null, dir.resolve("out3"), null, null));
        assertTrue(quiet.startsWith("Taken on a quiet machine: load average 0.10 at start, 1.20 at end"), quiet.lines().findFirst().orElse(""));
    }

    @Test
    void handlesMissingBenchmarksAndASingleSize() throws IOException {
        // No peak, no bandwidth, one size only, one benchmark without any parameter.
        Path f = json("partial.json", List.of(row("LinalgBench.gemm", "avgt", params("impl", "NATIVE", "n", "1024"), 25, 0.5, "ms/op"),
                row("GarchBench.fitT", "avgt", params(), 3.5, Double.NaN, "ms/op")));
        Path md = ReportMain.report(List.of(f), null, dir.resolve("out"), null, null);
        String text = Files.readString(md);
        assertTrue(text.contains("not measured in this run (no PeakFlopsBench)"), text);
        assertTrue(text.contains("not measured in this run (no BandwidthBench)"), text);
        assertPng(dir.resolve("out/LinalgBench-gemm.png"));
        assertPng(dir.resolve("out/GarchBench-fitT.png"));
        // Without a peak there is no fraction panel: one chart wide.
        assertEquals(Charts.WIDTH, ImageIO.read(dir.resolve("out/LinalgBench-gemm.png").toFile()).getWidth());
        assertTrue(text.contains("| NATIVE | 25.00 ± 0.500 |"), text);
    }

    @Test
    void reportsAFailedRunInsteadOfThrowing() throws IOException {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "");
        String full = "[\n" + String.join(",\n", fullRun(1)) + "\n]\n";
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, full.substring(0, full.length() / 2));
        Path ok = json("ok.json", List.of(row("GarchBench.fitT", "avgt", params("n", "2500"), 3.5, 0.1, "ms/op")));
        Path md = ReportMain.report(List.of(empty, truncated, ok), null, dir.resolve("out"), null, null);
        String text = Files.readString(md);
        assertTrue(text.contains("**Run failed or incomplete:** " + empty + ": not a complete JMH result (JSON is empty)"), text);
        assertTrue(text.contains("**Run failed or incomplete:** " + truncated + ": not a complete JMH result"), text);
        assertTrue(text.contains("(truncated?)"), text);
        assertPng(dir.resolve("out/GarchBench-fitT.png"));
        // An empty array (JMH ran nothing) is a report with no plots and says so.
        Path none = json("none.json", List.of());
        String t2 = Files.readString(ReportMain.report(List.of(none), null, dir.resolve("out2"), null, null));
        assertTrue(t2.contains("**No results in** " + none), t2);
    }

    @Test
    void baselineFlagsOnlyRegressionsBeyondTheError() throws IOException {
        Path old = json("old.json", fullRun(1));
        Path now = json("new.json", fullRun(2)); // NATIVE GEMM takes twice the time: a regression at every size
        String text = Files.readString(ReportMain.report(List.of(now), old, dir.resolve("out"), null, null));
        assertTrue(text.contains("**3 regressions**"), text);
        assertTrue(text.contains("| LinalgBench.gemm[impl=NATIVE,n=1024] |"), text);
        assertTrue(text.contains("| 2.000 | **regression** |"), text);
        assertTrue(text.contains("| LinalgBench.gemm[impl=JAVA,n=1024] |") && text.contains("| 1.000 | within error |"), text);
        assertTrue(text.contains("| 1.000 | no error to judge |"), "EJML rows have no JMH error: " + text);
    }

    @Test
    void targetsAreMarkedMetAndMissed() throws IOException {
        List<Result> rs = Result.read(json("run.json", fullRun(1)));
        Limits limits = new Limits(rs, 8);
        ReportConfig cfg = ReportConfig.load();
        // NATIVE GEMM runs at 8e10 flop/s against a 1e11 peak: 80%.
        Targets.Row peak85 = Targets.evaluate("9", "t", "peak LinalgBench.gemm[impl=NATIVE,n=1024]", ">= 0.85", rs, cfg, limits);
        assertEquals("no", peak85.met());
        assertEquals("80% of peak", peak85.measured());
        assertEquals("yes", Targets.evaluate("9", "t", "peak LinalgBench.gemm[impl=NATIVE,n=1024]", ">= 0.75", rs, cfg, limits).met());
        // Best of NATIVE and JAVA against EJML: 8x at every size.
        Targets.Row sp = Targets.evaluate("10", "t", "speedup LinalgBench.gemm[impl=NATIVE|JAVA] / LinalgBench.gemm[impl=EJML]", ">= 8", rs, cfg, limits);
        assertEquals("yes", sp.met(), sp.measured());
        assertEquals("8.000x (3 sizes)", sp.measured());
        assertEquals("no", Targets.evaluate("10", "t", "speedup LinalgBench.gemm[impl=JAVA] / LinalgBench.gemm[impl=EJML]", ">= 2.5", rs, cfg, limits).met());
        // value in another unit, both directions.
        double ms1024 = 2.0 * 1024 * 1024 * 1024 / 8e10 * 1e3;
        assertEquals("yes", Targets.evaluate("9", "t", "value LinalgBench.gemm[impl=NATIVE,n=1024] s/op", "<= " + (ms1024 / 1e3 * 1.01), rs, cfg, limits).met());
        assertEquals("no", Targets.evaluate("9", "t", "value LinalgBench.gemm[impl=NATIVE,n=1024] s/op", "<= " + (ms1024 / 1e3 * 0.99), rs, cfg, limits).met());
        // rate times a parameter: 6000 calls/s x 4096 numbers.
        Targets.Row rate = Targets.evaluate("19", "t", "rate RandomBench.uniforms[backend=*]*n", ">= 2.4e7", rs, cfg, limits);
        assertEquals("yes", rate.met(), rate.measured());
        assertEquals("yes", Targets.evaluate("19", "t", "speedup RandomBench.uniforms[backend=VECTOR] / RandomBench.commonsPhilox4x32", ">= 5", rs, cfg, limits).met());
        assertEquals("not measured", Targets.evaluate("5", "t", "rate KalmanBench.batchStep*filters", ">= 1e8", rs, cfg, limits).met());
        assertEquals("see there", Targets.evaluate("18", "t", "elsewhere bench/warmup.sh", "-", rs, cfg, limits).met());
        assertThrows(IllegalArgumentException.class, () -> Targets.evaluate("1", "t", "fastest X", ">= 1", rs, cfg, limits));
        // The checked-in targets file parses and names every issue it lists.
        Path file = Path.of("targets.txt");
        if (Files.isRegularFile(file)) {
            List<Targets.Row> all = Targets.evaluate(file, rs, cfg, limits);
            assertTrue(all.size() > 20, "targets.txt has " + all.size() + " targets");
        }
    }

    @Test
    void jsonReaderRejectsMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[{\"a\": 1,"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\" 1}"));
        assertEquals(List.of(1.0, "x\"y", true), Json.parse("[1, \"x\\\"y\", true]"));
    }

    @Test
    void crossoversComeFromDescribe() {
        String describe = "JAVA: available\ncrossovers: shipped\noperations:\n"
                + "  linalg.gemm: JAVA, VECTOR (n >= 16), NATIVE (n >= 8), OPENCL (pinned only)\n"
                + "  spectral.FFT: JAVA, VECTOR (n >= 64), NATIVE (unavailable: see NATIVE above); lacks [OPENCL]\n";
        var c = Limits.crossovers(describe);
        assertEquals(Map.of("VECTOR", 16L, "NATIVE", 8L), c.get("linalg.gemm"));
        assertEquals(Map.of("VECTOR", 64L), c.get("spectral.FFT"));
    }

    /** The suite's class names, as sxn bench passes them. */
    @SuppressWarnings("unchecked")
    static List<String> suite() {
        try {
            var f = Class.forName("dev.sxn.math.bench.Suite").getDeclaredField("CLASSES");
            f.setAccessible(true);
            return ((List<Class<?>>) f.get(null)).stream().map(Class::getSimpleName).toList();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The page generated from the repository's own sources, targets and method section into {@code out}. */
    Path page(Path root, Path sources, Path out) throws IOException {
        return BenchmarksPage.write(root, sources, Path.of("benchmarks-method.md"), Path.of("targets.txt"), out.resolveSibling("plots"), out, suite());
    }

    @Test
    void benchmarksPageIsOnePageOnTheCheckedInSources() throws IOException {
        Path root = Path.of("..");
        Path out = Files.createDirectories(dir.resolve("page")).resolve("BENCHMARKS.md");
        List<String> lines = Files.readAllLines(page(root, root.resolve("bench/results/sources.txt"), out));
        String text = String.join("\n", lines);
        assertTrue(lines.size() < 320, "BENCHMARKS.md must stay under 320 lines, was " + lines.size());
        for (String h : new String[] {"## Machine", "## Targets", "## Results by domain", "## Crossovers"}) assertTrue(text.contains("\n" + h + "\n"), h);
        assertTrue(text.contains("\noperations:\n"), "the crossovers as Backends.describe() prints them");
        assertTrue(text.contains("No GPU was lent"), "the method section says no GPU was lent");
        assertTrue(!text.contains("## GPU host"), "no GPU JSON is listed, so no GPU section");
        // Every plot it links exists and is a full-size PNG; the limits' plots are linked beside the machine.
        var links = java.util.regex.Pattern.compile("\\]\\(([^)]+\\.png)\\)").matcher(text);
        int n = 0;
        while (links.find()) {
            assertPng(out.resolveSibling(links.group(1)));
            n++;
        }
        assertTrue(n > 30, "the page links " + n + " plots");
        assertTrue(text.contains("[PeakFlopsBench.vectorFma]("), text);
        // The checked-in page is the one generated from these sources: one page too.
        Path checkedIn = root.resolve("BENCHMARKS.md");
        if (Files.isRegularFile(checkedIn)) {
            assertTrue(Files.readAllLines(checkedIn).size() < 320, "the checked-in BENCHMARKS.md has " + Files.readAllLines(checkedIn).size() + " lines");
        }
    }

    @Test
    void pageRowsCompareTheFastestKindWithThePeerAtTheLargestSize() throws IOException {
        Path f = json("run.json", fullRun(1));
        Files.writeString(dir.resolve("sources.txt"), "run.json | synthetic run\n");
        Path out = Files.createDirectories(dir.resolve("page")).resolve("BENCHMARKS.md");
        String text = Files.readString(page(dir, dir.resolve("sources.txt"), out));
        // GEMM at n = 1024: NATIVE at 8e10 flop/s against EJML's 1e10: 8 times faster; EJML has no error.
        double nat = 2.0 * 1024 * 1024 * 1024 / 8e10 * 1e3, ejml = 2.0 * 1024 * 1024 * 1024 / 1e10 * 1e3;
        assertTrue(text.contains("| [gemm](plots/LinalgBench-gemm.png) | n=1024 | ms/op | NATIVE " + Report.num(nat) + " ± " + Report.num(1e-4)
                + " | EJML " + Report.num(ejml) + " | 8.000x |"), text);
        // Uniforms: VECTOR against the fastest peer at n = 4096 (Commons RNG Philox4x32), the case named in the row.
        assertTrue(text.contains("| [uniforms](plots/RandomBench-uniforms.png) generator=PHILOX_4X32 | n=4096 | ops/s | VECTOR 6000 ± 100.0 "
                + "| commonsPhilox4x32 1000 ± 50.00 | 6.000x |"), text);
        assertTrue(text.contains("| **LinalgBench** | size | unit | fastest | compared with | speed-up |"), text);
        assertTrue(text.contains("`run.json` (synthetic run; " + fullRun(1).size() + " results)"), text);
        assertTrue(text.contains("No JMH JSON in the repository has results of") && text.contains("SpectralBench"), "domains without results are named");
        assertTrue(!text.contains("| **PeakFlopsBench**") && text.contains("[BandwidthBench.copy](plots/BandwidthBench-copy.png)"),
                "the limits are linked beside the machine, not tabled as results");
        assertTrue(Files.isRegularFile(f));
    }

    @Test
    void gpuSourceGetsItsOwnSection() throws IOException {
        json("cpu.json", fullRun(1));
        ReportMain.finishRun(ReportMain.startRun("sxn bench --quick --report"), dir.resolve("cpu.json"));
        // The GPU host's run: GEMM on OPENCL (the GPU) ten times faster than the host's NATIVE at n = 1024.
        List<String> rows = new ArrayList<>();
        for (int n : new int[] {256, 1024}) {
            double ms = 2.0 * n * n * n / 5e10 * 1e3;
            rows.add(row("LinalgVectorBench.gemm", "avgt", params("impl", "NATIVE", "n", "" + n), ms, ms / 100, "ms/op"));
            rows.add(row("LinalgVectorBench.gemm", "avgt", params("impl", "VECTOR", "n", "" + n), 2 * ms, ms / 100, "ms/op"));
            rows.add(row("LinalgVectorBench.gemm", "avgt", params("impl", "OPENCL", "n", "" + n), ms / 10, ms / 1000, "ms/op"));
        }
        json("gemm.json", rows);
        String device = "NVIDIA CUDA: NVIDIA H100 80GB HBM3, GPU, 132 compute units, 81079 MiB, fp64, OpenCL 3.0 CUDA";
        var p = new java.util.Properties();
        p.setProperty("command", "bench/gpu/run-bench.sh gemm");
        p.setProperty("start", "2026-12-07T20:00:00Z");
        p.setProperty("end", "2026-12-07T20:03:00Z");
        p.setProperty("loadStart", "0.10 0.10 0.10");
        p.setProperty("loadEnd", "1.10 0.50 0.20");
        p.setProperty("cpu", "Intel(R) Xeon(R) Platinum 8480+");
        p.setProperty("cores", "16");
        p.setProperty("opencl", device);
        p.setProperty("describe", "OPENCL: NVIDIA CUDA, NVIDIA H100 80GB HBM3, GPU, fp64\n  OpenCL device: " + device + "\ncrossovers: shipped\noperations:\n"
                + "  linalg.gemm: JAVA, VECTOR (n >= 16), NATIVE (n >= 8), OPENCL (n >= 512)\n");
        try (var w = Files.newBufferedWriter(dir.resolve("gemm.machine.properties"))) {
            p.store(w, "a GPU host");
        }
        Files.writeString(dir.resolve("sources.txt"), "cpu.json | the CPU run\ngemm.json | the GPU host's run\n");
        Path out = Files.createDirectories(dir.resolve("page")).resolve("BENCHMARKS.md");
        String text = Files.readString(page(dir, dir.resolve("sources.txt"), out));
        assertTrue(text.contains("\n## GPU host\n"), text);
        assertTrue(text.contains("| OpenCL devices | " + device + " |"), text);
        assertTrue(text.contains("| [LinalgVectorBench.gemm](plots/gpu/LinalgVectorBench-gemm.png) | n=1024 | ms/op | OPENCL "), text);
        assertTrue(text.contains("| 10.00x |"), "OPENCL against the host's fastest kind (NATIVE): " + text);
        assertTrue(text.contains("`gemm.json` (the GPU host's run; GPU host; 6 results)"), text);
        assertPng(dir.resolve("page/plots/gpu/LinalgVectorBench-gemm.png"));
        // The GPU host's rows stay out of the CPU tables and targets: this machine's LinalgBench is there, its GEMM is not.
        assertTrue(text.contains("| **LinalgBench** |") && !text.contains("| **LinalgVectorBench** |"), text);
        assertTrue(text.indexOf("## GPU host") < text.indexOf("## Crossovers"));
    }

    @Test
    void machineFileForARunMadeOutsideSxnBench() throws IOException {
        // bench/gpu/run-bench.sh runs JMH's own CLI, then writes each JSON's machine file with the run's start and load.
        Path f = json("gemm.json", fullRun(1));
        assertTrue(ReportMain.main(new String[] {"--machine-file", f.toString(), "--since", "2026-12-07T20:00:00Z", "--load-start", "0.50 0.40 0.30",
                "--command", "bench/gpu/run-bench.sh gemm"}, List.of()));
        RunInfo info = RunInfo.readBeside(f);
        assertEquals("2026-12-07T20:00:00Z", info.get("start"));
        assertEquals("0.50 0.40 0.30", info.get("loadStart"));
        assertEquals("bench/gpu/run-bench.sh gemm", info.get("command"));
        assertTrue(!info.get("end").equals("unknown") && !info.get("loadEnd").equals("unknown"), "the end is recorded when it is written");
        assertEquals(BenchmarksPage.gpuHost(info), info.get("opencl").contains(", GPU,"));
        assertThrows(IllegalArgumentException.class, () -> ReportMain.main(new String[] {"--machine-file"}, List.of()));
    }
}
