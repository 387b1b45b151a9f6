package dev.sxn.math.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real standalone cluster on this machine (spark/bin/standalone.sh: a master and two workers, each worker
 * starting its own executor JVM): the universe job equals the one-JVM computation, also when a worker process is
 * killed in the middle of the job. Runs in the {@code spark-cluster} profile (failsafe), which .ci/run enables.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    private static Path module;
    private static Path work;
    private static SparkSession spark;
    private static final AtomicInteger removedExecutors = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        module = Path.of(System.getProperty("sxn.spark.moduleDir", "spark")).toAbsolutePath();
        work = Files.createTempDirectory(module.resolve("target"), "cluster-it");
        String url = script("start", "2").strip();
        String lib = module.resolve("target/classes") + ":" + module.resolve("target/lib") + "/*";
        spark = SparkSession.builder().master(url).appName("sxn-standalone-it")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.executor.memory", "512m").config("spark.executor.cores", "1").config("spark.cores.max", "2")
                .config("spark.executor.extraClassPath", lib)
                .config("spark.executor.extraJavaOptions", "--enable-native-access=ALL-UNNAMED -Dsxn.backend=java")
                .config("spark.task.maxFailures", "8")
                .getOrCreate();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
                removedExecutors.incrementAndGet();
            }
        });
        // Wait until both executors have registered, so the jobs below really run on two JVMs.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (spark.sparkContext().statusTracker().getExecutorInfos().length < 3 && System.nanoTime() < deadline) Thread.sleep(500);
        assertEquals(3, spark.sparkContext().statusTracker().getExecutorInfos().length, "driver + two executors");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (spark != null) spark.stop();
        } finally {
            script("stop");
        }
    }

    private static String script(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", module.resolve("bin/standalone.sh").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SXN_SPARK_STATE", module.resolve("target/standalone-it").toString());
        pb.environment().put("SXN_SPARK_PORT", "7178");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "standalone.sh " + String.join(" ", args) + ": " + out);
        return out;
    }

    private static UniverseSpec writeInput(List<AssetBars> assets, String name) {
        Path in = work.resolve(name + ".parquet");
        SparkFixtures.writeParquet(spark, assets, in);
        return UniverseSpec.of(in.toString(), work.resolve(name + "-out").toString());
    }

    @Test
    @Order(1)
    void universeOnTwoWorkersEqualsOneJvm() {
        List<AssetBars> assets = SparkFixtures.assets(20, 21, 120, 90);
        UniverseSpec spec = writeInput(assets, "small").withPartitioning(4, 3);
        UniverseResult r = SxnSpark.universe(spark, spec);
        SparkFixtures.assertSameScores(SparkFixtures.sortedByAsset(UniverseKernel.local(assets, spec)),
                SparkFixtures.readScores(spark, spec.output(), spec.indicators().size()));
        assertTrue(r.report().executors().stream().noneMatch(e -> e.executorId().equals("driver")), r.report().toString());
        assertTrue(r.report().executors().stream().allMatch(e -> e.kinds().stream().anyMatch(k -> k.startsWith("JAVA: "))), r.report().toString());
        System.out.println(r.report());
    }

    @Test
    @Order(2)
    void aWorkerKilledMidJobChangesNothing() throws Exception {
        List<AssetBars> assets = SparkFixtures.assets(160, 22, 400);
        UniverseSpec spec = writeInput(assets, "kill").withPartitioning(16, 2);
        List<AssetScore> expected = SparkFixtures.sortedByAsset(UniverseKernel.local(assets, spec));
        int removedBefore = removedExecutors.get();
        CompletableFuture<UniverseResult> job = CompletableFuture.supplyAsync(() -> SxnSpark.universe(spark, spec));
        // Kill worker 1 once the scoring stage has tasks running on the executors.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && !job.isDone() && !scoringTasksRunning()) Thread.sleep(100);
        assertFalse(job.isDone(), "the job ended before the worker could be killed");
        long pid = Long.parseLong(script("worker-pid", "1").strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        UniverseResult r = job.get(600, TimeUnit.SECONDS);
        assertTrue(removedExecutors.get() > removedBefore, "an executor was lost");
        assertEquals(160, r.assets());
        SparkFixtures.assertSameScores(expected, SparkFixtures.readScores(spark, spec.output(), spec.indicators().size()));
    }

    private static boolean scoringTasksRunning() {
        var tracker = spark.sparkContext().statusTracker();
        for (int id : tracker.getActiveStageIds()) {
            var info = tracker.getStageInfo(id);
            if (info.isDefined() && info.get().numTasks() == 16 && info.get().numActiveTasks() > 0) return true;
        }
        return false;
    }
}
