// Iterative refinement of a least-squares solution on the augmented system (Björck 1967):
//
//     [ I   X ] [ r ]   [ y ]
//     [ Xᵀ  0 ] [ b ] = [ 0 ]
//
// Policy:
// 1. Residuals f = y − r − X b and g = −Xᵀ r are computed in double-double (`CompensatedSum`) from the
//    caller's original X and y, so the refined b solves the problem as given, not its rounded copy.
// 2. Corrections reuse the existing QR (X = Q R): h = R⁻ᵀ g, d = Qᵀ f, δb = R⁻¹ (d₁ − h), δr = Q [h; d₂].
// 3. Up to `maxIterations` steps, stopping when ‖δb‖∞ ≤ 4ε‖b‖∞. Cost per step: two compensated O(n·k)
//    passes and two applications of Q. Converges to full precision when cond(X) ≪ 1/ε.

extension LeastSquaresWorkspace {
    /// Refines kept-column coefficients `b` (original scale) of the row-weighted problem.
    @usableFromInline
    package mutating func refine(_ start: [Double], x: Matrix, rowScale: [Double]?, weightedY: [Double],
                         layout: QRLayout, maxIterations: Int = 5) throws(LinearAlgebraError) -> [Double] {
        let n = layout.rows, k = layout.rank
        guard k > 0 else { return start }
        var b = start
        var r = [Double](repeating: 0, count: n)
        var f = [Double](repeating: 0, count: n)
        for iteration in 0...maxIterations {
            // f = y_w − r − X_w b (compensated); on the first pass r = 0, which yields the initial residual.
            for i in 0..<n {
                var dot = CompensatedSum()
                for (position, j) in layout.kept.enumerated() { dot.addProduct(x.storage[i + j * n], b[position]) }
                var acc = CompensatedSum(weightedY[i])
                acc.add(-r[i])
                let s = rowScale?[i] ?? 1
                acc.addProduct(-s, dot.high)
                acc.addProduct(-s, dot.low)
                f[i] = acc.value
            }
            if iteration == 0 {
                r = f
                continue
            }
            // g = −X_wᵀ r.
            var h = [Double](repeating: 0, count: k)
            for (position, j) in layout.kept.enumerated() {
                var acc = CompensatedSum()
                for i in 0..<n { acc.addProduct(-x.storage[i + j * n] * (rowScale?[i] ?? 1), r[i]) }
                h[position] = acc.value
            }
            try solveTriangular(transpose: true, &h, layout: layout)          // h = R⁻ᵀ g
            applyQ(transpose: true, to: &f, layout: layout)                    // d = Qᵀ f
            var dz = [Double](repeating: 0, count: k)
            for j in 0..<k { dz[j] = f[j] - h[j] }
            try solveTriangular(transpose: false, &dz, layout: layout)         // δb = R⁻¹ (d₁ − h)
            for j in 0..<k { f[j] = h[j] }                                      // δr = Q [h; d₂]
            applyQ(transpose: false, to: &f, layout: layout)
            var largestStep = 0.0, largest = 0.0
            for j in 0..<k {
                let step = dz[j]
                b[j] += step
                largestStep = max(largestStep, abs(step))
                largest = max(largest, abs(b[j]))
            }
            for i in 0..<n { r[i] += f[i] }
            if largestStep <= 4 * Double.ulpOfOne * largest { break }
        }
        return b
    }
}
