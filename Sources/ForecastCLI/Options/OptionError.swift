import ArgumentParser
import Forecast

/// A usage problem with the command line (exit 64): a library `SettingError` with its settings named by the flags
/// that set them, or a conflict between flags found here.
struct OptionError: Error, CustomStringConvertible {
    /// One sentence naming the option(s) and what is wrong.
    let message: String

    init(_ message: String) { self.message = message }

    /// The library's error, its settings named by their flags.
    init(_ error: SettingError) { message = error.message(naming: Self.flag) }

    var description: String { message }

    /// The usage error ArgumentParser reports with exit status 64.
    var validationError: ValidationError { ValidationError(message) }

    /// The flag that sets each library setting.
    static func flag(_ setting: SettingError.Setting) -> String {
        switch setting {
        case .dateColumn: return "--date-column"
        case .dateFormat: return "--date-format"
        case .valueColumns: return "--value"
        case .filters: return "--where"
        case .reportLag: return "--report-lag"
        case .baseline: return "--baseline"
        case .gaps: return "--gaps"
        case .corrections: return "--corrections"
        case .sumDuplicates: return "--sum-duplicates"
        case .from: return "--from"
        case .to: return "--to"
        case .cumulativeMode: return "--cumulative"
        case .perEventMode: return "--per-event"
        case .adHocEvents: return "--event"
        case .effectShape: return "--shape"
        case .prePeriod: return "--pre"
        case .barrage: return "--barrage"
        case .barrageWithin: return "--within"
        case .eventWindow: return "--window (or --event DATE:ID:FIRST..LAST)"
        case .calendarTerms: return "--trend/--no-day-of-week/--no-intercept"
        case .fourier: return "--fourier"
        case .changepoints: return "--changepoints"
        case .autoregressiveLags: return "--ar"
        case .stepTerms: return "--step-term"
        case .regressors: return "--regressor/--control"
        case .covariance: return "--covariance"
        }
    }
}
