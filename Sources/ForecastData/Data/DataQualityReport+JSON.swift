// DataQualityReport+JSON — the machine-readable form (camelCase keys, dates as "YYYY-MM-DD", lines as integers,
// null for absent values). `fit`'s JSON embeds it under "dataQuality", `describe`'s under "quality".

import ForecastCore
extension DataQualityReport {
    /// The report as a JSON object; keys in a fixed order (documented in the README's `describe` section).
    public func json() -> JSONValue {
        .object([
            ("source", source.map(JSONValue.string) ?? .null),
            ("format", .string(format.rawValue)),
            ("mode", .string(mode.rawValue)),
            ("dateColumn", .object([("name", .string(dateColumn)), ("rule", .string(dateRule.rawValue)),
                                    ("format", .string(dateFormat.rawValue))])),
            ("valueColumns", .array(valueColumns.map(JSONValue.string))),
            ("skippedColumns", .array(skippedColumns.map(JSONValue.string))),
            ("filters", .array(filters.map(JSONValue.string))),
            ("rowsRead", .integer(rowsRead)),
            ("rowsUsed", .integer(rowsUsed)),
            ("inputSpan", Self.json(inputSpan)),
            ("sortedAscending", .bool(sortedAscending)),
            ("orderInversions", .integer(orderInversions)),
            ("orderAscents", .integer(orderAscents)),
            ("reportLag", .integer(reportLag)),
            ("outputSpan", Self.json(outputSpan)),
            ("gapPolicy", .string(gapPolicy.rawValue)),
            ("gapDays", .integer(gaps.reduce(0) { $0 + $1.dayCount })),
            ("gaps", .array(gaps.map(Self.json))),
            ("duplicates", .array(duplicates.map {
                .object([("date", .string($0.date.description)), ("lines", .array($0.lines.map(JSONValue.integer)))])
            })),
            ("correctionPolicy", correctionPolicy.map { .string($0.description) } ?? .null),
            ("corrections", .array(corrections.map(Self.json))),
            ("multiDayTotals", .array(multiDayTotals.map {
                .object([("column", .string($0.column)), ("first", .string($0.span.first.description)),
                         ("last", .string($0.span.last.description)), ("days", .integer($0.span.dayCount)),
                         ("total", DailySeries.jsonNumber($0.total)), ("line", Self.json($0.line))])
            })),
            ("firstAppearances", .array(firstAppearances.map {
                .object([("column", .string($0.column)), ("date", .string($0.date.description)),
                         ("value", DailySeries.jsonNumber($0.value)), ("line", Self.json($0.line))])
            })),
            ("missingCells", .integer(missingCells)),
            ("columns", .array(columns.map(Self.json))),
            ("events", events.map { coverage in
                .object([("total", .integer(coverage.total)),
                         ("outside", .array(coverage.outside.map {
                             .object([("id", .string($0.id)), ("date", .string($0.date.description))])
                         }))])
            } ?? .null),
        ])
    }

    static func json(_ span: DateSpan) -> JSONValue {
        .object([("first", .string(span.first.description)), ("last", .string(span.last.description)),
                 ("days", .integer(span.dayCount))])
    }

    static func json(_ line: Int?) -> JSONValue { line.map(JSONValue.integer) ?? .null }

    static func json(_ correction: Correction) -> JSONValue {
        let (action, over): (String, [CalendarDate]) = {
            switch correction.action {
            case .kept: return ("kept", [])
            case .madeMissing: return ("missing", [])
            case .spread(let days): return ("spread", days)
            case .notSpread: return ("kept (no earlier day to spread over)", [])
            }
        }()
        return .object([("column", .string(correction.column)), ("date", .string(correction.date.description)),
                        ("size", DailySeries.jsonNumber(correction.size)), ("line", json(correction.line)),
                        ("action", .string(action)), ("spreadOver", .array(over.map { .string($0.description) }))])
    }

    static func json(_ column: ColumnFindings) -> JSONValue {
        func values(_ list: [DatedValue]) -> JSONValue {
            .array(list.map { .object([("date", .string($0.date.description)), ("value", DailySeries.jsonNumber($0.value))]) })
        }
        return .object([
            ("name", .string(column.name)),
            ("daysWithValue", .integer(column.daysWithValue)),
            ("missingDays", .integer(column.missingDays)),
            ("emptyInputCells", .integer(column.emptyInputCells)),
            ("emptyInputLines", .array(column.emptyInputLines.map(JSONValue.integer))),
            ("negativeCount", .integer(column.negativeCount)),
            ("negatives", values(column.negatives)),
            ("nonIntegerCount", .integer(column.nonIntegerCount)),
            ("nonIntegers", values(column.nonIntegers)),
        ])
    }
}
