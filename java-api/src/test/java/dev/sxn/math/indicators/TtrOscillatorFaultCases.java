package dev.sxn.math.indicators;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.TtrOscillatorData;
import dev.sxn.math.testing.FaultCase;
import dev.sxn.math.testing.FaultCase.Call;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The {@code indicators.ttr.oscillators} calls of the fault-injection suite ({@code FaultInjectionTest}): each kernel
 * writes every element of its output batch, so a retry on JAVA rewrites whatever a failed kind left there, and the
 * outputs are JAVA's bit for bit. 13 assets (a lane group and a tail) of 300 bars.
 */
public final class TtrOscillatorFaultCases {
    private TtrOscillatorFaultCases() {}

    /** The cases. */
    public static List<FaultCase> cases() {
        return List.of(
                of("OscillatorBatches.rocDiscrete", 81, (b, k) -> OscillatorBatches.rocDiscrete(b[2], 10, k)),
                of("OscillatorBatches.wpr", 82, (b, k) -> OscillatorBatches.wpr(b[0], b[1], b[2], 14, k)),
                of("OscillatorBatches.cci", 83, (b, k) -> OscillatorBatches.cci(b[0], b[1], b[2], 20, 0.015, k)),
                of("OscillatorBatches.mfi", 84, (b, k) -> OscillatorBatches.mfi(b[0], b[1], b[2], b[3], 14, k)));
    }

    private static FaultCase of(String name, long seed, BiFunction<SeriesBatch[], Backend, SeriesBatch> call) {
        return FaultCase.of(name + ", 13 assets x 300", KernelFamilies.INDICATORS_TTR_OSCILLATORS, k -> {
            SeriesBatch[] b = TtrOscillatorData.bars(13, 300, seed);
            SeriesBatch[] out = new SeriesBatch[1];
            return Call.of(() -> out[0] = call.apply(b, k), () -> out[0] == null ? null : out[0].data(),
                    new Object[] {b[0].data(), b[1].data(), b[2].data(), b[3].data()});
        });
    }
}
