import Foundation
import Testing
@testable import ForecastCore

/// `ElementwiseFunctions` on the wide path (CKernels/Exponentials.c) against the C library's exp, log and log1p —
/// the portable path — on the same inputs (policy 1): within 2 units in the last place on grids across each
/// function's fast range, and equal outside it (±∞, NaN, out-of-range and invalid arguments run the C library's
/// function). Array lengths around the four-lane blocks exercise the tails. On a CPU without AVX2 + FMA both sides
/// are the C library.
@Suite("Elementwise exp, log, log1p: wide path against the C library")
struct ElementwiseFunctionsTests {
    typealias Function = ElementwiseFunctions.Function

    /// The function on `inputs` on the current path and on the portable path.
    func bothPaths(_ inputs: [Double], _ form: Function) -> (wide: [Double], library: [Double]) {
        var wide = inputs, library = inputs
        wide.withUnsafeMutableBufferPointer { ElementwiseFunctions.apply(form, to: $0, path: KernelPath.current) }
        library.withUnsafeMutableBufferPointer { ElementwiseFunctions.apply(form, to: $0, path: .portable) }
        return (wide, library)
    }

    /// Largest |wide − library| in units in the last place of the library's value (0 when both are equal,
    /// including equal infinities and both NaN; ∞ when only one is NaN).
    func largestUnitsInLastPlace(_ inputs: [Double], _ form: Function) -> Double {
        let (wide, library) = bothPaths(inputs, form)
        var largest = 0.0
        for (w, l) in zip(wide, library) where !(w == l || (w.isNaN && l.isNaN)) {
            largest = max(largest, w.isNaN || l.isNaN || !w.isFinite || !l.isFinite ? .infinity : abs(w - l) / l.ulp)
        }
        return largest
    }

    static let exponential = Function.exponential, logarithm = Function.logarithm, logarithmOnePlus = Function.logarithmOnePlus

    /// `count` points evenly spaced over [low, high], each nudged by a seeded fraction of the spacing.
    func grid(_ low: Double, _ high: Double, count: Int, seed: UInt64) -> [Double] {
        var random = RandomSource(seed: seed)
        let step = (high - low) / Double(count)
        return (0..<count).map { low + step * (Double($0) + random.uniform()) }
    }

    @Test("eˣ over −708…709 and around 0")
    func exponentialAccuracy() {
        #expect(largestUnitsInLastPlace(grid(-708, 709, count: 200_003, seed: 1), Self.exponential) <= 2)
        #expect(largestUnitsInLastPlace(grid(-2, 2, count: 100_001, seed: 2), Self.exponential) <= 2)
        #expect(largestUnitsInLastPlace(grid(-1e-12, 1e-12, count: 1_001, seed: 3), Self.exponential) <= 2)
    }

    @Test("ln x over 2⁻¹⁰²²…2¹⁰²³ (log-uniform) and around 1")
    func logarithmAccuracy() {
        let wide = grid(-1022, 1023, count: 200_003, seed: 4).map { exp2($0) }
        #expect(largestUnitsInLastPlace(wide, Self.logarithm) <= 2)
        #expect(largestUnitsInLastPlace(grid(0.5, 2, count: 100_001, seed: 5), Self.logarithm) <= 2)
        // Counts plus 0.1 and θ + j, the arguments the count fits pass.
        #expect(largestUnitsInLastPlace((0..<5_000).map { Double($0) + 0.1 }, Self.logarithm) <= 2)
    }

    @Test("ln(1 + x) over −1…−0.5, tiny |x| of either sign, and 0…10³⁰⁰")
    func logarithmOnePlusAccuracy() {
        #expect(largestUnitsInLastPlace(grid(-1 + 1e-15, -0.5, count: 50_001, seed: 6), Self.logarithmOnePlus) <= 2)
        let tiny = grid(-60, -1, count: 100_001, seed: 7).enumerated().map { ($0.offset % 2 == 0 ? 1 : -1) * exp2($0.element) }
        #expect(largestUnitsInLastPlace(tiny, Self.logarithmOnePlus) <= 2)
        let wide = grid(-30, 996, count: 200_003, seed: 8).map { exp2($0) }
        #expect(largestUnitsInLastPlace(wide, Self.logarithmOnePlus) <= 2)
        #expect(largestUnitsInLastPlace(grid(0, 50, count: 100_001, seed: 9), Self.logarithmOnePlus) <= 2)
    }

    @Test("Special and out-of-range arguments in any lane and in the tail: the C library's value exactly (inside the fast range: within 2 units)",
          arguments: 1...9)
    func specialValues(count: Int) {
        let specials: [Double] = [.nan, .infinity, -.infinity, 0, -0.0, -1, -2, 710, -745, -800, 1e308,
                                  .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude]
        for special in specials {
            for lane in 0..<count {
                var inputs = grid(0.1, 3, count: count, seed: UInt64(lane))
                inputs[lane] = special
                for (name, form) in [("exp", Self.exponential), ("log", Self.logarithm), ("log1p", Self.logarithmOnePlus)] {
                    #expect(largestUnitsInLastPlace(inputs, form) <= 2, "\(name)(\(special)) in lane \(lane) of \(count)")
                }
            }
        }
    }

    @Test("An empty array is left alone")
    func empty() {
        #expect(bothPaths([], Self.exponential).wide.isEmpty)
    }
}
