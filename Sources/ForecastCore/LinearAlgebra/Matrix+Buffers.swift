// Products for iterative fits (Newton on a likelihood) that reuse the caller's buffers.
//
// Policy:
// 1. `multiply(_:shift:into:)` is one dgemv into the caller's n-vector (no allocation per iteration).
// 2. `weightedGram(_:vectors:count:)` computes Xᵀ diag(d) X and Xᵀ V in Swift loops, four columns by four rows at a
//    time in SIMD registers over row blocks that stay in cache, instead of dsyrk on diag(√d) X plus dgemm: for the narrow designs of count models
//    (k ≤ ~50) OpenBLAS spends most of dsyrk/dgemm packing panels (callgrind, nb2 1500x15: 420K instructions per
//    information matrix through dsyrk + dgemm against 150K here), and no √d or n×k scaled copy is needed.
//    Sums are in a fixed order (deterministic; not bit-identical to BLAS). On the `.wide` path (`WideKernels.swift`)
//    the same row blocks go through the C kernels: the upper triangle of Xᵀ diag(d) X two columns by four, and
//    Xᵀ v four columns at a time, four lanes with fused multiply–adds.

extension Matrix {
    /// result := self · vector (+ `shift`, elementwise, when given), via dgemv. `result` must hold `rows` values.
    package func multiply(_ vector: [Double], shift: [Double]?, into result: inout [Double]) {
        precondition(vector.count == columns && result.count == rows, "multiply(_:shift:into:): sizes")
        if let shift {
            result.withUnsafeMutableBufferPointer { r in
                shift.withUnsafeBufferPointer { s in r.baseAddress!.update(from: s.baseAddress!, count: rows) }
            }
        }
        BLAS.gemv(transpose: false, rows: rows, columns: columns, alpha: 1, a: storage, lda: rows, x: vector,
                  beta: shift == nil ? 0 : 1, y: &result)
    }

    /// Xᵀ diag(d) X (columns×columns, both triangles) and Xᵀ V for the `count` n-vectors stored one after another in
    /// `vectors` (columns×count), four columns at a time. `scratch` (grown to `gramBlockRows` when smaller) holds d ∘ x_l over a block of rows.
    package func weightedGram(_ d: [Double], vectors: [Double], count: Int,
                              scratch: inout [Double]) -> (gram: Matrix, products: Matrix) {
        precondition(d.count == rows && vectors.count >= rows * count, "weightedGram: sizes")
        if scratch.count < Self.gramBlockRows { scratch = [Double](repeating: 0, count: Self.gramBlockRows) }
        let n = rows, k = columns
        var gram = Matrix(rows: k, columns: k)
        var products = Matrix(rows: k, columns: count)
        let path = KernelPath.current
        storage.withUnsafeBufferPointer { xs in
            d.withUnsafeBufferPointer { d in
                scratch.withUnsafeMutableBufferPointer { t in
                    vectors.withUnsafeBufferPointer { v in
                        // Row blocks small enough that the block of X and d ∘ x_l stay in cache across column pairs.
                        for first in stride(from: 0, to: n, by: Self.gramBlockRows) {
                            let rows = min(Self.gramBlockRows, n - first)
                            let x = xs.baseAddress! + first
                            if path == .wide {
                                gram.storage.withUnsafeMutableBufferPointer { g in
                                    WideKernels.upperCrossProduct(n: k, rows: rows, alpha: 1, a: x, lda: n,
                                                                  weights: d.baseAddress! + first, c: g.baseAddress!,
                                                                  ldc: k, accumulate: true)
                                }
                                products.storage.withUnsafeMutableBufferPointer { p in
                                    for c in 0..<count {
                                        WideKernels.columnDots(x, lda: n, columns: k, rows: rows,
                                                               with: v.baseAddress! + c * n + first,
                                                               into: p.baseAddress! + c * k)
                                    }
                                }
                                continue
                            }
                            for l in 0..<k {
                                let column = x + l * n
                                for i in 0..<rows { t[i] = d[first + i] * column[i] }
                                Self.dots(x, stride: n, columns: l + 1, rows: rows, with: UnsafePointer(t.baseAddress!)) {
                                    gram[$0, l] += $1
                                }
                            }
                            for c in 0..<count {
                                Self.dots(x, stride: n, columns: k, rows: rows, with: v.baseAddress! + c * n + first) {
                                    products[$0, c] += $1
                                }
                            }
                        }
                    }
                }
            }
        }
        gram.symmetrizeFromUpper()
        return (gram, products)
    }

    /// Rows per block of `weightedGram`: a 20-column block of X is 80 KiB (L2), four columns and d ∘ x_l 20 KiB (L1).
    static let gramBlockRows = 512

    /// x_jᵀ t over `rows` rows for the first `columns` columns of x (column-major, leading dimension `stride`), four
    /// columns and four rows at a time, each result passed to `store(j, value)`.
    @inline(__always)
    static func dots(_ x: UnsafePointer<Double>, stride: Int, columns: Int, rows n: Int, with t: UnsafePointer<Double>,
                     store: (Int, Double) -> Void) {
        var j = 0
        while j + 4 <= columns {
            let a = x + j * stride, b = a + stride, c = b + stride, d = c + stride
            var sa = SIMD4<Double>(), sb = SIMD4<Double>(), sc = SIMD4<Double>(), sd = SIMD4<Double>()
            var i = 0
            while i + 4 <= n {
                let tv = UnsafeRawPointer(t + i).loadUnaligned(as: SIMD4<Double>.self)
                sa += UnsafeRawPointer(a + i).loadUnaligned(as: SIMD4<Double>.self) * tv
                sb += UnsafeRawPointer(b + i).loadUnaligned(as: SIMD4<Double>.self) * tv
                sc += UnsafeRawPointer(c + i).loadUnaligned(as: SIMD4<Double>.self) * tv
                sd += UnsafeRawPointer(d + i).loadUnaligned(as: SIMD4<Double>.self) * tv
                i += 4
            }
            var ra = sa.sum(), rb = sb.sum(), rc = sc.sum(), rd = sd.sum()
            while i < n {
                ra += a[i] * t[i]; rb += b[i] * t[i]; rc += c[i] * t[i]; rd += d[i] * t[i]
                i += 1
            }
            store(j, ra); store(j + 1, rb); store(j + 2, rc); store(j + 3, rd)
            j += 4
        }
        while j < columns {
            let a = x + j * stride
            var sa = SIMD4<Double>(), sb = SIMD4<Double>()
            var i = 0
            while i + 8 <= n {
                sa += UnsafeRawPointer(a + i).loadUnaligned(as: SIMD4<Double>.self)
                    * UnsafeRawPointer(t + i).loadUnaligned(as: SIMD4<Double>.self)
                sb += UnsafeRawPointer(a + i + 4).loadUnaligned(as: SIMD4<Double>.self)
                    * UnsafeRawPointer(t + i + 4).loadUnaligned(as: SIMD4<Double>.self)
                i += 8
            }
            var ra = (sa + sb).sum()
            while i < n { ra += a[i] * t[i]; i += 1 }
            store(j, ra)
            j += 1
        }
    }
}
