/// A benchmark case: a stable name, its suite, its size, and how to build its inputs and subjects.
///
/// Names are lower-case and hyphenated (`gemm`, `qr-solve`, `ols-hc1`); one case per (name, size) with one
/// baseline. Inputs are built lazily by `prepare` so that listing or filtering cases costs nothing and a
/// run holds one case's data at a time.
public struct BenchCase {
    /// Stable case name (`ols-hac7`).
    public let name: String
    /// Suite the case belongs to (`gemm`, `qr-solve`, `ols`).
    public let suite: String
    /// Input shape.
    public let size: CaseSize
    /// What is compared, in a few words (shown by `bench list`).
    public let summary: String
    /// Generates the inputs and sets up both subjects.
    public let prepare: () throws -> PreparedCase

    public init(name: String, suite: String, size: CaseSize, summary: String,
                prepare: @escaping () throws -> PreparedCase) {
        precondition(name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" },
                     "case names are lower-case and hyphenated, got \(name)")
        self.name = name
        self.suite = suite
        self.size = size
        self.summary = summary
        self.prepare = prepare
    }

    /// `suite/name/size`, the string `--filter` matches against (e.g. `ols/ols-hc1/10000x20`).
    public var key: String { "\(suite)/\(name)/\(size)" }
}
