/**
 * SxN-Math: numerical kernels for quantitative trading, on plain Java, the Vector API, native code
 * (FFM) and OpenCL (JOCL). The optional parts are {@code requires static}: a host without them gets
 * the plain-Java kernels and no linkage error.
 */
module dev.sxn.math {
    requires static jdk.incubator.vector;
    requires static jdk.management;
    requires static jocl;

    exports dev.sxn.math.backend;
    exports dev.sxn.math.indicators;
    exports dev.sxn.math.linalg;
    exports dev.sxn.math.series;
    exports dev.sxn.math.dynamics;
    exports dev.sxn.math.filter;
    exports dev.sxn.math.spectral;
    exports dev.sxn.math.stochastic;
    exports dev.sxn.math.risk;
    exports dev.sxn.math.indicators.stream;
    exports dev.sxn.math.regime;
    exports dev.sxn.math.regime.switching;
    exports dev.sxn.math.regime.market;
    exports dev.sxn.math.amm;
    exports dev.sxn.math.autodiff;
}
