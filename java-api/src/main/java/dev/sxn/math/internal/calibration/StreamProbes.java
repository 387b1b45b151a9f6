package dev.sxn.math.internal.calibration;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.IndicatorStreams;
import dev.sxn.math.indicators.stream.BatchSeriesStream;
import dev.sxn.math.internal.KernelFamilies;
import java.util.List;

/**
 * The probe of the batched streams (size: assets per row): one EMA row of a universe of 16 to 16,384 assets, on a
 * stream opened once per size and kind (a stream pins its kind at open), so the timed call is the row alone.
 */
final class StreamProbes {
    private StreamProbes() {}

    static List<Probe> all() {
        return List.of(Probe.of(KernelFamilies.INDICATOR_STREAMS, Probe.geometric(16, 4, 6), n -> {
            double[] row = new double[n];
            for (int a = 0; a < n; a++) row[a] = 100 + a;
            BatchSeriesStream[] byKind = new BatchSeriesStream[Backend.values().length];
            return k -> {
                int slot = k == null ? 0 : k.ordinal();
                if (byKind[slot] == null) byKind[slot] = IndicatorStreams.emaBatch(n, 20, k);
                row[0] += 0.25;
                byKind[slot].update(row);
            };
        }));
    }
}
