/// Monotonic wall-clock timing (`ContinuousClock`, CLOCK_MONOTONIC on Linux).
public enum Stopwatch {
    /// Seconds taken by `body`.
    @inlinable
    public static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        return (clock.now - start).seconds
    }
}

extension Duration {
    /// The duration in seconds.
    @inlinable
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
