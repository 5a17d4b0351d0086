import Testing
import BenchHarness

@Suite("TimingSummary")
struct TimingSummaryTests {
    @Test("median of an odd count is the middle sample")
    func oddMedian() {
        let summary = TimingSummary(samples: [5, 1, 4, 2, 3])
        #expect(summary.median == 3 && summary.min == 1 && summary.max == 5 && summary.count == 5)
    }

    @Test("median of an even count is the mean of the two middle samples")
    func evenMedian() {
        let summary = TimingSummary(samples: [4, 1, 3, 2])
        #expect(summary.median == 2.5 && summary.min == 1 && summary.max == 4)
    }

    @Test("a single sample is its own median, min and max")
    func single() {
        let summary = TimingSummary(samples: [0.25])
        #expect(summary.median == 0.25 && summary.min == 0.25 && summary.max == 0.25)
    }

    @Test("ratio is baseline median over ours median; GFLOP/s is flops over ours median")
    func ratioAndRate() throws {
        let agreement = Agreement(ours: [1], baseline: [1])
        let result = try CaseResult(
            name: "gemm", suite: "gemm", size: .square(1000), ours: TimingSummary(samples: [0.02, 0.04, 0.03]),
            baseline: (name: "cblas_dgemm", timing: TimingSummary(samples: [0.06]), agreement: agreement),
            flopCount: 2e9)
        #expect(result.ratio == 2)
        #expect(abs(result.gflops! - 2e9 / 0.03 / 1e9) < 1e-9)
    }
}
