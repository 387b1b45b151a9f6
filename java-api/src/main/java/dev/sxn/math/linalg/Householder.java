package dev.sxn.math.linalg;

/**
 * Householder reflectors H = I - tau v v^T (v_0 = 1 implicit) generated over a backend's {@link DenseOps}:
 * LAPACK's dlarfg, O(len); the backend applies them ({@link DenseOps#applyReflector}, dlarf).
 * The norm inside {@link #generate} is the plain-Java {@link JavaDenseOps#norm2} on every backend (it
 * is scaled against overflow, and its value decides whether a reflector exists at all).
 */
final class Householder {
    private Householder() {}

    /**
     * Generates the reflector with H x = (beta, 0, ..., 0) for the len entries x = a[off, off + len)
     * (dlarfg): a[off] := beta, a[off+1..] := v[1..]; returns tau (0 when x is already a multiple of e1).
     */
    static double generate(DenseOps ops, double[] a, int off, int len) {
        if (len <= 1) return 0;
        double alpha = a[off];
        double xnorm = JavaDenseOps.norm2(a, off + 1, len - 1);
        if (xnorm == 0) return 0;
        double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
        double tau = (beta - alpha) / beta;
        ops.scal(1 / (alpha - beta), a, off + 1, len - 1);
        a[off] = beta;
        return tau;
    }
}
