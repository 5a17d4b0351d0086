// ControlShiftCheck — does a control series (a regressor assumed unaffected by the trigger) itself move at the
// trigger? A pre-/post-trigger level test, used only to warn.
//
// Policy: Welch's two-sample t-test of the control's mean over the effect days against its mean over the training
// days (Welch–Satterthwaite degrees of freedom). Daily series are autocorrelated, which makes the test reject too
// often; that errs on the side of warning, which is the point. Warn at p < 0.01.

/// A pre-/post-trigger level test on one control series.
import ForecastCore
import ForecastData
import ForecastModels
struct ControlShiftCheck: Sendable {
    /// The control's name.
    let name: String
    let preMean: Double
    let windowMean: Double
    /// Welch two-sided p-value (nil when either side has fewer than two values or no spread).
    let pValue: Double?

    static let threshold = 0.01

    /// Compares `column` (aligned with `start`) over `window` against `pre`.
    init(name: String, column: [Double], start: CalendarDate, pre: DateSpan, window: DateSpan) {
        func values(_ span: DateSpan) -> [Double] {
            (0..<span.dayCount).map { span.first.adding(days: $0) - start }
                .filter { $0 >= 0 && $0 < column.count && column[$0].isFinite }.map { column[$0] }
        }
        let a = values(pre), b = values(window)
        self.name = name
        preMean = a.isEmpty ? .nan : a.reduce(0, +) / Double(a.count)
        windowMean = b.isEmpty ? .nan : b.reduce(0, +) / Double(b.count)
        guard a.count >= 2, b.count >= 2 else { pValue = nil; return }
        func variance(_ x: [Double], _ m: Double) -> Double { x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1) }
        let va = variance(a, preMean) / Double(a.count), vb = variance(b, windowMean) / Double(b.count)
        guard va + vb > 0 else { pValue = preMean == windowMean ? 1 : 0; return }
        let t = (windowMean - preMean) / (va + vb).squareRoot()
        let df = (va + vb) * (va + vb) / (va * va / Double(a.count - 1) + vb * vb / Double(b.count - 1))
        pValue = StudentT(degreesOfFreedom: df).twoSidedPValue(t)
    }

    /// A `control-moved` warning for `trigger`, or nil when the control holds steady.
    func warning(trigger: String) -> EffectsWarning? {
        guard let pValue, pValue < Self.threshold else { return nil }
        return EffectsWarning(code: "control-moved", message: "'\(trigger)': control '\(name)' moves at the trigger (mean \(TextFormat.number(preMean)) before, \(TextFormat.number(windowMean)) in the window; Welch p = \(TextFormat.pValue(pValue))): if the trigger affected it, it absorbs part of the effect")
    }
}
