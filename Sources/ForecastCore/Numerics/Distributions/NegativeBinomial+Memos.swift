// NegativeBinomial+Memos — per-θ tables of the NB2 log-gamma and polygamma differences and of ln y!, so a pass
// over n observations costs one evaluation per distinct count. Every entry is bit-identical to the direct call.
import Foundation

/// ψ(y+θ) − ψ(θ) and ψ′(y+θ) − ψ′(θ) for every integer count 0…m at one θ, m = the largest integer count ≤ 4096 in
/// the data: the running sums of `NegativeBinomial.polygammaDifferences`, kept at every step, so the
/// values are bit-identical to it and a pass over n observations costs O(m + n) instead of O(Σ yᵢ) divisions
/// (daily strike counts run to the hundreds). Other counts fall back to `polygammaDifferences`.
package struct PolygammaTable {
    private let theta: Double
    private var digamma: [Double]
    private var trigamma: [Double]

    package init(theta: Double, counts: [Double]) {
        self.theta = theta
        var largest = 0
        for y in counts where y > 0 && y <= 4096 && Double(Int(y)) == y { largest = max(largest, Int(y)) }
        digamma = [Double](repeating: 0, count: largest + 1)
        trigamma = [Double](repeating: 0, count: largest + 1)
        var d = 0.0, t = 0.0, j = 0.0
        for count in 0..<largest {
            let inverse = 1 / (theta + j)
            d += inverse
            t -= inverse * inverse
            j += 1
            digamma[count + 1] = d
            trigamma[count + 1] = t
        }
    }

    @inline(__always)
    package func differences(_ y: Double) -> (digamma: Double, trigamma: Double) {
        if y >= 0 && y < Double(digamma.count) && Double(Int(y)) == y {
            let index = Int(y)
            return (digamma[index], trigamma[index])
        }
        return NegativeBinomial.polygammaDifferences(y, theta)
    }
}

/// lnΓ(y+θ) − lnΓ(θ) at one θ for the integer counts 0…`largest`, each computed by `logGammaRatio` on its first use
/// (bit-identical to calling it per observation). A likelihood evaluation over n observations then costs one
/// `logGammaRatio` per distinct count instead of one per observation: callgrind on the nb2 1000x10 smoke fit put
/// 36 % of its instructions in `logGammaRatio`'s Stirling terms and logs before this memo.
package struct LogGammaRatioMemo {
    private let theta: Double
    private var values: [Double]

    /// A memo for counts up to the largest integer count in `counts` (at most 1,048,576; others are computed
    /// directly).
    package init(theta: Double, counts: [Double]) {
        self.theta = theta
        var largest = -1
        for y in counts where y >= 0 && y <= 1_048_576 && Double(Int(y)) == y { largest = max(largest, Int(y)) }
        values = [Double](repeating: .nan, count: largest + 1)
    }

    @inline(__always)
    package mutating func value(_ y: Double) -> Double {
        guard y >= 0 && y < Double(values.count) && Double(Int(y)) == y else {
            return NegativeBinomial.logGammaRatio(y, theta)
        }
        let index = Int(y)
        if values[index].isNaN { values[index] = NegativeBinomial.logGammaRatio(y, theta) }
        return values[index]
    }
}

// The tables' integer tests are `Double(Int(y)) == y` after the range test: `y.rounded()` is a libm call, and was
// 4 % of the instructions of an NB2 fit (callgrind).

/// ln y! = lnΓ(y+1) for the integer counts 0…`largest`, each computed on its first use (bit-identical to one
/// `SpecialFunctions.logGamma(y + 1)` per observation).
package struct LogFactorialMemo {
    private var values: [Double]

    package init(counts: [Double]) {
        var largest = -1
        for y in counts where y >= 0 && y <= 1_048_576 && Double(Int(y)) == y { largest = max(largest, Int(y)) }
        values = [Double](repeating: .nan, count: largest + 1)
    }

    @inline(__always)
    package mutating func value(_ y: Double) -> Double {
        guard y >= 0 && y < Double(values.count) && Double(Int(y)) == y else { return SpecialFunctions.logGamma(y + 1) }
        let index = Int(y)
        if values[index].isNaN { values[index] = SpecialFunctions.logGamma(y + 1) }
        return values[index]
    }
}
