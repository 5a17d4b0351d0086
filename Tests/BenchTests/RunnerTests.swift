import Testing
@testable import BenchHarness

@Suite("Runner: agreement before timing")
struct RunnerTests {
    @Test("refuses to time or report a case whose ours and baseline disagree")
    func refusesDisagreement() throws {
        let oursCounter = CallCounter(), baselineCounter = CallCounter()
        let benchCase = syntheticCase("ols-hc1") {
            PreparedCase(ours: fixedSubject("ours", [1, 2, 3.0001], counter: oursCounter),
                         baseline: fixedSubject("bare", [1, 2, 3], counter: baselineCounter))
        }
        let runner = Runner(policy: fastPolicy())
        #expect {
            _ = try runner.measure(benchCase, try benchCase.prepare())
        } throws: { error in
            guard case let .disagreement(key, baseline, agreement) = error as? HarnessError else { return false }
            return key == "test/ols-hc1/10x2" && baseline == "bare" && !agreement.agrees && agreement.index == 2
        }
        // Only the check run happened: no warm-up, no samples.
        #expect(oursCounter.calls == 1)
        #expect(baselineCounter.calls == 1)
    }

    @Test("the disagreement message names the case, the baseline and the difference")
    func disagreementMessage() {
        let agreement = Agreement(ours: [1, 2.5], baseline: [1, 2])
        let error = HarnessError.disagreement(caseKey: "ols/ols-hac7/10000x20", baseline: "dgels", agreement: agreement)
        let text = error.description
        #expect(text.contains("ols/ols-hac7/10000x20"))
        #expect(text.contains("dgels"))
        #expect(text.contains("disagree"))
        #expect(text.contains("0.5"))
    }

    @Test("a result cannot be built from a failed agreement")
    func resultNeedsAgreement() {
        let timing = TimingSummary(samples: [1, 2, 3])
        let failed = Agreement(ours: [1], baseline: [2])
        #expect(throws: HarnessError.self) {
            _ = try CaseResult(name: "qr-solve", suite: "qr-solve", size: CaseSize(rows: 5, columns: 1), ours: timing,
                               baseline: (name: "bare", timing: timing, agreement: failed), flopCount: nil)
        }
    }

    @Test("agreeing subjects are warmed up and sampled alternately, the requested number of times")
    func timesAgreeingCase() throws {
        let oursCounter = CallCounter(), baselineCounter = CallCounter()
        let benchCase = syntheticCase {
            PreparedCase(ours: fixedSubject("ours", [1, 2, 3 + 1e-12], counter: oursCounter),
                         baseline: fixedSubject("bare", [1, 2, 3], counter: baselineCounter), flopCount: 6e9)
        }
        let result = try Runner(policy: fastPolicy(samples: 5)).measure(benchCase, try benchCase.prepare())
        #expect(oursCounter.calls == 1 + 1 + 5)
        #expect(baselineCounter.calls == 1 + 1 + 5)
        #expect(result.ours.count == 5)
        #expect(result.baseline?.count == 5)
        #expect(result.baselineName == "bare")
        #expect(result.agree)
        #expect(result.ratio != nil)
        #expect(result.gflops != nil)
    }

    @Test("a case without a baseline has no ratio")
    func noBaseline() throws {
        let benchCase = syntheticCase { PreparedCase(ours: fixedSubject("ours", [1]), baseline: nil) }
        let result = try Runner(policy: fastPolicy()).measure(benchCase, try benchCase.prepare())
        #expect(result.baseline == nil && result.ratio == nil && result.gflops == nil && result.agree)
    }

    @Test("a subject that throws stops the case with its name")
    func subjectFailure() {
        let benchCase = syntheticCase {
            PreparedCase(ours: fixedSubject("Forecast fit", [1], failing: true), baseline: fixedSubject("bare", [1]))
        }
        #expect {
            _ = try Runner(policy: fastPolicy()).measure(benchCase, try benchCase.prepare())
        } throws: { error in
            guard case let .subjectFailed(key, subject, message) = error as? HarnessError else { return false }
            return key == "test/synthetic/10x2" && subject == "Forecast fit" && message == "synthetic failure"
        }
    }

    @Test("calls per sample reach the minimum sample duration, within bounds")
    func callsPerSample() {
        let policy = SamplingPolicy(warmups: 0, samples: 5, minimumSampleSeconds: 0.02, maximumCallsPerSample: 1000)
        #expect(policy.callsPerSample(forCallTaking: 0.1) == 1)
        #expect(policy.callsPerSample(forCallTaking: 0.001) == 20)
        #expect(policy.callsPerSample(forCallTaking: 3e-4) == 67)
        #expect(policy.callsPerSample(forCallTaking: 1e-9) == 1000)
        #expect(policy.callsPerSample(forCallTaking: 0) == 1000)
        #expect(SamplingPolicy(warmups: 0, samples: 1, minimumSampleSeconds: 0).callsPerSample(forCallTaking: 1e-9) == 1)
    }
}
