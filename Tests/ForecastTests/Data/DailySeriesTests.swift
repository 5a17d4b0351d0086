// Tests for DailySeries and ingestion of daily (levels) input: sorting, duplicates, gaps, column choice,
// report lag, --from/--to, negative and non-integer values, CSV/JSON output.

import Forecast
import Testing

@Suite("Daily series (levels input)") struct DailySeriesTests {
    @Test("Unsorted input is sorted; every day from first to last; a gap is an empty cell and is reported")
    func sortingAndGaps() throws {
        let s = try ingestCSV("date,tank,APC\n2024-01-03,3,30\n2024-01-01,1,10\n2024-01-05,5,\n")
        #expect(s.start == day("2024-01-01") && s.end == day("2024-01-05") && s.dayCount == 5)
        #expect(s.names == ["tank", "APC"])
        #expect(sameValues(s.values[0], [1, .nan, 3, .nan, 5]))
        #expect(sameValues(try s.column(named: "apc"), [10, .nan, 30, .nan, .nan]))
        #expect(s.quality.gaps == [DateSpan(first: day("2024-01-02"), last: day("2024-01-02")),
                                   DateSpan(first: day("2024-01-04"), last: day("2024-01-04"))])
        #expect(s.quality.orderInversions == 1 && s.quality.orderAscents == 1)
        #expect(!s.quality.sortedAscending && !s.quality.sortedDescending)
        #expect(s.quality.columns[1].emptyInputCells == 1 && s.quality.columns[1].emptyInputLines == [4])
        #expect(s.quality.missingCells == 5)
        #expect(s.sourceLine(ofDay: 0) == 3 && s.sourceLine(ofDay: 1) == nil)
        #expect(s.dates.map(\.description) == ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"])
    }

    @Test("asOf: rows after the day are dropped before conversion, so a later correction is not spread back")
    func asOf() throws {
        // Running totals 10, 20, 30, 40, 35 (a −5 correction on day 5), 45.
        let text = "date,total\n2024-01-01,10\n2024-01-02,20\n2024-01-03,30\n2024-01-04,40\n2024-01-05,35\n2024-01-06,45\n"
        let spread = options(.cumulative) { $0.corrections = .spread(days: 2) }
        let full = try ingestCSV(text, spread)
        #expect(sameValues(full.values[0], [.nan, 10, 8, 7, 0, 10]))  // −5 over 2 days: −2, −3 (remainder to the later day)
        var early = spread
        early.asOf = day("2024-01-04")
        let known = try ingestCSV(text, early)
        // As known on 2024-01-04: the same as a file that ends that day.
        let truncated = try ingestCSV(text.split(separator: "\n").prefix(5).joined(separator: "\n") + "\n", spread)
        #expect(sameValues(known.values[0], truncated.values[0]) && sameValues(known.values[0], [.nan, 10, 10, 10]))
        early.asOf = day("2023-12-31")
        #expect(throws: DataError.self) { try ingestCSV(text, early) }
    }

    @Test func gapPolicies() throws {
        let text = "date,n\n2024-01-01,1\n2024-01-03,3\n"
        #expect(sameValues(try ingestCSV(text, options { $0.gaps = .zero }).values[0], [1, 0, 3]))
        #expect(try ingestCSV(text, options { $0.gaps = .zero }).quality.gapPolicy == .zero)
        #expect(sameValues(try ingestCSV(text).values[0], [1, .nan, 3]))
        #expect(throws: DataError.self) { try ingestCSV(text, options { $0.gaps = .error }) }
        // --gaps error only looks inside the output window.
        #expect(try ingestCSV(text, options { $0.gaps = .error; $0.from = day("2024-01-03") }).values == [[3]])
    }

    @Test("Duplicate dates: an error naming both lines, or summed with sumDuplicates (reported)")
    func duplicates() throws {
        let text = "date,n,m\n2024-01-01,1,\n2024-01-02,2,5\n2024-01-01,10,\n2024-01-01,100,7\n"
        let error = dataError { () throws(DataError) in _ = try ingestCSV(text) }
        #expect(error?.reason == .duplicateDate(firstLine: 2) && error?.line == 4 && error?.found == "2024-01-01 again")
        let summed = try ingestCSV(text, options { $0.sumDuplicates = true })
        #expect(sameValues(summed.values[0], [111, 2]))
        #expect(sameValues(summed.values[1], [7, 5]))  // missing + missing + 7 = 7; all missing would stay missing
        #expect(summed.quality.duplicates == [.init(date: day("2024-01-01"), lines: [2, 4, 5])])
    }

    @Test("Date column: 'date' in any case wins; else the first date-like column; --date-column overrides")
    func dateColumnChoice() throws {
        let named = try ingestCSV("when,DATE,n\n2024-01-01,2024-02-01,1\n")
        #expect(named.quality.dateColumn == "DATE" && named.quality.dateRule == .namedDate)
        #expect(named.start == day("2024-02-01"))
        #expect(named.names == ["n"])
        let firstLike = try ingestCSV("region,when,n\nsouth,01.02.2024,1\n")
        #expect(firstLike.quality.dateColumn == "when" && firstLike.quality.dateRule == .firstDateLike)
        #expect(firstLike.quality.dateFormat == .dayMonthYearDots && firstLike.quality.skippedColumns == ["region"])
        let explicit = try ingestCSV("date,reported,n\n2024-01-01,2024-03-01,1\n", options { $0.dateColumn = "reported" })
        #expect(explicit.quality.dateRule == .explicit && explicit.start == day("2024-03-01"))
        #expect(explicit.names == ["n"])  // the other date column is text, so it is skipped
    }

    @Test("Negative and non-integer values are kept and reported")
    func negativeAndNonInteger() throws {
        let s = try ingestCSV("date,n\n2024-01-01,3\n2024-01-02,-2\n2024-01-03,1.5\n2024-01-04,-0.25\n")
        #expect(s.values == [[3, -2, 1.5, -0.25]])
        let c = s.quality.columns[0]
        #expect(c.negativeCount == 2 && c.negatives == [.init(date: day("2024-01-02"), value: -2),
                                                        .init(date: day("2024-01-04"), value: -0.25)])
        #expect(c.nonIntegerCount == 2 && c.nonIntegers.map(\.value) == [1.5, -0.25])
        #expect(s.quality.summary().contains("column 'n': 4 days with a value, 0 missing, 2 negative (2024-01-02 -2, 2024-01-04 -0.25), 2 non-integer (2024-01-03 1.5, 2024-01-04 -0.25)"))
    }

    @Test("--report-lag moves dates back; --from/--to select output days")
    func lagAndWindow() throws {
        let text = "date,n\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n2024-01-04,4\n"
        let lagged = try ingestCSV(text, options { $0.reportLag = 1 })
        #expect(lagged.start == day("2023-12-31") && lagged.values == [[1, 2, 3, 4]])
        #expect(lagged.quality.inputSpan.first == day("2024-01-01") && lagged.quality.outputSpan.first == day("2023-12-31"))
        let window = try ingestCSV(text, options { $0.from = day("2024-01-02"); $0.to = day("2024-01-03") })
        #expect(window.start == day("2024-01-02") && window.values == [[2, 3]])
        let clipped = try ingestCSV(text, options { $0.from = day("2023-01-01"); $0.to = day("2024-01-01") })
        #expect(clipped.values == [[1]])
        let selected = try #require(window.selecting(from: day("2024-01-03"), to: nil))
        #expect(selected.values == [[3]] && selected.quality.outputSpan.dayCount == 1)
        #expect(window.selecting(from: day("2025-01-01"), to: nil) == nil)
    }

    @Test("Selecting days keeps the report's day lists to the selection")
    func selectingFiltersTheReport() throws {
        let s = try ingestCSV("date,n\n2024-01-01,10\n2024-01-02,8\n2024-01-05,12\n", options(.cumulative))
        #expect(s.quality.corrections.count == 1 && s.quality.gaps.count == 1 && s.quality.multiDayTotals.count == 1)
        let later = try #require(s.selecting(from: day("2024-01-04"), to: nil))
        #expect(later.quality.corrections.isEmpty && later.quality.multiDayTotals.count == 1)
        #expect(later.quality.gaps == [DateSpan(first: day("2024-01-04"), last: day("2024-01-04"))])
        let early = try #require(s.selecting(from: nil, to: day("2024-01-02")))
        #expect(early.quality.gaps.isEmpty && early.quality.corrections.map(\.size) == [-2])
        #expect(early.quality.columns[0].negativeCount == 1 && later.quality.columns[0].negativeCount == 0)
    }

    @Test("CSV output: date + value columns, integers without a decimal point, empty for missing; reads back")
    func csvOutput() throws {
        let s = DailySeries(start: day("2024-02-28"), names: ["n", "field, artillery"],
                            values: [[1, .nan, -0.0], [2.5, 1e-7, 12345678]])
        #expect(s.csv() == "date,n,\"field, artillery\"\n2024-02-28,1,2.5\n2024-02-29,,1e-07\n2024-03-01,0,12345678\n")
        let again = try DailySeries.ingest(table: CSVReader.parse(s.csv()))
        #expect(sameValues(again.values[0], [1, .nan, 0]) && again.values[1] == s.values[1])
        #expect(s.quality.format == .memory && s.quality.columns[1].nonIntegerCount == 2)
    }

    @Test("JSON output: records that JSONRecords reads back")
    func jsonOutput() throws {
        let s = DailySeries(start: day("2024-02-28"), names: ["n"], values: [[1, .nan, 0.5]])
        let json = s.jsonRecords().serialized()
        #expect(json == #"[{"date":"2024-02-28","n":1},{"date":"2024-02-29","n":null},{"date":"2024-03-01","n":0.5}]"#)
        let again = try DailySeries.ingest(table: JSONRecords.parse(json), format: .json)
        #expect(sameValues(again.values[0], s.values[0]) && again.start == s.start)
    }

    @Test func columnByNameSuggestsTheNearest() {
        let s = DailySeries(start: day("2024-01-01"), names: ["personnel"], values: [[1]])
        let error = dataError { () throws(DataError) in _ = try s.column(named: "personel") }
        #expect(error?.reason == .missingColumn(suggestion: "personnel"))
    }

    @Test("Semicolon and tab files, BOM and CRLF")
    func otherDelimiters() throws {
        #expect(try ingestCSV("date;n\r\n2024-01-01;1\r\n").values == [[1]])
        #expect(try ingestCSV("\u{FEFF}date\tn\n2024-01-01\t2\n").values == [[2]])
    }

    @Test("Options are checked before anything is read")
    func optionConflicts() throws {
        // The library names settings in its own words; the CLI's flag wording is asserted in OptionMessageTests.
        func message(_ o: IngestOptions) -> String? {
            do { try o.check(); return nil } catch { return error.description }
        }
        func settings(_ o: IngestOptions) -> [SettingError.Setting] {
            do { try o.check(); return [] } catch { return error.settings }
        }
        #expect(message(options(.cumulative) { $0.gaps = .zero })?.hasPrefix("gap policy zero cannot be used with cumulative mode") == true)
        #expect(settings(options(.cumulative) { $0.gaps = .zero }) == [.gaps, .cumulativeMode])
        #expect(message(options(.perEvent) { $0.sumDuplicates = true }) == "summing duplicate dates is implied by per-event mode (rows are always summed)")
        #expect(message(options { $0.corrections = .missing }) == "correction policy applies to cumulative mode input only")
        #expect(message(options { $0.reportLag = -1 }) == "report lag must be ≥ 0 days, got -1")
        #expect(message(options { $0.from = day("2024-02-01"); $0.to = day("2024-01-01") }) == "first day 2024-02-01 is after last day 2024-01-01")
        #expect(settings(options { $0.from = day("2024-02-01"); $0.to = day("2024-01-01") }) == [.from, .to])
        #expect(message(options(values: ["a", "a"])) == "value column 'a' is given twice")
        #expect(message(options(.cumulative) { $0.baseline = 5; $0.corrections = .spread(days: 3) }) == nil)
        #expect(throws: SettingError.self) { try CorrectionPolicy(parsing: "spread:0") }
        #expect(try CorrectionPolicy(parsing: "spread:7") == .spread(days: 7))
    }
}
