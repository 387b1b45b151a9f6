/**
 * Forward-mode automatic differentiation: {@link dev.sxn.math.autodiff.Dual} numbers with a fixed-length tangent
 * array, and {@link dev.sxn.math.autodiff.Duals}, the same arithmetic on primitive arrays for allocation-free hot
 * loops.
 */
package dev.sxn.math.autodiff;
