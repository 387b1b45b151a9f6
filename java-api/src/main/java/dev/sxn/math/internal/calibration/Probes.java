package dev.sxn.math.internal.calibration;

import java.util.ArrayList;
import java.util.List;

/** Every family's probe, in the order of {@code KernelFamilies.all()} (held to it by {@code CalibrationTest}). */
final class Probes {
    private Probes() {}

    static List<Probe> all() {
        List<Probe> all = new ArrayList<>(LinalgProbes.all());
        all.addAll(IndicatorProbes.all());
        all.addAll(DomainProbes.all());
        all.addAll(StochasticProbes.all());
        all.addAll(StreamProbes.all());
        all.addAll(RiskProbes.all());
        all.addAll(RegimeProbes.all());
        all.addAll(AmmProbes.all());
        all.addAll(TtrOscillatorProbes.all());
        all.addAll(TrendProbes.all());
        return all;
    }
}
