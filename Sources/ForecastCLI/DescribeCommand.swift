import ArgumentParser
import Forecast

/// `forecast describe FILE [input options] [--events FILE] [--event DATE:ID] [--format table|json]`.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Print the data-quality report and descriptive statistics of each daily column.",
        discussion: """
            Reads the input exactly as 'forecast ingest' does (same options), then prints the quality report and, \
            per column: count, missing, zeros, sum, mean, standard deviation, minimum, maximum, quantiles (R type 7), \
            lag-1..L autocorrelations (NIST definition) and the dispersion index variance/mean. With --events or \
            --event, events outside the series' days are listed.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var events: EventOptions

    @Option(help: "Largest autocorrelation lag L (default 7).")
    var maxLag: Int = 7

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    @Option(help: "Also sum by week (ISO, Monday first) or month, with the days present and incomplete periods flagged.")
    var by: AggregationPeriod?

    func validate() throws {
        guard maxLag >= 0 && maxLag <= 366 else { throw ValidationError("--max-lag must be in 0...366, got \(maxLag)") }
    }

    func run() throws {
        let series = try reportingFailures { () throws -> DailySeries in
            let series = try ingestingForPeriods(by) { try input.ingest() }
            guard let calendar = try events.calendar() else { return series }
            return series.noting(events: calendar)
        }
        switch format {
        case .table:
            print(series.describeTable(maxLag: maxLag), terminator: "")
            if let by { print("\n" + series.aggregated(by: by).table(), terminator: "") }
        case .json:
            var json = series.describeJSON(maxLag: maxLag)
            if let by, case .object(let members) = json { json = .object(members + [("byPeriod", series.aggregated(by: by).json())]) }
            print(json.serialized(pretty: true))
        }
    }
}
