// End-to-end tests of `forecast regress`: they launch the built binary and check stdout, stderr and the exit status.
import Foundation
import Testing

@Suite("forecast regress (end to end)")
struct RegressCommandTests {
    @Test("--version and --help exit 0")
    func versionAndHelp() throws {
        let version = try ForecastBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try ForecastBinary.run(["regress", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--covariance"))
    }

    @Test("JSON output of the ols-personnel reference case has the documented keys and the reference values")
    func referenceJSON() throws {
        let data = ForecastBinary.fixtures.appendingPathComponent("reference/ols-personnel/data.csv").path
        let future = ForecastBinary.fixtures.appendingPathComponent("reference/ols-personnel/future.csv").path
        let result = try ForecastBinary.run(["regress", data, "--response", "y", "--predict", future, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        for key in ["model", "response", "nobs", "rank", "dfModel", "dfResidual", "level", "covariance", "coefficients",
                    "aliased", "rSquared", "adjustedRSquared", "fStatistic", "fPValue", "scale", "logLikelihood",
                    "aic", "bic", "predictions"] {
            #expect(json[key] != nil, "missing key \(key)")
        }
        #expect(json["model"] as? String == "ols")
        #expect((json["nobs"] as? NSNumber)?.intValue == 329)
        #expect((json["dfResidual"] as? NSNumber)?.intValue == 318)
        #expect((json["covariance"] as? [String: Any])?["kind"] as? String == "classical")
        #expect((json["covariance"] as? [String: Any])?["maxLags"] is NSNull)

        // Values: Tests/Fixtures/reference/ols-personnel/expected.json (statsmodels 0.15.0), tolerance 1e-9 relative.
        let expectedData = try Data(contentsOf: ForecastBinary.fixtures.appendingPathComponent("reference/ols-personnel/expected.json"))
        let reference = (try JSONSerialization.jsonObject(with: expectedData) as! [String: Any])["expected"] as! [String: Any]
        let params = reference["params"] as! [String: NSNumber]
        let bse = reference["bse"] as! [String: NSNumber]
        let coefficients = json["coefficients"] as! [[String: Any]]
        #expect(coefficients.count == 11)
        for row in coefficients {
            let name = row["name"] as! String
            let estimate = (row["estimate"] as! NSNumber).doubleValue
            let se = (row["standardError"] as! NSNumber).doubleValue
            #expect(abs(estimate - params[name]!.doubleValue) <= 1e-9 * abs(params[name]!.doubleValue) + 1e-9, "\(name)")
            #expect(abs(se - bse[name]!.doubleValue) <= 1e-9 * bse[name]!.doubleValue, "\(name)")
        }
        let aic = (reference["aic"] as! NSNumber).doubleValue
        #expect(abs((json["aic"] as! NSNumber).doubleValue - aic) <= 1e-9 * abs(aic))
        let predictions = json["predictions"] as! [[String: Any]]
        let means = reference["predicted_mean"] as! [NSNumber]
        #expect(predictions.count == 28)
        #expect(predictions.first?["date"] as? String == "2024-11-25")
        for (row, mean) in zip(predictions, means) {
            #expect(abs((row["mean"] as! NSNumber).doubleValue - mean.doubleValue) <= 1e-9 * abs(mean.doubleValue))
        }
    }

    @Test("Aliased column: named in `aliased`, null estimate in JSON; --strict makes it an error (exit 1)")
    func aliasedAndStrict() throws {
        let file = try ForecastBinary.fixture("aliased.csv", """
            y,a,b,c
            1,1,0,1
            2,1,1,2
            4,1,2,3
            3,1,3,4
            6,1,4,5
            """)
        let result = try ForecastBinary.run(["regress", file, "--response", "y", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(json["aliased"] as? [String] == ["c"])
        let c = (json["coefficients"] as! [[String: Any]])[2]
        #expect(c["name"] as? String == "c" && c["estimate"] is NSNull && c["standardError"] is NSNull)
        let strict = try ForecastBinary.run(["regress", file, "--response", "y", "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("'c'") && strict.stderr.contains("aliased.csv"))
    }

    @Test("Missing file: exit 1 naming the file")
    func missingFile() throws {
        let result = try ForecastBinary.run(["regress", "/nonexistent/losses.csv", "--response", "y"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/losses.csv") && result.stderr.contains("no such file"))
        #expect(result.stdout.isEmpty)
    }

    @Test("Missing response column: exit 1 with the nearest name suggested")
    func missingResponse() throws {
        let file = try ForecastBinary.fixture("personnel.csv", "date,personnel,trend\n2024-01-01,5,0\n2024-01-02,6,1\n2024-01-03,8,2\n")
        let result = try ForecastBinary.run(["regress", file, "--response", "personel"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("column 'personel'"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean 'personnel'?"), "\(result.stderr)")
    }

    @Test("Non-numeric cell: exit 1 naming the line and column")
    func nonNumericCell() throws {
        let file = try ForecastBinary.fixture("bad-cell.csv", "y,x\n1,2\n2,abc\n3,4\n")
        let result = try ForecastBinary.run(["regress", file, "--response", "y", "--add-intercept"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad-cell.csv: line 3, column 'x'"), "\(result.stderr)")
        #expect(result.stderr.contains("'abc'"), "\(result.stderr)")
    }

    @Test("More columns than rows: exit 1 with the counts")
    func moreColumnsThanRows() throws {
        let file = try ForecastBinary.fixture("wide.csv", "y,a,b,c\n1,2,3,4\n2,3,4,6\n")
        let result = try ForecastBinary.run(["regress", file, "--response", "y"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("wide.csv") && result.stderr.contains("2 rows for 3 design columns"), "\(result.stderr)")
    }

    @Test("Empty file: exit 1 saying so")
    func emptyFile() throws {
        let file = try ForecastBinary.fixture("empty.csv", "")
        let result = try ForecastBinary.run(["regress", file, "--response", "y"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("empty.csv") && result.stderr.contains("empty"), "\(result.stderr)")
    }

    @Test("Usage errors exit 64", arguments: [
        ["regress", "x.csv", "--response", "y", "--level", "0.95"],
        ["regress", "x.csv", "--response", "y", "--level", "100"],
        ["regress", "x.csv", "--response", "y", "--covariance", "hc9"],
        ["regress", "x.csv"],
        ["regress", "x.csv", "--response", "y", "--max-lags", "3"],
    ])
    func usageErrors(arguments: [String]) throws {
        let result = try ForecastBinary.run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
    }

    @Test("--level is a percentage as in fit and effects: 0.95 hints at 95")
    func levelHint() throws {
        let result = try ForecastBinary.run(["regress", "x.csv", "--response", "y", "--level", "0.95"])
        #expect(result.stderr.contains("--level") && result.stderr.contains("did you mean 95?"), "\(result.stderr)")
    }
}

@Suite("forecast regress --model poisson|nb2 (end to end)")
struct RegressCountCommandTests {
    @Test("NB2 JSON: count keys, α and its SE equal Tests/Fixtures/reference/nb2-strikes")
    func negativeBinomialJSON() throws {
        let data = ForecastBinary.fixtures.appendingPathComponent("reference/nb2-strikes/data.csv").path
        let future = ForecastBinary.fixtures.appendingPathComponent("reference/nb2-strikes/future.csv").path
        let result = try ForecastBinary.run(["regress", data, "--response", "y", "--model", "nb2", "--predict", future,
                                             "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(json["model"] as? String == "nb2")
        for key in ["deviance", "pearsonChi2", "alpha", "alphaStandardError", "iterations", "converged"] {
            #expect(json[key] != nil && !(json[key] is NSNull), "key \(key)")
        }
        for key in ["rSquared", "adjustedRSquared", "fStatistic", "fPValue"] { #expect(json[key] is NSNull, "\(key) must be null") }
        #expect((json["scale"] as? NSNumber)?.doubleValue == 1)
        #expect((json["dfModel"] as? NSNumber)?.intValue == 10 && (json["dfResidual"] as? NSNumber)?.intValue == 536)
        // expected.json of nb2-strikes (statsmodels 0.15.0): alpha 0.8192260482230884 (rel 1e-5), alpha_bse 0.05023154596267037
        // (rel 1e-5), llf -2714.8745736224896 (rel 1e-7), aic counts α: 5453.749147244979 (rel 1e-7).
        let alpha = (json["alpha"] as! NSNumber).doubleValue
        #expect(abs(alpha - 0.8192260482230884) <= 1e-5 * 0.8192260482230884)
        #expect(abs((json["alphaStandardError"] as! NSNumber).doubleValue - 0.05023154596267037) <= 1e-5 * 0.05023154596267037)
        #expect(abs((json["logLikelihood"] as! NSNumber).doubleValue + 2714.8745736224896) <= 1e-7 * 2714.8745736224896)
        #expect(abs((json["aic"] as! NSNumber).doubleValue - 5453.749147244979) <= 1e-7 * 5453.749147244979)
        let names = (json["coefficients"] as! [[String: Any]]).map { $0["name"] as! String }
        #expect(!names.contains("alpha"))
        let predictions = json["predictions"] as! [[String: Any]]
        #expect(predictions.count == 28 && predictions[0]["lower"] is NSNull && predictions[0]["upper"] is NSNull)
        // predicted_mean[0] of nb2-strikes: 189.65033... (rel 1e-6)
        let mean0 = (predictions[0]["mean"] as! NSNumber).doubleValue
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf:
            ForecastBinary.fixtures.appendingPathComponent("reference/nb2-strikes/expected.json"))) as! [String: Any]
        let reference = ((expected["expected"] as! [String: Any])["predicted_mean"] as! [NSNumber])[0].doubleValue
        #expect(abs(mean0 - reference) <= 1e-6 * reference)
    }

    @Test("A count model on non-count data exits 1 naming the first offending line and the response column",
          arguments: [("-2", "-2"), ("2.5", "2.5")])
    func nonCountData(value: String, shown: String) throws {
        let file = try ForecastBinary.fixture("counts-\(value).csv", "y,const,x\n3,1,0.5\n4,1,0.1\n\(value),1,0.7\n6,1,0.2\n")
        for model in ["poisson", "nb2"] {
            let result = try ForecastBinary.run(["regress", file, "--response", "y", "--model", model])
            #expect(result.status == 1)
            #expect(result.stderr.contains("line 4, column 'y'"), "\(result.stderr)")
            #expect(result.stderr.contains("non-negative integer") && result.stderr.contains("found \(shown)"), "\(result.stderr)")
        }
    }

    @Test("HC2/HC3 with a count model and --offset with OLS are usage errors (exit 64)")
    func usage() throws {
        #expect(try ForecastBinary.run(["regress", "x.csv", "--response", "y", "--model", "poisson", "--covariance", "hc3"]).status == 64)
        #expect(try ForecastBinary.run(["regress", "x.csv", "--response", "y", "--offset", "e"]).status == 64)
    }
}
