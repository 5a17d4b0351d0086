// Tests/Fixtures/reference/poisson-strikes (statsmodels GLM Poisson, cross-checked with R glm + sandwich) and
// Tests/Fixtures/reference/nb2-strikes (statsmodels discrete NegativeBinomial nb2, cross-checked with R MASS::glm.nb):
// every quantity in their expected.json, with the cases' own tolerances.
import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Reference: poisson-strikes (statsmodels GLM, R glm)")
struct PoissonStrikesTests {
    let reference: ReferenceCase
    let design: DesignMatrix
    let response: [Double]

    init() throws {
        reference = try ReferenceCase("poisson-strikes")
        (design, response) = try loadReferenceDesign(reference, file: "data.csv", withResponse: true)
    }

    @Test("Estimates, information covariance, z tests, deviance, Pearson χ², likelihood, AIC/BIC")
    func classical() throws {
        let fit = try CountRegression.poisson().fit(design, response: response)
        let r = reference
        r.checkCoefficientTable(fit.coefficients)
        r.checkCovariance(fit.covariance, "cov_params")
        r.check(fit.logLikelihood, r.scalar("llf"), "llf")
        r.check(fit.deviance, r.scalar("deviance"), "deviance")
        r.check(fit.nullDeviance, r.scalar("null_deviance"), "null_deviance")
        r.check(fit.pearsonChi2, r.scalar("pearson_chi2"), "pearson_chi2")
        r.check(fit.aic, r.scalar("aic"), "aic")
        r.check(fit.bic, r.scalar("bic"), "bic")
        r.check(fit.scale, r.scalar("scale"), "scale")
        r.checkExact(fit.dfResidual, "df_resid")
        r.checkExact(fit.dfModel, "df_model")
        r.checkExact(fit.observationCount, "nobs")
    }

    @Test("Sandwich standard errors: HC0 and Newey–West (7 lags, no small-sample factor)",
          arguments: [("bse_HC0", CovarianceEstimator.hc0), ("bse_HAC7", .neweyWest(maxLags: 7, smallSampleCorrection: false))])
    func robust(quantity: String, estimator: CovarianceEstimator) throws {
        let fit = try CountRegression.poisson(covariance: estimator).fit(design, response: response)
        reference.check(fit.standardErrors, reference.byColumn(quantity), quantity, labels: reference.columns)
    }

    @Test("HC1 = HC0 × √(n/(n−k)) (R sandwich; statsmodels 0.15 GLM silently returns HC0)")
    func hc1() throws {
        let fit = try CountRegression.poisson(covariance: .hc1).fit(design, response: response)
        let factor = (547.0 / 536.0).squareRoot()
        reference.check(fit.standardErrors.map { $0 / factor }, reference.byColumn("bse_HC0"), "bse_HC0", labels: reference.columns)
    }

    @Test("Predicted means, delta-method SEs and transformed Wald intervals for future.csv")
    func predictions() throws {
        let fit = try CountRegression.poisson().fit(design, response: response)
        let (future, _) = try loadReferenceDesign(reference, file: "future.csv", withResponse: false)
        let predictions = try fit.predict(future.values, level: 0.95)
        let r = reference
        r.check(predictions.map(\.mean), r.list("predicted_mean").map { $0 }, "predicted_mean")
        r.check(predictions.map(\.meanStandardError), r.list("predicted_mean_se").map { $0 }, "predicted_mean_se")
        r.check(predictions.map(\.meanLower), r.list("predicted_mean_ci_lower").map { $0 }, "predicted_mean_ci_lower")
        r.check(predictions.map(\.meanUpper), r.list("predicted_mean_ci_upper").map { $0 }, "predicted_mean_ci_upper")
    }
}

@Suite("Reference: nb2-strikes (statsmodels NegativeBinomial nb2, R MASS::glm.nb)")
struct NegativeBinomialStrikesTests {
    let reference: ReferenceCase
    let design: DesignMatrix
    let response: [Double]

    init() throws {
        reference = try ReferenceCase("nb2-strikes")
        (design, response) = try loadReferenceDesign(reference, file: "data.csv", withResponse: true)
    }

    @Test("β and α by joint ML; observed-information SEs and covariance incl. α; likelihood, AIC/BIC")
    func estimated() throws {
        let fit = try CountRegression.negativeBinomial().fit(design, response: response)
        let r = reference
        r.checkCoefficientTable(fit.coefficients)   // nb2-strikes has no conf_int entries
        r.check(fit.alpha ?? .nan, r.scalar("alpha"), "alpha")
        r.check(fit.alphaStandardError ?? .nan, r.scalar("alpha_bse"), "alpha_bse")
        r.check(1 / (fit.alpha ?? .nan), r.scalar("theta"), "theta")
        r.checkCovariance(fit.fullCovariance, "cov_params", names: r.columns + ["alpha"])
        r.check(fit.logLikelihood, r.scalar("llf"), "llf")
        r.check(fit.aic, r.scalar("aic"), "aic")
        r.check(fit.bic, r.scalar("bic"), "bic")
        r.checkExact(fit.dfResidual, "df_resid")
        r.checkExact(fit.observationCount, "nobs")
        #expect(!fit.isPoissonLimit)
    }

    @Test("GLM at α fixed to its ML value: R summary(glm.nb) SEs (expected information), deviance, Pearson χ²")
    func fixedAlpha() throws {
        let r = reference
        let estimated = try CountRegression.negativeBinomial().fit(design, response: response)
        r.check(estimated.expectedInformationStandardErrors!, r.byColumn("glm_fixed_alpha_bse"), "glm_fixed_alpha_bse", labels: r.columns)
        r.check(estimated.deviance, r.scalar("glm_fixed_alpha_deviance"), "glm_fixed_alpha_deviance")
        r.check(estimated.pearsonChi2, r.scalar("glm_fixed_alpha_pearson_chi2"), "glm_fixed_alpha_pearson_chi2")
        let alpha = r.scalar("alpha")!
        let fixed = try CountRegression(distribution: .negativeBinomial(.fixed(alpha))).fit(design, response: response)
        r.check(fixed.estimates, r.byColumn("glm_fixed_alpha_params"), "glm_fixed_alpha_params", labels: r.columns)
        r.check(fixed.standardErrors, r.byColumn("glm_fixed_alpha_bse"), "glm_fixed_alpha_bse", labels: r.columns)
        r.check(fixed.logLikelihood, r.scalar("glm_fixed_alpha_llf"), "glm_fixed_alpha_llf")
    }

    @Test("Predicted means and NB2 variances for future.csv")
    func predictions() throws {
        let fit = try CountRegression.negativeBinomial().fit(design, response: response)
        let (future, _) = try loadReferenceDesign(reference, file: "future.csv", withResponse: false)
        let predictions = try fit.predict(future.values, level: 0.95)
        reference.check(predictions.map(\.mean), reference.list("predicted_mean").map { $0 }, "predicted_mean")
        reference.check(predictions.map(\.variance), reference.list("predicted_var").map { $0 }, "predicted_var")
    }
}
