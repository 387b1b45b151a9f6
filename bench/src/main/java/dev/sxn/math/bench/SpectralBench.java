package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.spectral.FFT;
import dev.sxn.math.spectral.SpectralEntropy;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jtransforms.fft.DoubleFFT_1D;
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
 * FFTs per backend beside JTransforms 3.1 (single-threaded), and rolling spectral entropy.
 *
 * <p>Every FFT invocation first copies the fixed input into the work arrays (both libraries
 * transform in place), so the copy is in both numbers. MFLOP/s = 5 n log2 n / time (complex) and
 * 2.5 n log2 n / time (real), computed from the scores in bench/results/history/spectral.md. The
 * "impl" parameter is a backend kind or JTRANSFORMS.
 */
@Quick({"n=64,1048576", "rollingEntropy:impl=VECTOR,NATIVE", "step=1"})
public class SpectralBench {

    /** Complex and real FFTs. */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public static class Fft {
        @Param({"JAVA", "VECTOR", "NATIVE", "JTRANSFORMS"})
        public String impl;

        @Param({"64", "1024", "16384", "262144", "1048576", "1000", "10007"})
        public int n;

        double[] srcRe, srcIm, re, im, inter, realIn, real, outRe, outIm;
        DoubleFFT_1D jt;
        Backend backend;

        @Setup(Level.Trial)
        public void setup() {
            JitWarmUp.trial(impl, "spectral.FFT");
            pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
            SplittableRandom r = new SplittableRandom(42);
            srcRe = new double[n];
            srcIm = new double[n];
            for (int i = 0; i < n; i++) {
                srcRe[i] = r.nextDouble(-1, 1);
                srcIm[i] = r.nextDouble(-1, 1);
            }
            re = new double[n];
            im = new double[n];
            inter = new double[2 * n];
            realIn = new double[n];
            real = new double[n];
            outRe = new double[n / 2 + 1];
            outIm = new double[n / 2 + 1];
            if (impl.equals("JTRANSFORMS")) jt = new DoubleFFT_1D(n);
            else backend = Backend.valueOf(impl);
            // warm the plan outside the measurement
            complex();
            realFft();
        }

        @Benchmark
        public double complex() {
            if (jt != null) {
                for (int i = 0; i < n; i++) {
                    inter[2 * i] = srcRe[i];
                    inter[2 * i + 1] = srcIm[i];
                }
                jt.complexForward(inter);
                return inter[1];
            }
            System.arraycopy(srcRe, 0, re, 0, n);
            System.arraycopy(srcIm, 0, im, 0, n);
            FFT.forward(backend, re, im, FFT.Norm.BACKWARD);
            return im[1];
        }

        @Benchmark
        public double realFft() {
            if (jt != null) {
                System.arraycopy(srcRe, 0, real, 0, n);
                jt.realForward(real);
                return real[1];
            }
            FFT.rfft(backend, srcRe, 0, n, outRe, outIm, FFT.Norm.BACKWARD);
            return outIm[1];
        }
    }

    /** Rolling normalised spectral entropy of 10^6 points, window 256: windows/s = points-per-op / step. */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public static class Rolling {
        @Param({"JAVA", "VECTOR", "NATIVE", "OPENCL"})
        public String impl;

        @Param({"1", "16"})
        public int step;

        @Param({"1000000"})
        public int points;

        double[] x;

        @Setup(Level.Trial)
        public void setup() {
            JitWarmUp.trial(impl, "spectral.rollingEntropy");
            SplittableRandom r = new SplittableRandom(1);
            x = new double[points];
            double p = 0;
            for (int i = 0; i < points; i++) x[i] = p += r.nextGaussian();
        }

        @Benchmark
        public double rollingEntropy() {
            double[] h = SpectralEntropy.rollingEntropy(Backend.valueOf(impl), x, 256, step, Math.E, true, false);
            return h[h.length - 1];
        }
    }
}
