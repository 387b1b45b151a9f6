package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.filter.BatchKalman;
import dev.sxn.math.filter.KalmanModel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hipparchus.filtering.kalman.Measurement;
import org.hipparchus.filtering.kalman.ProcessEstimate;
import org.hipparchus.filtering.kalman.linear.LinearEvolution;
import org.hipparchus.filtering.kalman.linear.LinearKalmanFilter;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposer;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * BatchKalman filter updates per second: N local-linear-trend filters (n = 2, m = 1), one tick per
 * {@code step} call ({@code batchStep}) or 8 ticks per {@code run} call, blocked over time
 * ({@code batchRun8}), per backend; beside Hipparchus' LinearKalmanFilter run filter by filter on the
 * same model and data ({@code hipparchus}). Scores are calls per second: multiply by N (by 8 N for
 * batchRun8) for filter-updates per second (bench/results/history/kalman.md does).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Quick({"filters=10000,100000", "backend=JAVA,VECTOR,NATIVE", "hipFilters=10000"})
public class KalmanBench {
    static final KalmanModel MODEL = KalmanModel.localLinearTrend(1e-6, 1e-8, 2.5e-7);
    static final int TICKS = 8;

    /** Observations of TICKS ticks for N feeds (a random walk around 100 plus noise). */
    static double[] observations(int n, int ticks, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] z = new double[ticks * n];
        for (int f = 0; f < n; f++) {
            double p = 100 + rnd.nextDouble();
            for (int t = 0; t < ticks; t++) {
                p += 1e-3 * rnd.nextGaussian();
                z[t * n + f] = p + 5e-4 * rnd.nextGaussian();
            }
        }
        return z;
    }

    /** The batch size and the data. */
    @State(Scope.Thread)
    public static class Data {
        @Param({"100", "1000", "10000", "100000", "1000000"})
        public int filters;

        double[] zs;
        int t;

        @Setup(Level.Trial)
        public void setup() {
            zs = observations(filters, TICKS, 42);
        }
    }

    /** The backend. */
    @State(Scope.Thread)
    public static class Kind {
        @Param({"JAVA", "VECTOR", "NATIVE", "OPENCL"})
        public String backend;

        Backend kind;
        BatchKalman batch;

        @Setup(Level.Trial)
        public void setup(Data d) {
            kind = Backend.valueOf(backend);
            batch = new BatchKalman(MODEL, d.filters, new double[] {100, 0}, new double[][] {{1, 0}, {0, 1e-4}});
            JitWarmUp.trial(backend, "filter.BatchKalman");
        }
    }

    /** One tick over all N filters (what step(z) does; run(z, off, 1) reads the tick in place). */
    @Benchmark
    public double batchStep(Data d, Kind k) {
        double[] z = d.zs;
        int off = (d.t++ & (TICKS - 1)) * d.filters;
        k.batch.run(k.kind, z, off, 1, null);
        return k.batch.filters();
    }

    /** TICKS ticks in one call (state kept in registers across ticks). */
    @Benchmark
    public double batchRun8(Data d, Kind k) {
        k.batch.run(k.kind, d.zs, 0, TICKS, null);
        return k.batch.filters();
    }

    /** A Hipparchus measurement with a mutable value, reused for every step of one filter. */
    static final class Scalar implements Measurement {
        final ArrayRealVector value = new ArrayRealVector(1);
        final RealMatrix cov;
        double time;

        Scalar(RealMatrix cov) {
            this.cov = cov;
        }

        @Override
        public double getTime() {
            return time;
        }

        @Override
        public RealVector getValue() {
            return value;
        }

        @Override
        public RealMatrix getCovariance() {
            return cov;
        }
    }

    /** Hipparchus filters, one per feed (fewer sizes: its cost per update does not depend on N). */
    @State(Scope.Thread)
    public static class Hip {
        @Param({"100", "10000"})
        public int hipFilters;

        LinearKalmanFilter<Scalar>[] filters;
        Scalar[] measurements;
        double[] zs;
        int t;

        @SuppressWarnings("unchecked")
        @Setup(Level.Trial)
        public void setup() {
            RealMatrix f = new Array2DRowRealMatrix(MODEL.transition());
            RealMatrix q = new Array2DRowRealMatrix(MODEL.processNoise());
            RealMatrix h = new Array2DRowRealMatrix(MODEL.observation());
            RealMatrix r = new Array2DRowRealMatrix(MODEL.observationNoise());
            LinearEvolution evo = new LinearEvolution(f, null, null, q, h);
            filters = new LinearKalmanFilter[hipFilters];
            measurements = new Scalar[hipFilters];
            for (int i = 0; i < hipFilters; i++) {
                ProcessEstimate init = new ProcessEstimate(0, new ArrayRealVector(new double[] {100, 0}),
                        new Array2DRowRealMatrix(new double[][] {{1, 0}, {0, 1e-4}}));
                filters[i] = new LinearKalmanFilter<>(new CholeskyDecomposer(1e-15, 1e-15), m -> evo, init);
                measurements[i] = new Scalar(r);
            }
            zs = observations(hipFilters, TICKS, 42);
        }
    }

    /** One tick over all filters with Hipparchus, filter by filter. */
    @Benchmark
    public double hipparchus(Hip s) {
        int n = s.hipFilters;
        int off = (s.t++ & (TICKS - 1)) * n;
        double acc = 0;
        for (int i = 0; i < n; i++) {
            Scalar m = s.measurements[i];
            m.time += 1;
            m.value.setEntry(0, s.zs[off + i]);
            acc += s.filters[i].estimationStep(m).getState().getEntry(0);
        }
        return acc;
    }
}
