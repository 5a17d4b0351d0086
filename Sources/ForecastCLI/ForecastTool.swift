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

    /// Parses, runs, and reports failures. A usage error found while a subcommand runs (after its files are read:
    /// a column, a date or a shift that only the data can check) is reported like one found while parsing — exit
    /// 64 with the subcommand's usage line — instead of ArgumentParser's root usage line.
    static func main() {
        var command: any ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        do {
            try command.run()
        } catch let error as ValidationError {
            let subcommand = type(of: command)
            let name = subcommand.configuration.commandName.map { "forecast \($0)" } ?? "forecast"
            printError("Error: \(error.message)\nUsage: forecast \(subcommand.usageString())\n  See '\(name) --help' for more information.")
            exit(withError: ExitCode.validationFailure)
        } catch {
            exit(withError: error)
        }
    }
}

enum ForecastVersion {
    static let current = "0.1.0"
}
