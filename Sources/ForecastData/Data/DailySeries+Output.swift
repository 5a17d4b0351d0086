// DailySeries+Output — the clean daily CSV and JSON records that `forecast ingest` writes.
//
// Rules:
//  1. CSV: header `date,<column names>` (names quoted per RFC 4180 when they hold a comma, quote, line break or
//     surrounding space), one row per day `YYYY-MM-DD`, LF line ends, a final LF. A missing value is an empty cell.
//  2. Numbers: integers (|v| < 1e15) without a decimal point (`2800`, `-14`, `0` also for −0); others as the
//     shortest decimal that round-trips to the same double (Swift's `description`, e.g. `0.1`, `2.5e-07`).
//     So reading the output back gives bit-identical values.
//  3. JSON: an array of records `{"date": "YYYY-MM-DD", "<column>": number or null, ...}` — the shape
//     ``JSONRecords`` reads, so the output can be ingested again.

import ForecastCore
extension DailySeries {
    /// The series as CSV text (rules at the top of DailySeries+Output.swift).
    public func csv() -> String {
        var out = "date"
        for name in names { out += "," + DailySeries.csvField(name) }
        out += "\n"
        out.reserveCapacity(dayCount * (11 + names.count * 6))
        for t in 0..<dayCount {
            out += start.adding(days: t).description
            for c in values.indices {
                out += ","
                out += DailySeries.format(values[c][t])
            }
            out += "\n"
        }
        return out
    }

    /// The series as JSON records (`null` for a missing value).
    public func jsonRecords() -> JSONValue {
        .array((0..<dayCount).map { t in
            .object([("date", .string(start.adding(days: t).description))]
                    + names.indices.map { c in (names[c], DailySeries.jsonNumber(values[c][t])) })
        })
    }

    /// A value as written in the CSV output: empty for NaN, integers without a decimal point.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return value.description
    }

    static func jsonNumber(_ value: Double) -> JSONValue {
        if !value.isFinite { return .null }
        if value == value.rounded() && abs(value) < 1e15 { return .integer(Int(value)) }
        return .number(value)
    }

    /// `text` quoted for CSV when it needs to be.
    package static func csvField(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" || $0 == "\t" }
            || text.first == " " || text.last == " "
        return needsQuotes ? "\"" + text.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\"" : text
    }
}
