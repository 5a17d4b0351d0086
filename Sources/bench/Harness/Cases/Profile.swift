/// How much a run measures.
///
/// - `smoke`: tiny sizes, agreement checks, 2 samples, no warm-up — a CI check that runs in seconds even in a
///   debug build; its timings are not claims.
/// - `quick`: the sizes that matter for daily series and the acceptance ratios; 7 samples (samples of
///   microsecond cases are ≥ 20 ms of back-to-back calls); under two minutes on two cores.
/// - `full`: adds the 10⁶-row cases and the 2048 gemm; 15 samples of ≥ 50 ms.
public enum Profile: String, Sendable, CaseIterable {
    case smoke
    case quick
    case full

    /// The sampling policy of the profile.
    public var sampling: SamplingPolicy {
        switch self {
        case .smoke: return SamplingPolicy(warmups: 0, samples: 2, minimumSampleSeconds: 0)
        case .quick: return SamplingPolicy(warmups: 1, samples: 7, minimumSampleSeconds: 0.02)
        case .full: return SamplingPolicy(warmups: 2, samples: 15, minimumSampleSeconds: 0.05)
        }
    }

    /// Whether the profile's timings are meant to be read as measurements.
    public var makesTimingClaims: Bool { self != .smoke }
}
