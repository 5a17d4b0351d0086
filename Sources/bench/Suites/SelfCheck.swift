/// A case without a baseline checks its own result against a known answer before it is timed; this is the
/// error when it does not match. `RunCommand` reports it as a preparation failure of the case (exit status 1,
/// no report), like a disagreement with a baseline.
struct SelfCheckFailure: Error, CustomStringConvertible {
    /// What was checked, e.g. "score of x3 at the optimum".
    let quantity: String
    /// What was expected (with the tolerance).
    let expected: String
    /// What was found.
    let found: String

    var description: String { "self-check failed: \(quantity): expected \(expected), found \(found)" }

    /// Throws unless `condition` holds.
    static func require(_ condition: Bool, _ quantity: @autoclosure () -> String,
                        expected: @autoclosure () -> String, found: @autoclosure () -> String) throws(SelfCheckFailure) {
        if !condition { throw SelfCheckFailure(quantity: quantity(), expected: expected(), found: found()) }
    }
}
