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
 * Steady-state allocation of the batched {@link RollingRisk} calls on every kind of {@code risk.rolling}: the caller
 * owns the outputs, so a warm call of 40 assets x 600 returns allocates nothing proportional to the series length: a
 * constant under 512 bytes for vol/Sharpe, and for VaR/ES that plus a small per-asset constant (the JAVA rank window's
 * per-series bookkeeping; its arrays live in per-thread scratch), and the launch's plumbing on OPENCL.
 */
class RollingAllocationTest {
    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.RISK_ROLLING);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void warmCallsAllocateOnlyAConstant(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        SeriesBatch x = RollingBatchTest.returns(40, 600, 5), v = x.like(), e = x.like();
        Allocations.assertUnder(kind + " rolling VaR/ES", () -> RollingRisk.historical(x, 250, 0.05, v, e, kind),
                Allocations.budget(kind, 512 + 256L * x.assets()));
        Allocations.assertUnder(kind + " rolling Sharpe", () -> RollingRisk.sharpe(x, 60, 0.02, 252, v, kind),
                Allocations.budget(kind, 512));
    }
}
