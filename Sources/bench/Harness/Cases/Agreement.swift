/// The numerical agreement of ours and the baseline on one case, checked before anything is timed.
///
/// Measure: max_i |ours_i − baseline_i| ≤ tolerance · max_i |baseline_i| (for least squares, coefficients
/// within 1e-8 relative to the largest coefficient). Different lengths or any non-finite value disagree.
public struct Agreement: Sendable, Equatable {
    /// Default relative tolerance (1e-8).
    public static let defaultTolerance = 1e-8

    /// Largest absolute elementwise difference (infinity when the lengths differ or a value is not finite).
    public let maxDifference: Double
    /// Position of the largest difference (nil when the lengths differ or the vectors are empty).
    public let index: Int?
    /// max |baseline_i|, the scale the tolerance is relative to.
    public let scale: Double
    /// Relative tolerance used.
    public let tolerance: Double

    /// Whether the check passed.
    public var agrees: Bool { maxDifference <= tolerance * scale }

    /// Compares `ours` with `baseline`.
    public init(ours: [Double], baseline: [Double], tolerance: Double = Agreement.defaultTolerance) {
        precondition(tolerance >= 0, "tolerance must be non-negative")
        self.tolerance = tolerance
        var scale = 0.0
        for value in baseline where value.isFinite { scale = max(scale, abs(value)) }
        self.scale = scale
        guard ours.count == baseline.count else {
            maxDifference = .infinity
            index = nil
            return
        }
        var largest = 0.0
        var position: Int? = ours.isEmpty ? nil : 0
        for i in ours.indices {
            let difference = abs(ours[i] - baseline[i])
            guard difference.isFinite else {
                largest = .infinity
                position = i
                break
            }
            if difference > largest {
                largest = difference
                position = i
            }
        }
        maxDifference = largest
        index = position
    }

    /// "max |Δ| = 3.1e-06 at index 4, allowed 1e-08 × 2.5" (or a length mismatch).
    public var explanation: String {
        guard maxDifference.isFinite || index != nil else { return "the outputs have different lengths" }
        let at = index.map { " at index \($0)" } ?? ""
        return "max |ours − baseline| = \(maxDifference)\(at), allowed \(tolerance) × max |baseline| = \(tolerance * scale)"
    }
}
