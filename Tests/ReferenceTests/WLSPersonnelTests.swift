// Weighted least squares on the ols-personnel design with weights w_i = 1 + 0.25 (i mod 5) (i = 0-based row).
// Reference numbers: statsmodels 0.15.0 (numpy 2.4.6), computed for this test with
//   r = sm.WLS(y, X, weights=w).fit(); sm.WLS(...).fit(cov_type='HC1'), fit(cov_type='HC3');
//   r.get_prediction(X[:3]).summary_frame(alpha=0.05)
// on Tests/Fixtures/reference/ols-personnel/data.csv, printed with repr(). Tolerance: 1e-9 relative, as the case's OLS
// quantities (p-values are not compared here).
import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("Reference: WLS on ols-personnel (statsmodels WLS)")
struct WLSPersonnelTests {
    static let params = [810.1752973628742, 717.5566561218351, 28.740173385502835, -9.51749140337824, -5.266809381145604,
                         -29.98929577926242, -0.35956150546665383, -24.624631356763533, 125.0860471156632,
                         -70.79710367004353, 3.15099631212024]
    static let bse = [29.53186287046465, 37.97638135619167, 34.15601339936909, 34.092915236200334, 34.19020079069904,
                      34.124932696128916, 34.215768707652835, 34.17736220542814, 46.37583122123131, 45.681468260203474,
                      61.66616766426044]
    static let bseHC1 = [38.389972492043846, 37.61026538949978, 41.32532227502682, 41.24492633784399, 40.900692122151106,
                         41.39063347118867, 39.356330484927, 37.986572325565525, 48.20183952370612, 28.24025384627644,
                         92.57359575381278]
    static let bseHC3 = [39.038324969523245, 38.13470644189303, 42.114670974041175, 42.18035090668557, 41.62488410632442,
                         42.2459681914908, 40.225720883849675, 39.08257571568546, 52.556760851038916, 30.578848005762406,
                         107.50709385043017]

    func close(_ a: Double, _ e: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        ReferenceCase.compare(a, e, rel: 1e-9, label: "WLS \(what)", reference: "statsmodels 0.15.0 WLS (header of this file)",
                              sourceLocation: sourceLocation)
    }

    @Test("Coefficients, SEs, R², F, llf, AIC/BIC, HC1/HC3 and predictions")
    func weighted() throws {
        let reference = try ReferenceCase("ols-personnel")
        let (design, y) = try loadReferenceDesign(reference, file: "data.csv", withResponse: true)
        let w = (0..<y.count).map { 1 + 0.25 * Double($0 % 5) }
        let fit = try LinearRegression().fit(design, response: y, weights: w)
        for j in 0..<11 {
            close(fit.estimates[j], Self.params[j], "params[\(j)]")
            close(fit.standardErrors[j], Self.bse[j], "bse[\(j)]")
        }
        close(fit.rSquared, 0.5543100213239522, "rsquared")
        close(fit.adjustedRSquared, 0.5402946131894854, "rsquared_adj")
        close(fit.fStatistic, 39.5500449224011, "fvalue")
        close(fit.logLikelihood, -2146.5584967775353, "llf")
        close(fit.aic, 4315.116993555071, "aic")
        close(fit.bic, 4356.87362881349, "bic")
        close(fit.scale, 40963.15610699702, "scale")
        close(fit.ssr, 13026283.642025052, "ssr")
        close(fit.centeredTSS, 29227230.28397566, "centered_tss")
        let hc1 = try LinearRegression(covariance: .hc1).fit(design, response: y, weights: w)
        let hc3 = try LinearRegression(covariance: .hc3).fit(design, response: y, weights: w)
        for j in 0..<11 {
            close(hc1.standardErrors[j], Self.bseHC1[j], "bse_HC1[\(j)]")
            close(hc3.standardErrors[j], Self.bseHC3[j], "bse_HC3[\(j)]")
        }
        let predictions = try fit.predict(design.values.selectingRows([0, 1, 2]), level: 0.95)
        let mean = [810.1752973628742, 840.880033804152, 804.586932071046]
        let meanSE = [29.53186287046465, 29.405216841586206, 29.309633222294792]
        let obsLower = [407.75904645027447, 438.49968354259255, 402.23357706882683]
        let obsUpper = [1212.591548275474, 1243.2603840657116, 1206.9402870732652]
        for i in 0..<3 {
            close(predictions[i].mean, mean[i], "mean[\(i)]")
            close(predictions[i].meanStandardError, meanSE[i], "mean_se[\(i)]")
            close(predictions[i].lower, obsLower[i], "obs_ci_lower[\(i)]")
            close(predictions[i].upper, obsUpper[i], "obs_ci_upper[\(i)]")
        }
    }
}
