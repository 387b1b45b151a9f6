package dev.sxn.math.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which CPU this is, in two grains: the <em>key</em> of its microarchitecture family ({@code amd-zen4},
 * {@code amd-zen5}, {@code intel-spr}, ...), under which {@code crossovers.properties} may hold a section of
 * crossover sizes, and the exact <em>identity</em> (model name, vendor, family, model, stepping), under which
 * {@code sxn calibrate} stores what it measured on this machine.
 *
 * <p>Why both: the best backend for a size moved by several times between a Zen 4 and a Zen 5 that report the
 * same model name ("AMD EPYC" in a virtual machine), so shipped defaults are keyed by family; a calibration is
 * valid only for the very CPU it ran on, so it is keyed by the identity, which includes the family numbers.
 *
 * <p>The key is read from {@code /proc/cpuinfo} (first processor): AMD by {@code cpu family} (0x17 Zen 1/2 by
 * model, 0x19 Zen 3 or Zen 4 by AVX-512, 0x1A Zen 5), Intel family 6 by {@code model} (server cores by name,
 * client cores by generation), and otherwise by vendor and widest vector ISA ({@code amd-avx512},
 * {@code intel-avx2}); {@value #GENERIC} where nothing is known (no {@code /proc/cpuinfo}, another vendor or
 * architecture). Keys are lower case and always contain a '-' except {@value #GENERIC}, which is what tells a
 * section line from a family line in the resource.
 *
 * @param key the microarchitecture family key
 * @param identity the exact CPU, e.g. {@code "AMD EPYC (AuthenticAMD family 26 model 2 stepping 1)"}
 */
public record CpuKey(String key, String identity) {
    /** The key of a CPU nothing is known about: only the generic crossover lines apply. */
    public static final String GENERIC = "generic";

    private static final class Holder {
        static final CpuKey THIS = parse(readCpuinfo());
    }

    /** This machine's CPU (read once). */
    public static CpuKey current() {
        return Holder.THIS;
    }

    /** Prints this machine's key: the sweeps ({@code bench/sweep-lib.sh}) name the section they write with it. */
    public static void main(String[] args) {
        System.out.println(current().key());
    }

    /** The key and identity described by the text of a {@code /proc/cpuinfo} (empty text: generic). */
    public static CpuKey parse(String cpuinfo) {
        String vendor = field(cpuinfo, "vendor_id");
        String modelName = field(cpuinfo, "model name");
        int family = number(field(cpuinfo, "cpu family"));
        int model = number(field(cpuinfo, "model"));
        int stepping = number(field(cpuinfo, "stepping"));
        String flagLine = field(cpuinfo, "flags");
        Set<String> flags = flagLine == null ? Set.of()
                : Arrays.stream(flagLine.split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        String key = key(vendor, family, model, flags);
        String name = modelName == null ? System.getProperty("os.arch", "unknown CPU") : modelName;
        String identity = vendor == null ? name
                : name + " (" + vendor + " family " + family + " model " + model + " stepping " + stepping + ")";
        return new CpuKey(key, identity);
    }

    /** The family key for a vendor string, the family and model numbers, and the flags. */
    static String key(String vendor, int family, int model, Set<String> flags) {
        if ("AuthenticAMD".equals(vendor)) {
            switch (family) {
                case 0x17:
                    return model < 0x30 ? "amd-zen1" : "amd-zen2";
                case 0x19:
                    return flags.contains("avx512f") ? "amd-zen4" : "amd-zen3";
                case 0x1A:
                    return "amd-zen5";
                default:
                    return byIsa("amd", flags);
            }
        }
        if ("GenuineIntel".equals(vendor)) {
            if (family == 6) {
                String core = intelCore(model);
                if (core != null) return "intel-" + core;
            }
            return byIsa("intel", flags);
        }
        return GENERIC;
    }

    /** Intel family 6 models: server cores by their code name, client cores by generation; null when unknown. */
    private static String intelCore(int model) {
        return switch (model) {
            case 0x3C, 0x3F, 0x45, 0x46 -> "hsw"; // Haswell
            case 0x3D, 0x47, 0x4F, 0x56 -> "bdw"; // Broadwell
            case 0x4E, 0x5E, 0x8E, 0x9E, 0xA5, 0xA6 -> "skl"; // Skylake .. Comet Lake (client, AVX2)
            case 0x55 -> "skx"; // Skylake-SP, Cascade Lake, Cooper Lake
            case 0x6A, 0x6C -> "icx"; // Ice Lake-SP
            case 0x7D, 0x7E, 0x8C, 0x8D -> "icl"; // Ice Lake and Tiger Lake (client, AVX-512)
            case 0x8F -> "spr"; // Sapphire Rapids
            case 0xCF -> "emr"; // Emerald Rapids
            case 0xAD, 0xAE -> "gnr"; // Granite Rapids
            case 0x97, 0x9A, 0xB7, 0xBA, 0xBF -> "adl"; // Alder Lake, Raptor Lake (hybrid, AVX2)
            default -> null;
        };
    }

    private static String byIsa(String vendor, Set<String> flags) {
        if (flags.contains("avx512f")) return vendor + "-avx512";
        if (flags.contains("avx2")) return vendor + "-avx2";
        return vendor + "-baseline";
    }

    /** The value of the first line {@code name<tabs or spaces>: value}, or null. */
    private static String field(String text, String name) {
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            if (line.substring(0, colon).strip().equals(name)) return line.substring(colon + 1).strip();
        }
        return null;
    }

    private static int number(String s) {
        if (s == null) return -1;
        try {
            return Integer.parseInt(s.strip().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String readCpuinfo() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return ""; // not Linux, or unreadable: generic
        }
    }
}
