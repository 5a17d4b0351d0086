// End-to-end tests of `forecast score`: they launch the built binary and check stdout, stderr and the exit status.
import Foundation
import Testing

@Suite("forecast score (end to end)")
struct ScoreCommandTests {
    static let reference = ForecastBinary.fixtures.appendingPathComponent("reference/metrics-basic")

    func path(_ file: String) -> String { Self.reference.appendingPathComponent(file).path }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static let small = """
        date,y,f_naive,q_0.1,q_0.5,q_0.9
        2025-07-01,4,5,1,4,8
        2025-07-02,0,5,0,1,3
        2025-07-03,7,5,2,6,12
        """

    @Test("JSON on metrics-basic: fixed keys, and the reference values (1e-9 relative)")
    func referenceJSON() throws {
        let result = try ForecastBinary.run(["score", path("data.csv"), "--train", path("train.csv"),
                                             "--samples", path("ensemble.csv"), "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        let output = try json(result.stdout)
        for key in ["points", "scales", "pinball", "pinballMean", "intervals", "gaussian", "ensemble", "negativeBinomial"] {
            #expect(output[key] != nil, "missing key \(key)")
        }
        let expectedData = try Data(contentsOf: Self.reference.appendingPathComponent("expected.json"))
        let expected = try json(String(decoding: expectedData, as: UTF8.self))["expected"] as! [String: Any]
        func value(_ any: Any?) -> Double? { (any as? NSNumber)?.doubleValue }
        func close(_ actual: Any?, _ reference: Any?, _ label: String) {
            guard let a = value(actual), let e = value(reference) else {
                Issue.record("\(label): missing value (got \(String(describing: actual)))")
                return
            }
            #expect(abs(a - e) <= 1e-9 * abs(e) + 1e-12, "\(label): got \(a), expected \(e)")
        }

        let points = output["points"] as! [String: [String: Any]]
        #expect(Set(points.keys) == ["naive", "snaive7"])
        let pointKeys: [(String, String)] = [("me", "ME"), ("mae", "MAE"), ("rmse", "RMSE"), ("mape", "MAPE"),
                                             ("mapeUsed", "MAPE_n_used"), ("smape", "sMAPE"), ("mase1", "MASE_m1"),
                                             ("mase7", "MASE_m7"), ("rmsse1", "RMSSE_m1")]
        for (name, scores) in points {
            #expect(Set(scores.keys) == Set(pointKeys.map(\.0) + ["skill"]), "\(name)")
            for (key, referenceKey) in pointKeys {
                close(scores[key], (expected[referenceKey] as! [String: Any])[name], "\(name).\(key)")
            }
        }
        #expect((points["naive"]!["skill"] as? NSNumber)?.doubleValue == 0)
        let snaiveSkill = 1 - value(points["snaive7"]!["mae"])! / value(points["naive"]!["mae"])!
        close(points["snaive7"]!["skill"], snaiveSkill, "snaive7.skill")

        let scales = output["scales"] as! [String: Any]
        close(scales["mase1"], expected["MASE_scale_m1"], "scales.mase1")
        close(scales["mase7"], expected["MASE_scale_m7"], "scales.mase7")
        close(scales["rmsse1"], expected["RMSSE_scale_m1"], "scales.rmsse1")

        let pinball = output["pinball"] as! [String: Any]
        let referencePinball = expected["pinball"] as! [String: Any]
        #expect(Set(pinball.keys) == Set(referencePinball.keys))
        for (level, loss) in referencePinball { close(pinball[level], loss, "pinball[\(level)]") }
        close(output["pinballMean"], expected["pinball_mean_over_levels"], "pinballMean")

        let intervals = output["intervals"] as! [String: [String: Any]]
        #expect(Set(intervals.keys) == ["50", "80", "90"])
        for key in ["80", "90"] {
            close(intervals[key]?["coverage"], expected["coverage_\(key)"], "coverage \(key)")
            close(intervals[key]?["intervalScore"], expected["interval_score_\(key)"], "interval score \(key)")
            let perDay = intervals[key]?["intervalScorePerDay"] as? [Any] ?? []
            let referencePerDay = expected["interval_score_\(key)_per_day"] as! [Any]
            #expect(perDay.count == referencePerDay.count)
            for (a, e) in zip(perDay, referencePerDay) { close(a, e, "interval score per day \(key)") }
        }

        let sections: [(String, [(String, String)])] = [
            ("gaussian", [("crps", "crps_gaussian_mean"), ("crpsPerDay", "crps_gaussian_per_day"),
                          ("logScore", "logscore_gaussian_mean"), ("logScorePerDay", "logscore_gaussian_per_day")]),
            ("ensemble", [("crps", "crps_ensemble_mean"), ("crpsPerDay", "crps_ensemble_per_day")]),
            ("negativeBinomial", [("crps", "crps_nb_mean"), ("crpsPerDay", "crps_nb_per_day"),
                                  ("logScore", "logscore_nb_mean"), ("logScorePerDay", "logscore_nb_per_day"),
                                  ("pitMid", "pit_mid_nb")]),
        ]
        for (section, keys) in sections {
            let object = try #require(output[section] as? [String: Any], "\(section)")
            for (key, referenceKey) in keys {
                if let list = expected[referenceKey] as? [Any] {
                    let got = object[key] as? [Any] ?? []
                    #expect(got.count == list.count, "\(section).\(key)")
                    for (a, e) in zip(got, list) { close(a, e, "\(section).\(key)") }
                } else {
                    close(object[key], expected[referenceKey], "\(section).\(key)")
                }
            }
        }
    }

    @Test("Table output on metrics-basic names every section")
    func table() throws {
        let result = try ForecastBinary.run(["score", path("data.csv"), "--train", path("train.csv"),
                                             "--samples", path("ensemble.csv")])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for text in ["Forecast scores: 28 days, 2025-07-01 .. 2025-07-28", "naive", "snaive7", "MASE(7)", "2.4613",
                     "Quantile level", "80 %", "0.8571", "Ensemble (200 members)", "107.9461", "PIT histogram"] {
            #expect(result.stdout.contains(text), "missing '\(text)'")
        }
    }

    @Test("Quantiles that strictly cross: exit 1, the message names the file, line and column")
    func crossingQuantiles() throws {
        let file = try ForecastBinary.fixture("crossing.csv", """
            date,y,q_0.1,q_0.5,q_0.9
            2025-07-01,4,1,4,8
            2025-07-02,0,0,1,1
            2025-07-03,7,2,6,5
            """)
        let result = try ForecastBinary.run(["score", file])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("crossing.csv: line 4, column 'q_0.9'"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("found 5 < 6"))
    }

    @Test("Sample dates that do not line up with the forecasts: exit 1, located")
    func misalignedDates() throws {
        let forecasts = try ForecastBinary.fixture("aligned.csv", Self.small)
        let samples = try ForecastBinary.fixture("misaligned.csv", """
            date,s001,s002
            2025-07-01,3,5
            2025-07-02,0,2
            2025-07-04,6,9
            """)
        let result = try ForecastBinary.run(["score", forecasts, "--samples", samples])
        #expect(result.status == 1)
        #expect(result.stderr.contains("misaligned.csv: line 4, column 'date'"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("expected 2025-07-03"))
    }

    @Test("Usage errors exit 64: --season 0, --season without --train, an unknown format, no file")
    func usageErrors() throws {
        let file = try ForecastBinary.fixture("usage.csv", Self.small)
        for arguments in [["score", file, "--season", "0"], ["score", file, "--season", "14"],
                          ["score", file, "--format", "xml"], ["score"]] {
            let result = try ForecastBinary.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
    }

    @Test("A constant training series: MASE null with a warning on stderr, exit 0; zero actual excluded from MAPE")
    func zeroScale() throws {
        let forecasts = try ForecastBinary.fixture("zero-scale.csv", Self.small)
        let train = try ForecastBinary.fixture("constant-train.csv", "date,y\n2025-06-28,5\n2025-06-29,5\n2025-06-30,5\n")
        let result = try ForecastBinary.run(["score", forecasts, "--train", train, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("warning: MASE(1) and RMSSE(1) are null"))
        #expect(result.stderr.contains("warning: MASE(7) is null: the training series has 3 rows"))
        let output = try json(result.stdout)
        let naive = (output["points"] as! [String: [String: Any]])["naive"]!
        #expect(naive["mase1"] is NSNull && naive["mase7"] is NSNull && naive["rmsse1"] is NSNull)
        #expect((naive["mapeUsed"] as? NSNumber)?.intValue == 2)
        #expect((output["scales"] as! [String: Any]).values.allSatisfy { $0 is NSNull })
        #expect((output["gaussian"] as! [String: Any])["crps"] is NSNull)
    }
}
