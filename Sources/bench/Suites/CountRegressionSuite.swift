import BenchHarness
import Forecast

/// Poisson and NB2 regression fits on seeded NB2 data (`CountProblem`: intercept log 20, N(0, 0.3²)
/// regressors, α = 0.5).
///
/// Cases `poisson` (`CountRegression.poisson().fit`) and `nb2` (`CountRegression.negativeBinomial().fit`, α by
/// maximum likelihood), each with a workspace reused across calls. No Swift baseline computes the same thing,
/// so ours is timed alone (ratio null) after checking its own result against known answers
/// (`CountScoreCheck`: score ≈ 0 at the optimum, truth within 5 SEs); `Benchmarks/compare_statsmodels.py`
/// supplies the ratio against statsmodels `GLM(Poisson)` and discrete `NegativeBinomial`.
/// Sizes: 1500x15 (about four years of days), 100000x20 (quick, full); smoke: 200x5, 1000x10.
enum CountRegressionSuite: Suite {
    static let name = "count"

    /// The two models, in run order.
    enum Model: String, CaseIterable {
        case poisson
        case nb2

        var regression: CountRegression { self == .poisson ? .poisson() : .negativeBinomial() }
        var call: String { self == .poisson ? "CountRegression.poisson().fit" : "CountRegression.negativeBinomial().fit" }
    }

    static func sizes(for profile: Profile) -> [CaseSize] {
        switch profile {
        case .smoke: return [CaseSize(rows: 200, columns: 5), CaseSize(rows: 1000, columns: 10)]
        case .quick, .full: return [CaseSize(rows: 1500, columns: 15), CaseSize(rows: 100_000, columns: 20)]
        }
    }

    static func cases(for profile: Profile) -> [BenchCase] {
        sizes(for: profile).flatMap { size in
            Model.allCases.map { model in
                BenchCase(name: model.rawValue, suite: name, size: size,
                          summary: "\(model.call), checked: score ≈ 0, truth within 5 SEs (no baseline)") {
                    try prepare(model: model, size: size)
                }
            }
        }
    }

    /// Column names `const`, `x1`, … of a p-column count design.
    static func design(_ problem: CountProblem) -> DesignMatrix {
        DesignMatrix(names: ["const"] + (1..<problem.columns).map { "x\($0)" },
                     values: Matrix(rows: problem.rows, columns: problem.columns, columnMajor: problem.x))
    }

    static func prepare(model: Model, size: CaseSize) throws -> PreparedCase {
        let problem = CountProblem(size: size)
        let design = design(problem)
        let y = problem.y
        let regression = model.regression
        var workspace = LeastSquaresWorkspace()
        var fit = try regression.fit(design, response: y, workspace: &workspace)
        try CountScoreCheck.verify(estimates: fit.estimates, standardErrors: fit.standardErrors, alpha: fit.alpha,
                                   alphaStandardError: fit.alphaStandardError, problem: problem)
        let ours = Subject(name: "Forecast \(model.call)",
                           run: { fit = try regression.fit(design, response: y, workspace: &workspace) },
                           output: { fit.estimates })
        return PreparedCase(ours: ours, baseline: nil, inputs: problem.exportedArrays, results: {
            var results: [(name: String, values: [Double])] = [("estimates", fit.estimates),
                                                               ("standardErrors", fit.standardErrors)]
            if let alpha = fit.alpha {
                results.append(("alpha", [alpha]))
                results.append(("alphaStandardError", [fit.alphaStandardError ?? .nan]))
            }
            return results
        })
    }
}
