import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Barrage test: barrage days, days to first, base rate, exact permutation p")
struct BarrageTestTests {
    static let start = CalendarDate(year: 2024, month: 1, day: 1)!

    @Test("Fixed threshold: days to first barrage, followed dates and p equal a direct enumeration of all trigger sets")
    func fixedThreshold() throws {
        // 20 days; barrages (≥ 50) on days 5, 6 and 14.
        var y = [Double](repeating: 10, count: 20)
        for t in [5, 6, 14] { y[t] = 60 }
        let series = DatedSeries(start: Self.start, values: y)
        let test = BarrageTest(threshold: .atLeast(50), within: 4)
        let triggers = [("a", Self.start.adding(days: 2)), ("b", Self.start.adding(days: 11)), ("c", Self.start.adding(days: 7)),
                        ("late", Self.start.adding(days: 17))]
        let result = try test.run(series, triggers: triggers.map { (id: $0.0, date: $0.1) })
        #expect(result.triggers.map(\.daysToFirst) == [3, 3, nil])
        #expect(result.skipped == ["late"])
        // Direct: eligible dates 0…15 (D + 4 ≤ 19); followed when a barrage is in D+1…D+4.
        let eligible = Array(0...15)
        let followed = eligible.filter { d in (1...4).contains { k in [5, 6, 14].contains(d + k) } }
        #expect(result.eligibleDates == eligible.count && result.followedDates == followed.count)
        #expect(result.followed == 2)
        // Exact permutation p by enumeration: share of 3-date sets with ≥ 2 followed dates.
        var hits = 0, total = 0
        for i in eligible { for j in eligible where j > i { for k in eligible where k > j {
            total += 1
            if [i, j, k].filter(followed.contains).count >= 2 { hits += 1 }
        } } }
        #expect(abs(result.pValue - Double(hits) / Double(total)) < 1e-12)
    }

    @Test("Automatic threshold: 3 × the median of the 28 previous days, computed directly")
    func automaticThreshold() throws {
        var random = SeededRandom(seed: 5)
        let y = (0..<80).map { t in Double(Int(random.uniform() * 30)) + (t % 17 == 0 ? 120 : 0) }
        let flags = try BarrageTest(threshold: .automatic).barrageFlags(DatedSeries(start: Self.start, values: y))
        for t in 0..<80 {
            guard t >= 28 else { #expect(flags[t] == nil); continue }
            let sorted = y[(t - 28)..<t].sorted()
            let median = (sorted[13] + sorted[14]) / 2
            #expect(flags[t] == (y[t] >= max(1, 3 * median)), "day \(t)")
        }
    }

    @Test("A non-count series is refused with the day")
    func notCounts() {
        let series = DatedSeries(name: "share", start: Self.start, values: [1, 2, 2.5, 3])
        do {
            _ = try BarrageTest(threshold: .atLeast(2), within: 1).run(series, triggers: [(id: "a", date: Self.start)])
            Issue.record("a non-count series must throw")
        } catch {
            #expect("\(error)".contains("2024-01-03") && "\(error)".contains("not a count"))
        }
    }
}
