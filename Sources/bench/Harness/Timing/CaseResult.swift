/// The measured outcome of one case: what the report prints and the JSON holds.
///
/// A result only exists for a case whose subjects agreed: the initializer throws
/// `HarnessError.disagreement` otherwise, so no report can contain timings of disagreeing code.
public struct CaseResult: Sendable, Equatable {
    /// Stable case name.
    public let name: String
    /// Suite name.
    public let suite: String
    /// Input shape.
    public let size: CaseSize
    /// Per-call times of ours (s).
    public let ours: TimingSummary
    /// Name of the baseline (nil when ours was timed alone).
    public let baselineName: String?
    /// Per-call times of the baseline (s).
    public let baseline: TimingSummary?
    /// Floating-point operations per call of ours, when meaningful.
    public let flopCount: Double?
    /// The agreement check that preceded the timing.
    public let agreement: Agreement?

    /// A result; throws `.disagreement` when `agreement` failed.
    public init(name: String, suite: String, size: CaseSize, ours: TimingSummary,
                baseline: (name: String, timing: TimingSummary, agreement: Agreement)?,
                flopCount: Double?) throws(HarnessError) {
        let key = "\(suite)/\(name)/\(size)"
        if let baseline, !baseline.agreement.agrees {
            throw .disagreement(caseKey: key, baseline: baseline.name, agreement: baseline.agreement)
        }
        self.name = name
        self.suite = suite
        self.size = size
        self.ours = ours
        self.baselineName = baseline?.name
        self.baseline = baseline?.timing
        self.flopCount = flopCount
        self.agreement = baseline?.agreement
    }

    /// Baseline median / ours median (> 1: ours is faster); nil without a baseline.
    public var ratio: Double? {
        guard let baseline, ours.median > 0 else { return nil }
        return baseline.median / ours.median
    }

    /// Ours' GFLOP/s at the median time; nil when no flop count applies.
    public var gflops: Double? {
        guard let flopCount, ours.median > 0 else { return nil }
        return flopCount / ours.median / 1e9
    }

    /// Always true: a `CaseResult` cannot be built from disagreeing subjects.
    public var agree: Bool { agreement?.agrees ?? true }
}
