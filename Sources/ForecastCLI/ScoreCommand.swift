import ArgumentParser
import Forecast

/// `forecast score FORECASTS.csv [--train TRAIN.csv] [--samples SAMPLES.csv] [--season M] [--format table|json]`:
/// point, quantile, interval and distribution scores of forecasts against actuals (the statistics live in the
/// library: `ScoreInput` reads and checks the files, `ScoreReport` computes and formats).
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score forecasts against actuals: MAE, RMSE, MAPE, sMAPE, MASE, pinball, coverage, CRPS, log score, PIT.",
        discussion: """
            The files of `fit --output` and `backtest --details`/`--samples` are read as they are (column \
            vocabulary: Guides/ForecastFiles.md). FORECASTS has a 'date' and a 'y' (actuals; rows with an empty y \
            are not scored) column, optional keys 'origin' and 'h', and any of: 'mean', 'median' and \
            lower_<L>/upper_<L> (central L % intervals), f_<name> point forecasts (each scored; \
            'f_naive' also gives every forecast a skill 1 − MAE/MAE(naive)), q_<level> quantile forecasts (central \
            intervals from every symmetric pair, 0.1/0.9 → 80 %), norm_mean/norm_sd (Gaussian), nb_mu/nb_alpha \
            (negative binomial NB2, Var = μ + αμ²; α = 0 is Poisson). Whatever is present is scored.
            --train gives the training series (date,y) whose in-sample naive errors scale MASE (m = 1, 7, --season) \
            and RMSSE; --samples gives ensemble members per day (date,s001,…; same dates as FORECASTS) for the \
            ensemble CRPS. Scores that cannot be computed are null in JSON ("—" in the table), with a warning on \
            stderr when the input explains why (e.g. a constant training series).
            """
    )

    @Argument(help: "CSV of forecasts and actuals (date, y, f_*, q_*, norm_mean/norm_sd, nb_mu/nb_alpha).")
    var forecasts: String

    @Option(help: "CSV 'date,y' of the training series (scales MASE and RMSSE).")
    var train: String?

    @Option(help: "CSV 'date,s001,…' of ensemble members, one row per forecast date.")
    var samples: String?

    @Option(parsing: .unconditional, help: "An extra seasonal period M for MASE (adds maseM; needs --train).")
    var season: Int?

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    func validate() throws {
        if let season, season < 1 { throw ValidationError("--season must be a period of at least 1 day, got \(season)") }
        if let season { try OptionBounds.check(season, "--season", in: 1...OptionBounds.maxOffset, unit: "days") }
        if season != nil && train == nil {
            throw ValidationError("--season needs --train (the MASE scale comes from the training series)")
        }
    }

    func run() throws {
        let report = try reportingFailures {
            let input = try ScoreInput(forecasts: CSVReader.read(contentsOf: forecasts),
                                       training: train.map { try CSVReader.read(contentsOf: $0) },
                                       samples: samples.map { try CSVReader.read(contentsOf: $0) })
            return ScoreReport(input, season: season)
        }
        for warning in report.warnings { printError("warning: \(warning)") }
        var output = CommandOutput(inputs: [forecasts, train, samples])
        switch format {
        case .json: output.print(report.json().serialized())
        case .table: output.print(report.table(includingWarnings: false), terminator: "")
        }
        try output.commit()
    }
}
