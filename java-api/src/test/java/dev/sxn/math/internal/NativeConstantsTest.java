package dev.sxn.math.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.testing.NativeSources;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The loader's view of libsxnkernels agrees with native/src/sxn_dispatch.h: the ABI version it
 * demands and the ISA levels it names. (Each family's shared constants have their own test in the
 * domain package: IndicatorConstantsTest, FilterConstantsTest, DynamicsConstantsTest,
 * SpectralConstantsTest.)
 */
class NativeConstantsTest {
    @Test
    void abiVersionMatchesTheHeader() {
        assertEquals(SxnNative.ABI_VERSION, NativeSources.longDefine("sxn_dispatch.h", "SXN_ABI_VERSION"));
    }

    @Test
    void isaLevelsMatchTheHeader() {
        String h = NativeSources.header("sxn_dispatch.h");
        Matcher m = Pattern.compile("SXN_ISA_AVX2\\s*=\\s*(\\d+)\\s*,\\s*SXN_ISA_AVX512\\s*=\\s*(\\d+)").matcher(h);
        assertTrue(m.find(), "sxn_isa_t in sxn_dispatch.h");
        assertEquals(SxnNative.ISA_AVX2, Integer.parseInt(m.group(1)));
        assertEquals(SxnNative.ISA_AVX512, Integer.parseInt(m.group(2)));
    }
}
