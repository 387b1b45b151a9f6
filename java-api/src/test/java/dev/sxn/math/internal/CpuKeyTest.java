package dev.sxn.math.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 18, item 4: the CPU family key and identity read from /proc/cpuinfo texts. */
class CpuKeyTest {
    private static String cpuinfo(String vendor, int family, int model, int stepping, String name, String flags) {
        // Two processors, as /proc/cpuinfo lists them: only the first is read.
        String one = "processor\t: %d\nvendor_id\t: " + vendor + "\ncpu family\t: " + family + "\nmodel\t\t: " + model + "\nmodel name\t: "
                + name + "\nstepping\t: " + stepping + "\nflags\t\t: " + flags + "\n\n";
        return String.format(one, 0) + String.format(one, 1);
    }

    private static final String AVX2 = "fpu sse sse2 ssse3 sse4_1 sse4_2 avx fma avx2 bmi2";
    private static final String AVX512 = AVX2 + " avx512f avx512dq avx512cd avx512bw avx512vl";

    @Test
    void zen4IsFamily0x19WithAvx512() {
        CpuKey k = CpuKey.parse(cpuinfo("AuthenticAMD", 25, 17, 1, "AMD EPYC 9R14 96-Core Processor", AVX512 + " avx512_bf16"));
        assertEquals("amd-zen4", k.key());
        assertEquals("AMD EPYC 9R14 96-Core Processor (AuthenticAMD family 25 model 17 stepping 1)", k.identity());
    }

    @Test
    void zen3IsFamily0x19WithoutAvx512() {
        assertEquals("amd-zen3", CpuKey.parse(cpuinfo("AuthenticAMD", 25, 1, 1, "AMD EPYC 7R13 Processor", AVX2)).key());
    }

    @Test
    void zen5IsFamily0x1A() {
        CpuKey k = CpuKey.parse(cpuinfo("AuthenticAMD", 26, 2, 1, "AMD EPYC", AVX512 + " avx512_vp2intersect"));
        assertEquals("amd-zen5", k.key());
        // A virtual machine may name a Zen 4 and a Zen 5 alike: the family numbers keep their identities apart.
        assertEquals("AMD EPYC (AuthenticAMD family 26 model 2 stepping 1)", k.identity());
    }

    @Test
    void zen2AndZen1ByModel() {
        assertEquals("amd-zen2", CpuKey.parse(cpuinfo("AuthenticAMD", 23, 49, 0, "AMD EPYC 7742 64-Core Processor", AVX2)).key());
        assertEquals("amd-zen1", CpuKey.parse(cpuinfo("AuthenticAMD", 23, 1, 2, "AMD EPYC 7601 32-Core Processor", AVX2)).key());
    }

    @Test
    void intelSapphireRapidsByModel() {
        CpuKey k = CpuKey.parse(cpuinfo("GenuineIntel", 6, 143, 8, "Intel(R) Xeon(R) Platinum 8480+", AVX512 + " amx_tile"));
        assertEquals("intel-spr", k.key());
        assertEquals("Intel(R) Xeon(R) Platinum 8480+ (GenuineIntel family 6 model 143 stepping 8)", k.identity());
        assertEquals("intel-skx", CpuKey.parse(cpuinfo("GenuineIntel", 6, 85, 7, "Intel(R) Xeon(R) Gold 6248", AVX512)).key());
        assertEquals("intel-adl", CpuKey.parse(cpuinfo("GenuineIntel", 6, 151, 2, "12th Gen Intel(R) Core(TM) i7-12700", AVX2)).key());
    }

    @Test
    void unknownModelsFallBackToVendorAndIsa() {
        assertEquals("intel-avx512", CpuKey.parse(cpuinfo("GenuineIntel", 6, 250, 1, "Intel(R) Xeon(R) 7", AVX512)).key());
        assertEquals("intel-avx2", CpuKey.parse(cpuinfo("GenuineIntel", 19, 1, 0, "Intel(R) Future", AVX2)).key());
        assertEquals("amd-avx512", CpuKey.parse(cpuinfo("AuthenticAMD", 27, 0, 0, "AMD Future", AVX512)).key());
        assertEquals("amd-baseline", CpuKey.parse(cpuinfo("AuthenticAMD", 16, 2, 0, "AMD Opteron", "fpu sse sse2")).key());
    }

    @Test
    void unknownVendorOrNoCpuinfoIsGeneric() {
        assertEquals(CpuKey.GENERIC, CpuKey.parse(cpuinfo("HygonGenuine", 24, 0, 1, "Hygon C86 7185", AVX2)).key());
        String arm = "processor\t: 0\nBogoMIPS\t: 243.75\nFeatures\t: fp asimd sve\nCPU implementer\t: 0x41\nCPU part\t: 0xd40\n";
        CpuKey k = CpuKey.parse(arm);
        assertEquals(CpuKey.GENERIC, k.key());
        assertEquals(System.getProperty("os.arch"), k.identity());
        assertEquals(CpuKey.GENERIC, CpuKey.parse("").key());
    }

    @Test
    void everyKeyButGenericHasADash() {
        // ShippedCrossovers tells a CPU section from a family line by the '-' in its first part.
        for (String k : new String[] {CpuKey.key("AuthenticAMD", 26, 0, java.util.Set.of()), CpuKey.key("GenuineIntel", 6, 143, java.util.Set.of()),
                CpuKey.key("GenuineIntel", 6, 0, java.util.Set.of())}) {
            assertEquals(true, k.contains("-"), k);
        }
    }
}
