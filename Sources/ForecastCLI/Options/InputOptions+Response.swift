import ArgumentParser
import Forecast

/// The response and regressor columns of a modelling command (`fit`, `effects`, `backtest`).
///
/// Rule: the response is `--value`, else the file's first value column that is not named by `--regressor`; the
/// `--regressor` columns are always read, also when `--value` names another column; the response cannot be its
/// own regressor (a usage error saying so).
extension InputOptions {
    /// `ingestOptions()` with the `--regressor` columns added to the columns read when `--value` limits them.
    func ingestOptions(regressors: [String]) throws -> IngestOptions {
        var options = try ingestOptions()
        if !options.valueColumns.isEmpty {
            options.valueColumns += regressors.filter { !options.valueColumns.contains($0) }
        }
        return options
    }

    /// The response column of `series` (read with `ingestOptions(regressors:)`).
    func responseName(in series: DailySeries, regressors: [String]) throws -> String {
        if let value = values.first {
            if regressors.contains(value) {
                throw ValidationError("--regressor \(value): the response cannot be its own regressor (give another --value)")
            }
            return value
        }
        guard let name = series.names.first(where: { !regressors.contains($0) }) else {
            throw ValidationError("--regressor: every value column of the file is a regressor, so there is no response; " +
                                  "give it with --value (the response cannot be its own regressor)")
        }
        return name
    }
}
