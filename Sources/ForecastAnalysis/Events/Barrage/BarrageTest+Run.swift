// BarrageTest+Run — barrage days, followed dates and the exact permutation p (policy in BarrageTest.swift).

import ForecastCore
import ForecastData
import ForecastModels
import Foundation

extension BarrageTest {
    /// Whether each day of `series` is a barrage day (nil: no threshold that day).
    func barrageFlags(_ series: DatedSeries) throws(ModelError) -> [Bool?] {
        let y = series.values
        for (t, value) in y.enumerated() where !value.isNaN && (value < 0 || value != value.rounded()) {
            throw .unsuitableSetting(SettingError("{0} counts events per day, but '\(series.name)' is \(value) on \(series.start.adding(days: t))\(series.sourceLine(at: series.start.adding(days: t)).map { " (line \($0))" } ?? ""): not a count", .barrage))
        }
        switch threshold {
        case let .atLeast(n):
            return y.map { $0.isNaN ? nil : $0 >= n }
        case .automatic:
            let window = Threshold.trailingDays
            return y.indices.map { t in
                guard t >= window, !y[t].isNaN else { return nil }
                let trailing = y[(t - window)..<t]
                guard trailing.allSatisfy({ !$0.isNaN }) else { return nil }
                let sorted = trailing.sorted()
                let median = (sorted[window / 2 - 1] + sorted[window / 2]) / 2
                return y[t] >= max(1, Threshold.multiple * median)
            }
        }
    }

    /// Runs the test for `triggers` on a count series.
    public func run(_ series: DatedSeries, triggers: [(id: String, date: CalendarDate)]) throws(ModelError) -> Result {
        let flags = try barrageFlags(series)
        // Days to the first barrage after day t (nil = none in 1…K); nil overall when t is not eligible.
        func firstBarrage(after t: Int) -> Int?? {
            guard t >= 0, within < flags.count - t else { return nil }  // t + within < count, without overflow
            var first: Int? = nil
            for d in 1...within {
                guard let flag = flags[t + d] else { return nil }
                if flag && first == nil { first = d }
            }
            return .some(first)
        }
        let eligible = flags.indices.compactMap { firstBarrage(after: $0) }
        var analysed: [Trigger] = [], skipped: [String] = []
        for trigger in triggers {
            guard let outcome = firstBarrage(after: trigger.date - series.start) else { skipped.append(trigger.id); continue }
            analysed.append(Trigger(id: trigger.id, date: trigger.date, daysToFirst: outcome))
        }
        // No trigger with its K following days in the series: nothing to test (a p-value of 1 and a base rate of 0/0
        // would look like an answer).
        if analysed.isEmpty {
            throw .unsuitableSetting(SettingError("no trigger can be tested: each needs the \(within) days after it in the series (\(series.start) .. \(series.end))\(threshold == .automatic ? ", each with the \(Threshold.trailingDays) days before it for its threshold" : ""); not analysed: \(skipped.joined(separator: ", ")); give a shorter {0}", .barrageWithin))
        }
        let followed = analysed.filter { $0.daysToFirst != nil }.count
        let followedDates = eligible.filter { $0 != nil }.count
        let p = Self.hypergeometricUpperTail(population: eligible.count, successes: followedDates, draws: analysed.count,
                                             atLeast: followed)
        let days = flags.indices.filter { flags[$0] == true }.map { series.start.adding(days: $0) }
        return Result(test: self, triggers: analysed, skipped: skipped, followed: followed, eligibleDates: eligible.count,
                      followedDates: followedDates, barrageDays: days, pValue: p)
    }

    /// P(X ≥ k) for X ~ Hypergeometric(N population, K successes, n draws), summed in log space.
    static func hypergeometricUpperTail(population: Int, successes: Int, draws: Int, atLeast k: Int) -> Double {
        guard draws > 0, population > 0 else { return 1 }
        func logChoose(_ n: Int, _ r: Int) -> Double {
            SpecialFunctions.logGamma(Double(n + 1)) - SpecialFunctions.logGamma(Double(r + 1)) - SpecialFunctions.logGamma(Double(n - r + 1))
        }
        let low = max(k, max(0, draws - (population - successes))), high = min(draws, successes)
        guard low <= high else { return 0 }
        let total = logChoose(population, draws)
        var p = 0.0
        for x in low...high { p += exp(logChoose(successes, x) + logChoose(population - successes, draws - x) - total) }
        return min(1, p)
    }
}
