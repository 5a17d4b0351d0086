// The derived daily series of Tests/Fixtures/reference/series (README, "Derived series"), reproduced exactly — every date
// and every value — by the library's ingestion from the raw feeds in datasets/raw.
import Foundation
import Testing
import Forecast

/// A reference CSV as (header, rows of cells).
private func referenceTable(_ name: String) throws -> (header: [String], rows: [[String]]) {
    let lines = try Fixtures.text("reference/series/\(name)").split(whereSeparator: \.isNewline)
    return (lines[0].split(separator: ",").map(String.init),
            lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) })
}

/// The reference cell as a number (empty = NaN).
private func number(_ cell: String) -> Double { cell.isEmpty ? .nan : Double(cell)! }

private func dataset(_ path: String) -> String { Fixtures.raw(path).path }

@Suite("Reference: derived daily series")
struct DerivedSeriesTests {
    @Test("personnel_daily.csv from russia_losses_personnel.json (--cumulative --value personnel)")
    func personnel() throws {
        let reference = try referenceTable("personnel_daily.csv")
        #expect(reference.header == ["date", "cumulative", "daily", "negative_daily", "correction_in_file"])
        #expect(reference.rows.count == 1626)  // README: 1626 rows, 2022-02-25 .. 2026-08-08
        let file = dataset("ua-gs-russian-losses/russia_losses_personnel.json")
        let daily = try DailySeries.ingest(path: file, options: IngestOptions(mode: .cumulative, valueColumns: ["personnel"]))
        let levels = try DailySeries.ingest(path: file, options: IngestOptions(valueColumns: ["personnel"]))
        #expect(daily.dayCount == reference.rows.count && levels.dayCount == reference.rows.count)
        var mismatches = 0
        for (t, row) in reference.rows.enumerated() {
            let ok = daily.date(at: t).description == row[0] && levels.date(at: t).description == row[0]
                && levels.values[0][t] == number(row[1])
                && (daily.values[0][t] == number(row[2]) || (daily.values[0][t].isNaN && row[2].isEmpty))
            if !ok {
                mismatches += 1
                if mismatches <= 5 { Issue.record("row \(t + 2): reference \(row), got \(daily.date(at: t)) \(levels.values[0][t]) \(daily.values[0][t])") }
            }
        }
        #expect(mismatches == 0)
        // negative_daily: all 0, and the library reports no correction; the first day is the only missing one.
        #expect(reference.rows.allSatisfy { $0[3] == "0" })
        #expect(daily.quality.corrections.isEmpty && daily.quality.gaps.isEmpty && daily.quality.duplicates.isEmpty)
        #expect(daily.quality.columns[0].missingDays == 1 && daily.values[0][0].isNaN)
        // correction_in_file: the `personnel` value of the correction file on that date, 0 where it has no row.
        let corrections = try DailySeries.ingest(path: dataset("ua-gs-russian-losses/russia_losses_equipment_correction.json"),
                                                 options: IngestOptions(valueColumns: ["personnel"]))
        for (t, row) in reference.rows.enumerated() {
            let k = corrections.index(of: daily.date(at: t))
            let value = k.map { corrections.values[0][$0] }.flatMap { $0.isNaN ? nil : $0 } ?? 0
            #expect(value == number(row[4]), "correction_in_file on \(row[0])")
        }
    }

    @Test("strikes_daily.csv from missile_attacks_daily.csv (--per-event: date of time_end, sums, zero-fill)")
    func strikes() throws {
        let reference = try referenceTable("strikes_daily.csv")
        #expect(reference.header == ["date", "launched", "destroyed", "rows", "rows_launched_missing", "rows_destroyed_missing"])
        #expect(reference.rows.count == 1349)  // README: 2022-09-28 .. 2026-06-07, 1349 days
        let file = dataset("ua-missile-drone-attacks/missile_attacks_daily.csv")
        let series = try DailySeries.ingest(path: file, options: IngestOptions(mode: .perEvent,
                                                                               valueColumns: ["launched", "destroyed"]))
        #expect(series.quality.dateColumn == "time_end" && series.quality.dateRule == .perEventDefault)
        #expect(series.quality.rowsUsed == 3770)  // README: source rows used 3770
        #expect(series.dayCount == reference.rows.count)
        // The row counts per day through the library's aggregation on the same parsed file.
        let table = try CSVReader.read(contentsOf: file)
        let end = try table.columnIndex(named: "time_end")
        let dates = (0..<table.rowCount).map { DateFormat.isoDateTime.date(from: table.cell(row: $0, column: end))! }
        let values = try ["launched", "destroyed"].map { try table.numbers(inColumn: table.columnIndex(named: $0), missing: .asNaN) }
        let aggregation = PerEventAggregation(dates: dates, values: values)
        var mismatches = 0
        for (t, row) in reference.rows.enumerated() {
            let ok = series.date(at: t).description == row[0] && series.values[0][t] == number(row[1])
                && series.values[1][t] == number(row[2]) && aggregation.rows[t] == Int(row[3])!
                && aggregation.emptyCells[0][t] == Int(row[4])! && aggregation.emptyCells[1][t] == Int(row[5])!
            if !ok {
                mismatches += 1
                if mismatches <= 5 { Issue.record("row \(t + 2): reference \(row), got \(series.date(at: t)) \(series.values[0][t]) \(series.values[1][t]) rows \(aggregation.rows[t])") }
            }
        }
        #expect(mismatches == 0)
        // README: 214 zero-filled days; empty `launched` on lines 2970, 2976, 3027; empty `destroyed` on lines 1626,
        // 1665, 1699, 1700, 1701, 1702.
        #expect(series.quality.gaps.reduce(0) { $0 + $1.dayCount } == 214)
        #expect(series.quality.columns[0].emptyInputLines == [2970, 2976, 3027])
        #expect(series.quality.columns[1].emptyInputLines == [1626, 1665, 1699, 1700, 1701, 1702])
        #expect(series.quality.sortedDescending)  // README: file order newest first, no time_end date later than the previous
    }

    @Test("Every category of the equipment feed: the corrections SOURCE.md lists are found, first appearances too")
    func equipment() throws {
        let file = dataset("ua-gs-russian-losses/russia_losses_equipment.json")
        let series = try DailySeries.ingest(path: file, options: IngestOptions(mode: .cumulative))
        let found = Set(series.quality.corrections.map { "\($0.column) \($0.date)" })
        // ua-gs-russian-losses/SOURCE.md, "Decreasing cumulative values".
        for listed in ["APC 2022-10-13", "tank 2023-05-28", "aircraft 2023-10-03", "aircraft 2024-10-03",
                       "cruise missiles 2024-03-13", "cruise missiles 2025-05-04", "anti-aircraft warfare 2024-08-05",
                       "anti-aircraft warfare 2025-10-03", "MRL 2024-11-30", "MRL 2025-04-22",
                       "special equipment 2024-11-30", "special equipment 2025-10-03", "field artillery 2026-03-04"] {
            #expect(found.contains(listed), "\(listed)")
        }
        #expect(series.quality.corrections.first { $0.column == "APC" }?.size == -14)  // 5181 → 5167
        #expect(series.quality.corrections.first { $0.column == "special equipment" }?.size == -83)  // 3700 → 3617
        #expect(!series.quality.corrections.contains { $0.column == "drone" })  // "Personnel and drone never decrease"
        let firsts = Dictionary(uniqueKeysWithValues: series.quality.firstAppearances.map { ($0.column, $0.date.description) })
        // SOURCE.md, key table: special equipment from 2022-03-16, vehicles and fuel tanks and cruise missiles from
        // 2022-05-01, submarines from 2023-09-14, ground robotic systems from 2026-05-03 (mobile SRBM from 2022-03-26).
        #expect(firsts["special equipment"] == "2022-03-16" && firsts["vehicles and fuel tanks"] == "2022-05-01"
                && firsts["cruise missiles"] == "2022-05-01" && firsts["submarines"] == "2023-09-14"
                && firsts["ground robotic systems"] == "2026-05-03" && firsts["mobile SRBM system"] == "2022-03-26")
        #expect(series.quality.skippedColumns == ["greatest losses direction"])
    }

    @Test("The shipped events calendar reads and validates (41 events, 2022-02-24 .. 2026-01-29)")
    func events() throws {
        let calendar = try EventCalendar.read(contentsOf: dataset("events/events.csv"))
        #expect(calendar.events.count == 41)  // events/SOURCE.md: 41 dated events
        #expect(calendar.events.map(\.date).min()?.description == "2022-02-24")
        #expect(calendar.events.map(\.date).max()?.description == "2026-01-29")
        #expect(calendar.events.filter { $0.kind == "trigger" }.count == 17)  // 17 trigger, 12 response, 5 policy, 7 other
        #expect(calendar.events.filter { $0.kind == "response" }.count == 12)
        #expect(calendar.event(id: "kursk-incursion")?.date.description == "2024-08-06")
    }
}
