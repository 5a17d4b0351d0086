import Testing
import BenchHarness

@Suite("Agreement: max |ours − baseline| ≤ 1e-8 · max |baseline|")
struct AgreementTests {
    @Test("differences below the relative tolerance agree")
    func withinTolerance() {
        let agreement = Agreement(ours: [10, -3, 0.5 + 9e-8], baseline: [10, -3, 0.5])
        #expect(agreement.agrees)
        #expect(agreement.scale == 10)
        #expect(agreement.index == 2)
    }

    @Test("the tolerance is relative to the largest baseline value, not to each element")
    func relativeToLargest() {
        // Largest |baseline| = 10, so every element may differ by up to 1e-8 · 10 = 1e-7.
        #expect(!Agreement(ours: [10, 0.5 + 1.1e-7], baseline: [10, 0.5]).agrees)
        #expect(Agreement(ours: [10, 0.5 + 0.9e-7], baseline: [10, 0.5]).agrees)
    }

    @Test("a difference above the tolerance disagrees")
    func aboveTolerance() {
        let agreement = Agreement(ours: [1, 2, 3.001], baseline: [1, 2, 3])
        #expect(!agreement.agrees)
        #expect(abs(agreement.maxDifference - 0.001) < 1e-12)
    }

    @Test("different lengths, NaN and infinity disagree")
    func malformed() {
        #expect(!Agreement(ours: [1, 2], baseline: [1, 2, 3]).agrees)
        #expect(!Agreement(ours: [1, .nan], baseline: [1, 2]).agrees)
        #expect(!Agreement(ours: [1, .infinity], baseline: [1, 2]).agrees)
        #expect(!Agreement(ours: [1, 2], baseline: [1, .nan]).agrees)
    }

    @Test("identical vectors agree, including all zeros and empty ones")
    func identical() {
        #expect(Agreement(ours: [0, 0], baseline: [0, 0]).agrees)
        #expect(Agreement(ours: [], baseline: []).agrees)
        #expect(Agreement(ours: [1e300, -2], baseline: [1e300, -2]).agrees)
    }
}
