/// A finished run: the environment and one result per case, in run order.
///
/// Every result passed the agreement check (see `CaseResult`); a run that hit a disagreement has no report.
public struct Report: Sendable {
    /// Build, BLAS, CPU and sampling.
    public let environment: RunEnvironment
    /// Results in run order.
    public let cases: [CaseResult]

    public init(environment: RunEnvironment, cases: [CaseResult]) {
        self.environment = environment
        self.cases = cases
    }
}

extension Report {
    /// The JSON document: `{"environment": {...}, "cases": [...]}`; times in seconds.
    ///
    /// Each case: `name`, `suite`, `size` ("<rows>x<cols>"), `ours` {median, min, max}, `baseline`
    /// {name, median, min, max} or null, `ratio` (baseline median / ours median) or null, `gflops` or null,
    /// `agree` (true).
    public var json: JSON {
        .object([
            "environment": environment.json,
            "cases": .array(cases.map(Self.json(for:))),
        ])
    }

    static func json(for result: CaseResult) -> JSON {
        let baseline: JSON
        if let name = result.baselineName, let timing = result.baseline {
            baseline = .object([
                "name": .string(name),
                "median": .finite(timing.median),
                "min": .finite(timing.min),
                "max": .finite(timing.max),
            ])
        } else {
            baseline = .null
        }
        return .object([
            "name": .string(result.name),
            "suite": .string(result.suite),
            "size": .string(result.size.description),
            "ours": .object([
                "median": .finite(result.ours.median),
                "min": .finite(result.ours.min),
                "max": .finite(result.ours.max),
            ]),
            "baseline": baseline,
            "ratio": .finite(result.ratio),
            "gflops": .finite(result.gflops),
            "agree": .bool(result.agree),
        ])
    }
}
