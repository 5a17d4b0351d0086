// End-to-end tests of `forecast ingest` and `forecast describe`: they launch the built binary and check stdout,
// stderr, the exit status and the output file (nothing written on an error).
import Foundation
import Testing

/// A fresh path in the fixtures folder that does not exist yet.
private func outputPath(_ name: String) throws -> String {
    let path = try ForecastBinary.fixture(name, "")
    try FileManager.default.removeItem(atPath: path)
    return path
}

@Suite("forecast ingest and describe (end to end)")
struct IngestCommandTests {
    static let daily = """
        date,tank,APC
        2024-01-03,3,30
        2024-01-01,1,-2
        2024-01-02,2.5,
        """

    @Test("CSV to stdout (nothing else on stdout), quality summary on stderr, exit 0")
    func stdoutOutput() throws {
        let file = try ForecastBinary.fixture("daily.csv", Self.daily)
        let r = try ForecastBinary.run(["ingest", file])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == "date,tank,APC\n2024-01-01,1,-2\n2024-01-02,2.5,\n2024-01-03,3,30\n")
        // Negative and non-integer values are kept and reported.
        #expect(r.stderr.contains("input: \(file) (CSV, 3 rows)"))
        #expect(r.stderr.contains("column 'tank': 3 days with a value, 0 missing, no negative values, 1 non-integer (2024-01-02 2.5)"))
        #expect(r.stderr.contains("column 'APC': 2 days with a value, 1 missing, 1 empty input cell (line 4), 1 negative (2024-01-01 -2)"))
        #expect(r.stderr.contains("1 row dated before the row above (sorted)"))
    }

    @Test("--output writes the file and leaves stdout empty; --format json writes records")
    func fileOutput() throws {
        let file = try ForecastBinary.fixture("daily2.csv", Self.daily)
        let out = try outputPath("daily2-out.csv")
        let r = try ForecastBinary.run(["ingest", file, "--value", "APC", "--from", "2024-01-02", "--output", out])
        #expect(r.status == 0 && r.stdout.isEmpty, "stderr: \(r.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "date,APC\n2024-01-02,\n2024-01-03,30\n")
        let json = try ForecastBinary.run(["ingest", file, "--value", "tank", "--format", "json"])
        let records = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(records.count == 3 && records[1]["date"] as? String == "2024-01-02")
        #expect((records[1]["tank"] as? NSNumber)?.doubleValue == 2.5)
    }

    @Test("Per-event input with filters, report lag and gap options")
    func perEvent() throws {
        let file = try ForecastBinary.fixture("events-feed.csv", """
            time_start,time_end,model,launched,destroyed,source
            2024-01-05 18:00,2024-01-06 08:00,Shahed-136/131,40.0,35.0,kpszsu/posts/1
            2024-01-05,2024-01-05,Kalibr,3.0,2.0,PvKPivden/9
            2024-01-02 19:00,2024-01-03 07:30,Shahed-136/131,10.0,8.0,kpszsu/posts/0
            """)
        let r = try ForecastBinary.run(["ingest", file, "--per-event", "--where", "model~Shahed", "--where", "source~^kpszsu",
                                        "--gaps", "empty", "--value", "launched"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == "date,launched\n2024-01-03,10\n2024-01-04,\n2024-01-05,\n2024-01-06,40\n")
        #expect(r.stderr.contains("date column: 'time_end' (time_end, the per-event default)"))
        #expect(r.stderr.contains("filters: model~Shahed and source~^kpszsu"))
        let lagged = try ForecastBinary.run(["ingest", file, "--per-event", "--report-lag", "1", "--value", "destroyed"])
        #expect(lagged.stdout == "date,destroyed\n2024-01-02,8\n2024-01-03,0\n2024-01-04,2\n2024-01-05,35\n")
    }

    /// Malformed inputs through the CLI (a representative subset of the library catalogue): exit 1, the located
    /// message on stderr, nothing on stdout, and the --output file neither created nor touched.
    static let malformed: [(name: String, contents: String, arguments: [String], message: String)] = [
        ("missing-column.csv", "date,personnel\n2024-01-01,5\n", ["--value", "personel"],
         "line 1, column 'personel': no such column (did you mean 'personnel'?)"),
        ("bad-number.csv", "date,personnel\n2024-01-01,5\n2024-01-02,12abc\n", [],
         "line 3, column 'personnel': not a number: expected a number, found '12abc'"),
        ("bad-date.csv", "date,personnel\n2024-01-01,5\n2024-02-30,6\n", [],
         "line 3, column 'date': not a date: expected a date (YYYY-MM-DD[ HH:MM[:SS]]), found '2024-02-30'"),
        ("duplicate.csv", "date,personnel\n2024-01-01,5\n2024-01-02,6\n2024-01-01,7\n", [],
         "line 4, column 'date': duplicate date (first seen on line 2): expected one row per date, found 2024-01-01 again"),
        ("nan.csv", "date,personnel\n2024-01-01,NaN\n", [],
         "line 2, column 'personnel': not a finite number: expected a finite number, found 'NaN'"),
        ("ragged.csv", "date,personnel\n2024-01-01,5,6\n", [],
         "line 2: wrong number of fields: expected 2 fields (as the header), found 3 fields"),
        ("quote.csv", "date,personnel\n2024-01-01,\"5\n", [],
         "line 2, column 'personnel': unterminated quoted field: expected a closing quote, found the end of the file"),
        ("empty.csv", "", [], "the file is empty"),
        ("header-only.csv", "date,personnel\n", [], "line 1: the file has a header but no data rows"),
        ("gap.csv", "date,personnel\n2024-01-01,5\n2024-01-03,6\n", ["--gaps", "error"],
         "line 3, column 'date': missing value: expected a row for every day (--gaps error), found no row for 2024-01-02 (1 day)"),
        ("bad.json", "[\n{\"date\": \"2024-01-01\", \"personnel\": {\"about\": 5}}\n]", [],
         "line 2, column 'personnel': invalid input: expected a number, a string, true, false or null (records must be flat), found an object in record 1"),
    ]

    @Test("Malformed inputs: exit 1, located message on stderr, no output written", arguments: 0..<11)
    func malformedInput(index: Int) throws {
        let fixture = Self.malformed[index]
        let file = try ForecastBinary.fixture(fixture.name, fixture.contents)
        let fresh = try outputPath("never-\(fixture.name).csv")
        let r = try ForecastBinary.run(["ingest", file, "--output", fresh] + fixture.arguments)
        #expect(r.status == 1, "\(fixture.name): status \(r.status)")
        #expect(r.stderr == "error: \(file): \(fixture.message)\n", "\(fixture.name)")
        #expect(r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fresh), "\(fixture.name): output file created")
        // An existing output file is left as it was; and without --output nothing reaches stdout.
        let existing = try ForecastBinary.fixture("existing-\(fixture.name).csv", "KEEP\n")
        let again = try ForecastBinary.run(["ingest", file, "--output", existing] + fixture.arguments)
        let kept = try String(contentsOfFile: existing, encoding: .utf8)
        #expect(again.status == 1 && kept == "KEEP\n")
        let toStdout = try ForecastBinary.run(["ingest", file] + fixture.arguments)
        #expect(toStdout.status == 1 && toStdout.stdout.isEmpty)
    }

    @Test("Usage errors exit 64 before the file is read")
    func usageErrors() throws {
        let file = try ForecastBinary.fixture("usage.csv", Self.daily)
        let cases: [([String], String)] = [
            (["--where", "model~Shahed("], "--where model~Shahed(: not a valid regular expression"),
            (["--where", "model"], "--where 'model' must be COL~REGEX, COL=TEXT, COL!~REGEX or COL!=TEXT"),
            (["--baseline", "5"], "--baseline applies to --cumulative input only"),
            (["--cumulative", "--per-event"], "--cumulative and --per-event cannot be combined"),
            (["--cumulative", "--gaps", "zero"], "--gaps zero cannot be used with --cumulative"),
            (["--date-format", "yyyymmdd"], "yyyymmdd"),
            (["--corrections", "spread:0"], "spread:0"),
            (["--from", "2024-02-30"], "2024-02-30"),
            (["--from", "2024-03-01", "--to", "2024-02-01"], "--from 2024-03-01 is after --to 2024-02-01"),
        ]
        for (arguments, message) in cases {
            let r = try ForecastBinary.run(["ingest", file] + arguments)
            #expect(r.status == 64, "\(arguments): status \(r.status), stderr \(r.stderr)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test("describe: quality report and statistics per column (table and JSON); events outside the range listed")
    func describe() throws {
        let file = try ForecastBinary.fixture("describe.csv", "date,launched\n" + [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5].enumerated()
            .map { "2024-01-\(String(format: "%02d", $0.offset + 1)),\($0.element)" }.joined(separator: "\n"))
        let table = try ForecastBinary.run(["describe", file, "--max-lag", "2", "--event", "2024-01-05:inside",
                                            "--event", "2025-01-01:later"])
        #expect(table.status == 0, "stderr: \(table.stderr)")
        #expect(table.stdout.contains("events: 2 in the calendar, 1 outside 2024-01-01 .. 2024-01-11: later 2025-01-01"))
        #expect(table.stdout.contains("autocorrelation lag 1  -0.160714"))
        let json = try ForecastBinary.run(["describe", file, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let quality = object["quality"] as! [String: Any]
        #expect(quality["rowsRead"] as? Int == 11 && quality["mode"] as? String == "levels")
        let stats = (object["statistics"] as! [[String: Any]])[0]
        // numpy: mean 4.0, std(ddof=1) 2.3664319132398464.
        #expect(stats["column"] as? String == "launched" && (stats["mean"] as? NSNumber)?.doubleValue == 4)
        #expect(abs((stats["standardDeviation"] as! NSNumber).doubleValue - 2.3664319132398464) < 1e-15)
        let bad = try ForecastBinary.run(["describe", file, "--event", "2024-13-01:x"])
        #expect(bad.status == 1 && bad.stderr.hasPrefix("error: not a date: expected --event DATE:ID"))
    }

    @Test("The reference personnel series through the CLI, byte for byte")
    func referencePersonnel() throws {
        let input = ForecastBinary.raw.appendingPathComponent("ua-gs-russian-losses/russia_losses_personnel.json").path
        let r = try ForecastBinary.run(["ingest", input, "--cumulative", "--value", "personnel"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let reference = try String(contentsOf: ForecastBinary.fixtures.appendingPathComponent("reference/series/personnel_daily.csv"),
                                   encoding: .utf8)
        // Reference columns date,cumulative,daily,... → date,daily under the source name `personnel`.
        let expected = "date,personnel\n" + reference.split(separator: "\n").dropFirst()
            .map { line in let f = line.split(separator: ",", omittingEmptySubsequences: false); return "\(f[0]),\(f[2])" }
            .joined(separator: "\n") + "\n"
        #expect(r.stdout == expected)
    }

    @Test("--by month: monthly sums, days present and means of personnel losses in one command")
    func byMonth() throws {
        let daily = ForecastBinary.packageRoot.appendingPathComponent("datasets/personnel_daily.csv").path
        let r = try ForecastBinary.run(["ingest", daily, "--by", "month"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "date,calendar_days,complete,personnel,personnel_days,personnel_mean")
        // Independent computation from the daily file: the sum and day count of 2024-02 (29 days, all present).
        let rows = try String(contentsOfFile: daily, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let february = rows.filter { $0[0].hasPrefix("2024-02") }.compactMap { Double($0[1]) }
        let sum = Int(february.reduce(0, +))
        #expect(february.count == 29)
        #expect(lines.contains { $0.hasPrefix("2024-02-01,29,1,\(sum),29,") }, "\(lines.prefix(30))")
        // The first month (2022-02) has 3 days with a value of 28: flagged incomplete.
        #expect(lines[1].hasPrefix("2022-02-01,28,0,") && lines[1].contains(",3,"))
        let table = try ForecastBinary.run(["describe", daily, "--by", "week", "--from", "2026-07-01"])
        #expect(table.status == 0 && table.stdout.contains("By week:") && table.stdout.contains("incomplete"), "\(table.stdout)")
    }

    @Test("--by on a file without dates, and an unknown period: errors naming --by")
    func byErrors() throws {
        let file = try ForecastBinary.fixture("no-dates.csv", "a,b\n1,2\n3,4\n")
        let noDates = try ForecastBinary.run(["describe", file, "--by", "month"])
        #expect(noDates.status == 1 && noDates.stderr.contains("--by month") && noDates.stderr.contains("date column"), "\(noDates.stderr)")
        let unknown = try ForecastBinary.run(["ingest", file, "--by", "year"])
        #expect(unknown.status == 64 && unknown.stderr.contains("--by"), "\(unknown.stderr)")
    }

    @Test("describe --plot: missing days shaded per run, corrections circled, events drawn")
    func describePlot() throws {
        // Cumulative totals: 2024-01-03 and 04 missing (one run), 2024-01-09 missing, a decrease on 2024-01-11.
        let file = try ForecastBinary.fixture("plot-cumulative.csv", """
            date,total
            2024-01-01,10
            2024-01-02,12
            2024-01-05,20
            2024-01-06,21
            2024-01-07,25
            2024-01-08,26
            2024-01-10,30
            2024-01-11,28
            2024-01-12,31

            """)
        let plot = FileManager.default.temporaryDirectory.appendingPathComponent("describe-\(ProcessInfo.processInfo.processIdentifier).svg").path
        defer { try? FileManager.default.removeItem(atPath: plot) }
        let r = try ForecastBinary.run(["describe", file, "--cumulative", "--event", "2024-01-06:x", "--event", "2023-12-01:early",
                                        "--plot", plot])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: plot, encoding: .utf8)
        func count(_ cls: String) -> Int { svg.components(separatedBy: "class=\"\(cls)\"").count - 1 }
        // Daily values are empty on the first day (no previous total), on 01-03 and 01-04, and on 01-09 and 01-10
        // (after a missing day the difference is a multi-day total, left empty): three runs.
        #expect(count("missing") == 3, "\(svg)")
        #expect(count("correction") == 1 && svg.contains("2024-01-11 correction -2"))
        #expect(count("event") == 1 && svg.contains(">x<") && !svg.contains(">early<"))  // outside the series: left out
    }
}
