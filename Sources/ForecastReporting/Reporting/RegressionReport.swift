import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// What `forecast regress` prints for any fit (OLS, Poisson, NB2): a JSON object with fixed keys and a compact
/// statsmodels/R-style text summary.
///
/// JSON keys (new keys may be added; existing ones are never renamed): `model` (`ols`|`poisson`|`nb2`), `response`, `nobs`, `rank`,
/// `dfModel`, `dfResidual`, `level` (percent, e.g. 95), `covariance` {`kind`, `maxLags`, `smallSampleCorrection`}, `coefficients`
/// [{`name`, `estimate`, `standardError`, `statistic`, `pValue`, `lower`, `upper`}], `aliased`, `rSquared`,
/// `adjustedRSquared`, `fStatistic`, `fPValue` (null for count models), `scale`, `logLikelihood`, `aic`, `bic`,
/// `deviance`, `pearsonChi2`, `alpha`, `alphaStandardError` (null when not NB2), `iterations`, `converged`,
/// `ssr`, `centeredTSS`, `conditionNumber` (null for count models), `weights`, `offset`, and with predictions
/// `predictions` [{`date`?, `mean`, `meanStandardError`, `meanLower`, `meanUpper`, `lower`, `upper`}].
/// Non-finite numbers are null.
public struct RegressionReport: Sendable {
    public let fit: any RegressionFit
    /// The response column's name.
    public let response: String
    /// The weights column's name, if any.
    public let weightsName: String?
    /// The offset column's name, if any.
    public let offsetName: String?
    /// Predictions for new rows.
    public let predictions: [PredictionRow]?

    public init(fit: any RegressionFit, response: String, weightsName: String? = nil, offsetName: String? = nil,
                predictions: [PredictionRow]? = nil) {
        self.fit = fit
        self.response = response
        self.weightsName = weightsName
        self.offsetName = offsetName
        self.predictions = predictions
    }

    private var linear: LinearRegressionFit? { fit as? LinearRegressionFit }
    private var count: CountRegressionFit? { fit as? CountRegressionFit }

    /// The JSON document.
    public func json() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("model", .string(fit.modelName)),
            ("response", .string(response)),
            ("nobs", .integer(fit.observationCount)),
            ("rank", .integer(fit.rank)),
            ("dfModel", .integer(fit.dfModel)),
            ("dfResidual", .integer(fit.dfResidual)),
            ("level", IntervalLevel.json(percent: fit.level * 100)),  // percent, as every level in the JSON
            ("covariance", .object([
                ("kind", .string(fit.covarianceEstimator.kindName)),
                ("maxLags", fit.maxLags.map { .integer($0) } ?? .null),
                ("smallSampleCorrection", .bool(fit.covarianceEstimator.hasSmallSampleCorrection)),
            ])),
            ("coefficients", .array(fit.coefficients.map { c in
                .object([
                    ("name", .string(c.name)), ("estimate", .finite(c.estimate)),
                    ("standardError", .finite(c.standardError)), ("statistic", .finite(c.statistic)),
                    ("pValue", .finite(c.pValue)), ("lower", .finite(c.lower)), ("upper", .finite(c.upper)),
                ])
            })),
            ("aliased", .array(fit.aliasedNames.map { .string($0) })),
            ("rSquared", .finite(linear?.rSquared)),
            ("adjustedRSquared", .finite(linear?.adjustedRSquared)),
            ("fStatistic", .finite(linear?.fStatistic)),
            ("fPValue", .finite(linear?.fPValue)),
            ("scale", .finite(fit.scale)),
            ("logLikelihood", .finite(fit.logLikelihood)),
            ("aic", .finite(fit.aic)),
            ("bic", .finite(fit.bic)),
            ("deviance", .finite(count?.deviance)),
            ("pearsonChi2", .finite(count?.pearsonChi2)),
            ("alpha", .finite(count?.alpha)),
            ("alphaStandardError", .finite(count?.alphaStandardError)),
            ("poissonLimit", count?.alpha == nil ? .null : .bool(count?.isPoissonLimit ?? false)),
            ("iterations", count.map { .integer($0.iterations) } ?? .null),
            ("converged", .bool(true)),
            ("ssr", .finite(linear?.ssr)),
            ("centeredTSS", .finite(linear?.centeredTSS)),
            ("conditionNumber", .finite(linear?.conditionNumber)),
            ("weights", weightsName.map { .string($0) } ?? .null),
            ("offset", offsetName.map { .string($0) } ?? .null),
            ("notAvailable", .array(notAvailable.map { .string($0) })),
        ]
        if let predictions {
            members.append(("predictions", .array(predictions.map { row in
                var fields: [(String, JSONValue)] = []
                if let date = row.date { fields.append(("date", .string(date))) }
                fields += [("mean", .finite(row.mean)), ("meanStandardError", .finite(row.meanStandardError)),
                           ("meanLower", .finite(row.meanLower)), ("meanUpper", .finite(row.meanUpper)),
                           ("lower", .finite(row.lower)), ("upper", .finite(row.upper))]
                return .object(fields)
            })))
        }
        return .object(members)
    }

    /// A compact text summary (statsmodels/R style).
    /// Why statistics shown as "—" (null in JSON) are not available, in words; empty when every one is.
    public var notAvailable: [String] {
        var reasons: [String] = []
        if fit.dfResidual == 0 {
            reasons.append("no residual degrees of freedom (as many coefficients as observations): standard errors, tests, intervals and the likelihood are undefined")
        }
        if let linear = fit as? LinearRegressionFit {
            if linear.dfModel == 0 { reasons.append("no term besides the constant: the F test has 0 numerator degrees of freedom") }
            if linear.hasConstant && !(linear.centeredTSS > 0) { reasons.append("the response is constant: R² is undefined") }
            if linear.dfResidual > 0 && !(linear.ssr > 0) {
                reasons.append("the fit is exact (no residual spread): the likelihood is not finite and t statistics are undefined")
            }
        }
        return reasons
    }

    public func table() -> String {
        let percent = TextFormat.trimmed(fit.level * 100)
        var lines: [String] = []
        lines.append("\(title) of '\(response)'")
        lines.append("Observations: \(fit.observationCount)   rank: \(fit.rank)   df model: \(fit.dfModel)   df residual: \(fit.dfResidual)")
        var covariance = "Covariance: \(fit.covarianceEstimator.kindName)"
        if fit.covarianceEstimator == .classical && count != nil {
            covariance += count?.alphaEstimated == true && count?.isPoissonLimit == false
                ? " (inverse observed information in β and α)" : " (inverse Fisher information)"
        }
        if let lags = fit.maxLags {
            covariance += " (Bartlett, \(lags) lags\(fit.covarianceEstimator.hasSmallSampleCorrection ? ", n/(n-k) correction" : ""))"
        }
        lines.append(covariance)
        if let linear {
            lines.append("R²: \(TextFormat.number(linear.rSquared))   adj. R²: \(TextFormat.number(linear.adjustedRSquared))" +
                         (linear.hasConstant ? "" : "   (uncentred: no constant column)"))
            lines.append("F(\(linear.dfModel), \(linear.dfResidual)) = \(TextFormat.number(linear.fStatistic))   p = \(TextFormat.pValue(linear.fPValue))")
        }
        if let count {
            lines.append("Deviance: \(TextFormat.number(count.deviance))   Pearson χ²: \(TextFormat.number(count.pearsonChi2))   " +
                         "null deviance: \(TextFormat.number(count.nullDeviance))   IRLS iterations: \(count.iterations)")
            if let alpha = count.alpha {
                if count.isPoissonLimit {
                    lines.append("α: 0 — no overdispersion detected; the fit is the Poisson limit")
                } else {
                    let se = count.alphaStandardError.map { " (SE \(TextFormat.number($0)))" } ?? " (fixed)"
                    lines.append("α (NB2 dispersion, Var = μ + αμ²): \(TextFormat.number(alpha))\(se)   θ = 1/α: \(TextFormat.number(1 / alpha))")
                }
            }
        }
        lines.append("Log-likelihood: \(TextFormat.number(fit.logLikelihood))   AIC: \(TextFormat.number(fit.aic))   BIC: \(TextFormat.number(fit.bic))")
        if let linear {
            lines.append("Residual SD: \(TextFormat.number(linear.scale.squareRoot()))   condition number: \(TextFormat.number(linear.conditionNumber))")
        }
        lines.append("")
        let statistic = fit.statisticName
        let width = max(12, fit.names.map(\.count).max() ?? 0)
        lines.append(TextFormat.pad("", width) + ["estimate", "std.err", statistic, "P>|\(statistic)|", "[\(percent)% low", "high]"]
            .map { TextFormat.leftPad($0, 13) }.joined())
        for c in fit.coefficients {
            if c.isAliased {
                lines.append(TextFormat.pad(c.name, width) + TextFormat.leftPad("(aliased)", 13))
                continue
            }
            let cells = [TextFormat.number(c.estimate), TextFormat.number(c.standardError), TextFormat.number(c.statistic),
                         TextFormat.pValue(c.pValue), TextFormat.number(c.lower), TextFormat.number(c.upper)]
            lines.append(TextFormat.pad(c.name, width) + cells.map { TextFormat.leftPad($0, 13) }.joined())
        }
        if !fit.aliasedColumns.isEmpty {
            lines.append("")
            lines.append("Aliased (linear combinations of earlier columns, not estimable): " + fit.aliasedNames.joined(separator: ", "))
        }
        if !notAvailable.isEmpty {
            lines.append("")
            lines.append("Not available (—): " + notAvailable.joined(separator: "; ") + ".")
        }
        if let predictions, !predictions.isEmpty {
            lines.append("")
            let hasIntervals = predictions.first?.lower != nil
            lines.append("Predictions (\(percent)% intervals\(count != nil ? " of the mean" : ""))")
            var header = ["mean", "std.err", "mean low", "mean high"]
            if hasIntervals { header += ["low", "high"] }
            lines.append(TextFormat.pad("row", 12) + header.map { TextFormat.leftPad($0, 13) }.joined())
            for (i, row) in predictions.enumerated() {
                var cells = [row.mean, row.meanStandardError, row.meanLower, row.meanUpper]
                if hasIntervals { cells += [row.lower ?? .nan, row.upper ?? .nan] }
                lines.append(TextFormat.pad(row.date ?? "\(i + 1)", 12) + cells.map { TextFormat.leftPad(TextFormat.number($0), 13) }.joined())
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var title: String {
        switch fit.modelName {
        case "poisson": return "Poisson regression (log link)"
        case "nb2": return "Negative binomial regression (NB2, log link)"
        default:
            return "Linear regression (\(linear?.weights == nil ? "OLS" : "WLS, weights '\(weightsName ?? "?")'"))"
        }
    }
}

