/// A setting of the library (ingest options, a row filter, a correction policy, an effects option) that is invalid
/// or conflicts with another, found before any data is read — or, wrapped in `ModelError.unsuitableSetting`,
/// one that the data at hand cannot be analysed with.
///
/// The message names settings through placeholders, so that each front end names them its own way: `description`
/// uses the library's words ("report lag", "cumulative mode"); the command-line tool substitutes its flags
/// (`--report-lag`, `--cumulative`) with ``message(naming:)``. ``DataError`` names settings the same way.
import ForecastCore
public struct SettingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The settings a message can name.
    public enum Setting: String, Sendable, CaseIterable {
        case dateColumn, dateFormat, valueColumns, filters, reportLag, baseline, gaps, corrections, sumDuplicates
        case from, to, cumulativeMode, perEventMode
        /// Events given one by one as `DATE:ID` (``EventCalendar/adHoc(_:)``), not read from a calendar file.
        case adHocEvents
        /// The shape of an event's effect over its window (free, pulse, decay).
        case effectShape
        /// The days before a trigger that the counterfactual design trains on.
        case prePeriod
        /// The barrage test (do events follow days of many events?) and its threshold.
        case barrage
        /// The days after a trigger in which a barrage counts.
        case barrageWithin
        /// The window of day offsets an event acts on.
        case eventWindow
        /// The calendar terms of a design: intercept, trend and day of week.
        case calendarTerms
        /// Fourier seasonality terms.
        case fourier
        /// Trend changepoints.
        case changepoints
        /// Autoregressive lags.
        case autoregressiveLags
        /// Level-shift (step) terms.
        case stepTerms
        /// Columns entered in a design as they are.
        case regressors
        /// The coefficient covariance estimator.
        case covariance

        /// The setting in the library's words.
        public var words: String {
            switch self {
            case .dateColumn: return "a named date column"
            case .dateFormat: return "the date format"
            case .valueColumns: return "value column"
            case .filters: return "row filter"
            case .reportLag: return "report lag"
            case .baseline: return "baseline"
            case .gaps: return "gap policy"
            case .corrections: return "correction policy"
            case .sumDuplicates: return "summing duplicate dates"
            case .from: return "first day"
            case .to: return "last day"
            case .cumulativeMode: return "cumulative mode"
            case .perEventMode: return "per-event mode"
            case .adHocEvents: return "ad-hoc event"
            case .effectShape: return "effect shape"
            case .prePeriod: return "pre-period"
            case .barrage: return "the barrage test"
            case .barrageWithin: return "the barrage window"
            case .eventWindow: return "the event window"
            case .calendarTerms: return "the intercept, trend and day-of-week terms"
            case .fourier: return "Fourier terms"
            case .changepoints: return "changepoints"
            case .autoregressiveLags: return "AR lags"
            case .stepTerms: return "step terms"
            case .regressors: return "regressors"
            case .covariance: return "the covariance estimator"
            }
        }
    }

    /// The message, with `{0}`, `{1}`, … standing for the names of `settings[0]`, `settings[1]`, ….
    public let template: String
    /// The settings the message names, in the order of their placeholders; the first is the one at fault.
    public let settings: [Setting]

    public init(_ template: String, _ settings: Setting...) {
        self.template = template
        self.settings = settings
    }

    /// The message with each setting named by `name` (e.g. a command-line flag).
    public func message(naming name: (Setting) -> String) -> String { Self.substitute(settings, in: template, naming: name) }

    /// `template` with `{0}`, `{1}`, … replaced by the names of `settings[0]`, `settings[1]`, ….
    static func substitute(_ settings: [Setting], in template: String, naming name: (Setting) -> String) -> String {
        var text = template
        for (index, setting) in settings.enumerated() { text = text.replacingOccurrences(of: "{\(index)}", with: name(setting)) }
        return text
    }

    /// The message in the library's words.
    public var description: String { message(naming: \.words) }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        var result = "", rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
