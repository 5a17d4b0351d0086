// Helpers shared by the Data tests: ingest inline CSV/JSON fixtures and catch the DataError they throw.

import Forecast
import Testing

/// Ingests CSV `text` (named `source` in errors) with `options`.
func ingestCSV(_ text: String, source: String = "bad.csv", _ options: IngestOptions = IngestOptions())
    throws(DataError) -> DailySeries {
    try DailySeries.ingest(table: CSVReader.parse(text, source: source), options: options)
}

/// Ingests JSON records `text` (named `source` in errors) with `options`.
func ingestJSON(_ text: String, source: String = "bad.json", _ options: IngestOptions = IngestOptions())
    throws(DataError) -> DailySeries {
    try DailySeries.ingest(table: JSONRecords.parse(text, source: source), options: options, format: .json)
}

/// The DataError `body` throws, or nil (with a recorded issue) when it throws nothing.
func dataError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(DataError) -> Void) -> DataError? {
    do {
        try body()
        Issue.record("expected a DataError, but nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// Whether two value arrays are equal, NaN matching NaN.
func sameValues(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
}

/// Shorthand for a date in tests.
func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

/// Options with the given mode and value columns.
func options(_ mode: IngestMode = .levels, values: [String] = [], _ configure: (inout IngestOptions) -> Void = { _ in })
    -> IngestOptions {
    var o = IngestOptions(mode: mode, valueColumns: values)
    configure(&o)
    return o
}
