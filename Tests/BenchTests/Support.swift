@testable import BenchHarness

/// Builders for synthetic cases: subjects that return fixed vectors and count their calls.
final class CallCounter {
    var calls = 0
}

/// A subject returning `output` and counting `run` calls in `counter`.
func fixedSubject(_ name: String, _ output: [Double], counter: CallCounter = CallCounter(),
                  failing: Bool = false) -> Subject {
    Subject(name: name,
            run: {
                counter.calls += 1
                if failing { throw SyntheticFailure() }
            },
            output: { output })
}

struct SyntheticFailure: Error, CustomStringConvertible {
    var description: String { "synthetic failure" }
}

/// A case named `name` in suite `test` of size 10x2 whose preparation returns `prepared`.
func syntheticCase(_ name: String = "synthetic", prepared: @escaping () -> PreparedCase) -> BenchCase {
    BenchCase(name: name, suite: "test", size: CaseSize(rows: 10, columns: 2), summary: "synthetic", prepare: prepared)
}

/// A policy with no warm-up, `samples` samples, one call per sample.
func fastPolicy(samples: Int = 5) -> SamplingPolicy {
    SamplingPolicy(warmups: 1, samples: samples, minimumSampleSeconds: 0)
}
