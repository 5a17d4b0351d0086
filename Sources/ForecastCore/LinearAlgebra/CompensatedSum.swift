// Error-free transformations (Knuth TwoSum, FMA TwoProduct) and a double-double accumulator.
// Used for residuals in iterative refinement, where the residual of an ill-conditioned least-squares problem
// must be computed in about twice the working precision (Ogita, Rump & Oishi 2005, "Accurate sum and dot product").

/// A sum held as an unevaluated pair `high + low` with |low| ≤ ulp(high)/2 (about 106 bits).
@usableFromInline
package struct CompensatedSum: Sendable {
    @usableFromInline package var high: Double
    @usableFromInline package var low: Double

    @inlinable
    package init(_ value: Double = 0) {
        high = value
        low = 0
    }

    /// Adds `value` exactly (the rounding error goes into `low`).
    @inlinable
    package mutating func add(_ value: Double) {
        let s = high + value
        let bp = s - high
        let error = (high - (s - bp)) + (value - bp)
        high = s
        low += error
    }

    /// Adds `a · b` with the product's rounding error captured by a fused multiply-add.
    @inlinable
    package mutating func addProduct(_ a: Double, _ b: Double) {
        let product = a * b
        let productError = (-product).addingProduct(a, b)  // exactly a·b − product
        add(product)
        low += productError
    }

    /// Adds another double-double sum (its rounding error goes into `low`).
    @inlinable
    package mutating func add(_ other: CompensatedSum) {
        add(other.high)
        low += other.low
    }

    /// Subtracts another double-double sum.
    @inlinable
    package mutating func subtract(_ other: CompensatedSum) {
        add(-other.high)
        low -= other.low
    }

    /// The sum rounded to a double.
    @inlinable
    package var value: Double { high + low }
}
