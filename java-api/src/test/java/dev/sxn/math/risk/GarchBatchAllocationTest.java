package dev.sxn.math.risk;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.Allocations;
import dev.sxn.math.testing.BackendSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Steady-state allocation of the {@code risk.garch} kernels: one batched likelihood-and-gradient evaluation of 37
 * assets x 500 returns (lane groups and a tail) allocates nothing on JAVA, VECTOR and NATIVE (under 64 bytes), and
 * only the launch's plumbing on OPENCL ({@link Allocations#OPENCL_PLUMBING}); nothing proportional to the batch.
 */
class GarchBatchAllocationTest {
    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.RISK_GARCH);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void evaluationAllocatesNothing(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int k = 37, n = 500;
        SeriesBatch x = GarchBatchTest.returns(k, n, 9, -1);
        for (GarchSpec spec : new GarchSpec[] {GarchSpec.of(GarchModel.GJR, GarchInnovations.STUDENT_T),
                GarchSpec.of(GarchModel.GARCH, GarchInnovations.NORMAL)}) {
            GarchBatchTest.Problem pr = new GarchBatchTest.Problem(x, spec, 1);
            double[] f = new double[k], g = new double[pr.p * k];
            GarchKernels kern = GarchBatchEstimator.KERNELS.kernel(kind);
            Allocations.assertUnder(kind + " " + spec, () -> kern.likelihood(pr.flags, pr.p, x.data(), k, n, pr.c, pr.th, pr.active, f, g),
                    Allocations.budget(kind, 64));
        }
    }
}
