import ArgumentParser
import Forecast
import Foundation

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

    @Option(parsing: .unconditional, help: "Largest autocorrelation lag L (default 7).")
    var maxLag: Int = 7

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    @Option(help: "Also sum by week (ISO, Monday first) or month, with the days present and incomplete periods flagged.")
    var by: AggregationPeriod?

    @Option(help: "Draw the first --value column (or the file's first) as SVG: missing days, corrections and events marked.")
    var plot: String?

    func validate() throws {
        guard maxLag >= 0 && maxLag <= 366 else { throw ValidationError("--max-lag must be in 0...366, got \(maxLag)") }
    }

    func run() throws {
        var calendar: EventCalendar? = nil
        let series = try reportingFailures { () throws -> DailySeries in
            let series = try ingestingForPeriods(by) { try input.ingest() }
            calendar = try events.calendar()
            guard let calendar else { return series }
            return series.noting(events: calendar)
        }
        var output = CommandOutput(inputs: [input.file, events.eventsFile])
        try output.claim(plot, option: "--plot")
        try output.run { output in
            if plot != nil {
                let column = input.values.first ?? series.names[0]
                let marked = (calendar?.events ?? []).map { (id: $0.id, date: $0.date) }
                let svg = try reportingFailures {
                    try SeriesPlot(title: "\(column) per day (\(series.start) .. \(series.end))")
                        .render(series: series, column: column, events: marked)
                }
                try output.stage(svg, for: "--plot")
            }
            switch format {
            case .table:
                output.print(series.describeTable(maxLag: maxLag), terminator: "")
                if let by { output.print("\n" + series.aggregated(by: by).table(), terminator: "") }
            case .json:
                var json = series.describeJSON(maxLag: maxLag)
                if let by, case .object(let members) = json { json = .object(members + [("byPeriod", series.aggregated(by: by).json())]) }
                output.print(json.serialized(pretty: true))
            }
        }
    }
}
