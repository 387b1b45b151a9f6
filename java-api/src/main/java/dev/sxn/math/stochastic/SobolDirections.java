package dev.sxn.math.stochastic;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The direction integers of Sobol's sequence for 21201 dimensions from Joe and Kuo's set new-joe-kuo-6.21201
 * (S. Joe, F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci.
 * Comput. 30, 2008), loaded once, on first use, from the resource {@code sobol-joe-kuo-6-21201.bin} beside this
 * class (its provenance and licence: {@code sobol-joe-kuo-6-21201.NOTICE.txt}; its format: the docstring of
 * {@code gen_qmc.py}, which wrote it from SciPy's copy).
 *
 * <p>Dimension {@code j} of degree {@code s}, polynomial interior coefficients {@code a_1..a_{s-1}} and initial
 * numbers {@code m_1..m_s}: {@code v_k = m_k 2^(32-k)} for {@code k <= s}, then Bratley and Fox's recurrence
 * {@code v_k = v_{k-s} ^ (v_{k-s} >>> s) ^ a_1 v_{k-1} ^ ... ^ a_{s-1} v_{k-s+1}} up to {@code k = 32}.
 * Dimension 0 is van der Corput's ({@code v_k = 2^(32-k)}). The table, {@link #BITS} ints per dimension,
 * is shared and never written after it is built (safe publication through the holder class).
 */
final class SobolDirections {
    private SobolDirections() {}

    /** Bits of a coordinate, and direction integers per dimension. */
    static final int BITS = 32;
    /** Dimensions in the set. */
    static final int DIMENSIONS = 21201;
    static final String RESOURCE = "sobol-joe-kuo-6-21201.bin";
    private static final byte[] MAGIC = "SXNSOBOL".getBytes(StandardCharsets.US_ASCII);

    /** The packed set, decoded: per dimension its polynomial (bit {@code s} and bit 0 set) and {@code m_1..m_s}. */
    record Raw(int[] poly, int[][] m) {}

    private static final class Holder {
        static final int[] TABLE = build(read());
    }

    /**
     * The direction integers: {@code table()[j * BITS + k - 1]} is {@code v_k} of dimension {@code j}, for
     * {@code k = 1..32}. Loads and decodes the resource on the first call.
     */
    static int[] table() {
        return Holder.TABLE;
    }

    /** Reads and decodes the packed resource (a fresh copy on each call; the tests compare it with SciPy's). */
    static Raw read() {
        try (InputStream in = SobolDirections.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing beside " + SobolDirections.class.getName());
            return decode(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }

    static Raw decode(byte[] bytes) throws IOException {
        DataInputStream head = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
        byte[] magic = new byte[MAGIC.length];
        head.readFully(magic);
        int version = head.readUnsignedShort();
        int dims = head.readInt();
        int maxDegree = head.readUnsignedByte();
        if (!Arrays.equals(magic, MAGIC) || version != 1 || dims != DIMENSIONS || maxDegree > BITS) {
            throw new IOException(RESOURCE + ": not a version-1 table of " + DIMENSIONS + " dimensions");
        }
        BitReader bits = new BitReader(bytes, MAGIC.length + 2 + 4 + 1);
        int[] poly = new int[dims];
        int[][] m = new int[dims][];
        for (int j = 0; j < dims; j++) {
            int s = bits.next(5);
            if (s > maxDegree || (s == 0) != (j == 0)) throw new IOException(RESOURCE + ": dimension " + j + " has degree " + s);
            int interior = s >= 2 ? bits.next(s - 1) : 0;
            poly[j] = s == 0 ? 1 : (1 << s) | (interior << 1) | 1;
            m[j] = new int[s];
            for (int k = 1; k <= s; k++) m[j][k - 1] = bits.next(k);
        }
        return new Raw(poly, m);
    }

    /** The direction integers of every dimension from the decoded set (see the class comment). O(dims * 32 * s). */
    static int[] build(Raw raw) {
        int dims = raw.poly().length;
        int[] v = new int[dims * BITS];
        for (int k = 1; k <= BITS; k++) v[k - 1] = 1 << (BITS - k);
        for (int j = 1; j < dims; j++) {
            int p = raw.poly()[j];
            int s = 31 - Integer.numberOfLeadingZeros(p);
            int base = j * BITS;
            for (int k = 1; k <= Math.min(s, BITS); k++) v[base + k - 1] = raw.m()[j][k - 1] << (BITS - k);
            for (int k = s + 1; k <= BITS; k++) {
                int x = v[base + k - s - 1];
                x ^= x >>> s;
                for (int i = 1; i < s; i++) {
                    if (((p >>> (s - i)) & 1) != 0) x ^= v[base + k - i - 1];
                }
                v[base + k - 1] = x;
            }
        }
        return v;
    }

    /** Reads unsigned fields of up to 31 bits, most significant bit first. */
    private static final class BitReader {
        private final byte[] b;
        private long pos; // in bits

        BitReader(byte[] b, int byteOffset) {
            this.b = b;
            this.pos = 8L * byteOffset;
        }

        int next(int width) throws IOException {
            if (pos + width > 8L * b.length) throw new IOException(RESOURCE + ": truncated");
            int x = 0;
            for (int i = 0; i < width; i++, pos++) {
                x = (x << 1) | ((b[(int) (pos >>> 3)] >>> (7 - (int) (pos & 7))) & 1);
            }
            return x;
        }
    }
}
