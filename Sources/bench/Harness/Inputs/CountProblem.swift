import Foundation

/// Seeded inputs for the count-model cases: NB2 responses on a design with an intercept, one or many series.
///
/// - X (n×p, column-major): column 0 is all ones; columns 1…p−1 are i.i.d. N(0, 0.3²).
/// - β: β₀ = log 20 (a typical day has 20 events), β_j = +0.5, −0.5, +0.5, … for j ≥ 1, so
///   sd(x′β − β₀) = 0.15·√(p−1) (0.65 at p = 20): daily means mostly between 5 and 80.
/// - y: NB2 with mean exp(x′β) and α = 0.5 (Var = μ + 0.5μ²), drawn by `CountSampler` (gamma–Poisson).
/// - Many series (`series` > 1): the same X and β, series s drawn from its own stream, so series are
///   independent and adding series never changes the earlier ones.
/// The same (seed, n, p, s) always gives the same bits.
public struct CountProblem: Sendable {
    /// Base seed of all count inputs.
    public static let baseSeed: UInt64 = 20_220_226
    /// The NB2 dispersion used to draw y.
    public static let alpha = 0.5
    /// Standard deviation of the non-constant regressors.
    public static let regressorScale = 0.3

    /// Number of observations n (days).
    public let rows: Int
    /// Number of columns p (including the intercept).
    public let columns: Int
    /// X, column-major (n·p values).
    public let x: [Double]
    /// The response series (each n counts).
    public let responses: [[Double]]
    /// The β used to draw y.
    public let trueCoefficients: [Double]

    /// Generates `series` response series on one n×p design.
    public init(size: CaseSize, series: Int = 1) {
        precondition(series >= 1, "CountProblem needs at least one series")
        let n = size.rows, p = size.columns
        var design = NormalGenerator(seed: SplitMix64.seed(Self.baseSeed, n, p))
        var x = [Double](repeating: 1, count: n * p)
        for index in n..<(n * p) { x[index] = Self.regressorScale * design.next() }
        let beta = Self.coefficients(columns: p)
        var eta = [Double](repeating: beta[0], count: n)
        for j in 1..<p {
            let column = j * n
            for i in 0..<n { eta[i] += x[column + i] * beta[j] }
        }
        let means = eta.map { exp($0) }
        responses = (0..<series).map { s in
            var sampler = CountSampler(seed: SplitMix64.seed(Self.baseSeed, n, p, s + 1))
            return means.map { sampler.negativeBinomial(mean: $0, alpha: Self.alpha) }
        }
        rows = n
        columns = p
        self.x = x
        trueCoefficients = beta
    }

    /// β₀ = log 20, then +0.5, −0.5, … (p values).
    public static func coefficients(columns p: Int) -> [Double] {
        precondition(p >= 1, "at least the intercept")
        return [log(20.0)] + (1..<p).map { $0 % 2 == 1 ? 0.5 : -0.5 }
    }

    /// The first response series.
    public var y: [Double] { responses[0] }

    /// X and y (`x` n×p; `y` of length n for one series, n×m for m series), identified by generator and size.
    public var exportedArrays: [ExportedArray] {
        if responses.count == 1 {
            let identity = "count_\(rows)x\(columns)"
            return [ExportedArray(name: "x", rows: rows, columns: columns, values: x, identity: identity),
                    ExportedArray(name: "y", vector: y, identity: identity)]
        }
        let identity = "counts\(responses.count)_\(rows)x\(columns)"
        return [ExportedArray(name: "x", rows: rows, columns: columns, values: x, identity: identity),
                ExportedArray(name: "y", rows: rows, columns: responses.count, values: responses.flatMap { $0 },
                              identity: identity)]
    }
}
