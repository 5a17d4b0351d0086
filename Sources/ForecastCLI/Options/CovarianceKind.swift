import ArgumentParser
import Forecast

/// `--covariance` values; `hac` takes `--max-lags` and `--hac-correction`.
enum CovarianceKind: String, ExpressibleByArgument, CaseIterable {
    case classical, hc0, hc1, hc2, hc3, hac

    func estimator(maxLags: Int?, correction: Bool) -> CovarianceEstimator {
        switch self {
        case .classical: return .classical
        case .hc0: return .hc0
        case .hc1: return .hc1
        case .hc2: return .hc2
        case .hc3: return .hc3
        case .hac: return .neweyWest(maxLags: maxLags, smallSampleCorrection: correction)
        }
    }
}
