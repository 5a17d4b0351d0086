// End-to-end tests of `forecast effects`.
import Foundation
import Testing

@Suite("forecast effects (end to end)")
struct EffectsCommandTests {
    static let strikes = ForecastBinary.packageRoot.appendingPathComponent("datasets/strikes_daily.csv").path

    @Test("nb2-strikes design: event coefficients and SEs equal the reference; JSON has the documented keys")
    func reference() throws {
        let series = ForecastBinary.fixtures.appendingPathComponent("reference/series/strikes_daily.csv").path
        let result = try ForecastBinary.run(["effects", series, "--design", "regression", "--value", "launched", "--model", "nb2", "--from", "2024-01-01",
                                             "--to", "2025-06-30", "--event", "2024-08-06:kursk:0..6", "--event", "2024-11-17:atacms:0..6",
                                             "--event", "2025-06-01:spiderweb:0..6", "--placebos", "0", "--paths", "200", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let events = json["events"] as! [[String: Any]]
        #expect(events.map { $0["id"] as! String } == ["kursk", "atacms", "spiderweb"])
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: ForecastBinary.fixtures
            .appendingPathComponent("reference/nb2-strikes/expected.json"))) as! [String: Any]
        let reference = expected["expected"] as! [String: Any]
        let params = reference["params"] as! [String: NSNumber], bse = reference["bse"] as! [String: NSNumber]
        for event in events {
            let name = "event_\(event["id"] as! String)"
            // nb2-strikes tolerances: params and bse 1e-6 relative (expected.json).
            let b = (event["coefficient"] as! NSNumber).doubleValue, se = (event["standardError"] as! NSNumber).doubleValue
            #expect(abs(b - params[name]!.doubleValue) <= 1e-6 * abs(params[name]!.doubleValue) + 3e-6, "\(name)")
            #expect(abs(se - bse[name]!.doubleValue) <= 1e-6 * bse[name]!.doubleValue, "\(name)")
            for key in ["date", "shape", "window", "level", "cumulativeExcess", "cumulativeLower", "cumulativeUpper", "observedExcess",
                        "relativeEffect", "intervalMethod", "halfLifeDays", "halfLifeAtBound", "preTrendPValue", "placeboPValue",
                        "placebos", "daily", "shifts"] {
                #expect(event[key] != nil, "\(name): missing \(key)")
            }
            #expect(event["placeboPValue"] is NSNull && (event["daily"] as! [Any]).count == 7)
        }
        #expect(json["groups"] != nil && json["modelChoice"] != nil && json["forecast"] == nil)
    }

    @Test("Usage errors exit 64: AR terms, identical windows, no trigger, level as a fraction", arguments: [
        ["--event", "2024-08-06:a", "--ar", "1"],
        ["--event", "2024-08-06:a", "--event", "2024-08-06:b"],
        [String](),
        ["--event", "2024-08-06:a", "--level", "0.95"],
    ])
    func usage(extra: [String]) throws {
        let result = try ForecastBinary.run(["effects", Self.strikes] + extra)
        #expect(result.status == 64, "\(extra): \(result.stderr)")
    }

    @Test("An event outside the training data exits 1 with a located message; the table reads in words")
    func dataError() throws {
        let outside = try ForecastBinary.run(["effects", Self.strikes, "--design", "regression", "--to", "2024-06-30", "--event", "2025-01-01:late", "--placebos", "0"])
        #expect(outside.status == 1 && outside.stderr.contains("'late'"), "\(outside.stderr)")
        let table = try ForecastBinary.run(["effects", Self.strikes, "--design", "regression", "--from", "2024-05-01", "--to", "2024-12-31",
                                            "--event", "2024-08-06:kursk", "--placebos", "19", "--paths", "100"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("cumulative excess") && table.stdout.contains("placebo p = ") && table.stdout.contains("from 19 placebos"))
    }

    @Test("Regression design: --shape step says it runs to the end of the data and where the excess is summed")
    func stepSaysWhatItUses() throws {
        let base = ["effects", Self.strikes, "--design", "regression", "--from", "2024-05-01", "--to", "2024-12-31",
                    "--event", "2024-08-06:kursk:1..13", "--shape", "step", "--placebos", "0", "--paths", "100"]
        let table = try ForecastBinary.run(base)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("step from day 1 to the end of the data (2024-12-31)")
                && table.stdout.contains("excess summed over days 1..13"), "\(table.stdout)")
        let json = try ForecastBinary.run(base + ["--format", "json"])
        let events = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any])["events"] as! [[String: Any]]
        #expect(events[0]["coefficientEnd"] as? String == "2024-12-31" && (events[0]["daily"] as! [Any]).count == 13)
    }

    @Test("--pool kind lists the events used, the number of effect days and a per-event breakdown that adds up")
    func pooledBreakdown() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("effects-pool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // t1 is before the training window; t4's window (0..13) has 7 days in it (2024-12-25…31).
        let events = directory.appendingPathComponent("events.csv")
        try "id,date,kind\nt1,2024-03-01,t\nt2,2024-06-10,t\nt3,2024-09-01,t\nt4,2024-12-25,t\n".write(to: events, atomically: true, encoding: .utf8)
        let base = ["effects", Self.strikes, "--design", "regression", "--from", "2024-05-01", "--to", "2024-12-31",
                    "--events", events.path, "--pool", "kind", "--placebos", "0", "--paths", "100"]
        let table = try ForecastBinary.run(base)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("3 of 3 events pooled") && table.stdout.contains("over 35 effect days")
                && table.stdout.contains("t4") && table.stdout.contains("7 days"), "\(table.stdout)")
        let json = try ForecastBinary.run(base + ["--format", "json"])
        let event = ((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any])["events"] as! [[String: Any]])[0]
        let pooled = event["pooled"] as! [[String: Any]]
        #expect(pooled.map { $0["id"] as! String } == ["t2", "t3", "t4"] && pooled.map { $0["days"] as! Int } == [14, 14, 7])
        #expect(event["effectDays"] as? Int == 35)
        let total = pooled.reduce(0.0) { $0 + ($1["excess"] as! NSNumber).doubleValue }
        let cumulative = (event["cumulativeExcess"] as! NSNumber).doubleValue
        #expect(abs(total - cumulative) <= 1e-6 * abs(cumulative) + 1e-6, "\(total) vs \(cumulative)")
    }

    @Test("--shape free with a zero day names the days and the way out; dropping them (missing days) then works")
    func freeZeroDay() throws {
        // datasets/strikes_daily.csv: launched is 0 on 2024-06-10, 2024-06-15 and 2024-06-16 (days +0, +5, +6).
        let base = ["effects", Self.strikes, "--design", "regression", "--event", "2024-06-10:z:0..6", "--shape", "free",
                    "--placebos", "0", "--paths", "100"]
        let failed = try ForecastBinary.run(base)
        #expect(failed.status == 1 && failed.stderr.contains("2024-06-10 (day +0)") && failed.stderr.contains("2024-06-16 (day +6)")
                && failed.stderr.contains("as missing") && failed.stderr.contains("--shape pulse"), "\(failed.stderr)")
        let dropped = try ForecastBinary.run(base + ["--where", "date!=2024-06-10", "--where", "date!=2024-06-15", "--where", "date!=2024-06-16"])
        #expect(dropped.status == 0 && dropped.stdout.contains("over 4 effect days"), "\(dropped.stderr)\n\(dropped.stdout)")
    }

    @Test("Counterfactual design (the default): JSON has the fixed keys; totals and intervals agree with the daily rows")
    func counterfactualJSON() throws {
        let result = try ForecastBinary.run(["effects", Self.strikes, "--value", "launched", "--event", "2024-08-06:kursk",
                                             "--placebos", "49", "--paths", "300", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(json["design"] as? String == "counterfactual" && json["warnings"] is [Any])
        let event = (json["events"] as! [[String: Any]])[0]
        for key in ["id", "date", "window", "pre", "observedTotal", "counterfactualTotal", "cumulativeExcess", "cumulativeLower",
                    "cumulativeUpper", "relativeEffect", "relativeLower", "relativeUpper", "tailProbability", "placeboPValue",
                    "placebos", "daily"] {
            #expect(event[key] != nil, "missing \(key)")
        }
        let daily = event["daily"] as! [[String: Any]]
        let number = { (o: [String: Any], k: String) in (o[k] as! NSNumber).doubleValue }
        // Direct: the totals are the sums of the daily rows (the window has no missing day).
        #expect(daily.count == 14)
        #expect(abs(daily.map { number($0, "observed") }.reduce(0, +) - number(event, "observedTotal")) < 1e-9)
        #expect(abs(daily.map { number($0, "counterfactual") }.reduce(0, +) - number(event, "counterfactualTotal")) < 1e-6)
        #expect(number(event, "cumulativeLower") <= number(event, "cumulativeExcess") && number(event, "cumulativeExcess") <= number(event, "cumulativeUpper"))
        #expect(number(event, "placebos") == 49)
        let pre = event["pre"] as! [String: String]
        #expect(pre["last"] == "2024-08-05" && pre["first"] == "2024-02-08")
    }

    @Test("--robustness on the Kursk incursion: the verdict leads and reports the sign instability")
    func robustness() throws {
        let result = try ForecastBinary.run(["effects", Self.strikes, "--value", "launched", "--event", "2024-08-06:kursk", "--robustness",
                                             "--placebos", "0", "--paths", "200"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Robustness: 'kursk': ") && result.stdout.contains("the sign is unstable"))
        let json = try ForecastBinary.run(["effects", Self.strikes, "--value", "launched", "--event", "2024-08-06:kursk", "--robustness",
                                           "--placebos", "0", "--paths", "200", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let grid = object["robustness"] as! [String: Any]
        let specifications = grid["specifications"] as! [[String: Any]]
        #expect(specifications.count == 21 && grid["verdict"] is String)
        // increases/decreases count the rows whose interval excludes zero on that side (direct count).
        let lowers = specifications.compactMap { ($0["lower"] as? NSNumber)?.doubleValue }
        let uppers = specifications.compactMap { ($0["upper"] as? NSNumber)?.doubleValue }
        #expect(grid["increases"] as? Int == lowers.filter { $0 > 0 }.count && grid["decreases"] as? Int == uppers.filter { $0 < 0 }.count)
    }

    @Test("A misspelt --ids or --kind names the events file and suggests the nearest spelling (exit 64)")
    func misspeltSelection() throws {
        let events = ForecastBinary.packageRoot.appendingPathComponent("datasets/events.csv").path
        let id = try ForecastBinary.run(["effects", Self.strikes, "--events", events, "--ids", "kursk-incurson"])
        #expect(id.status == 64 && id.stderr.contains("events.csv") && id.stderr.contains("did you mean 'kursk-incursion'"), "\(id.stderr)")
        let kind = try ForecastBinary.run(["effects", Self.strikes, "--events", events, "--kind", "triger"])
        #expect(kind.status == 64 && kind.stderr.contains("events.csv") && kind.stderr.contains("did you mean 'trigger'"), "\(kind.stderr)")
    }

    @Test("Counterfactual bad input: window past the end, too few pre-trigger days, a control with a missing day — located, exit 1")
    func counterfactualBadInput() throws {
        let late = try ForecastBinary.run(["effects", Self.strikes, "--value", "launched", "--event", "2026-06-01:late", "--placebos", "0"])
        #expect(late.status == 1 && late.stderr.contains("'late'") && late.stderr.contains("2026-06-07"), "\(late.stderr)")
        let early = try ForecastBinary.run(["effects", Self.strikes, "--value", "launched", "--event", "2022-10-10:early", "--placebos", "0"])
        #expect(early.status == 1 && early.stderr.contains("'early'") && early.stderr.contains("at least 56"), "\(early.stderr)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("effects-control-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var rows = ["date,temp"]
        for t in 0..<400 where t != 350 { rows.append("\(CalendarDay.iso(2023, 10, 1, plus: t)),\(t % 9)") }
        let control = directory.appendingPathComponent("control.csv")
        try rows.joined(separator: "\n").write(to: control, atomically: true, encoding: .utf8)
        let gap = try ForecastBinary.run(["effects", Self.strikes, "--value", "launched", "--event", "2024-09-10:t", "--placebos", "0",
                                          "--control", "\(control.path):temp"])
        #expect(gap.status == 1 && gap.stderr.contains("temp") && gap.stderr.contains("2024-09-15"), "\(gap.stderr)")
        let shape = try ForecastBinary.run(["effects", Self.strikes, "--event", "2024-08-06:a", "--shape", "decay"])
        #expect(shape.status == 64 && shape.stderr.contains("--design regression"), "\(shape.stderr)")
    }
}

/// ISO dates for generated CSV rows.
enum CalendarDay {
    static func iso(_ year: Int, _ month: Int, _ day: Int, plus days: Int) -> String {
        var components = DateComponents(year: year, month: month, day: day)
        components.timeZone = TimeZone(identifier: "UTC")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(byAdding: .day, value: days, to: calendar.date(from: components)!)!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
