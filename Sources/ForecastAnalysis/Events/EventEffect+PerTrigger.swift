import ForecastCore
import ForecastData

extension EventEffect {
    /// The part of a (pooled) effect attributed to one trigger date: the effect days whose latest trigger on or
    /// before them is `date` (so overlapping windows are never counted twice).
    public struct TriggerShare: Sendable, Equatable {
        /// Trigger date.
        public let date: CalendarDate
        /// Effect days with data attributed to this trigger.
        public let days: Int
        /// Σ (μ̂ − μ̂⁰) over those days (counts).
        public let excess: Double
        /// Σ (y − μ̂⁰) over those days (counts).
        public let observedExcess: Double
    }

    /// One share per trigger date that has at least one effect day in the training window, by date. Their `days`,
    /// `excess` and `observedExcess` add up to the effect's day count, `cumulativeExcess` and `observedExcess`.
    public var perTrigger: [TriggerShare] {
        let byDate = Dictionary(grouping: days) { $0.date.adding(days: -$0.offset) }
        return byDate.keys.sorted().map { date in
            let rows = byDate[date] ?? []
            return TriggerShare(date: date, days: rows.count, excess: rows.reduce(0) { $0 + $1.excess },
                                observedExcess: rows.reduce(0) { $0 + $1.observedExcess })
        }
    }
}
