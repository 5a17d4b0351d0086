/// Which model a time-series fit used, and why, in words a reader can check.
///
/// Automatic rule (`--model auto`): a response that is not all non-negative integers → OLS. Counts → fit Poisson
/// and NB2 and test α = 0 with the likelihood-ratio statistic LR = 2(ℓ_NB2 − ℓ_Poisson). α = 0 lies on the
/// boundary of the parameter space, so LR is asymptotically ½χ²₀ + ½χ²₁ (Self & Liang 1987): p = ½ P(χ²₁ > LR).
/// NB2 when p < 0.05 (overdispersed), Poisson otherwise (equidispersed).
import ForecastCore
import ForecastData
import ForecastModels
public struct ModelChoice: Sendable, Equatable {
    public let kind: TimeSeriesModel.Kind
    /// A plain-language reason, e.g. "counts are overdispersed: LR test of α = 0 …".
    public let reason: String
    /// LR statistic of α = 0 (nil when no test was run).
    public let likelihoodRatio: Double?
    /// Boundary-corrected p-value of α = 0 (nil when no test was run).
    public let pValue: Double?

    public init(kind: TimeSeriesModel.Kind, reason: String, likelihoodRatio: Double? = nil, pValue: Double? = nil) {
        self.kind = kind
        self.reason = reason
        self.likelihoodRatio = likelihoodRatio
        self.pValue = pValue
    }

    /// Significance level of the overdispersion test.
    public static let overdispersionLevel = 0.05

    /// The automatic choice for a response (training rows) and design.
    static func automatic(design: DesignMatrix, response y: [Double]) throws(ModelError) -> ModelChoice {
        try automaticWithFit(design: design, response: y).choice
    }

    /// The automatic choice and, for counts, the chosen model's fit (classical covariance, level 0.95 — the
    /// factory's defaults), so that a caller with the same design and options need not fit it again.
    static func automaticWithFit(design: DesignMatrix, response y: [Double]) throws(ModelError)
        -> (choice: ModelChoice, fitted: FittedRegression?) {
        guard !y.isEmpty, y.allSatisfy({ $0 >= 0 && $0 == $0.rounded() }) else {
            let example = y.first { $0 < 0 || $0 != $0.rounded() }.map { " (e.g. \(TextFormat.number($0)))" } ?? ""
            return (ModelChoice(kind: .ols, reason: "the response is not all non-negative integers\(example), so least squares"), nil)
        }
        if y.allSatisfy({ $0 == 0 }) {
            return (ModelChoice(kind: .ols, reason: "every count is 0: a log-link count model has no finite estimate (its mean is 0), so least squares, which forecasts 0"), nil)
        }
        let poissonFit = try RegressionFactory(kind: .poisson).fit(design, response: y)
        let nbFit = try RegressionFactory(kind: .nb2).fit(design, response: y)
        guard let poisson = poissonFit.count, let nb = nbFit.count else {
            preconditionFailure("ModelChoice: the count factory returned a least-squares fit")
        }
        if nb.isPoissonLimit {
            return (ModelChoice(kind: .poisson, reason: "counts with no overdispersion (NB2's α̂ is 0): Poisson",
                                likelihoodRatio: 0, pValue: 1), poissonFit)
        }
        let lr = max(0, 2 * (nb.logLikelihood - poisson.logLikelihood))
        let p = 0.5 * ChiSquared(degreesOfFreedom: 1).survival(lr)
        let ratio = poisson.pearsonChi2 / Double(max(poisson.dfResidual, 1))
        let detail = "likelihood-ratio test of α = 0: LR = \(TextFormat.number(lr)), p = \(TextFormat.pValue(p)) " +
            "(boundary-corrected ½χ²₁); Pearson χ²/df under Poisson = \(TextFormat.number(ratio))"
        if p < overdispersionLevel {
            return (ModelChoice(kind: .nb2, reason: "counts are overdispersed (\(detail)): negative binomial NB2",
                                likelihoodRatio: lr, pValue: p), nbFit)
        }
        return (ModelChoice(kind: .poisson, reason: "counts are not significantly overdispersed (\(detail)): Poisson",
                            likelihoodRatio: lr, pValue: p), poissonFit)
    }
}
