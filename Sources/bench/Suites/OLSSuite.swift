import BenchHarness
import Forecast

/// Full OLS fits with inference, against the bare QR coefficients on the same data.
///
/// Cases `ols-classical`, `ols-hc1`, `ols-hac7`: `LinearRegression(covariance: .classical / .hc1 /
/// .neweyWest(maxLags: 7, smallSampleCorrection: false)).fit` — coefficients, covariance, residuals, the whole
/// results object — vs `dgeqrf`+`dormqr`+`dtrtrs` (coefficients only). The ratio is therefore "how close a
/// complete fit comes to the bare solve"; agreement is checked on the coefficients.
/// Sizes: 1000x10, 10000x20, 100000x50 (quick, full), 1000000x20 (full; quick: ols-classical and ols-hc1);
/// smoke: 200x5, 1000x10.
enum OLSSuite: Suite {
    static let name = "ols"

    /// Case names and covariance estimators, in run order.
    static let estimators: [(name: String, covariance: CovarianceEstimator)] = [
        ("ols-classical", .classical),
        ("ols-hc1", .hc1),
        ("ols-hac7", .neweyWest(maxLags: 7, smallSampleCorrection: false)),
    ]

    static func cases(for profile: Profile) -> [BenchCase] {
        Suites.allLeastSquaresSizes(for: profile).flatMap { size in
            estimators.filter { Suites.leastSquaresSizes(for: profile, caseName: $0.name).contains(size) }.map { estimator in
                BenchCase(name: estimator.name, suite: name, size: size,
                          summary: "LinearRegression(\(LeastSquaresSubjects.describe(estimator.covariance))).fit "
                            + "vs dgeqrf+dormqr+dtrtrs") {
                    let problem = LeastSquaresProblem(size: size)
                    let ours = LeastSquaresSubjects.forecastFit(problem, covariance: estimator.covariance)
                    return PreparedCase(ours: ours.subject, baseline: LeastSquaresSubjects.bareQR(problem),
                                        inputs: problem.exportedArrays, results: ours.results)
                }
            }
        }
    }
}
