/// Seeded inputs for the gemm cases: two n×n matrices with i.i.d. N(0, 1) elements, column-major.
public struct ProductProblem: Sendable {
    /// Base seed of all product inputs.
    public static let baseSeed: UInt64 = 20_220_225

    /// The order n.
    public let order: Int
    /// Left factor A (n×n, column-major).
    public let a: [Double]
    /// Right factor B (n×n, column-major).
    public let b: [Double]

    public init(order n: Int) {
        precondition(n > 0, "ProductProblem needs n > 0")
        var normal = NormalGenerator(seed: SplitMix64.seed(Self.baseSeed, n))
        order = n
        a = normal.next(n * n)
        b = normal.next(n * n)
    }

    /// 2n³: the multiply-adds of a square product counted as two operations each.
    public var flopCount: Double { 2 * Double(order) * Double(order) * Double(order) }

    /// A and B as exported arrays.
    public var exportedArrays: [ExportedArray] {
        let identity = "gemm_\(order)x\(order)"
        return [ExportedArray(name: "a", rows: order, columns: order, values: a, identity: identity),
                ExportedArray(name: "b", rows: order, columns: order, values: b, identity: identity)]
    }
}
