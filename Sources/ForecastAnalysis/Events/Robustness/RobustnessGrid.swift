// RobustnessGrid — one trigger analysed over a fixed grid of reasonable designs, so that an answer that depends on
// a silent choice shows it (a specification curve, as Simonsohn, Simmons & Nelson 2020).
//
// Policy:
// 1. The grid is fixed, never chosen from the data: windows 0..6, 0..13, 0..27 (1..7, 1..14, 1..28 for a
//    press-dated decision, whose day 0 precedes the news); the counterfactual design at 90, 180 and 365 pre-trigger
//    days; the regression design (the training window given, default the whole series) with pulse and decay
//    shapes, each with classical and HAC covariance. 9 + 12 = 21 specifications.
// 2. Estimate = cumulative excess over the window's effect days (counts), with the design's own interval.
//    Model p: the counterfactual design's two-sided tail probability; the regression design's two-sided Wald p
//    of the effect coefficient. Calibrated p: each design's placebo p (two-sided for counterfactual, one-sided for
//    an increase for regression, as `forecast effects` reports them).
// 3. Verdict: k specifications whose interval lies above zero, m below; the sign is *stable* when every point
//    estimate has the same sign, else *unstable*.
// 4. A specification that cannot be run (too few pre-trigger days, a failed fit) is listed with its reason and
//    left out of the counts.

import ForecastCore
import ForecastData
import ForecastModels
import Foundation

/// The robustness grid for one trigger.
public struct RobustnessGrid: Sendable {
    /// One specification of the grid.
    public struct Specification: Sendable, Equatable {
        public enum Design: String, Sendable { case counterfactual, regression }
        public let design: Design
        /// Effect window FIRST..LAST (day offsets).
        public let window: ClosedRange<Int>
        /// Pre-trigger training days (counterfactual design); nil for the regression design.
        public let pre: Int?
        /// `paths` for the counterfactual design, else `pulse` or `decay`.
        public let shape: String
        /// `paths` for the counterfactual design, else `classical` or `hac`.
        public let covariance: String
    }

    /// A specification's result; `failure` says why it could not be run (the numbers are then NaN).
    public struct Row: Sendable {
        public let specification: Specification
        public let estimate: Double
        public let lower: Double
        public let upper: Double
        public let relativeEffect: Double
        public let modelPValue: Double?
        public let placeboPValue: Double?
        public let failure: String?
    }

    public let trigger: EventWindow
    public let rows: [Row]

    /// Rows run, whose interval lies above / below zero (policy 3).
    public var increases: Int { rows.filter { $0.failure == nil && $0.lower > 0 }.count }
    public var decreases: Int { rows.filter { $0.failure == nil && $0.upper < 0 }.count }

    /// The verdict line (policy 3).
    public var verdict: String {
        let run = rows.filter { $0.failure == nil }
        let positive = run.filter { $0.estimate > 0 }.count, negative = run.filter { $0.estimate < 0 }.count
        let calibrated = run.filter { ($0.placeboPValue ?? 1) < 0.05 }.count
        let stable = positive == 0 || negative == 0
        var text = "'\(trigger.id)': \(increases) of \(run.count) specifications show an increase whose interval excludes zero; \(decreases) show a decrease; "
        text += stable ? "the sign is stable (\(positive > 0 ? "all estimates positive" : negative > 0 ? "all estimates negative" : "all zero"))"
                       : "the sign is unstable (\(positive) estimates positive, \(negative) negative)"
        text += "; \(calibrated) have a calibrated placebo p < 0.05"
        if !stable || (increases > 0 && decreases > 0) { text += " — inconclusive: the answer depends on the design" }
        else if increases + decreases == 0 { text += " — no specification shows an effect distinguishable from zero" }
        return text + "."
    }
}
