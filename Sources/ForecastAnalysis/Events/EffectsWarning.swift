// EffectsWarning — a place where an effects analysis is fragile, said once in the summary and once in JSON.

/// A warning about the design of an effects analysis (`warnings: [{code, message}]` in JSON).
///
/// Codes: `in-sample-training` (the regression design's training days include the response window or days after
/// it), `hac-short-window` (HAC on an event term shorter than about 4 × the lag truncation), `overlapping-event`
/// (a second event of the calendar falls in the window), `few-placebos` (fewer than 30 placebo dates),
/// `pre-trend` (the lead days already differ from the counterfactual), `control-moved` (a control series shifts at
/// the trigger), `short-pre-period` (fewer pre-trigger days than asked for).
import ForecastCore
import ForecastData
import ForecastModels
public struct EffectsWarning: Sendable, Equatable {
    /// A stable, machine-readable code (see the type's list).
    public let code: String
    /// One sentence for a reader, naming the trigger and the numbers behind the warning.
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// Fewer placebo dates than this make a calibrated p-value coarse (its smallest value is 1/(1 + n)).
    public static let fewPlacebos = 30
}
