// (RᵀR)⁻¹ = R⁻¹R⁻ᵀ from an upper-triangular R: the unscaled covariance of every least-squares and count fit, and
// the inverse of a positive-definite matrix from its Cholesky factor.
//
// Policy:
// 1. R⁻¹ by LAPACK `dtrtri`; the product U·Uᵀ (U = R⁻¹) by the loop below, not `dlauum`/`dpotri`. OpenBLAS runs
//    `dlauum` with its own parallel blocking whenever it has more than one thread, and that rounds differently
//    from one thread: measured with OpenBLAS 0.3.21, 1 and 2 threads gave different bits at every order tried
//    from 9 to 400. The thread count is process-wide and `ParallelMap` sets it to 1 while it runs, so a fit's
//    covariance — and the NB2 forecast built on it — changed in the last bits with whatever else the process
//    was doing. `dtrtri` gave identical bits at 1 and 2 threads up to order 64 (and differed from 100).
// 2. The loop sums each entry in one fixed order (l ascending), so its bits depend on R only. It costs k³/6
//    multiply-adds (560 at 15 columns, 21,000 at 50). `bench run --profile quick` right after the change:
//    ols-classical 1000x10 at 1.34 × bare LAPACK (1.25 in the run before), 100000x50 at 4.71.
import Foundation

extension Matrix {
    /// (RᵀR)⁻¹ = R⁻¹R⁻ᵀ, both triangles filled, for an upper-triangular k×k `r` (its strict lower triangle is
    /// ignored).
    /// - Throws: `LinearAlgebraError.singular` naming the first zero diagonal entry of R.
    static func inverseGram(ofUpperTriangular r: Matrix) throws(LinearAlgebraError) -> Matrix {
        precondition(r.rows == r.columns, "inverseGram needs a square triangular factor")
        var u = r
        let k = r.rows
        if k == 0 { return u }
        try u.storage.withUnsafeMutableBufferPointer { (p) throws(LinearAlgebraError) in
            try LAPACK.invertUpperTriangular(order: k, r: p.baseAddress!)
            Self.multiplyUpperByItsTranspose(order: k, p.baseAddress!)
        }
        u.symmetrizeFromUpper()
        return u
    }

    /// Overwrites the upper triangle of upper-triangular U (k×k, column-major, leading dimension k) with that of
    /// U·Uᵀ: column j of the result, rows i ≤ j, is Σ_{l ≥ j} Uⱼₗ · (column l of U), summed over l ascending in a
    /// scratch column (contiguous reads), then stored. Columns are done left to right, and column j of the result
    /// needs only U's columns l ≥ j, so every entry read is still U's.
    private static func multiplyUpperByItsTranspose(order k: Int, _ u: UnsafeMutablePointer<Double>) {
        let column = UnsafeMutablePointer<Double>.allocate(capacity: k)
        defer { column.deallocate() }
        for j in 0..<k {
            column.update(repeating: 0, count: j + 1)
            for l in j..<k {
                let ujl = u[j + l * k]
                let ul = u + l * k
                for i in 0...j { column[i] += ujl * ul[i] }
            }
            (u + j * k).update(from: column, count: j + 1)
        }
    }
}
