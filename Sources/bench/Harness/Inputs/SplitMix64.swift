/// SplitMix64 (Steele, Lea & Flood 2014; the seeding generator of `java.util.SplittableRandom` and
/// xoshiro): a 64-bit state advanced by a Weyl increment and scrambled by two xor-shift-multiply rounds.
///
/// Deterministic across platforms and Swift versions (unlike `SystemRandomNumberGenerator`), so every run
/// and `--export-data` reproduce the same inputs. Not cryptographic.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in (0, 1): the top 53 bits, offset by half a step so 0 never occurs.
    @inlinable
    public mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// Derives a seed for one case from a base seed and a few integers (e.g. rows and columns).
    public static func seed(_ base: UInt64, _ parts: Int...) -> UInt64 {
        var generator = SplitMix64(seed: base)
        var seed = generator.next()
        for part in parts {
            generator = SplitMix64(seed: seed ^ UInt64(bitPattern: Int64(part)))
            seed = generator.next()
        }
        return seed
    }
}
