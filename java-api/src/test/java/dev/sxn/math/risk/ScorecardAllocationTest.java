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
 * Steady-state allocation of {@link Scorecard#of} on every kind of {@code risk.scorecard}: a warm call of 64 assets x
 * 400 returns allocates its result (seven arrays of k doubles and the record) plus a constant under 512 bytes (and the
 * launch's plumbing on OPENCL); the kernels' sums live in per-thread scratch.
 */
class ScorecardAllocationTest {
    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.RISK_SCORECARD);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void warmCallAllocatesOnlyItsResult(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int k = 64;
        SeriesBatch x = ScorecardTest.returns(k, 400, 3);
        long result = 7L * (16 + 8L * k) + 64;
        Allocations.assertUnder(kind + " scorecard", () -> Scorecard.of(x, 0.02, 0.0, 252, kind), Allocations.budget(kind, result + 512));
    }
}
