import CBLAS

/// C = A·B by one `cblas_dgemm` call into a reused n×n buffer (square, column-major, no transposes).
///
/// The baseline of the gemm suite and the instrument of the peak measurement.
struct CBLASProduct {
    /// The order n.
    let order: Int
    private(set) var c: [Double]

    init(order: Int) {
        precondition(order > 0, "CBLASProduct needs n > 0")
        self.order = order
        c = [Double](repeating: 0, count: order * order)
    }

    /// c := a · b.
    mutating func multiply(_ a: [Double], _ b: [Double]) {
        precondition(a.count == order * order && b.count == order * order, "CBLASProduct: shape mismatch")
        let n = lapackInt(order)
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1, a, n, b, n, 0, &c, n)
    }
}
