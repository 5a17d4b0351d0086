import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// `forecast score`'s input files: what is recognised, and every error located by file, line and column.
@Suite("Score input: columns, alignment, located errors")
struct ScoreInputTests {
    static let forecasts = """
        date,y,f_naive,f_model,q_0.1,q_0.5,q_0.9,norm_mean,norm_sd,nb_mu,nb_alpha,note
        2025-07-01,4,5,4,1,4,8,4.5,2,4.5,0.2,a
        2025-07-02,0,5,1,0,1,3,1.5,1,1.5,0.2,b
        2025-07-03,7,5,6,2,6,12,6.5,3,6.5,0.2,c
        """

    func table(_ text: String, _ name: String) throws -> CSVTable { try CSVReader.parse(text, source: name) }

    @Test("Columns are recognised by prefix; quantiles sorted by level; unknown columns warned about")
    func recognition() throws {
        let input = try ScoreInput(forecasts: table(Self.forecasts, "fc.csv"))
        #expect(input.points.map(\.name) == ["naive", "model"])
        #expect(input.quantiles.map(\.key) == ["0.1", "0.5", "0.9"])
        #expect(input.gaussian?.spread == [2, 1, 3] && input.negativeBinomial?.location == [4.5, 1.5, 6.5])
        #expect(input.dates.map(\.description) == ["2025-07-01", "2025-07-02", "2025-07-03"])
        #expect(input.warnings == ["fc.csv: column 'note' is not a score input and is ignored"])
        #expect(input.training == nil && input.ensemble == nil)
    }

    @Test("Crossing quantiles are an error naming the line and the column; ties are fine")
    func crossing() throws {
        let crossed = "date,y,q_0.9,q_0.1,q_0.5\n2025-07-01,3,5,1,3\n2025-07-02,3,4,2,4\n2025-07-03,3,6,4,3\n"
        #expect(throws: DataError(.invalid, file: "q.csv", line: 4, column: "q_0.5",
                                  expected: "quantiles that do not decrease with the level (q_0.5 ≥ q_0.1 = 4)",
                                  found: "3 < 4")) {
            try ScoreInput(forecasts: table(crossed, "q.csv"))
        }
    }

    @Test("Samples must have the forecasts' dates on the same rows, and as many rows")
    func alignment() throws {
        let fc = try table(Self.forecasts, "fc.csv")
        let shifted = "date,s001,s002\n2025-07-01,1,2\n2025-07-03,3,4\n2025-07-04,5,6\n"
        #expect(throws: DataError(.invalid, file: "s.csv", line: 3, column: "date",
                                  expected: "2025-07-02 (the date on line 3 of fc.csv)", found: "'2025-07-03'")) {
            try ScoreInput(forecasts: fc, samples: table(shifted, "s.csv"))
        }
        let short = "date,s001\n2025-07-01,1\n2025-07-02,3\n"
        #expect(throws: DataError(.invalid, file: "s.csv", line: 3, expected: "3 rows, one per row of fc.csv",
                                  found: "2 rows")) {
            try ScoreInput(forecasts: fc, samples: table(short, "s.csv"))
        }
        let good = "date,s001,s002\n2025-07-01,1,\n2025-07-02,3,4\n2025-07-03,5,6\n"
        let input = try ScoreInput(forecasts: fc, samples: table(good, "s.csv"))
        #expect(input.ensemble?[1] == [3, 4] && input.ensemble?[0][1].isNaN == true)  // an empty cell is a missing member
    }

    @Test("Domain and pairing errors are located")
    func domain() throws {
        #expect(throws: DataError(.outOfDomain, file: "g.csv", line: 3, column: "norm_sd",
                                  expected: "a standard deviation > 0", found: "0")) {
            try ScoreInput(forecasts: table("date,y,norm_mean,norm_sd\n2025-07-01,1,1,1\n2025-07-02,1,1,0\n", "g.csv"))
        }
        #expect(throws: DataError(.missingColumn(suggestion: nil), file: "n.csv", line: 1, column: "nb_alpha",
                                  expected: "'nb_alpha' beside 'nb_mu'")) {
            try ScoreInput(forecasts: table("date,y,nb_mu\n2025-07-01,1,1\n", "n.csv"))
        }
        #expect(throws: DataError(.outOfDomain, file: "n.csv", line: 2, column: "y",
                                  expected: "a non-negative integer count (the file has nb_mu/nb_alpha columns)",
                                  found: "1.5")) {
            try ScoreInput(forecasts: table("date,y,nb_mu,nb_alpha\n2025-07-01,1.5,1,1\n", "n.csv"))
        }
        #expect(throws: DataError(.invalid, file: "q.csv", line: 1, column: "q_1.5",
                                  expected: "a quantile level in (0, 1) after 'q_'", found: "'1.5'")) {
            try ScoreInput(forecasts: table("date,y,q_1.5\n2025-07-01,1,1\n", "q.csv"))
        }
        #expect(throws: DataError(.duplicateDate(firstLine: 2), file: "d.csv", line: 3, column: "date",
                                  expected: "one row per day", found: "2025-07-01 again")) {
            try ScoreInput(forecasts: table("date,y\n2025-07-01,1\n2025-07-01,2\n", "d.csv"))
        }
        #expect(throws: DataError(.invalidDate, file: "d.csv", line: 2, column: "date",
                                  expected: "a date YYYY-MM-DD", found: "'2025-02-30'")) {
            try ScoreInput(forecasts: table("date,y\n2025-02-30,1\n", "d.csv"))
        }
        #expect(throws: DataError(.invalid, file: "none.csv", line: 1,
                                  expected: "a forecast to score: a mean, median, f_<name>, q_<level>, lower_<L> + upper_<L>, "
                                      + "norm_mean + norm_sd or nb_mu + nb_alpha column, or a samples file of ensemble members",
                                  found: "only the columns date, y, x")) {
            try ScoreInput(forecasts: table("date,y,x\n2025-07-01,1,0.5\n", "none.csv"))
        }
        // The same file with ensemble members beside it has something to score.
        let members = try ScoreInput(forecasts: table("date,y,x\n2025-07-01,1,0.5\n", "none.csv"),
                                     samples: table("date,s001\n2025-07-01,2\n", "s.csv"))
        #expect(members.ensemble == [[2]])
    }

    @Test("Training: y required, dates must increase; gaps and overlap are warnings")
    func training() throws {
        let fc = try table(Self.forecasts, "fc.csv")
        let gappy = "date,y\n2025-06-27,1\n2025-06-28,2\n2025-06-30,4\n2025-07-01,4\n"
        let input = try ScoreInput(forecasts: fc, training: table(gappy, "t.csv"))
        #expect(input.training == [1, 2, 4, 4])
        #expect(input.warnings.contains { $0.hasPrefix("t.csv: 1 gap in the dates") })
        #expect(input.warnings.contains("t.csv: the training data run to 2025-07-01, not before the first forecast date 2025-07-01"))
        #expect(throws: DataError(.invalid, file: "t.csv", line: 3, column: "date",
                                  expected: "dates in increasing order (after 2025-06-28)", found: "2025-06-27")) {
            try ScoreInput(forecasts: fc, training: table("date,y\n2025-06-28,1\n2025-06-27,2\n", "t.csv"))
        }
    }

    @Test("fit --output columns: mean and median are points, lower_L/upper_L the quantiles (100 ∓ L)/200")
    func fitVocabulary() throws {
        let text = "date,mean,median,lower_80,upper_80,lower_95,upper_95,y\n2025-07-01,5,4,1,9,0,12,6\n2025-07-02,5,4,1,9,0,12,\n"
        let input = try ScoreInput(forecasts: table(text, "fit.csv"))
        #expect(input.points.map(\.name) == ["mean", "median"])
        #expect(input.quantiles.map(\.level) == [0.025, 0.1, 0.9, 0.975])
        #expect(input.quantiles.map(\.header) == ["lower_95", "lower_80", "upper_80", "upper_95"])
        // The row without an actual is read and checked, then left out.
        #expect(input.actual == [6] && input.dates.map(\.description) == ["2025-07-01"] && input.quantiles[0].values == [0])
        #expect(input.warnings == ["fit.csv: 1 of 2 rows have no actual value (empty 'y') and are not scored"])
        #expect(throws: DataError(.missingValue, file: "e.csv", line: 1, column: "y",
                                  expected: "at least one row with an actual value", found: "only empty cells")) {
            try ScoreInput(forecasts: table("date,y,mean\n2025-07-01,,1\n", "e.csv"))
        }
        #expect(throws: DataError(.invalid, file: "l.csv", line: 1, column: "lower_0.8",
                                  expected: "an interval level in percent, in (1, 100), after 'lower_'", found: "'0.8'")) {
            try ScoreInput(forecasts: table("date,y,lower_0.8\n2025-07-01,1,1\n", "l.csv"))
        }
    }

    @Test("backtest --details columns: origin and h are keys; a date repeats once per origin, not within one")
    func backtestVocabulary() throws {
        let details = "origin,date,h,mean,q_0.1,q_0.9,y\n2025-03-01,2025-03-02,1,5,1,9,4\n2025-03-01,2025-03-03,2,5,1,9,7\n"
            + "2025-03-02,2025-03-03,1,6,2,10,7\n"
        let samples = "origin,date,h,s0001,s0002\n2025-03-01,2025-03-02,1,3,5\n2025-03-01,2025-03-03,2,6,8\n2025-03-02,2025-03-03,1,7,9\n"
        let input = try ScoreInput(forecasts: table(details, "d.csv"), samples: table(samples, "s.csv"))
        #expect(input.points.map(\.name) == ["mean"] && input.actual == [4, 7, 7] && input.warnings.isEmpty)
        #expect(input.ensemble == [[3, 5], [6, 8], [7, 9]])
        let twice = "origin,date,h,mean,y\n2025-03-01,2025-03-02,1,5,4\n2025-03-01,2025-03-02,1,5,4\n"
        #expect(throws: DataError(.duplicateDate(firstLine: 2), file: "t.csv", line: 3, column: "date",
                                  expected: "one row per day and origin", found: "2025-03-02 again")) {
            try ScoreInput(forecasts: table(twice, "t.csv"))
        }
        let otherOrigin = samples.replacingOccurrences(of: "2025-03-02,2025-03-03,1,7,9", with: "2025-03-01,2025-03-03,1,7,9")
        #expect(throws: DataError(.invalid, file: "s.csv", line: 4, column: "origin",
                                  expected: "2025-03-02 (the origin on line 4 of d.csv)", found: "'2025-03-01'")) {
            try ScoreInput(forecasts: table(details, "d.csv"), samples: table(otherOrigin, "s.csv"))
        }
    }
}
