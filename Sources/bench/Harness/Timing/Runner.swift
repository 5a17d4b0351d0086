/// Checks and times one case: agreement first, then warm-up, then interleaved samples.
///
/// Order of work for a case with a baseline:
/// 1. run ours once and the baseline once, compare their outputs (`Agreement`); on disagreement throw
///    `HarnessError.disagreement` — nothing is timed;
/// 2. warm-up: with `policy.warmups` > 0, one untimed sample of each lasting at least the sample duration
///    (at least `policy.warmups` calls), so the first case of a process is not timed on cold caches and a
///    ramping clock; calls per sample are calibrated from the warm-up's per-call time, not the cold check call;
/// 3. `policy.samples` samples of each, alternating ours / baseline (see `SamplingPolicy`).
public struct Runner {
    /// Repetitions and sample formation.
    public let policy: SamplingPolicy
    /// Relative agreement tolerance.
    public let tolerance: Double

    public init(policy: SamplingPolicy, tolerance: Double = Agreement.defaultTolerance) {
        self.policy = policy
        self.tolerance = tolerance
    }

    /// Checks then times `prepared` (the prepared form of `benchCase`).
    public func measure(_ benchCase: BenchCase, _ prepared: PreparedCase) throws(HarnessError) -> CaseResult {
        let key = benchCase.key
        let oursOnce = try timedCall(prepared.ours, key: key)
        var checked: (subject: Subject, once: Double, agreement: Agreement)? = nil
        if let baseline = prepared.baseline {
            let once = try timedCall(baseline, key: key)
            let agreement = Agreement(ours: prepared.ours.output(), baseline: baseline.output(), tolerance: tolerance)
            guard agreement.agrees else {
                throw .disagreement(caseKey: key, baseline: baseline.name, agreement: agreement)
            }
            checked = (baseline, once, agreement)
        }
        var oursCall = oursOnce, baselineCall = checked?.once ?? 0
        if policy.warmups > 0 {
            oursCall = try sample(prepared.ours, calls: max(policy.warmups, policy.callsPerSample(forCallTaking: oursOnce)),
                                  key: key)
            if let checked {
                baselineCall = try sample(checked.subject,
                                          calls: max(policy.warmups, policy.callsPerSample(forCallTaking: checked.once)),
                                          key: key)
            }
        }
        let oursCalls = policy.callsPerSample(forCallTaking: oursCall)
        let baselineCalls = policy.callsPerSample(forCallTaking: baselineCall)
        var oursSamples: [Double] = []
        var baselineSamples: [Double] = []
        for _ in 0..<policy.samples {
            oursSamples.append(try sample(prepared.ours, calls: oursCalls, key: key))
            if let checked { baselineSamples.append(try sample(checked.subject, calls: baselineCalls, key: key)) }
        }
        let baselineResult = checked.map { checked in
            (name: checked.subject.name, timing: TimingSummary(samples: baselineSamples), agreement: checked.agreement)
        }
        return try CaseResult(name: benchCase.name, suite: benchCase.suite, size: benchCase.size,
                              ours: TimingSummary(samples: oursSamples), baseline: baselineResult,
                              flopCount: prepared.flopCount)
    }

    /// Mean per-call seconds of `calls` back-to-back runs.
    func sample(_ subject: Subject, calls: Int, key: String) throws(HarnessError) -> Double {
        do {
            let total = try Stopwatch.seconds {
                for _ in 0..<calls { try subject.run() }
            }
            return total / Double(calls)
        } catch {
            throw .subjectFailed(caseKey: key, subject: subject.name, message: String(describing: error))
        }
    }

    func timedCall(_ subject: Subject, key: String) throws(HarnessError) -> Double {
        try sample(subject, calls: 1, key: key)
    }
}
