import ArgumentParser
import Forecast
import Foundation

/// `forecast ingest FILE [input options] [--output daily.csv] [--format csv|json]`: a clean daily series.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Turn a raw feed (daily, cumulative or per-event rows; CSV or JSON) into a clean daily CSV.",
        discussion: """
            Writes 'date' (every calendar day from the first to the last) and the value columns under their \
            source names to --output, or to stdout when --output is not given (then nothing else goes to stdout). \
            The data-quality summary (date column used, gaps, duplicates, corrections, first appearances, \
            negative and non-integer values, missing cells) goes to stderr. On an error nothing is written: the \
            message on stderr names the file, line and column, and the exit status is 1.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Write the daily series to this file (replaced atomically; default: stdout).")
    var output: String?

    @Option(help: "Output format: csv, or json (an array of records {\"date\": ..., column: value or null}).")
    var format: SeriesFormat = .csv

    @Option(help: "Sum by week (ISO, Monday first) or month: date,calendar_days,complete,<col>,<col>_days,<col>_mean.")
    var by: AggregationPeriod?

    enum SeriesFormat: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    func run() throws {
        var destination = CommandOutput(inputs: [input.file])
        try destination.claim(output, option: "--output")
        try destination.run { destination in
            let series = try reportingFailures { try ingestingForPeriods(by) { try input.ingest() } }
            let text: String
            switch (format, by.map(series.aggregated)) {
            case (.csv, nil): text = series.csv()
            case (.json, nil): text = series.jsonRecords().serialized(pretty: true) + "\n"
            case (.csv, let periods?): text = periods.csv()
            case (.json, let periods?): text = periods.json().serialized(pretty: true) + "\n"
            }
            if output != nil { try destination.stage(text, for: "--output") } else { destination.print(text, terminator: "") }
            FileHandle.standardError.write(Data(series.quality.summary().utf8))
        }
    }
}
