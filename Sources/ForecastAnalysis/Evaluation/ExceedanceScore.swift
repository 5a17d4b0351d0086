// ExceedanceScore — how good are probabilities of "a day with at least N"? The Brier score and a reliability
// table (Brier 1950; Murphy 1973; the reliability diagram of Wilks, Statistical Methods in the Atmospheric
// Sciences, 8.4).
//
// Policy:
// 1. Brier score: mean of (p − o)², o = 1 when the day's actual is ≥ N, else 0; days without an actual are skipped.
// 2. Reliability: `bins` (10) equal-width probability bins [0, 0.1), …, [0.9, 1] (1 falls in the last); per bin the
//    number of forecasts, their mean probability and the observed frequency of the event (NaN for an empty bin).

/// The Brier score and reliability table of exceedance probabilities for one threshold.
import ForecastCore
import ForecastData
import ForecastModels
public struct ExceedanceScore: Sendable, Equatable {
    /// One reliability bin.
    public struct Bin: Sendable, Equatable {
        public let lower: Double, upper: Double
        /// Forecasts in the bin.
        public let forecasts: Int
        /// Mean forecast probability in the bin (NaN when empty).
        public let meanProbability: Double
        /// Share of the bin's days on which the event happened (NaN when empty).
        public let observedFrequency: Double
    }

    /// The threshold N.
    public let threshold: Double
    /// Mean squared difference between probability and outcome (0 best).
    public let brier: Double
    /// Days scored.
    public let forecasts: Int
    /// Days on which the event happened.
    public let events: Int
    public let reliability: [Bin]

    /// Scores probabilities against actuals (policy above). Precondition: equal lengths, bins ≥ 1.
    public init(threshold: Double, probabilities: [Double], actuals: [Double], bins: Int = 10) {
        precondition(probabilities.count == actuals.count, "ExceedanceScore: one probability per actual")
        precondition(bins >= 1, "ExceedanceScore: at least one bin")
        var sum = 0.0, n = 0, events = 0
        var count = [Int](repeating: 0, count: bins), pSum = [Double](repeating: 0, count: bins)
        var hits = [Int](repeating: 0, count: bins)
        for (p, y) in zip(probabilities, actuals) where !y.isNaN && !p.isNaN {
            let o = y >= threshold ? 1.0 : 0.0
            sum += (p - o) * (p - o)
            n += 1
            events += Int(o)
            let b = min(bins - 1, max(0, Int(p * Double(bins))))
            count[b] += 1
            pSum[b] += p
            hits[b] += Int(o)
        }
        self.threshold = threshold
        brier = n > 0 ? sum / Double(n) : .nan
        forecasts = n
        self.events = events
        reliability = (0..<bins).map { b in
            Bin(lower: Double(b) / Double(bins), upper: Double(b + 1) / Double(bins), forecasts: count[b],
                meanProbability: count[b] > 0 ? pSum[b] / Double(count[b]) : .nan,
                observedFrequency: count[b] > 0 ? Double(hits[b]) / Double(count[b]) : .nan)
        }
    }

    /// `{"brier", "events", "forecasts", "reliability": [{"binLower", "binUpper", "forecasts", "meanProbability",
    /// "observedFrequency"}]}`.
    public func json() -> JSONValue {
        .object([("brier", .finite(brier)), ("events", .integer(events)), ("forecasts", .integer(forecasts)),
                 ("reliability", .array(reliability.map {
                     .object([("binLower", .number($0.lower)), ("binUpper", .number($0.upper)),
                              ("forecasts", .integer($0.forecasts)), ("meanProbability", .finite($0.meanProbability)),
                              ("observedFrequency", .finite($0.observedFrequency))])
                 }))])
    }

    /// The score and the non-empty bins as text lines.
    public func lines() -> [String] {
        var lines = ["Exceedance of \(TextFormat.trimmed(threshold)) (P(day ≥ \(TextFormat.trimmed(threshold)))): Brier score \(TextFormat.number(brier)) over \(forecasts) days, \(events) with the event",
                     "  probability bin   forecasts   mean p   observed"]
        for b in reliability where b.forecasts > 0 {
            lines.append("  " + TextFormat.pad("\(TextFormat.trimmed(b.lower))–\(TextFormat.trimmed(b.upper))", 16)
                         + TextFormat.leftPad("\(b.forecasts)", 10) + TextFormat.leftPad(TextFormat.number(b.meanProbability), 9)
                         + TextFormat.leftPad(TextFormat.number(b.observedFrequency), 11))
        }
        return lines
    }
}

extension BacktestResult {
    /// Exceedance probabilities of every row (the share of its samples ≥ `threshold`) scored against the actuals;
    /// nil without kept samples (``BacktestSpecification/keepSamples``).
    public func exceedanceScore(_ threshold: Double) -> ExceedanceScore? {
        guard let samples else { return nil }
        let probabilities = (0..<samples.rows).map { i in
            var hits = 0, n = 0
            for p in 0..<samples.columns where !samples[i, p].isNaN {
                n += 1
                if samples[i, p] >= threshold { hits += 1 }
            }
            return n > 0 ? Double(hits) / Double(n) : .nan
        }
        return ExceedanceScore(threshold: threshold, probabilities: probabilities, actuals: model.rows.map(\.actual))
    }
}

extension BacktestResult {
    /// `{"<N>": score JSON}` for the thresholds (null scores without kept samples).
    public func exceedanceJSON(_ thresholds: [Double]) -> JSONValue {
        .object(thresholds.map { (TextFormat.trimmed($0), exceedanceScore($0)?.json() ?? .null) })
    }
}
