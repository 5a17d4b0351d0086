// Outputs that feed each other (issue 15, item 2): `fit --output` and `backtest --details` / `--samples` go into
// `forecast score` as they are, and score's numbers equal the accuracy fit and backtest report themselves. The
// cross-check is also independent: MAE and coverage are recomputed here from the CSV cells.
import Foundation
import Testing

@Suite("fit / backtest output → score (end to end)")
struct ScorePipelineTests {
    static let strikes = ForecastBinary.packageRoot.appendingPathComponent("datasets/strikes_daily.csv").path

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("forecast-pipeline-\(ProcessInfo.processInfo.processIdentifier)-\(name)").path
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func number(_ value: Any?) -> Double { (value as? NSNumber)?.doubleValue ?? .nan }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }

    @Test("fit --output → score: MAE, pinball and coverage equal fit's heldOutAccuracy and a direct computation")
    func fitOutput() throws {
        let output = Self.temporary("fit.csv")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let fit = try ForecastBinary.run(["fit", Self.strikes, "--from", "2024-01-01", "--to", "2025-06-30", "--paths", "300",
                                          "--output", output, "--format", "json"])
        #expect(fit.status == 0, "\(fit.stderr)")
        let accuracy = try #require(try Self.json(fit.stdout)["heldOutAccuracy"] as? [String: Any])
        let score = try ForecastBinary.run(["score", output, "--format", "json"])
        #expect(score.status == 0, "\(score.stderr)")
        let scored = try Self.json(score.stdout)
        let points = try #require(scored["points"] as? [String: Any])
        let mae = Self.number((points["mean"] as? [String: Any])?["mae"])
        #expect(Self.close(mae, Self.number(accuracy["mae"])))
        #expect(Self.close(Self.number(scored["pinballMean"]), Self.number(accuracy["pinball"])))
        let intervals = try #require(scored["intervals"] as? [String: Any])
        let coverage = try #require(accuracy["coverage"] as? [[String: Any]])
        #expect(coverage.count == 2)
        for entry in coverage {
            let level = (entry["level"] as? NSNumber)?.intValue ?? 0
            #expect(Self.number((intervals["\(level)"] as? [String: Any])?["coverage"]) == Self.number(entry["coverage"]))
        }
        #expect(Self.number(accuracy["crps"]) > 0, "simulated paths give a CRPS")
        // Direct computation from the CSV cells: MAE of mean vs y, and the 80 % coverage.
        let rows = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows[0] == ["date", "mean", "median", "lower_80", "upper_80", "lower_95", "upper_95", "y"])
        let cells = rows.dropFirst().map { $0.map { Double($0) ?? .nan } }
        let direct = cells.map { abs($0[7] - $0[1]) }.reduce(0, +) / Double(cells.count)
        #expect(abs(direct - mae) <= 1e-9 * direct)
        let inside = cells.filter { $0[3] <= $0[7] && $0[7] <= $0[4] }.count
        #expect(Self.number((intervals["80"] as? [String: Any])?["coverage"]) == Double(inside) / Double(cells.count))
        // The fit JSON carries the fitted value and residual of each of the 547 training days.
        let fitted = try #require(try Self.json(fit.stdout)["fitted"] as? [[String: Any]])
        #expect(fitted.count == 547 && fitted.first?["date"] as? String == "2024-01-01")
        #expect(fitted.allSatisfy { Self.close(Self.number($0["y"]) - Self.number($0["fitted"]), Self.number($0["residual"])) })
    }

    @Test("fit --output beyond the data: rows without y are left out of score with a warning")
    func unknownActuals() throws {
        let output = Self.temporary("fit-tail.csv")
        defer { try? FileManager.default.removeItem(atPath: output) }
        // strikes_daily.csv ends on 2026-06-07: a 28-day forecast from 2026-05-31 has 7 days with actuals.
        let fit = try ForecastBinary.run(["fit", Self.strikes, "--from", "2025-01-01", "--to", "2026-05-31", "--paths", "100",
                                          "--output", output])
        #expect(fit.status == 0 && fit.stdout.contains("Held-out accuracy (7 days with actuals)"), "\(fit.stdout)")
        let score = try ForecastBinary.run(["score", output])
        #expect(score.status == 0 && score.stdout.contains("7 days"), "\(score.stdout)\(score.stderr)")
        #expect(score.stderr.contains("21 of 28 rows have no actual value"), "\(score.stderr)")
    }

    @Test("backtest --details and --samples → score: MAE, pinball, coverage and ensemble CRPS equal backtest's own")
    func backtestDetails() throws {
        let (details, samples) = (Self.temporary("details.csv"), Self.temporary("samples.csv"))
        defer { for file in [details, samples] { try? FileManager.default.removeItem(atPath: file) } }
        let backtest = try ForecastBinary.run(["backtest", Self.strikes, "--from", "2024-01-01", "--horizon", "7",
                                               "--first", "2025-03-01", "--origins", "4", "--paths", "100",
                                               "--details", details, "--samples", samples, "--format", "json"])
        #expect(backtest.status == 0, "\(backtest.stderr)")
        let metrics = try #require(try Self.json(backtest.stdout)["metrics"] as? [String: Any])
        let score = try ForecastBinary.run(["score", details, "--samples", samples, "--format", "json"])
        #expect(score.status == 0, "\(score.stderr)")
        let scored = try Self.json(score.stdout)
        #expect((scored["days"] as? NSNumber)?.intValue == 28)  // 4 origins × 7 days, dates repeat across origins
        let mae = Self.number(((scored["points"] as? [String: Any])?["mean"] as? [String: Any])?["mae"])
        #expect(Self.close(mae, Self.number(metrics["mae"])))
        #expect(Self.close(Self.number(scored["pinballMean"]), Self.number(metrics["pinballMean"])))
        #expect(Self.close(Self.number((scored["ensemble"] as? [String: Any])?["crps"]), Self.number(metrics["crps"])))
        let scoredIntervals = try #require(scored["intervals"] as? [String: Any])
        let ownIntervals = try #require(metrics["intervals"] as? [String: Any])
        for level in ["80", "95"] {
            #expect(Self.number((scoredIntervals[level] as? [String: Any])?["coverage"])
                    == Self.number((ownIntervals[level] as? [String: Any])?["coverage"]), "coverage \(level)")
        }
    }
}
