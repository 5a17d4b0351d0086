/// How many times each subject is run and how a sample is formed.
///
/// A sample is the mean per-call time of `k` back-to-back calls, with `k` calibrated from the check run so a
/// sample lasts at least `minimumSampleSeconds` (k = 1 for calls longer than that; capped at
/// `maximumCallsPerSample`). This keeps microsecond cases above clock and scheduler noise. Ours and the
/// baseline are sampled alternately, so slow drifts (frequency, other tenants) hit both alike.
public struct SamplingPolicy: Sendable, Equatable {
    /// Untimed calls of each subject after the check run.
    public let warmups: Int
    /// Timed samples per subject (≥ 1; ≥ 5 for every profile that makes timing claims).
    public let samples: Int
    /// Lower bound on one sample's duration (s); 0 = one call per sample.
    public let minimumSampleSeconds: Double
    /// Upper bound on calls per sample.
    public let maximumCallsPerSample: Int

    public init(warmups: Int, samples: Int, minimumSampleSeconds: Double, maximumCallsPerSample: Int = 10_000) {
        precondition(warmups >= 0 && samples >= 1 && minimumSampleSeconds >= 0 && maximumCallsPerSample >= 1,
                     "invalid sampling policy")
        self.warmups = warmups
        self.samples = samples
        self.minimumSampleSeconds = minimumSampleSeconds
        self.maximumCallsPerSample = maximumCallsPerSample
    }

    /// Calls per sample for an operation that took `seconds` once.
    public func callsPerSample(forCallTaking seconds: Double) -> Int {
        guard minimumSampleSeconds > 0 else { return 1 }
        guard seconds > 0 else { return maximumCallsPerSample }
        let calls = (minimumSampleSeconds / seconds).rounded(.up)
        return Int(Swift.min(Swift.max(calls, 1), Double(maximumCallsPerSample)))
    }
}
