package dev.sxn.math.internal.calibration;

import dev.sxn.math.indicators.OscillatorBatches;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.TtrOscillatorData;
import java.util.List;

/**
 * The probe of the batched TTR oscillators (size: assets x bars): more assets of {@value #BARS} bars at each size,
 * each call a CCI (the window kernel) and an MFI (the running-sum kernel) of the batch, the two shapes the family's
 * kernels take.
 */
final class TtrOscillatorProbes {
    private static final int BARS = 500;

    private TtrOscillatorProbes() {}

    static List<Probe> all() {
        return List.of(Probe.of(KernelFamilies.INDICATORS_TTR_OSCILLATORS, Probe.geometric(4 * BARS, 4, 6), n -> {
            SeriesBatch[] b = TtrOscillatorData.bars(Math.max(1, n / BARS), BARS, 20261222L);
            return k -> {
                OscillatorBatches.cci(b[0], b[1], b[2], 20, 0.015, k);
                OscillatorBatches.mfi(b[0], b[1], b[2], b[3], 14, k);
            };
        }));
    }
}
