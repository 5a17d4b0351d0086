import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

extension FitReport {
    /// A summary a non-statistician can read: data, model and why, what each term means in words, fit checks, the
    /// forecast table, the horizon total and the threshold.
    public func summary() -> String {
        guard let fit else { return forecasterSummary() }
        var lines: [String] = []
        let regression = fit.regression
        let isCount = fit.count != nil
        lines.append("Forecast of '\(fit.responseName)' — \(modelName)")
        lines.append(String(repeating: "=", count: min(100, lines[0].count)))
        lines.append("Data: \(fit.trainingDates.count) days used for fitting, \(fit.trainingWindow.first) to \(fit.trainingWindow.last)" +
                     (fit.droppedDates.isEmpty ? "." : "; \(fit.droppedDates.count) day(s) in the window skipped (missing value or lags)."))
        lines += choiceLines(regressionKind: regressionForecasts ? fit.kind.rawValue : nil)
        lines.append("Model: \(fit.modelChoice.reason).")
        if fit.model.automaticChangepoints {
            lines.append(fit.selectedChangepoints.isEmpty
                ? "Trend changepoints: none lowers BIC (searched every 7 days, ≥ 60 days apart)."
                : "Trend changepoints chosen by BIC: \(fit.selectedChangepoints.map { "\($0)" }.joined(separator: ", ")).")
        }
        if let count = fit.count, let alpha = count.alpha, !count.isPoissonLimit {
            lines.append("  Day-to-day spread beyond Poisson noise: α = \(TextFormat.number(alpha)) (variance = mean + α·mean²).")
        }
        lines.append("")
        if !regressionForecasts {
            lines.append("Regression on calendar terms (for reference; the forecast below is the \(forecastModel) forecaster's):")
        }
        lines.append("What the terms mean (\(TextFormat.trimmed(regression.level * 100))% intervals):")
        for c in regression.coefficients {
            lines.append("  " + plainWords(c, isCount: isCount))
        }
        if !regression.aliasedColumns.isEmpty {
            lines.append("  Not estimable (duplicates earlier terms): \(regression.aliasedNames.joined(separator: ", ")).")
        }
        lines.append("")
        lines.append("Coefficients")
        lines += coefficientTable(regression)
        lines.append("")
        lines.append("Fit checks: log-likelihood \(TextFormat.number(regression.logLikelihood)), AIC \(TextFormat.number(regression.aic)), " +
                     "BIC \(TextFormat.number(regression.bic))" + (fit.linear.map { ", R² \(TextFormat.number($0.rSquared))" } ?? ""))
        if !regression.logLikelihood.isFinite || fit.linear.map({ !$0.rSquared.isFinite }) == true {
            lines.append("  (— = not available: \(fit.linear.map { $0.rSquared.isFinite } == false ? "the response is constant, so R² is undefined; " : "")"
                         + "a fit with no residual spread has no finite likelihood.)")
        }
        let lb = fit.diagnostics.ljungBox.map { "lag \($0.lag): p = \(TextFormat.pValue($0.pValue))" }.joined(separator: ", ")
        if let reason = fit.diagnostics.unavailableReason {
            lines.append("  Residual autocorrelation: not available — \(reason).")
        } else {
            lines.append("  Residual autocorrelation: Durbin–Watson \(TextFormat.number(fit.diagnostics.durbinWatson)); Ljung–Box \(lb).")
        }
        if fit.diagnostics.ljungBox.contains(where: { $0.pValue < 0.05 }) {
            lines.append("  ! Residuals are autocorrelated: standard errors and intervals may be too narrow " +
                         "(consider HAC standard errors or AR terms at lags 1 and 7).")
        }
        lines.append("")
        return (lines + forecastLines()).joined(separator: "\n") + "\n"
    }

    /// The summary of a forecast made without the regression (it could not be fitted): data, forecaster and why,
    /// the reason the regression is not shown, then the forecast as in `summary()`.
    private func forecasterSummary() -> String {
        var lines = ["Forecast of '\(responseName)' — \(modelName)"]
        lines.append(String(repeating: "=", count: min(100, lines[0].count)))
        lines.append("Data: training window \(trainingWindow.first) to \(trainingWindow.last).")
        lines += choiceLines(regressionKind: nil)
        lines.append("Regression on calendar terms: not shown — it could not be fitted (\(regressionUnavailable ?? "")); "
                     + "the \(forecastModel) forecaster needs none.")
        lines.append("")
        return (lines + forecastLines()).joined(separator: "\n") + "\n"
    }

    /// Data-quality notes, which forecaster made the forecast and why (with its inner-origin scores), and the
    /// calendar events skipped. `regressionKind`: the regression's kind when the regression itself forecasts.
    private func choiceLines(regressionKind: String?) -> [String] {
        var lines: [String] = []
        if !qualityWarnings.isEmpty {
            lines.append("Data quality (from reading the file):")
            for note in qualityWarnings { lines.append("    \(note)") }
        }
        if let forecaster {
            lines.append(regressionKind.map { "Forecast by: the \($0) regression below — \(forecaster.reason)." }
                         ?? "Forecast by: \(forecaster.model.summaryName) — \(forecaster.reason).")
            if !forecaster.innerScores.isEmpty {
                let scores = forecaster.innerScores.sorted { $0.value < $1.value }
                    .map { "\($0.key) \(TextFormat.number($0.value))" }.joined(separator: ", ")
                lines.append("  Mean CRPS at the \(forecaster.innerOrigins) inner origins (lower is better): \(scores).")
            }
        }
        if !skippedEvents.isEmpty {
            lines.append("Events skipped (no day of their window is in the training window): "
                         + skippedEvents.map(\.summary).joined(separator: "; ") + ".")
        }
        return lines
    }

    /// The forecast table, the horizon total, held-out accuracy, threshold, exceedance and how intervals were made.
    private func forecastLines() -> [String] {
        var lines = forecastTable()
        if let total = forecast.total() {
            let intervals = total.intervals.map { "\(TextFormat.trimmed($0.level))%: \(Self.count($0.lower))–\(Self.count($0.upper))" }
                .joined(separator: ", ")
            lines.append("")
            lines.append("Total over the next \(forecast.days.count) days: mean \(Self.count(total.mean)), median \(Self.count(total.median)) (\(intervals)).")
        }
        if let accuracy = HeldOutAccuracy(forecast: forecast) {
            let coverage = accuracy.coverage.map { "\(TextFormat.trimmed($0.level)) % interval \(TextFormat.number($0.coverage * 100)) %" }
            lines.append("")
            lines.append("Held-out accuracy (\(accuracy.days) day\(accuracy.days == 1 ? "" : "s") with actuals): "
                         + "MAE \(TextFormat.number(accuracy.meanAbsoluteError)), pinball \(TextFormat.number(accuracy.pinball)), "
                         + "CRPS \(accuracy.crps.map(TextFormat.number) ?? "— (analytic intervals keep no paths)"); "
                         + "coverage: \(coverage.joined(separator: ", ")).")
        }
        if let threshold, threshold.alreadyReached {
            lines.append("")
            let lastDay = threshold.probabilityByDate.first.map { " on \($0.date.adding(days: -1)), the last training day" } ?? ""
            lines.append("Threshold \(Self.count(threshold.value)): already reached — the running total was "
                         + "\(Self.count(threshold.base))\(lastDay).")
        } else if let threshold {
            lines.append("")
            let crossing = threshold.medianCrossingDate.map { "the median path reaches it on \($0)" }
                ?? "the median path does not reach it within the horizon"
            let last = threshold.probabilityByDate.last
            lines.append("Threshold \(Self.count(threshold.value)) (from \(Self.count(threshold.base))): \(crossing); " +
                         "probability of reaching it by \(last.map { "\($0.date)" } ?? "-"): \(Self.pathProbability(last?.probability ?? 0, paths: forecast.paths?.columns))."
                         )
        }
        if !exceedance.isEmpty {
            lines.append("")
            lines += exceedanceTable()
        }
        switch forecast.method {
        case .analytic:
            lines.append("")
            lines.append("Intervals: Student-t prediction intervals of the linear model.")
        case let .simulation(paths, seed):
            lines.append("")
            lines.append(regressionForecasts
                ? "Intervals: quantiles of \(paths) simulated paths (seed \(seed)), including parameter uncertainty."
                : "Intervals: quantiles of \(paths) sample paths of the \(forecastModel) forecaster (seed \(seed)).")
        }
        return lines
    }

    /// A forecaster's name in words (`ForecasterKind.summaryName`); an unknown name as it is.
    private var modelName: String {
        guard let fit, regressionForecasts else { return "forecast by \(forecaster?.model.summaryName ?? forecastModel)" }
        return fit.fitted.summaryName
    }

    /// One term in words: multiplicative % for count models, additive units for least squares.
    func plainWords(_ c: CoefficientEstimate, isCount: Bool) -> String {
        if c.isAliased { return "\(c.name): not estimable." }
        func effect(_ v: Double) -> String {
            isCount ? TextFormat.fixed((exp(v) - 1) * 100, decimals: 1, signed: true) + "%" : "\(v >= 0 ? "+" : "")\(TextFormat.number(v))"
        }
        let range = "(\(effect(c.lower)) to \(effect(c.upper)))"
        let unclear = c.lower < 0 && c.upper > 0 ? " — not distinguishable from no effect" : ""
        let name = c.name
        let per = isCount ? "" : " per day"
        if name == "const" {
            return isCount ? "const: baseline level \(TextFormat.number(exp(c.estimate))) per day at the start (Mondays)."
                : "const: baseline level \(TextFormat.number(c.estimate)) at the start (Mondays)."
        }
        if name == "trend" { return "trend: \(effect(c.estimate))\(per) per year \(range)\(unclear)." }
        if name == "trend_sq" { return "trend_sq: curvature of the trend \(effect(c.estimate)) \(range)\(unclear)." }
        if name.hasPrefix("dow_") {
            let day = ["tue": "Tuesdays", "wed": "Wednesdays", "thu": "Thursdays", "fri": "Fridays", "sat": "Saturdays",
                       "sun": "Sundays"][String(name.dropFirst(4))] ?? name
            return "\(name): \(day) \(effect(c.estimate))\(per) compared with Mondays \(range)\(unclear)."
        }
        if name.hasPrefix("event_"), let event = fit?.schema.specification.events.first(where: { $0.columnName == name }) {
            return "\(name): days \(event.first)..\(event.last) after \(event.date): \(effect(c.estimate))\(per) compared with the model's expectation \(range)\(unclear)."
        }
        if name.hasPrefix("step_") { return "\(name): level shift \(effect(c.estimate))\(per) from its date on \(range)\(unclear)." }
        if name.hasPrefix("cp_") { return "\(name): change of the yearly trend \(effect(c.estimate)) from \(name.dropFirst(3)) \(range)\(unclear)." }
        if name.hasPrefix("lag") { return "\(name): persistence from \(name.dropFirst(3)) day(s) earlier, coefficient \(TextFormat.number(c.estimate)) \(range)." }
        return "\(name): \(effect(c.estimate)) per unit \(range)\(unclear)."
    }

    private func coefficientTable(_ regression: any RegressionFit) -> [String] {
        let width = max(12, regression.names.map(\.count).max() ?? 0)
        var lines = [TextFormat.pad("", width) + ["estimate", "std.err", regression.statisticName, "p-value"].map { TextFormat.leftPad($0, 12) }.joined()]
        for c in regression.coefficients {
            if c.isAliased { lines.append(TextFormat.pad(c.name, width) + TextFormat.leftPad("(aliased)", 12)); continue }
            lines.append(TextFormat.pad(c.name, width) + [TextFormat.number(c.estimate), TextFormat.number(c.standardError),
                                                          TextFormat.number(c.statistic), TextFormat.pValue(c.pValue)]
                .map { TextFormat.leftPad($0, 12) }.joined())
        }
        return lines
    }

    private func exceedanceTable() -> [String] {
        var lines = ["Probability of a day with at least N (share of the sample paths)"]
        for e in exceedance {
            func percent(_ p: Double) -> String { TextFormat.fixed(p * 100, decimals: 1) + "%" }
            let any = e.anyWithin.map { "within \($0.days) days \(percent($0.probability))" }
                .joined(separator: ", ")
            lines.append("  N = \(Self.count(e.threshold)): at least one such day \(any)")
            let daily = e.daily.enumerated().map { "\(forecast.days[$0.offset].date.description.suffix(5)) \(percent($0.element))" }
            stride(from: 0, to: daily.count, by: 7).forEach { i in
                lines.append("    " + daily[i..<min(i + 7, daily.count)].joined(separator: "  "))
            }
        }
        return lines
    }

    private func forecastTable() -> [String] {
        var header = ["mean", "median"]
        for level in forecast.levels { header.append("\(TextFormat.trimmed(level))% interval") }
        let hasActual = forecast.days.contains { $0.actual != nil }
        if hasActual { header.append("actual") }
        var lines = ["Forecast (\(forecast.days.count) days from \(forecast.days.first.map { "\($0.date)" } ?? "-"))",
                     TextFormat.pad("date", 11) + header.map { TextFormat.leftPad($0, 18) }.joined()]
        for day in forecast.days {
            var cells = [Self.count(day.mean), Self.count(day.median)]
            for i in day.intervals { cells.append("\(Self.count(i.lower)) – \(Self.count(i.upper))") }
            if hasActual { cells.append(day.actual.map(Self.count) ?? "") }
            lines.append(TextFormat.pad("\(day.date)", 11) + cells.map { TextFormat.leftPad($0, 18) }.joined())
        }
        return lines
    }

    /// A probability estimated from `paths` simulated paths, in percent at the resolution the paths give:
    /// 1,000 paths resolve 0.1 %, so all paths crossing prints "> 99.9 %" and none "< 0.1 %", never 100 % or 0 %.
    static func pathProbability(_ probability: Double, paths: Int?) -> String {
        guard let paths, paths > 0 else { return TextFormat.number(probability * 100) + " %" }
        let step = 100 / Double(paths)
        let decimals = max(0, Int((-log10(step)).rounded(.up)))
        func percent(_ value: Double) -> String { TextFormat.fixed(value, decimals: decimals) }
        if probability >= 1 { return "> \(percent(100 - step)) %" }
        if probability <= 0 { return "< \(percent(step)) %" }
        return "\(percent(probability * 100)) %"
    }

    /// Counts and levels with thousands separators and at most one decimal.
    static func count(_ value: Double) -> String {
        guard value.isFinite else { return TextFormat.unavailable }
        guard abs(value) < 1e15 else { return String(format: "%.4e", value) }
        let rounded = (value * 10).rounded() / 10
        let integer = Int(rounded.rounded(.towardZero))
        var digits = String(abs(integer))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        let sign = rounded < 0 ? "-" : ""
        let fraction = rounded == rounded.rounded() ? "" : String(format: ".%d", Int((abs(rounded) * 10).rounded()) % 10)
        return sign + digits + grouped + fraction
    }
}
