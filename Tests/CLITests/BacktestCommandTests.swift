// End-to-end tests of `forecast backtest`: they launch the built binary and check stdout, stderr, files and the
// exit status.
import Foundation
import Testing

@Suite("forecast backtest (end to end)")
struct BacktestCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// 120 days of counts with a weekly pattern, from 2025-01-01.
    static let series: String = {
        var lines = ["date,count"]
        let start = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: TimeZone(identifier: "UTC"), year: 2025, month: 1, day: 1))!
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        for t in 0..<120 {
            let day = formatter.string(from: start.addingTimeInterval(Double(t) * 86_400))
            lines.append("\(day),\(20 + t / 10 + [0, 3, 5, 2, 7, 1, 4][t % 7] + (t * 7919) % 5)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("JSON keys, --details header and row count, --samples header")
    func jsonAndFiles() throws {
        let file = try ForecastBinary.fixture("backtest-series.csv", Self.series)
        let details = file.replacingOccurrences(of: "series.csv", with: "details.csv")
        let samples = file.replacingOccurrences(of: "series.csv", with: "samples.csv")
        let result = try ForecastBinary.run(["backtest", file, "--model", "ols", "--horizon", "7", "--first", "2025-03-01",
                                             "--step", "7", "--details", details, "--samples", samples, "--paths", "20",
                                             "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let output = try json(result.stdout)
        for key in ["origins", "horizon", "metrics", "byHorizon", "baselines", "skill", "failedOrigins"] {
            #expect(output[key] != nil, "missing key \(key)")
        }
        // Origins 2025-03-01 (day 59), every 7 days, while origin + 7 ≤ day 119: days 59 … 108 → 8 origins.
        #expect(output["origins"] as? Int == 8)
        #expect(output["horizon"] as? Int == 7)
        let metrics = try #require(output["metrics"] as? [String: Any])
        for key in ["mae", "rmse", "mase1", "mase7", "pinball", "pinballMean", "intervals", "crps"] {
            #expect(metrics[key] != nil, "metrics lacks \(key)")
        }
        let intervals = try #require(metrics["intervals"] as? [String: Any])
        #expect(Set(intervals.keys) == ["80", "95"])
        let byHorizon = try #require(output["byHorizon"] as? [[String: Any]])
        #expect(byHorizon.count == 7 && byHorizon.first?["h"] as? Int == 1 && byHorizon.first?["crps"] != nil)
        let baselines = try #require(output["baselines"] as? [String: Any])
        #expect(baselines["naive"] != nil && baselines["seasonalNaive"] != nil)
        let skill = try #require(output["skill"] as? [String: [String: Any]])
        #expect(skill["naive"]?["crps"] != nil && skill["seasonalNaive"]?["mae"] != nil)
        let detailLines = try String(contentsOfFile: details, encoding: .utf8).split(separator: "\n")
        // One column vocabulary (issue 15, item 2): q_<level> as `score` reads it, and the actuals as y.
        #expect(detailLines.first == "origin,date,h,mean,q_0.025,q_0.1,q_0.5,q_0.9,q_0.975,y")
        #expect(detailLines.count == 1 + 8 * 7)
        #expect(detailLines[1].hasPrefix("2025-03-01,2025-03-02,1,"))
        let sampleLines = try String(contentsOfFile: samples, encoding: .utf8).split(separator: "\n")
        #expect(sampleLines.first?.hasPrefix("origin,date,h,s0001,s0002,") == true)
        #expect(sampleLines.first?.hasSuffix(",s0020") == true)
        #expect(sampleLines.count == 1 + 8 * 7)
    }

    @Test("--quantiles changes the columns; the table names the baselines")
    func quantilesAndTable() throws {
        let file = try ForecastBinary.fixture("backtest-series2.csv", Self.series)
        let details = file.replacingOccurrences(of: "series2.csv", with: "details2.csv")
        let result = try ForecastBinary.run(["backtest", file, "--horizon", "5", "--first", "2025-04-01", "--origins", "3",
                                             "--quantiles", "0.05,0.5,0.95", "--training-window", "sliding:60",
                                             "--refit", "2", "--paths", "50", "--details", details])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("seasonal naive"))
        let lines = try String(contentsOfFile: details, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "origin,date,h,mean,q_0.05,q_0.5,q_0.95,y")
        #expect(lines.count == 1 + 3 * 5)
    }

    @Test("Usage errors exit 64: horizon ≤ 0, bad --training-window, first origin outside the data")
    func usageErrors() throws {
        let file = try ForecastBinary.fixture("backtest-series3.csv", Self.series)
        for arguments in [["--horizon", "0", "--first", "2025-03-01"],
                          ["--horizon", "7", "--first", "2025-03-01", "--training-window", "rolling"],
                          ["--horizon", "7", "--first", "2026-03-01"],
                          ["--horizon", "7", "--first", "2025-03-01", "--quantiles", "0.1,1.5"]] {
            let result = try ForecastBinary.run(["backtest", file] + arguments)
            #expect(result.status == 64, "\(arguments): status \(result.status), stderr \(result.stderr)")
        }
    }

    @Test("Data errors exit 1 and say where: horizon longer than the test span, missing file")
    func dataErrors() throws {
        let file = try ForecastBinary.fixture("backtest-series4.csv", Self.series)
        let result = try ForecastBinary.run(["backtest", file, "--horizon", "30", "--first", "2025-04-15"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("backtest-series4.csv") && result.stderr.contains("horizon is longer than the test span"),
                "stderr: \(result.stderr)")
        let missing = try ForecastBinary.run(["backtest", "/nonexistent/series.csv", "--horizon", "7", "--first", "2025-03-01"])
        #expect(missing.status == 1)
    }
}

@Suite("forecast backtest: nothing leaks from the future")
struct BacktestLeakageTests {
    /// A running total rising 10 a day for 60 days from 2025-01-01, except that on day 40 (2025-02-09) it is
    /// corrected down by 30 (daily difference −30); afterwards it rises 10 a day again.
    static let corrected: String = {
        var lines = ["date,total"]
        let start = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: TimeZone(identifier: "UTC"), year: 2025, month: 1, day: 1))!
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        for t in 1...60 {
            let total = t < 40 ? 10 * t : 360 + 10 * (t - 40)
            lines.append("\(formatter.string(from: start.addingTimeInterval(Double(t - 1) * 86_400))),\(total)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("--corrections spread:K is applied to the data as known at each origin: a later correction is not spread into earlier training days")
    func spreadPerOrigin() throws {
        let file = try ForecastBinary.fixture("backtest-corrected.csv", Self.corrected)
        let details = file.replacingOccurrences(of: ".csv", with: "-details.csv")
        // A constant-mean least-squares model: its forecast is the mean of the training days.
        let result = try ForecastBinary.run(["backtest", file, "--cumulative", "--corrections", "spread:3", "--model", "ols",
                                             "--trend", "none", "--no-day-of-week", "--horizon", "1", "--step", "1",
                                             "--first", "2025-02-07", "--origins", "4", "--details", details])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try String(contentsOfFile: details, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").map(String.init) }
        let mean = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], Double($0[3])!) })
        // Origin day 38 (2025-02-07): the correction (day 40) is not known yet; days 2…38 are all 10.
        #expect(abs(mean["2025-02-07"]! - 10) < 1e-9, "origin 2025-02-07: \(mean["2025-02-07"]!)")
        // Origin day 41 (2025-02-10): the correction is known and spread over days 37–39 (10 − 10 = 0 each) and day 40 is 0:
        // (35·10 + 4·0 + 10) / 40 days = 9.
        #expect(abs(mean["2025-02-10"]! - 9) < 1e-9, "origin 2025-02-10: \(mean["2025-02-10"]!)")
    }

    @Test("--plot: CRPS and coverage by horizon per method, and the fans at four origins")
    func plot() throws {
        let file = try ForecastBinary.fixture("backtest-series-plot.csv", BacktestCommandTests.series)
        let plot = file.replacingOccurrences(of: ".csv", with: ".svg")
        defer { try? FileManager.default.removeItem(atPath: plot) }
        let result = try ForecastBinary.run(["backtest", file, "--horizon", "5", "--first", "2025-03-01", "--origins", "6",
                                             "--paths", "50", "--plot", plot])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: plot, encoding: .utf8)
        func count(_ cls: String) -> Int { svg.components(separatedBy: "class=\"\(cls)\"").count - 1 }
        for method in ["model", "naive", "seasonal-naive"] {
            #expect(count("crps-\(method)") == 1 && count("coverage-\(method)") == 1, "\(method)")
        }
        #expect(count("nominal") == 1 && svg.contains("Coverage of the 95 % interval"))
        #expect(count("fan") == 4 && count("fan-mean") == 4)   // origins 1, 3, 5 and 6 of 6
    }

    @Test("--value all: one backtest per column, long-format details; each series equals its own backtest")
    func manySeries() throws {
        let equipment = ForecastBinary.packageRoot.appendingPathComponent("datasets/equipment_daily.csv").path
        let directory = FileManager.default.temporaryDirectory
        let (many, single) = (directory.appendingPathComponent("bt-many-\(ProcessInfo.processInfo.processIdentifier).csv").path,
                              directory.appendingPathComponent("bt-single-\(ProcessInfo.processInfo.processIdentifier).csv").path)
        defer { for file in [many, single] { try? FileManager.default.removeItem(atPath: file) } }
        let options = ["--from", "2025-06-01", "--horizon", "7", "--first", "2026-04-01", "--origins", "3", "--paths", "50"]
        let result = try ForecastBinary.run(["backtest", equipment, "--value", "all", "--details", many] + options)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(["tank", "APC", "field artillery", "drone"].allSatisfy { result.stdout.contains("\n\($0) ") }, "\(result.stdout)")
        let rows = try String(contentsOfFile: many, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows.first == "series,origin,date,h,mean,q_0.025,q_0.1,q_0.5,q_0.9,q_0.975,y" && rows.count == 1 + 4 * 3 * 7)
        let alone = try ForecastBinary.run(["backtest", equipment, "--value", "drone", "--details", single] + options)
        #expect(alone.status == 0)
        let singleRows = try String(contentsOfFile: single, encoding: .utf8).split(separator: "\n").dropFirst().map { "drone," + $0 }
        #expect(rows.filter { $0.hasPrefix("drone,") } == singleRows)
        // score refuses a file of several series with a message naming the column.
        let score = try ForecastBinary.run(["score", many])
        #expect(score.status == 1 && score.stderr.contains("column 'series'"), "\(score.stderr)")
    }
}

extension BacktestCommandTests {
    @Test("--models: one table and the fixed JSON layout; {model} names the details files; --exceed scores")
    func modelsComparison() throws {
        let file = try ForecastBinary.fixture("backtest-models.csv", Self.series)
        let details = file.replacingOccurrences(of: "models.csv", with: "details-{model}.csv")
        let result = try ForecastBinary.run(["backtest", file, "--models", "local,nb2,naive,mean28", "--horizon", "7",
                                             "--first", "2025-03-01", "--step", "7", "--paths", "50", "--exceed", "30",
                                             "--details", details, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try json(result.stdout)
        let models = try #require(json["models"] as? [String: Any])
        #expect(Set(models.keys) == ["local", "nb2", "naive", "mean28"])
        let local = try #require(models["local"] as? [String: Any])
        let metrics = try #require(local["metrics"] as? [String: Any])
        #expect(metrics["crps"] != nil && metrics["pinballMean"] != nil && local["seconds"] != nil)
        let exceedance = try #require(local["exceedance"] as? [String: Any])
        #expect((exceedance["30"] as? [String: Any])?["brier"] != nil)
        let best = try #require(json["best"] as? [String: Any])
        #expect(models.keys.contains(best["crps"] as? String ?? ""))
        for name in ["local", "nb2", "naive", "mean28"] {
            let path = details.replacingOccurrences(of: "{model}", with: name)
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 1 + 8 * 7, "\(name)")
        }
        let table = try ForecastBinary.run(["backtest", file, "--models", "local,mean28", "--horizon", "7",
                                            "--first", "2025-03-01", "--paths", "50"])
        #expect(table.status == 0 && table.stdout.contains("local") && table.stdout.contains("*"), "\(table.stderr)")
    }

    @Test("--models and --exceed usage errors exit 64")
    func modelsUsage() throws {
        let file = try ForecastBinary.fixture("backtest-models2.csv", Self.series)
        for arguments in [["--models", "local,prophet"], ["--models", "local,local"], ["--exceed", "0"],
                          ["--exceed", "x"], ["--models", "local,nb2", "--details", "d.csv"]] {
            let result = try ForecastBinary.run(["backtest", file, "--horizon", "7", "--first", "2025-03-01"] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
    }
}
