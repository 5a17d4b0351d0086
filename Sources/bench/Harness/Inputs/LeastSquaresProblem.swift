/// Seeded inputs for the least-squares cases: y = Xβ + e with an intercept column.
///
/// - X (n×p, column-major): column 0 is all ones; columns 1…p−1 are i.i.d. N(0, 1).
/// - β: β₀ = 10, β_j ~ N(0, 1) for j ≥ 1.
/// - e: AR(1) noise e_t = 0.5 e_{t−1} + ε_t, ε_t ~ N(0, 1), e₀ = ε₀ — serially correlated like daily series, so
///   the Newey–West case has something to estimate (it does not change the cost of any computation).
/// The same (seed, n, p) always gives the same bits, so every case of one size shares its inputs.
public struct LeastSquaresProblem: Sendable {
    /// Base seed of all least-squares inputs.
    public static let baseSeed: UInt64 = 20_220_224

    /// Number of observations n.
    public let rows: Int
    /// Number of columns p (including the intercept).
    public let columns: Int
    /// X, column-major (n·p values).
    public let x: [Double]
    /// The response y (n values).
    public let y: [Double]
    /// The coefficients used to generate y.
    public let trueCoefficients: [Double]

    /// Generates the problem of the given size.
    public init(size: CaseSize) {
        let n = size.rows, p = size.columns
        var normal = NormalGenerator(seed: SplitMix64.seed(Self.baseSeed, n, p))
        var x = [Double](repeating: 1, count: n * p)
        for index in n..<(n * p) { x[index] = normal.next() }
        var beta = normal.next(p)
        beta[0] = 10
        var y = [Double](repeating: 0, count: n)
        for j in 0..<p {
            let b = beta[j]
            let column = j * n
            for i in 0..<n { y[i] += x[column + i] * b }
        }
        var previous = 0.0
        for i in 0..<n {
            previous = 0.5 * previous + normal.next()
            y[i] += previous
        }
        self.rows = n
        self.columns = p
        self.x = x
        self.y = y
        self.trueCoefficients = beta
    }

    /// X and y as exported arrays (`x` n×p, `y` of length n), identified by the generator and size.
    public var exportedArrays: [ExportedArray] {
        let identity = "ls_\(rows)x\(columns)"
        return [ExportedArray(name: "x", rows: rows, columns: columns, values: x, identity: identity),
                ExportedArray(name: "y", vector: y, identity: identity)]
    }
}
