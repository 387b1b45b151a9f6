package dev.sxn.math.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The registry and the crossover resource agree: every family's kind has an entry, and nothing else does. */
class CrossoversTest {
    @Test
    void everyKindOfEveryFamilyHasACrossoverAndNoEntryIsStray() {
        Set<String> expected = new TreeSet<>();
        Set<String> names = new HashSet<>();
        for (KernelFamily f : KernelFamilies.all()) {
            assertTrue(names.add(f.name()), "family names are unique: " + f.name());
            for (Backend kind : f.kinds()) if (kind != Backend.JAVA) expected.add(f.name() + "." + Config.key(kind));
        }
        Set<String> present = new TreeSet<>();
        for (String key : ShippedCrossovers.get().keys()) present.add(key.endsWith(".gpu") ? key.substring(0, key.length() - 4) : key);
        for (String key : ShippedCrossovers.get().keys()) {
            if (key.endsWith(".gpu")) assertTrue(key.contains(".opencl.gpu"), "only OPENCL has a GPU value: " + key);
        }
        assertEquals(expected, present);
        // A CPU family's section overrides generic lines only: it names no family or kind the registry lacks.
        for (String cpu : ShippedCrossovers.get().sections()) {
            for (String key : ShippedCrossovers.get().sectionKeys(cpu)) {
                String plain = key.endsWith(".gpu") ? key.substring(0, key.length() - 4) : key;
                assertTrue(expected.contains(plain), cpu + "." + key + " overrides no generic line");
            }
        }
    }

    @Test
    void valuesParseAsSizesOrNever() {
        Crossovers c = Crossovers.shippedFor(ShippedCrossovers.get(), new CpuKey(CpuKey.GENERIC, "test"));
        assertEquals(Crossovers.NEVER, c.crossover("linalg.VectorOps.reduce", Backend.OPENCL, false));
        assertEquals(1L << 25, c.crossover("indicators.Indicators.batch", Backend.OPENCL, true), "the GPU value where there is one");
        assertEquals(Crossovers.NEVER, c.crossover("indicators.Indicators.batch", Backend.OPENCL, false));
        assertEquals(64, c.crossover("spectral.FFT", Backend.VECTOR, true), "without a .gpu entry the value holds for every device");
        assertEquals(Crossovers.NEVER, c.crossover("no.such.family", Backend.VECTOR, false));
    }

    @Test
    void everyFamilyIsFoundByName() {
        for (KernelFamily f : KernelFamilies.all()) assertEquals(f, KernelFamilies.named(f.name()));
    }
}
