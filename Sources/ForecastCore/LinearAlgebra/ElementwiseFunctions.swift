import Foundation

// ElementwiseFunctions — eˣ, ln x and ln(1 + x) over whole arrays: the per-observation terms of the count-model fits
// (μ = e^η in IRLS and NB2's Newton steps, ln(1 + αμ), the log-link start).
//
// Policy:
// 1. On the `.wide` path (WideKernels.swift policy 1) blocks of four run the C kernels of CKernels/Exponentials.c
//    (polynomial after range reduction, about one unit in the last place); a block with a lane outside their fast
//    range (eˣ: −708 ≤ x ≤ 709; ln: positive normal x; ln(1 + x): −1 < x; all finite), and every lane of the portable
//    path, runs the C library's function. The two paths differ only by that rounding (tests: within 2 units in the
//    last place of the C library; fits equal to 1e-12 relative).
// 2. In place, on one contiguous buffer: callers hold their arrays' buffers already.
package enum ElementwiseFunctions {
    /// The functions: eˣ, ln x, ln(1 + x).
    package enum Function: Sendable {
        case exponential, logarithm, logarithmOnePlus
    }

    /// values[i] := f(values[i]) for the `function` f.
    package static func apply(_ function: Function, to values: UnsafeMutableBufferPointer<Double>, path: KernelPath) {
        guard let base = values.baseAddress else { return }
        switch path {
        case .wide:
            WideKernels.apply(function, to: base, count: values.count)
        case .portable:
            switch function {
            case .exponential: for i in values.indices { values[i] = Foundation.exp(values[i]) }
            case .logarithm: for i in values.indices { values[i] = Foundation.log(values[i]) }
            case .logarithmOnePlus: for i in values.indices { values[i] = Foundation.log1p(values[i]) }
            }
        }
    }
}
