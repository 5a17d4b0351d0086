import ArgumentParser
import Forecast

/// `fit` with several response columns (`--value A --value B …` or `--value all`): every series fitted and
/// forecast in parallel by the library (`TimeSeriesModel.forecastMany`), one summary table, `--output` in long
/// format with a `series` column, JSON as an array of the single-series documents. `--model auto` is the
/// regression's automatic choice (OLS, Poisson or NB2) here, not the forecast-driven choice of a single fit.
extension FitCommand {
    /// Whether more than one response was asked for.
    var manySeries: Bool { input.values.count > 1 || input.values == ["all"] }

    /// `output` has `--output` claimed already.
    func runMany(output: inout CommandOutput) throws {
        // Several series run the regression models (their automatic choice for `auto`); the forecast-driven
        // forecasters of a single fit are not offered here yet.
        guard modelOptions.kind != nil || modelOptions.model.rawValue == "auto" else {
            throw ValidationError("--model \(modelOptions.model.rawValue) takes one series; with several --value columns use auto, ols, poisson or nb2")
        }
        let everything = input.values == ["all"]
        var all = input
        if everything { all.values = [] }
        let report = try reportingFailures(file: input.file) { () throws -> ManyFitReport in
            let data: ModelInput
            do { data = try ModelInput(input: all, terms: terms) } catch let error as DataError {
                guard everything, error.expected?.contains("numeric value column") == true else { throw error }
                printError("error: --value all: the file has no numeric column to forecast: \(error.commandLineMessage)")
                throw ExitCode(1)
            }
            let names = everything ? data.series.names.filter { !terms.regressor.contains($0) } : input.values
            if let own = names.first(where: { terms.regressor.contains($0) }) {
                throw ValidationError("--regressor \(own): the response cannot be its own regressor (give another --value)")
            }
            // Every series keeps its paths (for the horizon total): the memory budget covers all of them at once.
            try OptionBounds.checkSimulation(rows: horizon * max(names.count, 1), paths: paths,
                                             what: "--horizon \(horizon) for each of \(names.count) series (--value)")
            let series = try names.map { name throws -> DatedSeries in
                try DatedSeries(series: data.series, response: name, regressors: terms.regressor)
            }
            let model = TimeSeriesModel(design: data.design, kind: modelOptions.kind, covariance: modelOptions.estimator,
                                        from: data.from, to: data.to, automaticChangepoints: terms.changepoints?.automatic ?? false)
            let outcomes = model.forecastMany(series, horizon: horizon, levels: levels, paths: paths, seed: seed)
            // One quality document shared by every series (it describes the whole file: built per series, it grew
            // with columns² — 2.5 GB for 2,000 columns).
            let quality = data.series.quality.json()
            return ManyFitReport(series: zip(names, outcomes).map { name, outcome in
                (name, outcome.map { FitReport(fit: $0.fit, forecast: $0.forecast, dataQuality: quality) })
            })
        }
        try output.run { output in
            try output.stage(report.csv(), for: "--output")
            switch format {
            case .json: output.print(report.json().serialized())
            case .table: output.print(report.table(), terminator: "")
            }
        }
    }
}
