/// A model could not be fitted to the data it was given.
///
/// Rows are 0-based indices into the arrays passed to the library; the CLI translates them into file line
/// numbers. Column names are the design's names.
import ForecastCore
import ForecastData
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer observations than design columns.
    case tooFewObservations(observations: Int, columns: Int)
    /// The design has no columns.
    case emptyDesign
    /// Arrays that must line up do not (e.g. response length ≠ design rows).
    case dimensionMismatch(String)
    /// A NaN or infinite value in a variable used by the fit.
    case nonFiniteValue(variable: String, row: Int)
    /// A weight that is not finite and positive.
    case invalidWeight(row: Int, value: Double)
    /// An offset (log exposure) so large in magnitude that exp of it over- or underflows: the mean of that row
    /// cannot be a finite, non-zero double for any coefficients (row index 0-based).
    case offsetOutOfRange(row: Int, value: Double)
    /// Aliased (linearly dependent) columns when the caller asked for a full-rank fit (`--strict`).
    case rankDeficient(aliased: [String])
    /// A count model was given a value that is not a non-negative integer (row 0-based).
    case notCounts(row: Int, value: Double)
    /// Every response value is zero: a log-link count model has no finite estimate (the MLE of the intercept is −∞).
    case allZeroResponse
    /// An iterative fit did not converge: iterations used and the last relative change of its criterion.
    case noConvergence(method: String, iterations: Int, lastChange: Double)
    /// Fitted means collapsed to 0 or diverged (separation-like data: a column that is non-zero only where y = 0).
    case divergence(String)
    /// Separation-like data in a log-link model: `rows` fitted means collapsed to ~0 because an estimate heads to
    /// −∞; `columns` are the terms that are non-zero only where the response is 0 (may be empty if none is alone to blame).
    case separation(columns: [String], rows: Int)
    /// An event window contains no training day (its term would be all zeros).
    case eventWithoutTrainingDays(id: String, window: String, training: String)
    /// No usable training rows (after the window, missing values and lags).
    case noTrainingData(String)
    /// A regressor has no value on a day that needs one (training or forecast).
    case regressorUnavailable(name: String, date: String)
    /// A column whose largest |value| (on `day`, when known) lies outside 1e-150 … 1e150, where its squares under- or
    /// overflow: `column` is nil for the response, else the regressor's name.
    case unusableScale(column: String?, largest: Double, day: String?)
    /// A specification that cannot be analysed as asked (e.g. AR terms in an event-effects model).
    case invalidSpecification(String)
    /// A setting the data at hand cannot be analysed with (e.g. a free effect shape where the response is 0 on every
    /// day of an offset); the message names the settings to change, in the library's words or a front end's.
    case unsuitableSetting(SettingError)
    /// A numerical failure of the linear algebra (should not happen after the aliasing rule; reported, not hidden).
    case numerical(LinearAlgebraError)

    /// The message in the library's words.
    public var description: String { message(naming: \.words) }

    /// The message with each setting it names named by `name` (e.g. a command-line flag).
    public func message(naming name: (SettingError.Setting) -> String) -> String {
        switch self {
        case let .tooFewObservations(observations, columns):
            return "too few observations: \(observations) rows for \(columns) design columns (need at least as many rows as columns)"
        case .emptyDesign:
            return "the design has no columns"
        case let .dimensionMismatch(text):
            return "dimension mismatch: \(text)"
        case let .nonFiniteValue(variable, row):
            return "non-finite value in '\(variable)' at row \(row + 1)"
        case let .invalidWeight(row, value):
            return "weight at row \(row + 1) is \(value); weights must be finite and positive"
        case let .offsetOutOfRange(row, value):
            return "offset at row \(row + 1) is \(value); an offset (log exposure) must lie within ±\(Int(CountRegression.offsetLimit)), "
                + "or exp of it is not a finite, non-zero double"
        case let .rankDeficient(aliased):
            return "the design is rank deficient: aliased column(s) \(aliased.map { "'\($0)'" }.joined(separator: ", ")) " +
                "are linear combinations of earlier columns"
        case let .notCounts(row, value):
            return "count models need non-negative integer responses; row \(row + 1) has \(value)"
        case .allZeroResponse:
            return "every response value is 0: a log-link count model has no finite estimate"
        case let .noConvergence(method, iterations, lastChange):
            return "\(method) did not converge in \(iterations) iterations (last relative change \(lastChange))"
        case let .divergence(text):
            return "the fit diverged: \(text)"
        case let .separation(columns, rows):
            let which = columns.isEmpty ? "a combination of columns" : columns.map { "'\($0)'" }.joined(separator: ", ")
            return "\(rows) fitted mean(s) are numerically 0: the estimate for \(which) heads to −∞ because it is " +
                "non-zero only where the response is 0 (separation); drop or merge that term"
        case let .eventWithoutTrainingDays(id, window, training):
            return "event '\(id)' (window \(window)) has no day inside the training data \(training)"
        case let .noTrainingData(text):
            return "no usable training data: \(text)"
        case let .regressorUnavailable(name, date):
            return "regressor '\(name)' has no value on \(date); its future values must be in the file to forecast past it"
        case let .unusableScale(column, largest, day):
            return "the scale of \(column.map { "regressor '\($0)'" } ?? "the response") (largest |value| \(largest)\(day.map { " on \($0)" } ?? "")) is outside 1e-150 … 1e150, where its squares under- or overflow; rescale it (e.g. express it in other units)"
        case let .invalidSpecification(text):
            return text
        case let .unsuitableSetting(error):
            return error.message(naming: name)
        case let .numerical(error):
            return "numerical failure: \(error)"
        }
    }
}
