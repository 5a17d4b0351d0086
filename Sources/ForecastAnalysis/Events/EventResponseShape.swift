import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// How a trigger acts on the linear predictor (log μ for count models, μ for least squares).
///
/// Offsets d = (date − trigger) in days; d₀ = max(FIRST, 0). Leads (FIRST < 0) always get their own terms — one
/// lead pulse over FIRST..−1 (per day under `free`) — and serve only the pre-trend test.
/// - `pulse`: one coefficient on d₀…LAST (`event_ID`, exactly `fit`'s window dummy).
/// - `step`: one coefficient from d₀ to the end of the data (`step_ID`) — a permanent shift, so it does not stop at
///   LAST; the excess is still summed over d₀…LAST only (the report says both, see `coefficientEnd`).
/// - `decay(halfLife:)`: β·exp(−ln 2 · (d − d₀)/h) for d₀ ≤ d ≤ LAST, 0 after LAST (`event_ID`); h in days.
/// - `free`: one coefficient per offset d₀…LAST (`event_ID[+d]`).
public enum EventResponseShape: Sendable, Equatable, Hashable {
    case pulse
    case step
    case decay(halfLife: Double)
    case free

    /// Short name (`pulse`, `step`, `decay`, `free`).
    public var name: String {
        switch self {
        case .pulse: return "pulse"
        case .step: return "step"
        case .decay: return "decay"
        case .free: return "free"
        }
    }
}

/// One trigger (or a pooled kind) as the effects analysis models it: its trigger dates (one, or every event of a
/// pooled kind: the indicator is the maximum over them), its window and shape.
public struct EventTerm: Sendable, Equatable {
    /// Identifier as given (no `event_` prefix); the kind when pooled.
    public let id: String
    /// Trigger days (one unless pooled).
    public let dates: [CalendarDate]
    /// First offset (negative = leads).
    public let first: Int
    /// Last offset of the effect window.
    public let last: Int
    public let shape: EventResponseShape

    /// Throws `ModelError.invalidSpecification` when there is no date, `first > last`, or the window ends before day 0.
    public init(id: String, dates: [CalendarDate], first: Int, last: Int, shape: EventResponseShape) throws(ModelError) {
        guard !dates.isEmpty else { throw .invalidSpecification("event term '\(id)' has no trigger date") }
        guard first <= last else {
            throw .invalidSpecification("event term '\(id)': window \(first)..\(last) is empty (FIRST must be ≤ LAST)")
        }
        guard last >= 0 else {
            throw .invalidSpecification("event term '\(id)': window \(first)..\(last) ends before day 0 (the trigger day)")
        }
        self.init(validated: id, dates: dates, first: first, last: last, shape: shape)
    }

    /// A copy of a checked term with other dates or shape (same window: no check needed).
    init(validated id: String, dates: [CalendarDate], first: Int, last: Int, shape: EventResponseShape) {
        self.id = id
        self.dates = dates
        self.first = first
        self.last = last
        self.shape = shape
    }

    /// d₀ = max(FIRST, 0).
    public var effectStart: Int { max(first, 0) }

    /// Effect columns (names and values on `days`), leads excluded.
    func effectColumns(on days: [CalendarDate]) -> [(name: String, values: [Double])] {
        let base = "event_\(id)"
        switch shape {
        case .pulse:
            return [(base, days.map { day in indicator(day) { $0 >= effectStart && $0 <= last } })]
        case .step:
            return [("step_\(id)", days.map { day in indicator(day) { $0 >= effectStart } })]
        case .decay(let h):
            return [(base, days.map { decayValue(on: $0, halfLife: h).value })]
        case .free:
            return (effectStart...last).map { d in ("\(base)[+\(d)]", days.map { day in indicator(day) { $0 == d } }) }
        }
    }

    /// The decay column on `day` for half-life h (days): exp(−ln 2 · (d − d₀)/h) for the latest trigger with
    /// d₀ ≤ d = day − trigger ≤ LAST (the maximum over the trigger dates), else 0; and its derivative with respect to
    /// log h, value · ln 2 · (d − d₀)/h.
    func decayValue(on day: CalendarDate, halfLife h: Double) -> (value: Double, derivativeLogH: Double) {
        let elapsed = dates.map { day - $0 - effectStart }.filter { $0 >= 0 && $0 <= last - effectStart }.min()
        guard let elapsed else { return (0, 0) }
        let value = exp(-M_LN2 * Double(elapsed) / h)
        return (value, value * M_LN2 * Double(elapsed) / h)
    }

    /// Lead columns (pre-trend terms): one pulse over FIRST..−1, or one per day under `free`.
    func leadColumns(on days: [CalendarDate]) -> [(name: String, values: [Double])] {
        guard first < 0 else { return [] }
        if shape == .free {
            return (first...(-1)).map { d in ("event_\(id)[\(d)]", days.map { day in indicator(day) { $0 == d } }) }
        }
        return [("lead_\(id)", days.map { day in indicator(day) { $0 >= first && $0 <= -1 } })]
    }

    /// 1 when some trigger date's offset to `day` satisfies `test`.
    private func indicator(_ day: CalendarDate, _ test: (Int) -> Bool) -> Double {
        dates.contains { test(day - $0) } ? 1 : 0
    }

    /// The last day the effect coefficient acts on: the end of the data (`dataEnd`) for `step`, else LAST after the
    /// latest trigger date (clipped to `dataEnd`).
    public func coefficientEnd(dataEnd: CalendarDate) -> CalendarDate {
        guard shape != .step, let latest = dates.max() else { return dataEnd }
        let end = latest.adding(days: last)
        return end < dataEnd ? end : dataEnd
    }

    /// The days of the effect window that are summed (d₀…LAST after each trigger date).
    func effectDays() -> [CalendarDate] {
        var days = Set<CalendarDate>()
        for d in dates { for offset in effectStart...last { days.insert(d.adding(days: offset)) } }
        return days.sorted()
    }

    /// The same term moved by `shift` days.
    func shifted(by shift: Int) -> EventTerm {
        EventTerm(validated: id, dates: dates.map { $0.adding(days: shift) }, first: first, last: last, shape: shape)
    }
}
