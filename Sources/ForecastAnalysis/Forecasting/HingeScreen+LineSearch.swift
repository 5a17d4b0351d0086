import ForecastCore
import Foundation

extension HingeScreen {
    /// Newton decrement g²/|h| (log-likelihood units) at which the line search stops, and its pass limit.
    static let decrementTolerance = 1e-8
    static let maximumPasses = 50

    /// max over t of ℓ(η̂ + t d) − ℓ(η̂), d = z − X a (policy 3); 0 when no point on the line improves on the fit.
    ///
    /// ℓ is concave along the line, so its slope falls as t grows: Newton's method on the slope from t = γ, kept
    /// inside the bracket of points where the slope changed sign (a step leaving it bisects instead), needs only
    /// the slope and curvature (one exp per row); ℓ itself (a log1p per row) is evaluated once, at the end.
    func lineSearchGain(knot: Double, step: NewtonStep, base: Double) -> Double {
        let n = response.count
        let fitted = x.multiplied(by: step.projection)
        var direction = [Double](repeating: 0, count: n)
        for i in 0..<n { direction[i] = max(0, trend[i] - knot) - fitted[i] }
        var t = step.gamma
        var lower = -Double.infinity, upper = Double.infinity
        for _ in 0..<Self.maximumPasses {
            let (slope, curvature) = derivatives(along: direction, at: t)
            guard curvature < 0, slope * slope / -curvature > Self.decrementTolerance else { break }
            if slope > 0 { lower = t } else { upper = t }
            var next = t - slope / curvature
            if !(next > lower && next < upper) {
                guard lower.isFinite && upper.isFinite else { break }
                next = (lower + upper) / 2
            }
            t = next
        }
        return max(0, logLikelihood(along: direction, at: t) - base)
    }

    /// ℓ(η̂ + t d) up to terms free of η (count models: Poisson, or NB2 at the fixed α, concave in η).
    func logLikelihood(along d: [Double], at t: Double) -> Double {
        var value = 0.0
        if let alpha, alpha > 0 {
            for i in d.indices {
                let e = eta[i] + t * d[i], y = response[i]
                value += y * e - (y + 1 / alpha) * log1p(alpha * exp(min(e, 700)))
            }
        } else {
            for i in d.indices {
                let e = eta[i] + t * d[i]
                value += response[i] * e - exp(min(e, 700))
            }
        }
        return value
    }

    /// dℓ/dt and d²ℓ/dt² of ℓ(η̂ + t d).
    func derivatives(along d: [Double], at t: Double) -> (slope: Double, curvature: Double) {
        var slope = 0.0, curvature = 0.0
        let alpha = self.alpha ?? 0
        for i in d.indices {
            let e = eta[i] + t * d[i], y = response[i]
            let mu = exp(min(e, 700)), scale = 1 + alpha * mu
            slope += (y - mu) / scale * d[i]
            curvature -= mu * (1 + alpha * y) / (scale * scale) * d[i] * d[i]
        }
        return (slope, curvature)
    }
}
