// Tests/Fixtures/reference/ols-personnel: statsmodels 0.15.0 OLS (cross-checked with R lm/sandwich) on daily
// personnel losses, 2024-01-01..2024-11-24, 11 design columns, 28 future rows. Every quantity in its
// expected.json, every covariance estimator, the predictions, with the case's own tolerances.
import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// Reads a reference case's data.csv/future.csv through the library's CSV reader.
func loadReferenceDesign(_ reference: ReferenceCase, file: String, withResponse: Bool) throws
    -> (design: DesignMatrix, response: [Double]) {
    let table = try CSVReader.read(contentsOf: reference.path(file))
    var columns: [(name: String, values: [Double])] = []
    for name in reference.columns {
        columns.append((name, try table.numbers(inColumn: table.columnIndex(named: name), missing: .error)))
    }
    let response = withResponse ? try table.numbers(inColumn: table.columnIndex(named: "y"), missing: .error) : []
    return (DesignMatrix(columns: columns), response)
}

@Suite("Reference: ols-personnel (statsmodels, R)")
struct OLSPersonnelTests {
    let reference: ReferenceCase
    let design: DesignMatrix
    let response: [Double]

    init() throws {
        reference = try ReferenceCase("ols-personnel")
        (design, response) = try loadReferenceDesign(reference, file: "data.csv", withResponse: true)
    }

    @Test("Classical fit: coefficients, inference and fit statistics")
    func classical() throws {
        let fit = try LinearRegression().fit(design, response: response)
        let r = reference
        r.checkCoefficientTable(fit.coefficients)
        r.checkCovariance(fit.covariance, "cov_params")
        r.check(fit.rSquared, r.scalar("rsquared"), "rsquared")
        r.check(fit.adjustedRSquared, r.scalar("rsquared_adj"), "rsquared_adj")
        r.check(fit.fStatistic, r.scalar("fvalue"), "fvalue")
        r.check(fit.fPValue, r.scalar("f_pvalue"), "f_pvalue")
        r.check(fit.logLikelihood, r.scalar("llf"), "llf")
        r.check(fit.aic, r.scalar("aic"), "aic")
        r.check(fit.bic, r.scalar("bic"), "bic")
        r.check(fit.aicCountingScale, r.scalar("aic_with_scale"), "aic_with_scale")
        r.check(fit.bicCountingScale, r.scalar("bic_with_scale"), "bic_with_scale")
        r.check(fit.scale, r.scalar("scale"), "scale")
        r.check(fit.ssr, r.scalar("ssr"), "ssr")
        r.check(fit.centeredTSS, r.scalar("centered_tss"), "centered_tss")
        r.check(fit.conditionNumber, r.scalar("condition_number"), "condition_number")
        r.checkExact(fit.dfResidual, "df_resid")
        r.checkExact(fit.dfModel, "df_model")
        r.checkExact(fit.observationCount, "nobs")
        r.checkExact(fit.rank, "rank")
        #expect(fit.aliasedColumns.isEmpty)
    }

    @Test("Robust standard errors: HC0–HC3, Newey–West with and without the small-sample factor",
          arguments: [("bse_HC0", CovarianceEstimator.hc0), ("bse_HC1", .hc1), ("bse_HC2", .hc2), ("bse_HC3", .hc3),
                      ("bse_HAC7", .neweyWest(maxLags: 7, smallSampleCorrection: false)),
                      ("bse_HAC7_corrected", .neweyWest(maxLags: 7, smallSampleCorrection: true))])
    func robust(quantity: String, estimator: CovarianceEstimator) throws {
        let fit = try LinearRegression(covariance: estimator).fit(design, response: response)
        reference.check(fit.standardErrors, reference.byColumn(quantity), quantity, labels: reference.columns)
        if quantity == "bse_HAC7" { reference.checkCovariance(fit.covariance, "cov_params_HAC7") }
        // Robust covariances do not change the estimates.
        reference.check(fit.estimates, reference.byColumn("params"), "params", labels: reference.columns)
    }

    @Test("Predictions for future.csv: mean, its SE, confidence and prediction intervals")
    func predictions() throws {
        let fit = try LinearRegression().fit(design, response: response)
        let (future, _) = try loadReferenceDesign(reference, file: "future.csv", withResponse: false)
        let alpha = ReferenceCase.number(reference.options["pred_alpha"])!
        let predictions = try fit.predict(future.values, level: 1 - alpha)
        let r = reference
        r.check(predictions.map(\.mean), r.list("predicted_mean").map { $0 }, "predicted_mean")
        r.check(predictions.map(\.meanStandardError), r.list("mean_se").map { $0 }, "mean_se")
        r.check(predictions.map(\.meanLower), r.list("mean_ci_lower").map { $0 }, "mean_ci_lower")
        r.check(predictions.map(\.meanUpper), r.list("mean_ci_upper").map { $0 }, "mean_ci_upper")
        r.check(predictions.map(\.lower), r.list("obs_ci_lower").map { $0 }, "obs_ci_lower")
        r.check(predictions.map(\.upper), r.list("obs_ci_upper").map { $0 }, "obs_ci_upper")
    }

    @Test("A duplicated column is aliased by name; everything else equals the reference fit")
    func aliasedDuplicate() throws {
        // Append a copy of `trend` after all columns: R's lm() aliases the later copy.
        var columns = design.names.indices.map { (name: design.names[$0], values: design.values.column($0)) }
        columns.insert((name: "trend_copy", values: design.values.column(1)), at: 2)
        let fit = try LinearRegression().fit(DesignMatrix(columns: columns), response: response)
        #expect(fit.aliasedNames == ["trend_copy"])
        #expect(fit.rank == 11 && fit.dfResidual == 318)
        #expect(fit.coefficients[2].estimate.isNaN && fit.coefficients[2].standardError.isNaN)
        var kept = fit.estimates
        kept.remove(at: 2)
        reference.check(kept, reference.byColumn("params"), "params", labels: reference.columns)
        reference.check(fit.aic, reference.scalar("aic"), "aic")
        reference.check(fit.conditionNumber, reference.scalar("condition_number"), "condition_number")
    }
}

@Suite("Reference: rank-deficient designs follow R's lm()")
struct RankDeficientPersonnelTests {
    @Test("A column equal to the sum of two earlier ones is aliased by name; the rest equals the reference fit")
    func sumOfTwoColumns() throws {
        let reference = try ReferenceCase("ols-personnel")
        let (design, response) = try loadReferenceDesign(reference, file: "data.csv", withResponse: true)
        var columns = design.names.indices.map { (name: design.names[$0], values: design.values.column($0)) }
        let midweek = zip(columns[2].values, columns[3].values).map { $0 + $1 }   // dow_tue + dow_wed
        columns.insert((name: "midweek", values: midweek), at: 4)
        let fit = try LinearRegression(covariance: .hc1).fit(DesignMatrix(columns: columns), response: response)
        #expect(fit.aliasedNames == ["midweek"])
        #expect(fit.rank == 11 && fit.dfResidual == 318 && fit.dfModel == 10)
        var estimates = fit.estimates, ses = fit.standardErrors
        estimates.remove(at: 4)
        ses.remove(at: 4)
        reference.check(estimates, reference.byColumn("params"), "params", labels: reference.columns)
        reference.check(ses, reference.byColumn("bse_HC1"), "bse_HC1", labels: reference.columns)
        reference.check(fit.rSquared, reference.scalar("rsquared"), "rsquared")
        reference.check(fit.fStatistic, reference.scalar("fvalue"), "fvalue")
        reference.check(fit.bic, reference.scalar("bic"), "bic")
        // Predictions ignore the aliased column (it counts as 0, as R's predict.lm).
        let (future, _) = try loadReferenceDesign(reference, file: "future.csv", withResponse: false)
        var futureColumns = (0..<future.columnCount).map { future.values.column($0) }
        futureColumns.insert([Double](repeating: 123, count: future.rowCount), at: 4)
        let predictions = try fit.predict(Matrix(columns: futureColumns))
        reference.check(predictions.map(\.mean), reference.list("predicted_mean").map { $0 }, "predicted_mean")
        // Under --strict the same design is an error naming the column.
        #expect(throws: ModelError.rankDeficient(aliased: ["midweek"])) {
            try LinearRegression(requireFullRank: true).fit(DesignMatrix(columns: columns), response: response)
        }
    }
}
