import ArgumentParser

/// `forecast`: fit, explain and forecast daily war time series.
@main
struct ForecastTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Fit, explain and forecast daily war time series (attrition, strikes) and their response to events.",
        discussion: """
            Exit status: 0 on success, 64 for usage errors, 1 for data or model errors \
            (the message on stderr names the file, line and column).
            """,
        version: ForecastVersion.current,
        subcommands: [FitCommand.self, IngestCommand.self, DescribeCommand.self, RegressCommand.self, ScoreCommand.self, EffectsCommand.self, BacktestCommand.self]
    )
}

enum ForecastVersion {
    static let current = "0.1.0"
}
