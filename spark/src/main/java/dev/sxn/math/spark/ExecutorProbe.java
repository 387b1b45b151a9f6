package dev.sxn.math.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** Collects each executor's {@link ExecutorInfo} with one small job. */
final class ExecutorProbe {
    private ExecutorProbe() {}

    /** Runs one task per default-parallelism slot (at least two) and keeps one description per executor JVM. */
    static List<ExecutorInfo> collect(SparkSession spark) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int n = Math.max(2, jsc.defaultParallelism());
        List<Integer> slots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) slots.add(i);
        List<ExecutorInfo> seen = jsc.parallelize(slots, n).map(i -> ExecutorInfo.here()).collect();
        Map<String, ExecutorInfo> byJvm = new LinkedHashMap<>();
        for (ExecutorInfo e : seen) byJvm.putIfAbsent(e.executorId() + "/" + e.host() + "/" + e.pid(), e);
        List<ExecutorInfo> out = new ArrayList<>(byJvm.values());
        out.sort(Comparator.comparing(ExecutorInfo::executorId));
        return List.copyOf(out);
    }
}
