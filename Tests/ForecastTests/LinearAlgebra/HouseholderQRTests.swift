// HouseholderQR.factor on both of its paths — the unblocked loop (< 128 columns, reflectors applied in pairs, with
// the `dlarfg` fallback for columns whose sum of squares is outside [1e-280, 1e280]) and LAPACK's blocked `dgeqrf`
// (≥ 128 columns) —
// checked by a direct computation: Q·R, rebuilt here in plain loops from the stored reflectors, equals A column by
// column to a few ulps of the column's norm; and against LAPACK's own `dgeqrf` output on the unblocked path — with
// the portable Swift kernels and, where the CPU has AVX2 + FMA, the wide C kernels (`WideKernels.swift`).
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Householder QR: both paths and extreme column scales")
struct HouseholderQRTests {
    /// A seeded m×n matrix whose column j is multiplied by `scales[j % scales.count]`.
    static func matrix(rows m: Int, columns n: Int, scales: [Double], seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        var a = [Double](repeating: 0, count: m * n)
        for j in 0..<n { for i in 0..<m { a[j * m + i] = random.normal() * scales[j % scales.count] } }
        return a
    }

    /// The kernel paths this CPU runs.
    static let paths: [KernelPath] = KernelPath.wideAvailable ? [.portable, .wide] : [.portable]

    /// (packed reflectors and R, τ) from `HouseholderQR.factor` (or LAPACK `dgeqrf` when `lapack`).
    static func factor(_ a: [Double], rows m: Int, columns n: Int, lapack: Bool = false,
                       path: KernelPath = .portable) -> ([Double], [Double]) {
        var packed = a, tau = [Double](repeating: 0, count: min(m, n))
        let workCount = LAPACK.geqrfWorkSize(rows: m, columns: n)
        var work = [Double](repeating: 0, count: workCount)
        packed.withUnsafeMutableBufferPointer { p in
            tau.withUnsafeMutableBufferPointer { t in
                work.withUnsafeMutableBufferPointer { w in
                    if lapack {
                        LAPACK.geqrf(rows: m, columns: n, a: p.baseAddress!, tau: t.baseAddress!, work: w.baseAddress!, workCount: workCount)
                    } else {
                        HouseholderQR.factor(rows: m, columns: n, a: p.baseAddress!, tau: t.baseAddress!,
                                             work: w.baseAddress!, workCount: workCount, path: path)
                    }
                }
            }
        }
        return (packed, tau)
    }

    /// Q·R from the packed form: start from R (upper triangle) and apply H_{k−1}, …, H_0, H_j = I − τ_j v_j v_jᵀ
    /// with v_j = (0, …, 0, 1, packed[j+1..<m, j]). Plain loops, no BLAS.
    static func rebuild(_ packed: [Double], _ tau: [Double], rows m: Int, columns n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for j in 0..<n { for i in 0...min(j, m - 1) { c[j * m + i] = packed[j * m + i] } }
        for k in stride(from: tau.count - 1, through: 0, by: -1) where tau[k] != 0 {
            let v = (0..<m).map { i in i < k ? 0 : i == k ? 1 : packed[k * m + i] }
            for j in 0..<n {
                var dot = 0.0
                for i in k..<m { dot += v[i] * c[j * m + i] }
                for i in k..<m { c[j * m + i] -= tau[k] * v[i] * dot }
            }
        }
        return c
    }

    /// max over columns of ‖(QR − A)_j‖∞ / ‖A_j‖₂.
    static func columnError(_ qr: [Double], _ a: [Double], rows m: Int, columns n: Int) -> Double {
        (0..<n).map { j in
            let norm = (0..<m).reduce(0.0) { max($0, abs(a[j * m + $1])) } * Double(m).squareRoot()
            return (0..<m).reduce(0.0) { max($0, abs(qr[j * m + $1] - a[j * m + $1])) } / norm
        }.max() ?? 0
    }

    @Test("Q·R = A on the unblocked path (< 128 columns) and the dgeqrf path (≥ 128 columns)",
          arguments: [(60, 12), (61, 13), (300, 127), (300, 128), (400, 160), (7, 7), (3, 3), (5, 9), (2, 5), (2048, 21)])
    func reconstruction(rows m: Int, columns n: Int) {
        let a = Self.matrix(rows: m, columns: n, scales: [1, 10, 0.1, 1000], seed: UInt64(m * 1000 + n))
        for path in Self.paths {
            let (packed, tau) = Self.factor(a, rows: m, columns: n, path: path)
            #expect(Self.columnError(Self.rebuild(packed, tau, rows: m, columns: n), a, rows: m, columns: n) < 1e-13, "\(path)")
        }
    }

    @Test("Extreme column scales (sum of squares beyond 1e±280: the dlarfg branch) still give Q·R = A and LAPACK's R",
          arguments: [[1e145, 1, 1e-145], [1e-150, 1e150], [1, 1e-160, 1e160, 1]])
    func extremeScales(scales: [Double]) {
        let (m, n) = (40, 8)
        let a = Self.matrix(rows: m, columns: n, scales: scales, seed: 99)
        // LAPACK's dgeqrf on the same matrix: the same R (same sign convention) to a few ulps of each column's norm.
        let (reference, referenceTau) = Self.factor(a, rows: m, columns: n, lapack: true)
        for path in Self.paths {
            let (packed, tau) = Self.factor(a, rows: m, columns: n, path: path)
            #expect(packed.allSatisfy(\.isFinite) && tau.allSatisfy(\.isFinite))
            #expect(Self.columnError(Self.rebuild(packed, tau, rows: m, columns: n), a, rows: m, columns: n) < 1e-13)
            for j in 0..<n {
                let norm = (0...j).reduce(0.0) { $0 + reference[j * m + $1] * reference[j * m + $1] }.squareRoot()
                for i in 0...j { #expect(abs(packed[j * m + i] - reference[j * m + i]) <= 1e-13 * norm, "\(path) R[\(i), \(j)]") }
                #expect(abs(tau[j] - referenceTau[j]) <= 1e-13)
            }
        }
    }

    /// R and τ of `HouseholderQR.factor` against LAPACK `dgeqrf` on the same matrix, to `tolerance` of each column's norm.
    static func expectLAPACKFactor(_ a: [Double], rows m: Int, columns n: Int, tolerance: Double, path: KernelPath,
                                   _ label: String) {
        let (packed, tau) = factor(a, rows: m, columns: n, path: path)
        let (reference, referenceTau) = factor(a, rows: m, columns: n, lapack: true)
        for j in 0..<n {
            let top = min(j, m - 1)
            let norm = (0...top).reduce(0.0) { $0 + reference[j * m + $1] * reference[j * m + $1] }.squareRoot()
            for i in 0...top {
                #expect(abs(packed[j * m + i] - reference[j * m + i]) <= tolerance * max(norm, 1e-300), "\(label) R[\(i), \(j)]")
            }
        }
        for j in tau.indices { #expect(abs(tau[j] - referenceTau[j]) <= tolerance, "\(label) τ[\(j)]") }
    }

    @Test("Reflectors in pairs give LAPACK's R and τ: odd and even column counts, wide and square blocks, one row",
          arguments: [(60, 12), (61, 13), (2048, 21), (1000, 51), (7, 7), (3, 5), (5, 9), (1, 4), (2, 2)])
    func pairsMatchLAPACK(rows m: Int, columns n: Int) {
        let a = Self.matrix(rows: m, columns: n, scales: [1, 10, 0.1, 1000], seed: UInt64(m * 7 + n))
        for path in Self.paths {
            Self.expectLAPACKFactor(a, rows: m, columns: n, tolerance: 1e-13, path: path, "\(m)x\(n) \(path)")
        }
    }

    @Test("A column's factor does not depend on the columns after it (the wide kernel updates two columns at once)",
          arguments: [(2050, 8), (61, 13), (9, 6)])
    func independentOfLaterColumns(rows m: Int, columns n: Int) {
        let a = Self.matrix(rows: m, columns: n + 1, scales: [1, 10, 0.1], seed: UInt64(m + n))
        for path in Self.paths {
            let (packed, tau) = Self.factor(Array(a.prefix(m * n)), rows: m, columns: n, path: path)
            let (longer, longerTau) = Self.factor(a, rows: m, columns: n + 1, path: path)
            #expect(Array(longer.prefix(m * n)) == packed, "\(m)x\(n) \(path)")
            #expect(Array(longerTau.prefix(tau.count)) == tau, "\(m)x\(n) \(path) τ")
        }
    }

    @Test("A zero column (τ = 0 inside a pair) and a repeated column (a second reflector of rounding size): Q·R = A")
    func degenerateColumnsInPairs() {
        let (m, n) = (50, 7)
        var a = Self.matrix(rows: m, columns: n, scales: [1, 3], seed: 5)
        for i in 0..<m { a[2 * m + i] = 0 }             // column 2 is zero: H₂ = I, first of the pair (2, 3)
        for i in 0..<m { a[5 * m + i] = a[4 * m + i] }  // column 5 repeats column 4: second of the pair (4, 5)
        let (packed, tau) = Self.factor(a, rows: m, columns: n)
        #expect(tau[2] == 0)
        #expect(abs(packed[5 * m + 5]) <= 1e-13 * (0..<m).reduce(0.0) { $0 + a[5 * m + $1] * a[5 * m + $1] }.squareRoot())
        #expect(Self.columnError(Self.rebuild(packed, tau, rows: m, columns: n), a, rows: m, columns: n) < 1e-13)
    }
}
