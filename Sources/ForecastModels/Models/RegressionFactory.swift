import ForecastCore
import ForecastData
import Foundation

// RegressionFactory — the one place where a model kind becomes a fit: OLS, Poisson or NB2 on a design, with one
// set of options. `TimeSeriesFit`, `EffectsFit`, `ChangepointSelection` and `forecast regress` all fit through it,
// and get back a `FittedRegression`, which carries the kind with the fit (no optional pairs, no casts).

/// A regression model family: least squares, Poisson or negative binomial (NB2) with a log link.
public enum RegressionKind: String, Sendable, Equatable, CaseIterable {
    case ols, poisson, nb2

    /// Poisson or NB2.
    public var isCount: Bool { self != .ols }
}

/// A fitted regression of a known kind.
public enum FittedRegression: Sendable {
    case linear(LinearRegressionFit)
    case count(CountRegressionFit)

    /// The fit, whatever its kind (coefficients, covariance, likelihood, residuals).
    public var regression: any RegressionFit {
        switch self {
        case let .linear(fit): return fit
        case let .count(fit): return fit
        }
    }

    /// The least-squares fit, or nil for a count model.
    public var linear: LinearRegressionFit? {
        if case let .linear(fit) = self { return fit }
        return nil
    }

    /// The count fit, or nil for least squares.
    public var count: CountRegressionFit? {
        if case let .count(fit) = self { return fit }
        return nil
    }

    /// Pearson residuals (count models) or response residuals (least squares), n.
    public var pearsonResiduals: [Double] {
        switch self {
        case let .linear(fit): return fit.residuals
        case let .count(fit): return fit.pearsonResiduals
        }
    }

    /// The kind of the fit (NB2 at α̂ = 0 is still `nb2`).
    public var kind: RegressionKind {
        switch self {
        case .linear: return .ols
        case let .count(fit): return fit.family.name == "poisson" ? .poisson : .nb2
        }
    }

    /// The mean as a function of the linear predictor η: η (identity link) or exp(η) (log link), capped at
    /// exp(700) so that no simulation overflows.
    public func mean(linearPredictor eta: Double) -> Double {
        switch self {
        case .linear: return eta
        case .count: return exp(min(eta, 700))
        }
    }
}

/// How to fit a kind of regression (options checked by the model types' initialisers).
public struct RegressionFactory: Sendable {
    public var kind: RegressionKind
    public var covariance: CovarianceEstimator
    /// Interval level (fraction).
    public var level: Double
    /// Aliased columns are an error instead of NaN estimates.
    public var requireFullRank: Bool
    /// NB2 only: α fixed at this value instead of estimated by maximum likelihood.
    public var fixedAlpha: Double?

    public init(kind: RegressionKind, covariance: CovarianceEstimator = .classical, level: Double = 0.95,
                requireFullRank: Bool = false, fixedAlpha: Double? = nil) {
        self.kind = kind
        self.covariance = covariance
        self.level = level
        self.requireFullRank = requireFullRank
        self.fixedAlpha = fixedAlpha
    }

    /// Fits the design. `offset` (log units) and `start`/`startAlpha` (IRLS warm start) apply to count models only
    /// (least squares ignores them: it neither has an offset nor iterates).
    public func fit(_ design: DesignMatrix, response y: [Double], weights: [Double]? = nil, offset: [Double]? = nil,
                    start: [Double]? = nil, startAlpha: Double? = nil,
                    workspace: inout LeastSquaresWorkspace) throws(ModelError) -> FittedRegression {
        switch kind {
        case .ols:
            return .linear(try LinearRegression(covariance: covariance, level: level, requireFullRank: requireFullRank)
                .fit(design, response: y, weights: weights, workspace: &workspace))
        case .poisson, .nb2:
            // The kind may be chosen from the data (`TimeSeriesModel.kind == nil`), after the covariance was set:
            // HC2/HC3 (leverage corrections of least squares) are then a setting to change, not a trap.
            if covariance == .hc2 || covariance == .hc3 {
                throw .unsuitableSetting(SettingError(
                    "{0} \(covariance == .hc2 ? "hc2" : "hc3") is defined for least squares only, and the \(kind.rawValue) count model was fitted (the response is counts); use hc0, hc1 or hac, or an explicit least-squares model", .covariance))
            }
            let distribution: CountRegression.Distribution = kind == .poisson
                ? .poisson : .negativeBinomial(fixedAlpha.map { .fixed($0) } ?? .estimated)
            return .count(try CountRegression(distribution: distribution, covariance: covariance, level: level,
                                              requireFullRank: requireFullRank)
                .fit(design, response: y, offset: offset, weights: weights, start: start, startAlpha: startAlpha,
                     workspace: &workspace))
        }
    }

    /// `fit` with a fresh workspace.
    public func fit(_ design: DesignMatrix, response y: [Double], weights: [Double]? = nil, offset: [Double]? = nil,
                    start: [Double]? = nil, startAlpha: Double? = nil) throws(ModelError) -> FittedRegression {
        var workspace = LeastSquaresWorkspace()
        return try fit(design, response: y, weights: weights, offset: offset, start: start, startAlpha: startAlpha,
                       workspace: &workspace)
    }
}
