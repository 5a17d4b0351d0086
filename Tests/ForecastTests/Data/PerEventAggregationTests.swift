// Tests for PerEventAggregation and --per-event ingestion (the reference rule): day of time_end, sums with empty = 0,
// no de-duplication, zero-fill between the first and last used date, filters; the order-independence property.

import Forecast
import Foundation
import Testing

@Suite("Per-event records → daily counts") struct PerEventAggregationTests {
    /// A small feed in the attacks file's shape: newest first, overnight windows, a date-only row, empty fields,
    /// a trailing space, and an exact duplicate row (kept: no de-duplication).
    static let feed = """
        time_start,time_end,model,launched,destroyed,source
        2024-01-05 18:00,2024-01-06 08:00,Shahed-136/131,40.0,35.0,kpszsu/posts/1
        2024-01-05 18:00,2024-01-06 08:00,Shahed-136/131,40.0,35.0,kpszsu/posts/1
        2024-01-05,2024-01-05 ,Kalibr,,2.0,PvKPivden/9
        2024-01-02 19:00,2024-01-03 07:30,Iskander-M,3.0,,kpszsu/posts/0
        2024-01-02 19:00,2024-01-03 07:30,"X-101/X-555 and Kalibr",10.0,8.0,kpszsu/posts/0
        """

    @Test("Each row counts on its time_end date; empty fields are 0 and counted; every day is present")
    func referenceRule() throws {
        let s = try ingestCSV(Self.feed, options(.perEvent, values: ["launched", "destroyed"]))
        #expect(s.quality.dateColumn == "time_end" && s.quality.dateRule == .perEventDefault)
        #expect(s.start == day("2024-01-03") && s.dayCount == 4)
        #expect(s.values[0] == [13, 0, 0, 80])   // 01-03: 3 + 10; 01-04: no rows → 0; 01-05: empty → 0; 01-06: 40 + 40
        #expect(s.values[1] == [8, 0, 2, 70])
        #expect(s.quality.gaps == [DateSpan(first: day("2024-01-04"), last: day("2024-01-04"))])
        #expect(s.quality.gapPolicy == .zero && s.quality.sortedDescending)
        #expect(s.quality.columns.map(\.emptyInputCells) == [1, 1])
        #expect(s.quality.columns.map(\.emptyInputLines) == [[4], [5]])
        #expect(s.sourceLine(ofDay: 3) == 2 && s.sourceLine(ofDay: 1) == nil)
    }

    @Test("--date-column time_start, --gaps empty, filters, and the zero-fill range of the rows that pass")
    func perEventOptions() throws {
        let byStart = try ingestCSV(Self.feed, options(.perEvent, values: ["launched"]) { $0.dateColumn = "time_start" })
        #expect(byStart.start == day("2024-01-02") && byStart.values[0] == [13, 0, 0, 80])
        let empty = try ingestCSV(Self.feed, options(.perEvent, values: ["launched"]) { $0.gaps = .empty })
        #expect(sameValues(empty.values[0], [13, .nan, 0, 80]))
        let kalibr = try ingestCSV(Self.feed, options(.perEvent, values: ["launched"]) {
            $0.filters = [try! RowFilter(parsing: "model~Kalibr")]
        })
        #expect(kalibr.start == day("2024-01-03") && kalibr.values[0] == [10, 0, 0])  // range of the passing rows only
        #expect(kalibr.quality.rowsRead == 5 && kalibr.quality.rowsUsed == 2)
        let national = try ingestCSV(Self.feed, options(.perEvent, values: ["launched"]) {
            $0.filters = [try! RowFilter(parsing: "source~^kpszsu/"), try! RowFilter(parsing: "model!~Kalibr")]
            $0.from = day("2024-01-04")
        })
        #expect(national.start == day("2024-01-04") && national.values[0] == [0, 0, 80])
    }

    @Test("Without --value every numeric column is summed; text columns are skipped and listed")
    func automaticValues() throws {
        let s = try ingestCSV(Self.feed, options(.perEvent))
        #expect(s.names == ["launched", "destroyed"])
        #expect(s.quality.skippedColumns == ["time_start", "model", "source"])
    }

    @Test("Library aggregation: rows and empty fields per day")
    func aggregation() {
        let a = PerEventAggregation(dates: [day("2024-01-02"), day("2024-01-04"), day("2024-01-02")],
                                    values: [[1, .nan, 2.5]])
        #expect(a.start == day("2024-01-02") && a.dayCount == 3)
        #expect(a.sums == [[3.5, 0, 0]] && a.rows == [2, 0, 1] && a.emptyCells == [[0, 0, 1]])
    }

    @Test("Property: aggregation of shuffled per-event rows is order-independent (library and CSV ingestion)")
    func orderIndependence() throws {
        var rng = SeededRandom(seed: 3_770)
        for round in 0..<40 {
            let n = Int(rng.next() % 300) + 1
            let span = Int(rng.next() % 60) + 1
            let days = (0..<n).map { _ in day("2024-01-01").adding(days: Int(rng.next() % UInt64(span))) }
            // Counts (as in the feed) and arbitrary reals (where summation order could matter without compensation).
            let counts = (0..<n).map { _ in rng.next() % 9 == 0 ? Double.nan : Double(rng.next() % 500) }
            let reals = (0..<n).map { _ in rng.normal() * pow(10, Double(rng.next() % 12) - 4) }
            let reference = PerEventAggregation(dates: days, values: [counts, reals])
            var order = Array(0..<n)
            for _ in 0..<3 {
                order.shuffle(using: &rng)
                let shuffled = PerEventAggregation(dates: order.map { days[$0] },
                                                   values: [order.map { counts[$0] }, order.map { reals[$0] }])
                #expect(shuffled.start == reference.start && shuffled.rows == reference.rows)
                #expect(shuffled.emptyCells == reference.emptyCells)
                #expect(shuffled.sums[0] == reference.sums[0], "round \(round): counts")
                #expect(shuffled.sums[1] == reference.sums[1], "round \(round): reals (bit-identical)")
            }
            // The same through CSV text with the rows shuffled.
            func csv(_ order: [Int]) -> String {
                "time_end,launched\n" + order.map { "\(days[$0]) 08:00,\(counts[$0].isNaN ? "" : String(Int(counts[$0])))" }
                    .joined(separator: "\n")
            }
            let a = try ingestCSV(csv(Array(0..<n)), options(.perEvent))
            order.shuffle(using: &rng)
            let b = try ingestCSV(csv(order), options(.perEvent))
            #expect(a.start == b.start && a.values == b.values)
            #expect(a.quality.columns[0].emptyInputCells == b.quality.columns[0].emptyInputCells)
        }
    }
}
