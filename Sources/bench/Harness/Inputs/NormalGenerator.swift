import Foundation

/// Standard normal draws by the Box–Muller transform over `SplitMix64` (both values of a pair are used).
///
/// z₁ = √(−2 ln u₁) cos 2πu₂, z₂ = √(−2 ln u₁) sin 2πu₂ with u₁, u₂ uniform on (0, 1). Exact in
/// distribution; the libm `log`/`cos`/`sin` may differ in the last bit across platforms, which does not matter
/// for timing inputs (exported inputs are written bit-exactly).
public struct NormalGenerator: Sendable {
    @usableFromInline var uniform: SplitMix64
    @usableFromInline var spare: Double?

    public init(seed: UInt64) {
        uniform = SplitMix64(seed: seed)
    }

    /// The next N(0, 1) draw.
    public mutating func next() -> Double {
        if let value = spare {
            spare = nil
            return value
        }
        let radius = (-2 * log(uniform.nextOpenUnit())).squareRoot()
        let angle = 2 * Double.pi * uniform.nextOpenUnit()
        spare = radius * sin(angle)
        return radius * cos(angle)
    }

    /// `count` N(0, 1) draws.
    public mutating func next(_ count: Int) -> [Double] {
        var values = [Double](repeating: 0, count: count)
        for i in 0..<count { values[i] = next() }
        return values
    }
}
