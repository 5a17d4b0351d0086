// End-to-end tests of `forecast fit`: the built binary on the shipped datasets and on reference series.
import Foundation
import Testing

@Suite("forecast fit (end to end)")
struct FitCommandTests {
    static let datasets = ForecastBinary.packageRoot.appendingPathComponent("datasets")

    static var dailyFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: datasets.path)) ?? [])
            .filter { $0.hasSuffix(".csv") && $0 != "events.csv" }.sorted()
    }

    @Test("datasets/ holds the four shipped daily series the no-flag test runs on")
    func dailyFilesPresent() {
        // Without this the parameterised test below would pass silently on an empty datasets/ folder.
        #expect(Self.dailyFiles == ["equipment_daily.csv", "personnel_daily.csv", "shahed_daily.csv", "strikes_daily.csv"])
    }

    @Test("A no-flag fit works on every daily CSV in datasets/ and prints a readable summary", arguments: dailyFiles)
    func noFlags(file: String) throws {
        let result = try ForecastBinary.run(["fit", Self.datasets.appendingPathComponent(file).path])
        #expect(result.status == 0, "\(file): \(result.stderr)")
        #expect(result.stdout.contains("Forecast of '"), "\(file)")
        #expect(result.stdout.contains("What the terms mean") && result.stdout.contains("Forecast (28 days from"), "\(file)")
        #expect(result.stdout.contains("Model: "), "\(file)")
    }

    @Test("JSON: regress keys plus schema, model choice, data quality, diagnostics, 28 forecast days, total")
    func jsonKeys() throws {
        let result = try ForecastBinary.run(["fit", Self.datasets.appendingPathComponent("strikes_daily.csv").path,
                                             "--from", "2024-01-01", "--to", "2025-06-30", "--paths", "200", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        for key in ["model", "response", "nobs", "coefficients", "aic", "bic", "alpha", "modelChoice", "schema", "dataQuality",
                    "diagnostics", "forecast", "total", "trainingWindow"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["response"] as? String == "launched")
        #expect((json["modelChoice"] as? [String: Any])?["model"] as? String == "nb2")
        #expect(((json["schema"] as? [String: Any])?["columns"] as? [String])?.first == "const")
        let forecast = json["forecast"] as! [[String: Any]]
        #expect(forecast.count == 28 && forecast[0]["date"] as? String == "2025-07-01")
        let intervals = forecast[0]["intervals"] as! [[String: Any]]
        #expect(intervals.map { ($0["level"] as! NSNumber).intValue } == [80, 95])
        #expect(forecast[0]["actual"] != nil, "held-out actuals after --to are shown")
        // One unit for levels (issue 15, item 3): the coefficient level is in percent like the interval levels.
        #expect((json["level"] as? NSNumber)?.doubleValue == 95)
    }

    @Test("Reproduces ols-personnel from dates and flags: 28-day means and 95% intervals")
    func olsPersonnel() throws {
        let series = ForecastBinary.fixtures.appendingPathComponent("reference/series/personnel_daily.csv").path
        let result = try ForecastBinary.run(["fit", series, "--value", "daily", "--model", "ols", "--from", "2024-01-01",
                                             "--to", "2024-11-24", "--event", "2024-02-17:avdiivka", "--event", "2024-08-06:kursk",
                                             "--event", "2024-11-17:atacms", "--level", "95", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: ForecastBinary.fixtures
            .appendingPathComponent("reference/ols-personnel/expected.json"))) as! [String: Any]
        let reference = expected["expected"] as! [String: Any]
        // statsmodels predicted_mean / obs_ci_lower / obs_ci_upper, tolerance 1e-9 relative (expected.json).
        let means = (reference["predicted_mean"] as! [NSNumber]).map(\.doubleValue)
        let lower = (reference["obs_ci_lower"] as! [NSNumber]).map(\.doubleValue)
        let upper = (reference["obs_ci_upper"] as! [NSNumber]).map(\.doubleValue)
        let forecast = json["forecast"] as! [[String: Any]]
        #expect(forecast.count == 28)
        for (t, day) in forecast.enumerated() {
            let mean = (day["mean"] as! NSNumber).doubleValue
            let interval = (day["intervals"] as! [[String: Any]])[0]
            #expect(abs(mean - means[t]) <= 1e-9 * abs(means[t]), "day \(t)")
            #expect(abs((interval["lower"] as! NSNumber).doubleValue - lower[t]) <= 1e-9 * abs(lower[t]) + 1e-9)
            #expect(abs((interval["upper"] as! NSNumber).doubleValue - upper[t]) <= 1e-9 * abs(upper[t]))
        }
    }

    @Test("--output writes date,mean,median,lower_80,upper_80,lower_95,upper_95 and --plot writes an SVG")
    func csvAndPlot() throws {
        let output = try ForecastBinary.fixture("forecast.csv", "")
        let plot = try ForecastBinary.fixture("forecast.svg", "")
        let result = try ForecastBinary.run(["fit", Self.datasets.appendingPathComponent("personnel_daily.csv").path,
                                             "--from", "2025-01-01", "--horizon", "7", "--paths", "100",
                                             "--output", output, "--plot", plot])
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "date,mean,median,lower_80,upper_80,lower_95,upper_95")
        #expect(csv.count == 8)
        let svg = try String(contentsOfFile: plot, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains("class=\"forecast-mean\""))
    }

    @Test("--threshold from 1,000 paths prints the resolution: > 99.9 % when every path crosses, < 0.1 % when none does")
    func thresholdResolution() throws {
        let feed = ForecastBinary.raw.appendingPathComponent("ua-gs-russian-losses/russia_losses_personnel.json").path
        let base = ["fit", feed, "--cumulative", "--value", "personnel", "--from", "2025-01-01", "--horizon", "7"]
        // The last cumulative total in the feed is 1,456,610 (2026-08-08), and every day adds hundreds: 1,456,700 is
        // crossed by every path, 5,000,000 by none, and 1,000,000 is already passed.
        let reached = try ForecastBinary.run(base + ["--threshold", "1456700"])
        #expect(reached.status == 0 && reached.stdout.contains("> 99.9 %"), "\(reached.stdout)")
        let passed = try ForecastBinary.run(base + ["--threshold", "1000000"])
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(passed.stdout.contains("Threshold 1,000,000: already reached — the running total was 1,456,610 on 2026-08-08"),
                "\(passed.stdout)")
        let json = try ForecastBinary.run(base + ["--threshold", "1000000", "--format", "json"])
        #expect(json.stdout.contains("\"alreadyReached\" : true") || json.stdout.contains("\"alreadyReached\":true"), "\(json.stdout)")
        let unreached = try ForecastBinary.run(base + ["--threshold", "5000000"])
        #expect(unreached.status == 0 && unreached.stdout.contains("< 0.1 %"), "\(unreached.stdout)")
        #expect(!reached.stdout.contains("100.0000%") && !unreached.stdout.contains("0.0000%"))
    }

    @Test("--regressor: read also when --value names another column; the response is never its own regressor")
    func regressorResolution() throws {
        let strikes = Self.datasets.appendingPathComponent("strikes_daily.csv").path
        let window = ["--from", "2024-01-01", "--to", "2025-06-30", "--horizon", "7", "--paths", "100"]
        let both = try ForecastBinary.run(["fit", strikes, "--value", "destroyed", "--regressor", "launched", "--format", "json"] + window)
        #expect(both.status == 0, "\(both.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(both.stdout.utf8)) as? [String: Any]
        #expect(json?["response"] as? String == "destroyed")
        #expect(((json?["coefficients"] as? [[String: Any]]) ?? []).contains { $0["name"] as? String == "launched" })
        // Without --value the response is the first value column that is not a regressor.
        let implicit = try ForecastBinary.run(["fit", strikes, "--regressor", "launched"] + window)
        #expect(implicit.status == 0 && implicit.stdout.contains("Forecast of 'destroyed'"), "\(implicit.stdout)\(implicit.stderr)")
        let itself = try ForecastBinary.run(["fit", strikes, "--value", "launched", "--regressor", "launched"] + window)
        #expect(itself.status == 64 && itself.stderr.contains("cannot be its own regressor"), "\(itself.stderr)")
    }

    @Test("--plot shows the whole training window given by --from, the last year by default")
    func plotWindow() throws {
        let strikes = Self.datasets.appendingPathComponent("strikes_daily.csv").path
        let plot = FileManager.default.temporaryDirectory.appendingPathComponent("fit-window-\(ProcessInfo.processInfo.processIdentifier).svg").path
        defer { try? FileManager.default.removeItem(atPath: plot) }
        let result = try ForecastBinary.run(["fit", strikes, "--from", "2023-01-01", "--to", "2025-06-30", "--paths", "100", "--plot", plot])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: plot, encoding: .utf8)
        #expect(svg.contains(">2023-01<") || svg.contains(">2023-02<") || svg.contains(">2023-03<"), "axis starts in early 2023")
        let byDefault = try ForecastBinary.run(["fit", strikes, "--to", "2025-06-30", "--paths", "100", "--plot", plot])
        #expect(byDefault.status == 0)
        let recent = try String(contentsOfFile: plot, encoding: .utf8)
        #expect(!recent.contains(">2023-") && recent.contains(">2024-"), "the last year: mid-2024 .. mid-2025")
    }

    @Test("--plot names the forecaster of the forecast: another forecaster's mean does not continue the regression's fitted line")
    func plotNamesTheForecaster() throws {
        let strikes = Self.datasets.appendingPathComponent("strikes_daily.csv").path
        let plot = FileManager.default.temporaryDirectory.appendingPathComponent("fit-forecaster-\(ProcessInfo.processInfo.processIdentifier).svg").path
        defer { try? FileManager.default.removeItem(atPath: plot) }
        /// The number of points of the polyline with class `forecast-mean`.
        func meanPoints(_ svg: String) throws -> Int {
            let line = try #require(svg.split(separator: "\n").first { $0.contains("class=\"forecast-mean\"") })
            let points = try #require(line.split(separator: "\"").drop { !$0.hasSuffix("points=") }.dropFirst().first)
            return points.split(separator: " ").count
        }
        // The local-level ensemble forecasts; the regression (NB2 on these overdispersed counts) is only fitted.
        let local = try ForecastBinary.run(["fit", strikes, "--model", "local", "--to", "2025-06-30", "--paths", "100",
                                            "--plot", plot])
        #expect(local.status == 0, "\(local.stderr)")
        let localSVG = try String(contentsOfFile: plot, encoding: .utf8)
        #expect(localSVG.contains(">forecast mean (local)<") && localSVG.contains(">regression fit (nb2)<"))
        #expect(!localSVG.contains(">fitted<") && !localSVG.contains(">forecast mean<"))
        #expect(try meanPoints(localSVG) == 28, "the 28 forecast days only, not joined to the regression's last fitted value")
        // The regression's own forecast continues its fitted line.
        let nb2 = try ForecastBinary.run(["fit", strikes, "--model", "nb2", "--to", "2025-06-30", "--paths", "100",
                                          "--plot", plot])
        #expect(nb2.status == 0, "\(nb2.stderr)")
        let nb2SVG = try String(contentsOfFile: plot, encoding: .utf8)
        #expect(nb2SVG.contains(">fitted (nb2)<") && nb2SVG.contains(">forecast mean (nb2)<"))
        #expect(try meanPoints(nb2SVG) == 29, "the last fitted point + 28 forecast days")
    }

    @Test("--components: trend with changepoints, a bar per weekday and per event; changepoints also on --plot")
    func components() throws {
        let strikes = Self.datasets.appendingPathComponent("strikes_daily.csv").path
        let directory = FileManager.default.temporaryDirectory
        let (components, plot) = (directory.appendingPathComponent("components-\(ProcessInfo.processInfo.processIdentifier).svg").path,
                                  directory.appendingPathComponent("main-\(ProcessInfo.processInfo.processIdentifier).svg").path)
        defer { for file in [components, plot] { try? FileManager.default.removeItem(atPath: file) } }
        let result = try ForecastBinary.run(["fit", strikes, "--from", "2024-01-01", "--to", "2025-06-30", "--paths", "100",
                                             "--changepoints", "2024-09-01,2025-03-01", "--event", "2024-08-06:kursk:0..6",
                                             "--components", components, "--plot", plot])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: components, encoding: .utf8)
        func count(_ text: String, _ cls: String) -> Int { text.components(separatedBy: "class=\"\(cls)\"").count - 1 }
        #expect(count(svg, "changepoint") == 2 && count(svg, "trend") == 2)   // training part and forecast part
        #expect(count(svg, "weekday") == 6 && count(svg, "effect") == 1)      // Monday is the reference (no bar)
        #expect(svg.contains("% change from Monday") && svg.contains(">event_kursk<"))
        #expect(count(try String(contentsOfFile: plot, encoding: .utf8), "changepoint") == 2)
    }

    @Test("--value all: every column forecast in one call; each series' rows equal its single-series fit")
    func manySeries() throws {
        let equipment = Self.datasets.appendingPathComponent("equipment_daily.csv").path
        let directory = FileManager.default.temporaryDirectory
        let (many, single) = (directory.appendingPathComponent("many-\(ProcessInfo.processInfo.processIdentifier).csv").path,
                              directory.appendingPathComponent("single-\(ProcessInfo.processInfo.processIdentifier).csv").path)
        defer { for file in [many, single] { try? FileManager.default.removeItem(atPath: file) } }
        // An explicit regression model: with several series `auto` is the regression's choice, while a single fit's
        // `auto` is forecast-driven, so the two are compared under the same `--model nb2`.
        let window = ["--from", "2025-01-01", "--to", "2026-06-30", "--paths", "200", "--horizon", "14", "--model", "nb2"]
        let result = try ForecastBinary.run(["fit", equipment, "--value", "all", "--output", many] + window)
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["tank", "APC", "field artillery", "drone"] {
            #expect(result.stdout.contains("\n\(name) "), "summary row for \(name)")
        }
        let rows = try String(contentsOfFile: many, encoding: .utf8).split(separator: "\n")
        // field artillery has a negative day (2026-03-04, −10) in the window: NB2 refuses it, the others go on.
        #expect(result.stdout.contains("field artillery  failed"), "\(result.stdout)")
        #expect(rows.first == "series,date,mean,median,lower_80,upper_80,lower_95,upper_95,y" && rows.count == 1 + 3 * 14)
        let alone = try ForecastBinary.run(["fit", equipment, "--value", "APC", "--output", single] + window)
        #expect(alone.status == 0)
        let singleRows = try String(contentsOfFile: single, encoding: .utf8).split(separator: "\n").dropFirst().map { "APC," + $0 }
        // Equal to rounding: the single fit runs on the default BLAS threads, the batch on one thread per series, and
        // a multithreaded BLAS may sum in another order (the last printed digit can differ on some CPUs).
        let batchRows = rows.filter { $0.hasPrefix("APC,") }.map(String.init)
        #expect(batchRows.count == singleRows.count)
        for (batch, alone) in zip(batchRows, singleRows) {
            let (a, b) = (batch.split(separator: ",", omittingEmptySubsequences: false), alone.split(separator: ",", omittingEmptySubsequences: false))
            #expect(a.count == b.count && a.prefix(2) == b.prefix(2), "\(batch) vs \(alone)")
            for (x, y) in zip(a.dropFirst(2), b.dropFirst(2)) {
                if let u = Double(x), let v = Double(y) {
                    #expect(abs(u - v) <= 1e-12 * max(1, abs(u), abs(v)), "\(batch) vs \(alone)")
                } else {
                    #expect(x == y, "\(batch) vs \(alone)")
                }
            }
        }
        let json = try JSONSerialization.jsonObject(with: Data(try ForecastBinary.run(
            ["fit", equipment, "--value", "tank", "--value", "drone", "--format", "json"] + window).stdout.utf8)) as? [[String: Any]]
        #expect(json?.map { $0["series"] as? String } == ["tank", "drone"])
        // Refusals: no numeric column for all; one-series outputs with several series.
        let text = try ForecastBinary.fixture("only-text.csv", "date,name\n2024-01-01,a\n2024-01-02,b\n")
        let none = try ForecastBinary.run(["fit", text, "--value", "all"])
        #expect(none.status == 1 && none.stderr.contains("--value all"), "\(none.stderr)")
        let plot = try ForecastBinary.run(["fit", equipment, "--value", "all", "--plot", "x.svg"])
        #expect(plot.status == 64 && plot.stderr.contains("--plot"), "\(plot.stderr)")
    }

    @Test("Usage errors exit 64 with hints", arguments: [
        (["--horizon", "0"], "--horizon"), (["--level", "0.95"], "did you mean 95?"), (["--level", "100"], "--level"), (["--level", "0"], "--level"), (["--level", "150"], "--level: 150 is not a percentage"),
        (["--level", "80,x"], "--level: 'x' is not a number"),
        (["--threshold", "100"], "--cumulative"), (["--event", "2024-13-01:x"], "--event"),
        (["--exceed", "0"], "--exceed"), (["--exceed", "abc"], "--exceed"), (["--exceed", "300,-1"], "--exceed"),
    ])
    func usage(extra: [String], message: String) throws {
        let result = try ForecastBinary.run(["fit", Self.datasets.appendingPathComponent("strikes_daily.csv").path] + extra)
        #expect(result.status == 64, "\(extra): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(extra): \(result.stderr)")
    }

    @Test("Data errors exit 1 with a located message")
    func dataErrors() throws {
        let strikes = Self.datasets.appendingPathComponent("strikes_daily.csv").path
        let outside = try ForecastBinary.run(["fit", strikes, "--to", "2024-06-30", "--event", "2025-01-01:late"])
        #expect(outside.status == 1 && outside.stderr.contains("event 'late'") && outside.stderr.contains("no day inside"),
                "\(outside.stderr)")
        let negative = try ForecastBinary.fixture("negative.csv", "date,y\n2024-01-01,3\n2024-01-02,4\n2024-01-03,-2\n2024-01-04,5\n")
        let counts = try ForecastBinary.run(["fit", negative, "--model", "poisson", "--no-day-of-week"])
        #expect(counts.status == 1 && counts.stderr.contains("line 4") && counts.stderr.contains("column 'y'"), "\(counts.stderr)")
        let short = try ForecastBinary.fixture("short.csv", "date,y\n2024-01-01,3\n2024-01-02,4\n")
        // --model ols forecasts with the regression itself (auto and the baselines would skip it: RegressionSkip).
        let tooFew = try ForecastBinary.run(["fit", short, "--model", "ols"])
        #expect(tooFew.status == 1 && tooFew.stderr.contains("too few observations"), "\(tooFew.stderr)")
    }

    @Test("The default on counts names the forecaster that produced the forecast; --exceed adds exceedance")
    func forecastDrivenDefault() throws {
        let result = try ForecastBinary.run(["fit", Self.datasets.appendingPathComponent("strikes_daily.csv").path,
                                             "--from", "2025-01-01", "--paths", "200", "--exceed", "300,600",
                                             "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let model = json["forecastModel"] as? String
        #expect(["local", "nb2", "poisson", "mean28", "naive", "snaive"].contains(model ?? ""))
        let choice = json["modelChoice"] as? [String: Any]
        let scores = choice?["innerScores"] as? [String: Any]
        #expect(scores?["local"] != nil && scores?["mean28"] != nil, "\(String(describing: choice))")
        let exceedance = json["exceedance"] as? [[String: Any]]
        #expect(exceedance?.count == 2)
        #expect((exceedance?[0]["daily"] as? [Any])?.count == 28)
        let any = exceedance?[0]["anyWithin"] as? [String: Any]
        #expect(any?["7"] != nil && any?["14"] != nil && any?["28"] != nil)
    }
}
