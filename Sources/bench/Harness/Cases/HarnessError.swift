/// Why a run stopped. Every case is named so the message says where.
public enum HarnessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Ours and the baseline disagree on `caseKey`: nothing is timed or reported.
    case disagreement(caseKey: String, baseline: String, agreement: Agreement)
    /// A subject threw while running (`subject` is its name).
    case subjectFailed(caseKey: String, subject: String, message: String)
    /// A case could not be prepared (input generation, setup).
    case preparationFailed(caseKey: String, message: String)

    public var description: String {
        switch self {
        case let .disagreement(key, baseline, agreement):
            return "\(key): ours and the baseline (\(baseline)) disagree: \(agreement.explanation); "
                + "stopping without reporting any timings"
        case let .subjectFailed(key, subject, message):
            return "\(key): \(subject) failed: \(message)"
        case let .preparationFailed(key, message):
            return "\(key): could not prepare the inputs: \(message)"
        }
    }
}
