// End-to-end tests of `forecast effects`.
import Foundation
import Testing

@Suite("forecast effects (end to end)")
struct EffectsCommandTests {
    static let strikes = ForecastBinary.packageRoot.appendingPathComponent("datasets/strikes_daily.csv").path

    @Test("nb2-strikes design: event coefficients and SEs equal the reference; JSON has the documented keys")
    func reference() throws {
        let series = ForecastBinary.fixtures.appendingPathComponent("reference/series/strikes_daily.csv").path
        let result = try ForecastBinary.run(["effects", series, "--value", "launched", "--model", "nb2", "--from", "2024-01-01",
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
        let outside = try ForecastBinary.run(["effects", Self.strikes, "--to", "2024-06-30", "--event", "2025-01-01:late", "--placebos", "0"])
        #expect(outside.status == 1 && outside.stderr.contains("'late'"), "\(outside.stderr)")
        let table = try ForecastBinary.run(["effects", Self.strikes, "--from", "2024-05-01", "--to", "2024-12-31",
                                            "--event", "2024-08-06:kursk", "--placebos", "19", "--paths", "100"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("cumulative excess") && table.stdout.contains("placebo p = ") && table.stdout.contains("from 19 placebos"))
    }
}
