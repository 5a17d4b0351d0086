// The catalogue of malformed inputs (issue 3, "Must show"): small fixtures written by hand, each with the exact
// DataError it must produce — reason, file, line (header = line 1), column, expected and found.
// A representative subset is run through the CLI in Tests/CLITests/IngestCommandTests.swift.

import Forecast
import Testing

/// One malformed input and the error it must produce.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    let name: String
    let run: @Sendable () throws -> Void
    let expected: DataError
    var testDescription: String { name }

    init(_ name: String, _ expected: DataError, _ run: @escaping @Sendable () throws -> Void) {
        (self.name, self.expected, self.run) = (name, expected, run)
    }
}

private let personnelOnly = options(values: ["personnel"])
private let autoFormats = "YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or DD.MM.YYYY"

let malformedCatalogue: [MalformedCase] = [
    // --- columns ---
    MalformedCase("missing --value column, nearest name suggested",
                  DataError(.missingColumn(suggestion: "personnel"), file: "bad.csv", line: 1, column: "personel")) {
        _ = try ingestCSV("date,personnel\n2024-01-01,5\n", options(values: ["personel"]))
    },
    MalformedCase("missing --date-column, nothing close enough to suggest",
                  DataError(.missingColumn(suggestion: nil), file: "bad.csv", line: 1, column: "when")) {
        _ = try ingestCSV("date,personnel\n2024-01-01,5\n", options { $0.dateColumn = "when" })
    },
    MalformedCase("no date column can be found",
                  DataError(.missingColumn(suggestion: nil), file: "bad.csv", line: 1, column: "date",
                            expected: "a date column: one named 'date', or one whose first value is a date (\(autoFormats)), or {0}",
                            found: "columns 'region', 'launched'", settings: [.dateColumn])) {
        _ = try ingestCSV("region,launched\nsouth,4\n")
    },
    MalformedCase("missing --where column in a JSON file (no header line to name)",
                  DataError(.missingColumn(suggestion: "model"), file: "bad.json", column: "modle")) {
        _ = try ingestJSON(#"[{"date": "2024-01-01", "model": "X", "n": 1}]"#,
                           options(.perEvent) { $0.filters = [try! RowFilter(parsing: "modle~X")] })
    },
    MalformedCase("duplicate column name",
                  DataError(.duplicateColumnName, file: "bad.csv", line: 1, column: "tank",
                            expected: "unique column names", found: "'tank' in fields 2 and 3")) {
        _ = try ingestCSV("date,tank,tank\n2024-01-01,1,2\n")
    },
    MalformedCase("only text columns besides the date",
                  DataError(.invalid, file: "bad.csv", expected: "a numeric value column (or {0} NAME)",
                            found: "only text columns 'model'", settings: [.valueColumns])) {
        _ = try ingestCSV("date,model\n2024-01-01,Kalibr\n")
    },
    MalformedCase("a value column with every cell empty is named as empty, not as text",
                  DataError(.invalid, file: "bad.csv", expected: "a numeric value column (or {0} NAME)",
                            found: "only text columns 'model' and columns with every cell empty 'y'", settings: [.valueColumns])) {
        _ = try ingestCSV("date,model,y\n2024-01-01,Kalibr,\n2024-01-02,Iskander,\n")
    },
    // --- dates ---
    MalformedCase("unparseable date in a later row",
                  DataError(.invalidDate, file: "bad.csv", line: 3, column: "date",
                            expected: "a date (YYYY-MM-DD[ HH:MM[:SS]])", found: "'2024-13-01'")) {
        _ = try ingestCSV("date,personnel\n2024-01-01,5\n2024-13-01,6\n")
    },
    MalformedCase("a day that does not exist (30 February)",
                  DataError(.invalidDate, file: "bad.csv", line: 3, column: "date",
                            expected: "a date (YYYY-MM-DD[ HH:MM[:SS]])", found: "'2024-02-30'")) {
        _ = try ingestCSV("date,personnel\n2024-02-28,5\n2024-02-30,6\n")
    },
    MalformedCase("unknown date format",
                  DataError(.invalidDate, file: "bad.csv", line: 2, column: "date",
                            expected: "a date (\(autoFormats))", found: "'March 3 2024'")) {
        _ = try ingestCSV("date,personnel\nMarch 3 2024,5\n")
    },
    MalformedCase("ambiguous slash date without --date-format",
                  DataError(.invalidDate, file: "bad.csv", line: 2, column: "date",
                            expected: "a date (\(autoFormats)); slash dates are ambiguous: name the order with {0} dd/mm/yyyy, mm/dd/yyyy or yyyy/mm/dd",
                            found: "'03/04/2024'", settings: [.dateFormat])) {
        _ = try ingestCSV("date,personnel\n03/04/2024,5\n")
    },
    MalformedCase("date format changes within the column",
                  DataError(.invalidDate, file: "bad.csv", line: 3, column: "date",
                            expected: "a date (YYYY-MM-DD[ HH:MM[:SS]])", found: "'02.01.2024'")) {
        _ = try ingestCSV("date,personnel\n2024-01-01,5\n02.01.2024,6\n")
    },
    MalformedCase("malformed time after the date",
                  DataError(.invalidDate, file: "bad.csv", line: 3, column: "time_end",
                            expected: "a date (YYYY-MM-DD[ HH:MM[:SS]])", found: "'2024-01-01 25:00'")) {
        _ = try ingestCSV("time_end,launched\n2024-01-01 08:00,5\n2024-01-01 25:00,5\n", options(.perEvent))
    },
    MalformedCase("empty date cell",
                  DataError(.missingValue, file: "bad.csv", line: 3, column: "date", expected: "a date",
                            found: "an empty cell")) {
        _ = try ingestCSV("date,personnel\n2024-01-01,5\n ,6\n")
    },
    MalformedCase("duplicate dates",
                  DataError(.duplicateDate(firstLine: 2), file: "bad.csv", line: 4, column: "date",
                            expected: "one row per date", found: "2024-01-01 again")) {
        _ = try ingestCSV("date,personnel\n2024-01-01,5\n2024-01-02,6\n2024-01-01 ,7\n")
    },
    MalformedCase("a gap with --gaps error",
                  DataError(.missingValue, file: "bad.csv", line: 3, column: "date",
                            expected: "a row for every day ({0} error)", found: "no row for 2024-01-02 .. 2024-01-03 (2 days)",
                            settings: [.gaps])) {
        _ = try ingestCSV("date,personnel\n2024-01-01,5\n2024-01-04,6\n", options { $0.gaps = .error })
    },
    MalformedCase("dates spanning more than 100 years (a typo in a year)",
                  DataError(.outOfDomain, file: "bad.csv", line: 3, column: "date", expected: "dates spanning at most 100 years",
                            found: "2024-01-01 (line 2) to 2204-01-02 (line 3)")) {
        _ = try ingestCSV("date,personnel\n2024-01-01,5\n2204-01-02,6\n")
    },
    MalformedCase("--from/--to outside the data",
                  DataError(.outOfDomain, file: "bad.csv", column: "date",
                            expected: "{0}/{1} overlapping the data (2024-01-01 .. 2024-01-02)",
                            found: "{0} 2025-01-01 {1} 2025-02-01", settings: [.from, .to])) {
        _ = try ingestCSV("date,personnel\n2024-01-01,5\n2024-01-02,6\n",
                          options { $0.from = day("2025-01-01"); $0.to = day("2025-02-01") })
    },
    // --- numbers ---
    MalformedCase("unparseable number",
                  DataError(.invalidNumber, file: "bad.csv", line: 3, column: "personnel", expected: "a number",
                            found: "'12abc'")) {
        _ = try ingestCSV("date,personnel\n2024-01-01,5\n2024-01-02,12abc\n")
    },
    MalformedCase("decimal comma in a semicolon file",
                  DataError(.invalidNumber, file: "bad.csv", line: 2, column: "personnel", expected: "a number",
                            found: "'1,5'")) {
        _ = try ingestCSV("date;personnel\n2024-01-01;1,5\n", personnelOnly)
    },
    MalformedCase("NaN text",
                  DataError(.nonFiniteNumber, file: "bad.csv", line: 2, column: "personnel",
                            expected: "a finite number", found: "'NaN'")) {
        _ = try ingestCSV("date,personnel\n2024-01-01,NaN\n")
    },
    MalformedCase("inf text in a later row",
                  DataError(.nonFiniteNumber, file: "bad.csv", line: 3, column: "launched",
                            expected: "a finite number", found: "'-inf'")) {
        _ = try ingestCSV("time_end,launched\n2024-01-01,3\n2024-01-01,-inf\n", options(.perEvent))
    },
    MalformedCase("a number that overflows a double",
                  DataError(.nonFiniteNumber, file: "bad.csv", line: 2, column: "personnel",
                            expected: "a finite number", found: "'1e400'")) {
        _ = try ingestCSV("date,personnel\n2024-01-01,1e400\n")
    },
    // --- structure ---
    MalformedCase("ragged row",
                  DataError(.raggedRow, file: "bad.csv", line: 3, expected: "2 fields (as the header)", found: "3 fields")) {
        _ = try ingestCSV("date,personnel\n2024-01-01,5\n2024-01-02,6,7\n")
    },
    MalformedCase("unterminated quote",
                  DataError(.unterminatedQuote, file: "bad.csv", line: 3, column: "personnel",
                            expected: "a closing quote", found: "the end of the file")) {
        _ = try ingestCSV("date,personnel\n2024-01-01,5\n2024-01-02,\"6\n2024-01-03,7\n")
    },
    MalformedCase("empty file", DataError(.emptyFile, file: "bad.csv")) {
        _ = try ingestCSV("")
    },
    MalformedCase("header only", DataError(.noDataRows, file: "bad.csv", line: 1)) {
        _ = try ingestCSV("date,personnel\n")
    },
    MalformedCase("no row passes the filters",
                  DataError(.noDataRows, file: "bad.csv", expected: "rows that pass {0} 'model~Zircon'",
                            found: "none of 2 rows", settings: [.filters])) {
        _ = try ingestCSV("time_end,model,launched\n2024-01-01,Kalibr,3\n2024-01-02,Shahed-136/131,20\n",
                          options(.perEvent) { $0.filters = [try! RowFilter(parsing: "model~Zircon")] })
    },
    MalformedCase("inconsistent options (--baseline without --cumulative)",
                  DataError(.invalid, file: "bad.csv", expected: "consistent options",
                            found: "baseline applies to cumulative mode input only")) {
        _ = try ingestCSV("date,personnel\n2024-01-01,5\n", options { $0.baseline = 100 })
    },
    // --- JSON records ---
    MalformedCase("JSON: not an array",
                  DataError(.invalid, file: "bad.json", line: 1, expected: "a JSON array of records ('[')",
                            found: "'{\"date\": \"20'")) {
        _ = try ingestJSON(#"{"date": "2024-01-01", "personnel": 5}"#)
    },
    MalformedCase("JSON: missing comma between records",
                  DataError(.invalid, file: "bad.json", line: 3, expected: "',' or ']' after record 1",
                            found: "'{\"date\": \"20'")) {
        _ = try ingestJSON("[\n{\"date\": \"2024-01-01\", \"personnel\": 5}\n{\"date\": \"2024-01-02\", \"personnel\": 6}\n]")
    },
    MalformedCase("JSON: nested value (records must be flat)",
                  DataError(.invalid, file: "bad.json", line: 2, column: "personnel",
                            expected: "a number, a string, true, false or null (records must be flat)",
                            found: "an object in record 1")) {
        _ = try ingestJSON("[\n{\"date\": \"2024-01-01\", \"personnel\": {\"about\": 5}}\n]")
    },
    MalformedCase("JSON: unterminated string",
                  DataError(.unterminatedQuote, file: "bad.json", line: 2,
                            expected: "a closing quote before the end of the line", found: "a line break")) {
        _ = try ingestJSON("[\n{\"personnel\": 5, \"date\": \"2024-01-01}\n]")
    },
    MalformedCase("JSON: numeric string that is not a number",
                  DataError(.invalidNumber, file: "bad.json", line: 3, column: "personnel", expected: "a number",
                            found: "'5 000'")) {
        _ = try ingestJSON("[{\"date\": \"2024-01-01\", \"personnel\": 4},\n\n{\"date\": \"2024-01-02\", \"personnel\": \"5 000\"}]")
    },
    MalformedCase("JSON: key repeated in one record",
                  DataError(.duplicateColumnName, file: "bad.json", line: 1, column: "personnel",
                            expected: "unique keys in a record", found: "'personnel' twice in record 1")) {
        _ = try ingestJSON(#"[{"date": "2024-01-01", "personnel": 4, "personnel": 5}]"#)
    },
    MalformedCase("JSON: empty array", DataError(.noDataRows, file: "bad.json", line: 1)) {
        _ = try ingestJSON("[ ]")
    },
    // --- event calendars ---
    MalformedCase("event outside the series' range",
                  DataError(.outOfDomain, file: "events.csv", line: 3, column: "date",
                            expected: "a date within the series (2024-01-01 .. 2024-01-31)",
                            found: "2024-03-01 (event 'late')")) {
        let calendar = try EventCalendar(table: CSVReader.parse("id,date\nearly,2024-01-05\nlate,2024-03-01\n", source: "events.csv"))
        try calendar.requireWithin(DateSpan(first: day("2024-01-01"), last: day("2024-01-31")))
    },
    MalformedCase("duplicate event id",
                  DataError(.invalid, file: "events.csv", line: 4, column: "id", expected: "a unique event id",
                            found: "'kursk' again (first on line 2)")) {
        _ = try EventCalendar(table: CSVReader.parse("id,date\nkursk,2024-08-06\natacms,2024-11-17\nkursk,2024-08-07\n",
                                                     source: "events.csv"))
    },
    MalformedCase("ad-hoc event repeating a calendar id",
                  DataError(.invalid, expected: "a unique event id", found: "'kursk' again (first on line 2)")) {
        let calendar = try EventCalendar(table: CSVReader.parse("id,date\nkursk,2024-08-06\n", source: "events.csv"))
        _ = try calendar.adding(EventCalendar.adHoc(["2024-08-07:kursk"]))
    },
    MalformedCase("ad-hoc event id given twice",
                  DataError(.invalid, expected: "a unique event id", found: "'kursk' again (first given as {0})",
                            settings: [.adHocEvents])) {
        _ = try EventCalendar(events: EventCalendar.adHoc(["2024-08-06:kursk", "2024-08-07:kursk"]))
    },
    MalformedCase("event with a bad date",
                  DataError(.invalidDate, file: "events.csv", line: 2, column: "date", expected: "a date (YYYY-MM-DD)",
                            found: "'6 August 2024'")) {
        _ = try EventCalendar(table: CSVReader.parse("id,date\nkursk,6 August 2024\n", source: "events.csv"))
    },
    MalformedCase("response related to an unknown event",
                  DataError(.invalid, file: "events.csv", line: 2, column: "related_to",
                            expected: "the id of an event in the calendar", found: "'krusk'")) {
        _ = try EventCalendar(table: CSVReader.parse("id,date,kind,related_to\nstrike,2024-08-26,response,krusk\n",
                                                     source: "events.csv"))
    },
    MalformedCase("ad-hoc event without a date",
                  DataError(.invalidDate, expected: "{0} DATE:ID with DATE as YYYY-MM-DD (e.g. 2024-08-06:kursk-incursion)",
                            found: "'kursk-incursion'", settings: [.adHocEvents])) {
        _ = try EventCalendar.adHoc(["kursk-incursion"])
    },
]

@Suite("Malformed inputs: the exact error of each")
struct MalformedInputCatalogueTests {
    // (A "catalogue has ≥ 20 cases" check used to stand here; it tested this file, not the library.)
    @Test("Every catalogued error renders its location: file, 'line N' and the quoted column, in that order")
    func locatedDescriptions() {
        for fixture in malformedCatalogue {
            let e = fixture.expected, text = e.description
            if let file = e.file { #expect(text.hasPrefix("\(file): "), "\(fixture.name): \(text)") }
            if let line = e.line { #expect(text.contains("line \(line)"), "\(fixture.name): \(text)") }
            if let column = e.column { #expect(text.contains("column '\(column)'"), "\(fixture.name): \(text)") }
            #expect(!text.contains("\n"), "\(fixture.name): one line")
        }
    }

    @Test("Library messages name settings in the library's words; a front end names them through the settings field")
    func settingsNamedByTheirField() {
        for fixture in malformedCatalogue {
            let e = fixture.expected
            #expect(!e.description.contains("--"), "\(fixture.name): \(e.description)")
            #expect(e.settings.indices.allSatisfy { !e.description.contains("{\($0)}") }, "\(fixture.name): \(e.description)")
            let named = e.message(naming: { "<\($0.rawValue)>" })
            for setting in e.settings { #expect(named.contains("<\(setting.rawValue)>"), "\(fixture.name): \(named)") }
        }
        let window = malformedCatalogue.first { $0.name == "--from/--to outside the data" }!.expected
        #expect(window.description == "bad.csv: column 'date': value out of range: expected first day/last day overlapping the data "
                + "(2024-01-01 .. 2024-01-02), found first day 2025-01-01 last day 2025-02-01")
    }

    @Test(arguments: malformedCatalogue)
    func malformed(_ fixture: MalformedCase) {
        var error: DataError?
        do {
            try fixture.run()
            Issue.record("\(fixture.name): expected a DataError, nothing was thrown")
        } catch let e as DataError {
            error = e
        } catch {
            Issue.record("\(fixture.name): expected a DataError, got \(error)")
        }
        #expect(error == fixture.expected, "\(fixture.name)\n  got:      \(error.map(String.init(describing:)) ?? "nothing")\n  expected: \(fixture.expected)")
    }

    @Test("Descriptions read as one located line")
    func descriptions() {
        let duplicate = malformedCatalogue.first { $0.name == "duplicate dates" }!.expected
        #expect(duplicate.description
                == "bad.csv: line 4, column 'date': duplicate date (first seen on line 2): expected one row per date, found 2024-01-01 again")
        let missing = malformedCatalogue.first { $0.name.hasPrefix("missing --value") }!.expected
        #expect(missing.description == "bad.csv: line 1, column 'personel': no such column (did you mean 'personnel'?)")
    }
}
