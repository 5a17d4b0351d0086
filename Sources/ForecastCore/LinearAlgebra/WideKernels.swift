// WideKernels — the one seam between the hot column kernels and their wide-vector versions in C (`CKernels`).
//
// Policy:
// 1. Which: this machine's OpenBLAS may not know its CPU (0.3.21 runs its Prescott SSE3 kernels on the AVX-512
//    Xeon these were measured on) and Swift compiles for baseline x86-64 (SSE2, two lanes). On an x86-64 CPU with
//    AVX2 and FMA (checked once, `ck_wide_available`), the Householder column kernels, the upper-triangle cross
//    products (the sandwich meat's symmetric rank-k update, NB2's Xᵀ diag(d) X), column dot products, and the
//    count fits' elementwise eˣ, ln x, ln(1 + x) and NB2 derivative terms (`ElementwiseFunctions`,
//    `NegativeBinomial.derivativeTerms`) run in C with four lanes and fused multiply–adds; elsewhere, or when a
//    task asks for `KernelPath.portableOnly`, the Swift kernels run.
// 2. Agreement: both paths compute the same formulas in a fixed order per path; they differ only by rounding
//    (fused multiply–adds, four lanes instead of two), tested to 1e-12 relative on fits (β, SEs, residuals,
//    leverages, aliasing). Each path alone is deterministic: results do not depend on alignment, blocking into
//    tiles or the number of workers.
// 3. The rank update replaces `dsyrk` whenever the wide path runs: for the meat of a 10000x20 HC1 fit (k = 20, blocks
//    of 1,024 rows) it took ~1/3.3 of the CPU time of OpenBLAS 0.3.21's Prescott `dsyrk` (which computes the whole
//    square) and ~1/1.5 of its SkylakeX `dsyrk` (`perf` samples, 1,000 fits each); wider k was not measured.
// 4. The choice is read once per entry point (a factorization, a meat, a weighted Gram matrix) and passed down;
//    `ParallelMap` carries a task's `portableOnly` to its workers.
import CKernels

/// Which implementation runs the hot column kernels (policy 1).
package enum KernelPath: Sendable, Equatable {
    /// AVX2 + FMA kernels in C (x86-64 CPUs that have them).
    case wide
    /// The Swift kernels (two lanes on baseline x86-64).
    case portable

    /// Set (`KernelPath.$portableOnly.withValue(true) { … }`) to run the portable kernels in this task (tests).
    @TaskLocal package static var portableOnly = false

    /// Whether this CPU runs the wide kernels.
    package static let wideAvailable: Bool = {
        #if arch(x86_64)
        return ck_wide_available() != 0
        #else
        return false
        #endif
    }()

    /// The path for work started now.
    package static var current: KernelPath { wideAvailable && !portableOnly ? .wide : .portable }
}

/// The C kernels (`CKernels.h`); call only on the `.wide` path.
enum WideKernels {
    @inline(__always)
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        #if arch(x86_64)
        return ck_dot(x, y, count)
        #else
        preconditionFailure("WideKernels on a CPU without them")
        #endif
    }

    @inline(__always)
    static func sumOfSquares(_ v: UnsafePointer<Double>, count: Int) -> Double {
        #if arch(x86_64)
        return ck_sum_of_squares(v, count)
        #else
        preconditionFailure("WideKernels on a CPU without them")
        #endif
    }

    /// `count` columns (stride `lda`, `length` rows each) := H column, H = I − τ v vᵀ, v = (1, v[1..<length]).
    @inline(__always)
    static func applyReflector(_ v: UnsafePointer<Double>, tau: Double, length: Int,
                               to columns: UnsafeMutablePointer<Double>, lda: Int, count: Int) {
        #if arch(x86_64)
        ck_reflector_apply(v, tau, length, columns, lda, count)
        #else
        preconditionFailure("WideKernels on a CPU without them")
        #endif
    }

    /// `count` columns (stride `lda`) := H₂ H₁ column for `pair`.
    @inline(__always)
    static func apply(_ pair: ReflectorPair, to columns: UnsafeMutablePointer<Double>, lda: Int, count: Int) {
        #if arch(x86_64)
        ck_reflector_pair_apply(pair.first, pair.second, pair.tauFirst, pair.tauSecond, pair.overlap, pair.length,
                                columns, lda, count)
        #else
        preconditionFailure("WideKernels on a CPU without them")
        #endif
    }

    /// The upper triangle of C (n×n, ldc) := alpha Aᵀ diag(d) A (+ C when `accumulate`), A rows×n (lda); d nil
    /// for Aᵀ A.
    @inline(__always)
    static func upperCrossProduct(n: Int, rows: Int, alpha: Double, a: UnsafePointer<Double>, lda: Int,
                                  weights d: UnsafePointer<Double>?, c: UnsafeMutablePointer<Double>, ldc: Int,
                                  accumulate: Bool) {
        #if arch(x86_64)
        ck_syrk_upper(n, rows, alpha, a, lda, d, c, ldc, accumulate ? 1 : 0)
        #else
        preconditionFailure("WideKernels on a CPU without them")
        #endif
    }

    /// out[j] += x_jᵀ t for `columns` columns of x (`rows` rows, lda).
    @inline(__always)
    static func columnDots(_ x: UnsafePointer<Double>, lda: Int, columns: Int, rows: Int, with t: UnsafePointer<Double>,
                           into out: UnsafeMutablePointer<Double>) {
        #if arch(x86_64)
        ck_column_dots(x, lda, columns, rows, t, out)
        #else
        preconditionFailure("WideKernels on a CPU without them")
        #endif
    }

    /// v[i] := f(v[i]) for i < count, f one of the elementwise functions (ElementwiseFunctions policy 1).
    @inline(__always)
    static func apply(_ function: ElementwiseFunctions.Function, to v: UnsafeMutablePointer<Double>, count: Int) {
        #if arch(x86_64)
        switch function {
        case .exponential: ck_exp(v, v, count)
        case .logarithm: ck_log(v, v, count)
        case .logarithmOnePlus: ck_log1p(v, v, count)
        }
        #else
        preconditionFailure("WideKernels on a CPU without them")
        #endif
    }

    /// NB2's per-observation derivative terms and their four compensated sums (CKernels.h, `ck_nb2_derivative_terms`).
    @inline(__always)
    static func negativeBinomialDerivativeTerms(count: Int, alpha: Double, mu: UnsafePointer<Double>,
                                                logOnePlus: UnsafePointer<Double>, counts: UnsafePointer<Double>,
                                                weights: UnsafePointer<Double>?, gradient: UnsafeMutablePointer<Double>,
                                                cross: UnsafeMutablePointer<Double>,
                                                curvature: UnsafeMutablePointer<Double>) -> (Double, Double, Double, Double) {
        #if arch(x86_64)
        var sums: (Double, Double, Double, Double) = (0, 0, 0, 0)
        withUnsafeMutablePointer(to: &sums) { tuple in
            tuple.withMemoryRebound(to: Double.self, capacity: 4) { s in
                ck_nb2_derivative_terms(count, alpha, mu, logOnePlus, counts, weights, gradient, cross, curvature, s)
            }
        }
        return sums
        #else
        preconditionFailure("WideKernels on a CPU without them")
        #endif
    }
}
