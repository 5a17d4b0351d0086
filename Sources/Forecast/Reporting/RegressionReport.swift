import Foundation

/// What `forecast regress` prints for a least-squares fit: a JSON object with fixed keys and a compact
/// statsmodels/R-style text summary.
///
/// JSON keys (later models add keys, never rename): `model`, `response`, `nobs`, `rank`, `dfModel`,
/// `dfResidual`, `level`, `covariance` {`kind`, `maxLags`}, `coefficients` [{`name`, `estimate`,
/// `standardError`, `statistic`, `pValue`, `lower`, `upper`}], `aliased`, `rSquared`, `adjustedRSquared`,
/// `fStatistic`, `fPValue`, `scale`, `logLikelihood`, `aic`, `bic`, `ssr`, `centeredTSS`, `conditionNumber`,
/// `weights`, and with predictions `predictions` [{`date`?, `mean`, `meanStandardError`, `meanLower`,
/// `meanUpper`, `lower`, `upper`}]. Non-finite numbers are null.
public struct RegressionReport: Sendable {
    public let fit: LinearRegressionFit
    /// The response column's name.
    public let response: String
    /// The weights column's name, if any.
    public let weightsName: String?
    /// Predictions for new rows, each with its date text if the new rows had a date column.
    public let predictions: [(date: String?, prediction: MeanPrediction)]?

    public init(fit: LinearRegressionFit, response: String, weightsName: String? = nil,
                predictions: [(date: String?, prediction: MeanPrediction)]? = nil) {
        self.fit = fit
        self.response = response
        self.weightsName = weightsName
        self.predictions = predictions
    }

    /// The JSON document.
    public func json() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("model", .string("ols")),
            ("response", .string(response)),
            ("nobs", .integer(fit.observationCount)),
            ("rank", .integer(fit.rank)),
            ("dfModel", .integer(fit.dfModel)),
            ("dfResidual", .integer(fit.dfResidual)),
            ("level", .finite(fit.level)),
            ("covariance", .object([
                ("kind", .string(fit.covarianceEstimator.kindName)),
                ("maxLags", fit.maxLags.map { .integer($0) } ?? .null),
                ("smallSampleCorrection", .bool(smallSampleCorrection)),
            ])),
            ("coefficients", .array(fit.coefficients.map { c in
                .object([
                    ("name", .string(c.name)), ("estimate", .finite(c.estimate)),
                    ("standardError", .finite(c.standardError)), ("statistic", .finite(c.statistic)),
                    ("pValue", .finite(c.pValue)), ("lower", .finite(c.lower)), ("upper", .finite(c.upper)),
                ])
            })),
            ("aliased", .array(fit.aliasedNames.map { .string($0) })),
            ("rSquared", .finite(fit.rSquared)),
            ("adjustedRSquared", .finite(fit.adjustedRSquared)),
            ("fStatistic", .finite(fit.fStatistic)),
            ("fPValue", .finite(fit.fPValue)),
            ("scale", .finite(fit.scale)),
            ("logLikelihood", .finite(fit.logLikelihood)),
            ("aic", .finite(fit.aic)),
            ("bic", .finite(fit.bic)),
            ("ssr", .finite(fit.ssr)),
            ("centeredTSS", .finite(fit.centeredTSS)),
            ("conditionNumber", .finite(fit.conditionNumber)),
            ("weights", weightsName.map { .string($0) } ?? .null),
        ]
        if let predictions {
            members.append(("predictions", .array(predictions.map { row in
                var fields: [(String, JSONValue)] = []
                if let date = row.date { fields.append(("date", .string(date))) }
                let p = row.prediction
                fields += [("mean", .finite(p.mean)), ("meanStandardError", .finite(p.meanStandardError)),
                           ("meanLower", .finite(p.meanLower)), ("meanUpper", .finite(p.meanUpper)),
                           ("lower", .finite(p.lower)), ("upper", .finite(p.upper))]
                return .object(fields)
            })))
        }
        return .object(members)
    }

    private var smallSampleCorrection: Bool {
        switch fit.covarianceEstimator {
        case .hc1: return true
        case let .neweyWest(_, correction): return correction
        default: return false
        }
    }

    /// A compact text summary (statsmodels/R style).
    public func table() -> String {
        let percent = Self.trimmed(fit.level * 100)
        var lines: [String] = []
        lines.append("Linear regression (\(fit.weights == nil ? "OLS" : "WLS, weights '\(weightsName ?? "?")'")) of '\(response)'")
        lines.append("Observations: \(fit.observationCount)   rank: \(fit.rank)   df model: \(fit.dfModel)   df residual: \(fit.dfResidual)")
        var covariance = "Covariance: \(fit.covarianceEstimator.kindName)"
        if let lags = fit.maxLags { covariance += " (Bartlett, \(lags) lags\(smallSampleCorrection ? ", n/(n-k) correction" : ""))" }
        lines.append(covariance)
        lines.append("R²: \(Self.number(fit.rSquared))   adj. R²: \(Self.number(fit.adjustedRSquared))" +
                     (fit.hasConstant ? "" : "   (uncentred: no constant column)"))
        lines.append("F(\(fit.dfModel), \(fit.dfResidual)) = \(Self.number(fit.fStatistic))   p = \(Self.pValue(fit.fPValue))")
        lines.append("Log-likelihood: \(Self.number(fit.logLikelihood))   AIC: \(Self.number(fit.aic))   BIC: \(Self.number(fit.bic))")
        lines.append("Residual SD: \(Self.number(fit.scale.squareRoot()))   condition number: \(Self.number(fit.conditionNumber))")
        lines.append("")
        let width = max(12, fit.names.map(\.count).max() ?? 0)
        let lowHeader = "[\(percent)% low", highHeader = "high]"
        lines.append(Self.pad("", width) + [ "estimate", "std.err", "t", "P>|t|", lowHeader, highHeader]
            .map { Self.leftPad($0, 13) }.joined())
        for c in fit.coefficients {
            if c.isAliased {
                lines.append(Self.pad(c.name, width) + Self.leftPad("(aliased)", 13))
                continue
            }
            let cells = [Self.number(c.estimate), Self.number(c.standardError), Self.number(c.statistic),
                         Self.pValue(c.pValue), Self.number(c.lower), Self.number(c.upper)]
            lines.append(Self.pad(c.name, width) + cells.map { Self.leftPad($0, 13) }.joined())
        }
        if !fit.aliasedColumns.isEmpty {
            lines.append("")
            lines.append("Aliased (linear combinations of earlier columns, not estimable): " +
                         fit.aliasedNames.joined(separator: ", "))
        }
        if let predictions, !predictions.isEmpty {
            lines.append("")
            lines.append("Predictions (\(percent)% intervals)")
            lines.append(Self.pad("row", 12) + ["mean", "std.err", "mean low", "mean high", "low", "high"]
                .map { Self.leftPad($0, 13) }.joined())
            for (i, row) in predictions.enumerated() {
                let p = row.prediction
                let cells = [p.mean, p.meanStandardError, p.meanLower, p.meanUpper, p.lower, p.upper].map(Self.number)
                lines.append(Self.pad(row.date ?? "\(i + 1)", 12) + cells.map { Self.leftPad($0, 13) }.joined())
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Inf" : "-Inf") }
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude >= 1e7 || magnitude < 1e-4) { return String(format: "%.4e", value) }
        return String(format: "%.4f", value)
    }

    static func pValue(_ value: Double) -> String {
        guard value.isFinite else { return "NaN" }
        return value < 1e-4 ? String(format: "%.2e", value) : String(format: "%.4f", value)
    }

    static func trimmed(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
