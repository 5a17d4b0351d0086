import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Score report: JSON keys, nulls and warnings")
struct ScoreReportTests {
    static let forecasts = """
        date,y,f_naive,f_model,q_0.1,q_0.5,q_0.9,nb_mu,nb_alpha
        2025-07-01,4,5,4,1,4,8,4.5,0.2
        2025-07-02,0,5,1,0,1,3,1.5,0.2
        2025-07-03,7,5,6,2,6,12,6.5,0.2
        """

    func object(_ value: JSONValue?) -> [(String, JSONValue)] {
        guard case .object(let members)? = value else { return [] }
        return members
    }

    func member(_ value: JSONValue, _ key: String) -> JSONValue? { object(value).first { $0.0 == key }?.1 }

    @Test("Fixed keys; null where not computable; MAPE excludes the zero actual; skill against f_naive")
    func keys() throws {
        let input = try ScoreInput(forecasts: CSVReader.parse(Self.forecasts, source: "fc.csv"))
        let json = ScoreReport(input).json()
        #expect(object(json).map(\.0) == ["points", "scales", "pinball", "pinballMean", "intervals", "gaussian", "ensemble",
                                          "negativeBinomial", "days", "firstDate", "lastDate", "warnings"])
        let points = try #require(member(json, "points"))
        let model = try #require(member(points, "model"))
        #expect(object(model).map(\.0) == ["me", "mae", "rmse", "mape", "mapeUsed", "smape", "mase1", "mase7", "rmsse1", "skill"])
        // Model errors 0, −1, 1 → MAE 2/3; naive errors −1, −5, 2 → MAE 8/3; skill = 1 − (2/3)/(8/3) = 0.75.
        #expect(member(model, "skill") == .number(0.75))
        #expect(member(model, "mapeUsed") == .integer(2))                                // y = 0 excluded
        let mape = 100 * (0 + 1.0 / 7) / 2  // days 1 and 3: |4 − 4|/4 and |7 − 6|/7
        #expect(member(model, "mape") == .number(mape))
        #expect(member(model, "mase1") == .null)                                         // no --train
        #expect(object(member(json, "scales")).allSatisfy { $0.1 == .null })
        #expect(object(member(json, "gaussian")).map(\.0) == ["crps", "crpsPerDay", "logScore", "logScorePerDay"])
        #expect(object(member(json, "gaussian")).allSatisfy { $0.1 == .null })
        #expect(object(member(json, "ensemble")).allSatisfy { $0.1 == .null })
        #expect(object(member(json, "intervals")).map(\.0) == ["80"])
        #expect(object(member(json, "pinball")).map(\.0) == ["0.1", "0.5", "0.9"])
        let nb = try #require(member(json, "negativeBinomial"))
        #expect(object(nb).map(\.0) == ["crps", "crpsPerDay", "logScore", "logScorePerDay", "pitMid", "pitHistogram"])
    }

    @Test("A zero MASE scale and a too-short seasonal scale are null with warnings, not infinity")
    func zeroScale() throws {
        let input = try ScoreInput(forecasts: CSVReader.parse(Self.forecasts, source: "fc.csv"),
                                   training: CSVReader.parse("y\n3\n3\n3\n3\n", source: "t.csv"))
        let report = ScoreReport(input, season: 14)
        #expect(report.points.allSatisfy { $0.mase1 == nil && $0.mase7 == nil && $0.rmsse1 == nil && $0.maseSeason == nil })
        #expect(report.warnings == [
            "MASE(1) and RMSSE(1) are null: the in-sample naive forecast of the training series is exact (scale 0)",
            "MASE(7) is null: the training series has 4 rows, at least 8 are needed",
            "MASE(14) is null: the training series has 4 rows, at least 15 are needed",
        ])
        let json = report.json()
        let points = try #require(member(json, "points"))
        let naive = try #require(member(points, "naive"))
        #expect(member(naive, "mase1") == .null && member(naive, "mase14") == .null)
        #expect(object(member(json, "scales")).map(\.0) == ["mase1", "mase7", "rmsse1", "mase14"])
        #expect(report.table().contains("warning: MASE(7) is null"))
    }

    @Test("--season 7 adds nothing (mase7 is always there); the table lists every section present")
    func seasonAndTable() throws {
        let input = try ScoreInput(forecasts: CSVReader.parse(Self.forecasts, source: "fc.csv"),
                                   training: CSVReader.parse("y\n1\n3\n2\n5\n4\n6\n8\n7\n9\n", source: "t.csv"))
        let report = ScoreReport(input, season: 7)
        #expect(report.season == nil && report.points[0].mase7 != nil)
        let table = report.table()
        for text in ["Forecast scores: 3 days, 2025-07-01 .. 2025-07-03 (fc.csv)", "Point forecast", "MASE(7)",
                     "MAPE excludes the 1 day with y = 0.", "Quantile level", "80 %", "Negative binomial", "PIT histogram"] {
            #expect(table.contains(text), "missing '\(text)' in\n\(table)")
        }
    }
}
