// Tests for CumulativeToDaily and --cumulative ingestion: first day, baseline, first appearances, gaps as multi-day
// totals, corrections (keep / missing / spread:K), and the seeded round-trip property.

import Forecast
import Testing

@Suite("Cumulative → daily") struct CumulativeToDailyTests {
    let nan = Double.nan

    @Test("First day empty; baseline gives it a value; differences elsewhere")
    func firstDayAndBaseline() {
        let plain = CumulativeToDaily().daily(from: [2800, 4300, 4500, 5300])
        #expect(sameValues(plain.daily, [nan, 1500, 200, 800]))
        #expect(plain.corrections.isEmpty && plain.multiDayTotals.isEmpty && plain.firstAppearance == nil)
        let based = CumulativeToDaily(baseline: 2000).daily(from: [2800, 4300])
        #expect(sameValues(based.daily, [800, 1500]))
    }

    @Test("A column appearing mid-series gets no value on its first day (not a to-date spike)")
    func firstAppearance() {
        let r = CumulativeToDaily(baseline: 0).daily(from: [nan, nan, 10, 12, 15])
        #expect(sameValues(r.daily, [nan, nan, nan, 2, 3]))
        #expect(r.firstAppearance?.day == 2 && r.firstAppearance?.total == 10)
    }

    @Test("A difference across unknown days is a multi-day total, assigned to no day")
    func gaps() {
        let r = CumulativeToDaily().daily(from: [10, 12, nan, nan, 20, 21])
        #expect(sameValues(r.daily, [nan, 2, nan, nan, nan, 1]))
        #expect(r.multiDayTotals == [.init(firstDay: 2, lastDay: 4, total: 8)])
    }

    @Test("Corrections: kept, made missing, or spread over the K previous days (integer shares)")
    func corrections() {
        let totals: [Double] = [100, 103, 105, 106, 92, 95]  // −14 on day 4 (APC 2022-10-13 was −14)
        let kept = CumulativeToDaily().daily(from: totals)
        #expect(sameValues(kept.daily, [nan, 3, 2, 1, -14, 3]))
        #expect(kept.corrections == [.init(day: 4, size: -14, spreadOver: [])])
        let missing = CumulativeToDaily(corrections: .missing).daily(from: totals)
        #expect(sameValues(missing.daily, [nan, 3, 2, 1, nan, 3]))
        let spread = CumulativeToDaily(corrections: .spread(days: 3)).daily(from: totals)
        // −14 over 3 days: −4, −5, −5 (shares rounded toward zero, the remainder on the latest days).
        #expect(sameValues(spread.daily, [nan, -1, -3, -4, 0, 3]))  // 3 − 4, 2 − 5, 1 − 5
        #expect(spread.corrections == [.init(day: 4, size: -14, spreadOver: [1, 2, 3])])
        // Only days with a value receive a share; with none in the window the correction stays.
        let early = CumulativeToDaily(corrections: .spread(days: 5)).daily(from: [100, 90])
        #expect(sameValues(early.daily, [nan, -10]) && early.corrections[0].spreadOver.isEmpty)
        let fractional = CumulativeToDaily(corrections: .spread(days: 2)).daily(from: [1, 2, 3, 2.5])
        #expect(sameValues(fractional.daily, [nan, 0.75, 0.75, 0]))
    }

    @Test("Through ingestion: corrections, first appearances and multi-day totals in the quality report")
    func ingestion() throws {
        let json = """
            [
            {"date": "2022-10-10", "APC": 5170, "tank": 2400},
            {"date": "2022-10-11", "APC": 5181, "tank": 2410},
            {"date": "2022-10-12", "APC": 5181, "tank": 2415, "drone": 1900},
            {"date": "2022-10-13", "APC": 5167, "tank": 2420, "drone": 1910},
            {"date": "2022-10-16", "APC": 5200, "tank": 2440, "drone": 1930}
            ]
            """
        let s = try ingestJSON(json, source: "gs.json", options(.cumulative) { $0.baseline = 0 })
        #expect(s.names == ["APC", "tank", "drone"])
        #expect(sameValues(s.values[0], [5170, 11, 0, -14, nan, nan, nan]))
        #expect(sameValues(s.values[2], [nan, nan, nan, 10, nan, nan, nan]))
        let q = s.quality
        #expect(q.corrections == [.init(column: "APC", date: day("2022-10-13"), size: -14, line: 5, action: .kept)])
        #expect(q.firstAppearances == [.init(column: "drone", date: day("2022-10-12"), value: 1900, line: 4)])
        #expect(q.multiDayTotals.map(\.column) == ["APC", "tank", "drone"])
        #expect(q.multiDayTotals[0] == .init(column: "APC", span: DateSpan(first: day("2022-10-14"), last: day("2022-10-16")),
                                             total: 33, line: 6))
        #expect(q.gaps == [DateSpan(first: day("2022-10-14"), last: day("2022-10-15"))])
        // --report-lag 1: the report dated D covers D−1, so every date (and finding) moves back one day.
        let lagged = try ingestJSON(json, options(.cumulative) { $0.reportLag = 1; $0.corrections = .missing })
        #expect(lagged.start == day("2022-10-09"))
        #expect(lagged.quality.corrections.first?.date == day("2022-10-12"))
        #expect(lagged.quality.corrections.first?.action == .madeMissing)
        // Differences are taken before --from selects the days, so the first selected day has a value.
        let window = try ingestJSON(json, options(.cumulative) { $0.from = day("2022-10-12") })
        #expect(sameValues(window.values[1], [5, 5, nan, nan, nan]))
        #expect(window.quality.firstAppearances.count == 1)
    }

    @Test("Property: cumulative → daily → cumulative round-trips (random series with gaps and corrections)")
    func roundTrip() {
        var rng = SeededRandom(seed: 20_250_601)
        for _ in 0..<300 {
            let n = Int(rng.next() % 400) + 1
            let firstKnown = rng.next() % 5 == 0 ? Int(rng.next() % UInt64(n)) : 0
            var totals = [Double](repeating: .nan, count: n)
            var level = Double(rng.next() % 100_000)
            for t in firstKnown..<n {
                let step = rng.next() % 20 == 0 ? -Double(rng.next() % 50) : Double(rng.next() % 3000)
                level += step
                totals[t] = rng.next() % 10 == 0 && t > firstKnown ? .nan : level
            }
            let result = CumulativeToDaily().daily(from: totals)
            let rebuilt = result.runningTotals(firstKnownTotal: totals[firstKnown], firstKnownDay: firstKnown)
            #expect(sameValues(rebuilt, totals), "n = \(n)")
            #expect(result.corrections.allSatisfy { result.daily[$0.day] < 0 })
            // spread:K keeps the running total exact on every day outside the windows it changed (from the first
            // day that received a share to the day before the correction).
            let k = Int(rng.next() % 7) + 1
            let spread = CumulativeToDaily(corrections: .spread(days: k)).daily(from: totals)
            let changed = Set(spread.corrections.flatMap { c in c.spreadOver.isEmpty ? [] : Array(c.spreadOver[0]..<c.day) })
            let rebuiltSpread = spread.runningTotals(firstKnownTotal: totals[firstKnown], firstKnownDay: firstKnown)
            for t in 0..<n where !changed.contains(t) {
                #expect(rebuiltSpread[t] == totals[t] || (rebuiltSpread[t].isNaN && totals[t].isNaN), "t = \(t), K = \(k)")
            }
        }
    }

    @Test("Property: spread shares are integers adding up to the correction")
    func shares() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<500 {
            let amount = -Double(rng.next() % 1000 + 1)
            let k = Int(rng.next() % 9) + 1
            let totals = [0.0] + (1...k).map(Double.init) + [Double(k) + amount]
            let r = CumulativeToDaily(corrections: .spread(days: k)).daily(from: totals)
            let added = zip(r.daily[1...k], [Double](repeating: 1, count: k)).map { $0 - $1 }
            #expect(added.reduce(0, +) == amount)
            #expect(added.allSatisfy { $0 == $0.rounded() })
            #expect((added.max()! - added.min()!) <= 1)
        }
    }
}
