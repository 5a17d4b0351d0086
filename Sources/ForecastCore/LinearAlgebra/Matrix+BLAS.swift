// BLAS-backed arithmetic on `Matrix`. Every product here is one BLAS call (dgemm, dgemv, dsyrk);
// results are new storage. The raw-pointer forms used by hot paths live in `BLAS` below.
import CBLAS

extension Matrix {
    /// `self · other` (m×k times k×n → m×n), via dgemm.
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows, "multiplied(by:): \(rows)x\(columns) · \(other.rows)x\(other.columns)")
        var result = Matrix(rows: rows, columns: other.columns)
        BLAS.gemm(transposeA: false, transposeB: false, m: rows, n: other.columns, k: columns,
                  alpha: 1, a: storage, lda: rows, b: other.storage, ldb: other.rows, beta: 0,
                  c: &result.storage, ldc: rows)
        return result
    }

    /// `selfᵀ · other` (k×m transposed times k×n → m×n), via dgemm without forming the transpose.
    public func transposeMultiplied(by other: Matrix) -> Matrix {
        precondition(rows == other.rows, "transposeMultiplied(by:): (\(rows)x\(columns))ᵀ · \(other.rows)x\(other.columns)")
        var result = Matrix(rows: columns, columns: other.columns)
        BLAS.gemm(transposeA: true, transposeB: false, m: columns, n: other.columns, k: rows,
                  alpha: 1, a: storage, lda: rows, b: other.storage, ldb: other.rows, beta: 0,
                  c: &result.storage, ldc: columns)
        return result
    }

    /// `self · vector` (m×n times n → m), via dgemv.
    public func multiplied(by vector: [Double]) -> [Double] {
        precondition(columns == vector.count, "multiplied(by:): \(rows)x\(columns) · vector(\(vector.count))")
        var result = [Double](repeating: 0, count: rows)
        BLAS.gemv(transpose: false, rows: rows, columns: columns, alpha: 1, a: storage, lda: rows,
                  x: vector, beta: 0, y: &result)
        return result
    }

    /// The Gram matrix `selfᵀ · self` (n×n, both triangles filled), via dsyrk.
    public func gram() -> Matrix {
        var result = Matrix(rows: columns, columns: columns)
        BLAS.syrkTransposed(n: columns, k: rows, a: storage, lda: rows, c: &result.storage)
        result.symmetrizeFromUpper()
        return result
    }

    /// Copies the upper triangle onto the lower one (square matrices).
    @inlinable
    public mutating func symmetrizeFromUpper() {
        precondition(rows == columns, "symmetrizeFromUpper needs a square matrix")
        for j in 0..<columns {
            for i in (j + 1)..<max(rows, j + 1) { self[i, j] = self[j, i] }
        }
    }
}

/// Raw BLAS calls with `Int` sizes. Only `LinearAlgebra/` uses CBLAS; these keep C types out of callers.
@usableFromInline
enum BLAS {
    static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                     a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                     beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        if m == 0 || n == 0 { return }
        cblas_dgemm(CblasColMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    LAPACK.int32(m, "m"), LAPACK.int32(n, "n"), LAPACK.int32(k, "k"), alpha,
                    a, LAPACK.int32(max(lda, 1), "lda"), b, LAPACK.int32(max(ldb, 1), "ldb"),
                    beta, c, LAPACK.int32(max(ldc, 1), "ldc"))
    }

    static func gemv(transpose: Bool, rows: Int, columns: Int, alpha: Double, a: UnsafePointer<Double>, lda: Int,
                     x: UnsafePointer<Double>, beta: Double, y: UnsafeMutablePointer<Double>) {
        if rows == 0 || columns == 0 {
            if beta != 1 {
                let count = transpose ? columns : rows
                for i in 0..<count { y[i] *= beta }
            }
            return
        }
        cblas_dgemv(CblasColMajor, transpose ? CblasTrans : CblasNoTrans,
                    LAPACK.int32(rows, "rows"), LAPACK.int32(columns, "columns"), alpha, a,
                    LAPACK.int32(max(lda, 1), "lda"), x, 1, beta, y, 1)
    }

    /// x := alpha x on `count` contiguous elements.
    static func scal(count: Int, alpha: Double, x: UnsafeMutablePointer<Double>) {
        if count == 0 { return }
        cblas_dscal(LAPACK.int32(count, "n"), alpha, x, 1)
    }

    /// C (n×n, upper triangle) := alpha Aᵀ A (+ C when `accumulate`) for A k×n (lda ≥ k).
    static func syrkTransposed(n: Int, k: Int, alpha: Double = 1, a: UnsafePointer<Double>, lda: Int,
                               c: UnsafeMutablePointer<Double>, accumulate: Bool = false) {
        if n == 0 { return }
        cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, LAPACK.int32(n, "n"), LAPACK.int32(k, "k"),
                    alpha, a, LAPACK.int32(max(lda, 1), "lda"), accumulate ? 1 : 0, c, LAPACK.int32(max(n, 1), "ldc"))
    }

    /// Euclidean norm of `count` contiguous elements (scaled to avoid overflow).
    static func norm(count: Int, x: UnsafePointer<Double>) -> Double {
        if count == 0 { return 0 }
        return cblas_dnrm2(LAPACK.int32(count, "n"), x, 1)
    }

    /// Solves R X = B or X R = B ... restricted here to B := B · R⁻¹ with R upper n×n (B is m×n).
    static func solveRightUpper(m: Int, n: Int, r: UnsafePointer<Double>, ldr: Int,
                                b: UnsafeMutablePointer<Double>, ldb: Int) {
        if m == 0 || n == 0 { return }
        cblas_dtrsm(CblasColMajor, CblasRight, CblasUpper, CblasNoTrans, CblasNonUnit,
                    LAPACK.int32(m, "m"), LAPACK.int32(n, "n"), 1, r, LAPACK.int32(max(ldr, 1), "ldr"),
                    b, LAPACK.int32(max(ldb, 1), "ldb"))
    }
}

extension Matrix {
    /// The inverse of a symmetric positive-definite matrix (Cholesky factor U, then U⁻¹U⁻ᵀ), both triangles filled.
    /// - Throws: `LinearAlgebraError.notPositiveDefinite` naming the failing leading minor.
    public func inverseOfPositiveDefinite() throws(LinearAlgebraError) -> Matrix {
        try Matrix.inverseGram(ofUpperTriangular: choleskyUpper())
    }
}

extension Matrix {
    /// The upper Cholesky factor U (Σ = UᵀU, lower triangle zero) of a symmetric positive-definite matrix.
    /// - Throws: `LinearAlgebraError.notPositiveDefinite`.
    public func choleskyUpper() throws(LinearAlgebraError) -> Matrix {
        precondition(rows == columns, "choleskyUpper needs a square matrix")
        var a = self
        let n = rows
        if n == 0 { return a }
        try a.storage.withUnsafeMutableBufferPointer { (p) throws(LinearAlgebraError) in
            try LAPACK.choleskyFactor(order: n, a: p.baseAddress!)
        }
        for j in 0..<n { for i in (j + 1)..<max(n, j + 1) { a[i, j] = 0 } }
        return a
    }
}
