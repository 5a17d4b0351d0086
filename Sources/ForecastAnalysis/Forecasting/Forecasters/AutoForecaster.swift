import ForecastCore
import ForecastData
import ForecastModels
import Foundation

// AutoForecaster — `--model auto` for counts: the candidate forecasters compete by rolling-origin CRPS inside the
// training data, and the winner forecasts.
//
// Policy:
// 1. Count-like response: every finite value an integer and at least 95 % of them ≥ 0 (negative days are
//    corrections of a cumulative total, which the local ensemble treats as missing levels). Otherwise the
//    regression of `ModelChoice` forecasts alone (least squares for non-counts), as before.
// 2. Candidates: `local` (LocalLevelEnsemble with its own inner tuning), the regression with the given terms and
//    the kind `ModelChoice` picks on the whole history (`nb2`, `poisson` or `ols`), `mean28`, `naive`, `snaive`.
// 3. Inner origins: the last day leaving H training days after it, then every 14 days back, at most 8, each with
//    at least 90 training days (a quarter of a year, so that a regression's trend and weekly terms are estimable).
//    Every candidate forecasts each inner origin from that origin's days only, with 200 paths, and is scored by
//    mean sample CRPS over days 1…H. Fewer weekly origins than the local ensemble because every inner forecast of
//    `local` runs the local ensemble's own tuning validation (nested, so no candidate sees past its origin).
// 4. The lowest mean inner CRPS wins; a candidate that fails at an inner origin is out. Fewer than 3 inner
//    origins: the documented default `local` (the design the project expects to be best on short count series).
// 5. The regression fitted on the whole history is handed in by the caller (`fit` reports it) and reused when it
//    wins: it is not fitted again.

/// Which forecaster `auto` chose and why.
public struct ForecasterChoice: Sendable, Equatable {
    /// The winner (`local`, `nb2`, `poisson`, `ols`, `mean28`, `naive` or `snaive`; never `auto`).
    public let model: ForecasterKind
    /// In words.
    public let reason: String
    /// Mean inner CRPS by candidate name (empty when no validation ran).
    public let innerScores: [String: Double]
    /// Inner origins scored.
    public let innerOrigins: Int

    public init(model: ForecasterKind, reason: String, innerScores: [String: Double], innerOrigins: Int) {
        self.model = model
        self.reason = reason
        self.innerScores = innerScores
        self.innerOrigins = innerOrigins
    }
}

/// `--model auto` as a ``Forecaster`` (name `auto`).
public struct AutoForecaster: Forecaster {
    /// The regression candidate (its `kind` is chosen by `ModelChoice` unless set).
    public var regression: TimeSeriesModel
    /// The local-level candidate.
    public var local: LocalLevelEnsemble

    public init(regression: TimeSeriesModel = TimeSeriesModel(), local: LocalLevelEnsemble = LocalLevelEnsemble()) {
        self.regression = regression
        self.local = local
    }

    public var name: String { "auto" }

    static let innerOriginLimit = 8
    static let innerStep = 14
    static let minimumInnerTraining = 90
    static let minimumInnerOriginCount = 3
    static let innerPaths = 200

    /// Policy 1.
    public static func isCountLike(_ values: [Double]) -> Bool {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty, finite.allSatisfy({ $0 == $0.rounded() }) else { return false }
        return Double(finite.filter { $0 >= 0 }.count) >= 0.95 * Double(finite.count)
    }

    public func forecast(_ history: DatedSeries, settings: ForecastSettings) throws(ModelError) -> PredictiveDistribution {
        try chooseAndForecast(history, settings: settings, regressionFit: nil).distribution
    }

    /// The choice and the winner's forecast. `regressionFit`: the regression already fitted on `history` (reused).
    public func chooseAndForecast(_ history: DatedSeries, settings: ForecastSettings, regressionFit: TimeSeriesFit?)
        throws(ModelError) -> (choice: ForecasterChoice, distribution: PredictiveDistribution) {
        var model = regression
        model.to = history.end
        func regressionFitted() throws(ModelError) -> TimeSeriesFit {
            if let regressionFit { return regressionFit }
            return try model.fit(history)
        }
        func regressionForecast(_ fit: TimeSeriesFit) throws(ModelError) -> PredictiveDistribution {
            let table = try fit.forecast(horizon: settings.horizon, levels: [], paths: settings.paths, seed: settings.seed,
                                         keepPaths: true)
            guard let paths = table.paths else { throw .invalidSpecification("the regression forecast produced no paths") }
            return PredictiveDistribution(firstDay: history.end.adding(days: 1), paths: paths, mean: table.days.map(\.mean))
        }
        let values = Array(history.values[max(0, (model.from ?? history.start) - history.start)...])
        guard Self.isCountLike(values) else {
            let fit = try regressionFitted()
            return (ForecasterChoice(model: ForecasterKind(fit.kind),
                                     reason: "the response is not counts: the regression (\(fit.modelChoice.reason))",
                                     innerScores: [:], innerOrigins: 0), try regressionForecast(fit))
        }
        // The regression's kind on the whole history, then fixed for its inner forecasts (policy 2).
        let fullFit = try? regressionFitted()
        // One score cache for the local ensemble's nested validations (its inner origins repeat across ours).
        var local = self.local
        local.cache = InnerScoreCache()
        var candidates: [any Forecaster] = [local]
        if let fullFit {
            var fixed = model
            fixed.kind = fullFit.kind
            candidates.append(RegressionForecaster(model: fixed))
        }
        candidates += BaselineForecaster.Kind.allCases.map { BaselineForecaster($0) }
        let first = max(0, (model.from ?? history.start) - history.start)
        let lengths = LocalLevelEnsemble.innerHistoryLengths(dayCount: history.dayCount, horizon: settings.horizon,
                                                             step: Self.innerStep, limit: Self.innerOriginLimit,
                                                             minimumTraining: first + Self.minimumInnerTraining)
        guard lengths.count >= Self.minimumInnerOriginCount else {
            let reason = "history too short for inner validation (\(history.dayCount) days): the local ensemble, the documented default"
            return (ForecasterChoice(model: .local, reason: reason, innerScores: [:], innerOrigins: 0),
                    try local.forecast(history, settings: settings))
        }
        var scores: [String: Double] = [:]
        for candidate in candidates {
            var sum = 0.0, count = 0
            var failed = false
            for length in lengths {
                let inner = history.through(history.start.adding(days: length - 1))
                let innerSettings = ForecastSettings(horizon: settings.horizon, paths: Self.innerPaths,
                                                     seed: settings.seed &+ UInt64(length))
                guard let forecast = try? candidate.forecast(inner, settings: innerSettings) else { failed = true; break }
                for t in 0..<settings.horizon {
                    let actual = history.values[length + t]
                    guard actual.isFinite else { continue }
                    sum += CRPS.ensemble(actual: actual, members: forecast.sortedValues(day: t))
                    count += 1
                }
            }
            if !failed && count > 0 { scores[candidate.name] = sum / Double(count) }
        }
        let validated = candidates.filter { scores[$0.name] != nil }.sorted { scores[$0.name]! < scores[$1.name]! }
        let ranked = scores.sorted { $0.value < $1.value }
        // The lowest score wins; a winner that cannot forecast from the whole history (its last values missing, …)
        // gives way to the next, and the reason says so (policy 4).
        var passedOver: [String] = []
        for winner in validated {
            let distribution: PredictiveDistribution
            do {
                if winner is RegressionForecaster, let fullFit { distribution = try regressionForecast(fullFit) }
                else { distribution = try winner.forecast(history, settings: settings) }
            } catch {
                passedOver.append("\(winner.name) scored lower but cannot forecast from the whole history (\(error))")
                continue
            }
            let others = ranked.drop { $0.key != winner.name }.dropFirst()  // the candidates ranked after the winner
            let margin = others.first.map { " (next: \($0.key) \(TextFormat.number($0.value)), " +
                "\(TextFormat.number(($0.value / scores[winner.name]! - 1) * 100))% higher)" } ?? ""
            let reason = "lowest mean CRPS over \(lengths.count) inner origins of the training data: " +
                "\(winner.name) \(TextFormat.number(scores[winner.name] ?? .nan))\(margin)" + passedOver.map { "; \($0)" }.joined()
            return (ForecasterChoice(model: ForecasterKind(rawValue: winner.name) ?? .local, reason: reason, innerScores: scores,
                                     innerOrigins: lengths.count), distribution)
        }
        let reason = "no candidate could be validated: the local ensemble, the documented default" + passedOver.map { "; \($0)" }.joined()
        return (ForecasterChoice(model: .local, reason: reason, innerScores: scores, innerOrigins: lengths.count),
                try local.forecast(history, settings: settings))
    }
}
