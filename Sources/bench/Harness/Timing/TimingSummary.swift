/// Median, minimum and maximum of a set of per-call times, in seconds.
///
/// The median of an even count is the mean of the two middle samples. Medians, not means, are reported:
/// single timings on this kind of VM show occasional 1.5–2.5× outliers.
public struct TimingSummary: Sendable, Equatable {
    /// Median per-call time (s).
    public let median: Double
    /// Fastest sample (s).
    public let min: Double
    /// Slowest sample (s).
    public let max: Double
    /// Number of samples.
    public let count: Int

    /// Summarises `samples` (at least one, all finite and non-negative).
    public init(samples: [Double]) {
        precondition(!samples.isEmpty, "TimingSummary needs at least one sample")
        precondition(samples.allSatisfy { $0.isFinite && $0 >= 0 }, "timings must be finite and non-negative")
        let sorted = samples.sorted()
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        min = sorted[0]
        max = sorted[sorted.count - 1]
        count = sorted.count
    }
}
