// The column kernels of `HouseholderQR` (its policy 1): one reflector, or a pair, applied to one column while that
// column stays in L1. Two-lane SIMD with independent accumulators, so the loops vectorise on baseline x86-64 and
// arm64 without fast-math; each column's dot products end in a fixed order (results do not depend on alignment).
// On the `.wide` path (`WideKernels.swift`) the same formulas run in C with four lanes and fused multiply–adds.

/// Two consecutive reflectors H₁ (from row j) and H₂ (from row j + 1) of a `dgeqrf` factor, applied together.
struct ReflectorPair {
    /// v₁ from its own row: `first[0]` holds R (v₁'s implicit 1), `first[1...]` v₁'s entries.
    let first: UnsafeMutablePointer<Double>
    /// v₂ from its own row (one below v₁'s): `second[0]` holds R, `second[1...]` v₂'s entries.
    let second: UnsafeMutablePointer<Double>
    let tauFirst: Double
    let tauSecond: Double
    /// Rows from v₁'s first row to the last row (≥ 3).
    let length: Int
    /// v₂ᵀv₁ over the rows both cover.
    let overlap: Double

    init(first: UnsafeMutablePointer<Double>, second: UnsafeMutablePointer<Double>, tauFirst: Double,
         tauSecond: Double, length: Int, path: KernelPath) {
        self.first = first
        self.second = second
        self.tauFirst = tauFirst
        self.tauSecond = tauSecond
        self.length = length
        overlap = first[1] + (path == .wide ? WideKernels.dot(second + 1, first + 2, count: length - 2)
                                            : ColumnKernels.dot(second + 1, first + 2, count: length - 2))
    }

    /// `count` columns (stride `lda`, each starting at v₁'s first row) := H₂ H₁ column.
    func apply(to columns: UnsafeMutablePointer<Double>, lda: Int, count: Int, path: KernelPath) {
        if path == .wide { return WideKernels.apply(self, to: columns, lda: lda, count: count) }
        for c in 0..<count { apply(to: columns + c * lda) }
    }

    /// column[0..<length] := H₂ H₁ column (the column starts at v₁'s first row).
    @inline(__always)
    func apply(to column: UnsafeMutablePointer<Double>) {
        let (d1, d2) = ColumnKernels.dots(first + 2, second + 1, column + 2, count: length - 2)
        let w1 = tauFirst * (column[0] + first[1] * column[1] + d1)
        let w2 = tauSecond * ((column[1] + d2) - overlap * w1)
        column[0] -= w1
        column[1] -= w1 * first[1] + w2
        ColumnKernels.subtract(w1, first + 2, w2, second + 1, from: column + 2, count: length - 2)
    }
}

extension HouseholderQR {
    /// `count` columns (stride `lda`) := H column for H = I − τ v vᵀ, v = (1, reflector[1..<length]).
    static func applyReflector(_ reflector: UnsafeMutablePointer<Double>, tau: Double,
                               to columns: UnsafeMutablePointer<Double>, lda: Int, count: Int, length: Int,
                               path: KernelPath) {
        if path == .wide {
            return WideKernels.applyReflector(reflector, tau: tau, length: length, to: columns, lda: lda, count: count)
        }
        for c in 0..<count { applyReflector(reflector, tau: tau, to: columns + c * lda, length: length) }
    }

    /// column[0..<length] := H column for H = I − τ v vᵀ, v = (1, reflector[1..<length]).
    @inline(__always)
    static func applyReflector(_ reflector: UnsafeMutablePointer<Double>, tau: Double,
                               to column: UnsafeMutablePointer<Double>, length: Int) {
        if tau == 0 { return }
        let w = tau * (column[0] + ColumnKernels.dot(reflector + 1, column + 1, count: length - 1))
        column[0] -= w
        ColumnKernels.subtract(w, reflector + 1, from: column + 1, count: length - 1)
    }
}

/// Dot products and updates on contiguous columns of doubles (two lanes, fixed summation order by index).
enum ColumnKernels {
    typealias Lanes = SIMD2<Double>

    @inline(__always)
    static func load(_ p: UnsafeMutablePointer<Double>) -> Lanes { UnsafeRawPointer(p).loadUnaligned(as: Lanes.self) }

    @inline(__always)
    static func store(_ value: Lanes, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: value, as: Lanes.self)
    }

    /// Σ x_i y_i.
    @inline(__always)
    static func dot(_ x: UnsafeMutablePointer<Double>, _ y: UnsafeMutablePointer<Double>, count n: Int) -> Double {
        var a0 = Lanes(), a1 = Lanes(), a2 = Lanes(), a3 = Lanes()
        var i = 0
        while i + 8 <= n {
            a0 += load(x + i) * load(y + i)
            a1 += load(x + i + 2) * load(y + i + 2)
            a2 += load(x + i + 4) * load(y + i + 4)
            a3 += load(x + i + 6) * load(y + i + 6)
            i += 8
        }
        var s = ((a0 + a1) + (a2 + a3)).sum()
        while i < n { s += x[i] * y[i]; i += 1 }
        return s
    }

    /// (Σ x_i z_i, Σ y_i z_i) in one pass over z.
    @inline(__always)
    static func dots(_ x: UnsafeMutablePointer<Double>, _ y: UnsafeMutablePointer<Double>,
                     _ z: UnsafeMutablePointer<Double>, count n: Int) -> (Double, Double) {
        var a0 = Lanes(), a1 = Lanes(), b0 = Lanes(), b1 = Lanes()
        var i = 0
        while i + 4 <= n {
            let z0 = load(z + i), z1 = load(z + i + 2)
            a0 += load(x + i) * z0
            a1 += load(x + i + 2) * z1
            b0 += load(y + i) * z0
            b1 += load(y + i + 2) * z1
            i += 4
        }
        var s = (a0 + a1).sum(), t = (b0 + b1).sum()
        while i < n { s += x[i] * z[i]; t += y[i] * z[i]; i += 1 }
        return (s, t)
    }

    /// z −= a x.
    @inline(__always)
    static func subtract(_ a: Double, _ x: UnsafeMutablePointer<Double>, from z: UnsafeMutablePointer<Double>,
                         count n: Int) {
        let av = Lanes(repeating: a)
        var i = 0
        while i + 4 <= n {
            store(load(z + i) - av * load(x + i), z + i)
            store(load(z + i + 2) - av * load(x + i + 2), z + i + 2)
            i += 4
        }
        while i < n { z[i] -= a * x[i]; i += 1 }
    }

    /// z −= a x + b y.
    @inline(__always)
    static func subtract(_ a: Double, _ x: UnsafeMutablePointer<Double>, _ b: Double, _ y: UnsafeMutablePointer<Double>,
                         from z: UnsafeMutablePointer<Double>, count n: Int) {
        let av = Lanes(repeating: a), bv = Lanes(repeating: b)
        var i = 0
        while i + 4 <= n {
            store(load(z + i) - av * load(x + i) - bv * load(y + i), z + i)
            store(load(z + i + 2) - av * load(x + i + 2) - bv * load(y + i + 2), z + i + 2)
            i += 4
        }
        while i < n { z[i] = z[i] - a * x[i] - b * y[i]; i += 1 }
    }
}
