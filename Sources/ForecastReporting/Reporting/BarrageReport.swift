// BarrageReport — `forecast effects --barrage`: JSON `barrage: {threshold, within, triggers, followed, baseRate,
// pValue, perTrigger: [{id, date, daysToFirst}]}` and a plain-language table.

import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// The barrage test's report.
public struct BarrageReport: Sendable {
    public let result: BarrageTest.Result
    public let responseName: String

    public init(result: BarrageTest.Result, responseName: String) {
        self.result = result
        self.responseName = responseName
    }

    /// `threshold` is N, or the string "auto" (3 × the trailing 28-day median); `thresholdRule` says it in words.
    public func json() -> JSONValue {
        let r = result
        let threshold: JSONValue
        switch r.test.threshold {
        case let .atLeast(n): threshold = .finite(n)
        case .automatic: threshold = .string("auto")
        }
        return .object([
            ("threshold", threshold),
            ("thresholdRule", .string(rule)),
            ("within", .integer(r.test.within)),
            ("triggers", .integer(r.triggers.count)),
            ("followed", .integer(r.followed)),
            ("baseRate", .finite(r.baseRate)),
            ("eligibleDates", .integer(r.eligibleDates)),
            ("barrageDays", .integer(r.barrageDays.count)),
            ("pValue", .finite(r.pValue)),
            ("perTrigger", .array(r.triggers.map { t in
                .object([("id", .string(t.id)), ("date", .string("\(t.date)")), ("daysToFirst", t.daysToFirst.map { .integer($0) } ?? .null)])
            })),
            ("skipped", .array(r.skipped.map { .string($0) })),
        ])
    }

    var rule: String {
        switch result.test.threshold {
        case let .atLeast(n): return "a day with at least \(TextFormat.trimmed(n)) \(responseName)"
        case .automatic:
            return "a day with at least \(TextFormat.trimmed(BarrageTest.Threshold.multiple)) × the median of the \(BarrageTest.Threshold.trailingDays) days before it"
        }
    }

    public func table() -> String {
        let r = result
        var lines = ["Barrages of '\(responseName)': \(rule) — \(r.barrageDays.count) barrage days."]
        lines.append("\(r.followed) of \(r.triggers.count) triggers are followed by a barrage within \(r.test.within) days; " +
                     "of all \(r.eligibleDates) eligible dates, \(TextFormat.fixed(100 * r.baseRate, decimals: 0)) % are. " +
                     "Permutation p (exact, triggers as random dates) = \(TextFormat.pValue(r.pValue))" +
                     (r.pValue < 0.05 ? ": triggers are followed by barrages more often than dates in general." : ": not more often than dates in general."))
        lines.append("")
        lines.append(TextFormat.pad("  trigger", 34) + TextFormat.pad("date", 12) + "days to first barrage")
        for t in r.triggers {
            lines.append(TextFormat.pad("  \(t.id)", 34) + TextFormat.pad("\(t.date)", 12) + (t.daysToFirst.map(String.init) ?? "none within \(r.test.within)"))
        }
        if !r.skipped.isEmpty {
            lines.append("  not analysed (no threshold on some of the \(r.test.within) days after them, or those days are not all in the series): \(r.skipped.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
