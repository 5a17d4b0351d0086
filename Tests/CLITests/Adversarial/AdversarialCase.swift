import Testing

/// One adversarial command line and what must happen: the exit class (0 answer, 1 data or write error, 64 usage
/// error), the words stderr must contain on a failure (the option, file or location), and the files it is asked
/// to write (they must exist after a success and must not exist after a failure).
struct AdversarialCase: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let exit: Int32
    let mentions: [String]
    let outputs: [String]
    /// Standard output goes to /dev/full (a device with no space).
    var fullStdout = false

    var testDescription: String { name }

    /// A success; `mentions` must then appear in stdout or stderr (a stated reason, a skipped event).
    static func ok(_ name: String, _ arguments: [String], _ mentions: String..., outputs: [String] = []) -> AdversarialCase {
        AdversarialCase(name: name, arguments: arguments, exit: 0, mentions: mentions, outputs: outputs)
    }

    static func usage(_ name: String, _ arguments: [String], _ mentions: String..., outputs: [String] = []) -> AdversarialCase {
        AdversarialCase(name: name, arguments: arguments, exit: 64, mentions: mentions, outputs: outputs)
    }

    static func data(_ name: String, _ arguments: [String], _ mentions: String..., outputs: [String] = []) -> AdversarialCase {
        AdversarialCase(name: name, arguments: arguments, exit: 1, mentions: mentions, outputs: outputs)
    }

    static func full(_ name: String, _ arguments: [String], outputs: [String] = []) -> AdversarialCase {
        AdversarialCase(name: name, arguments: arguments, exit: 1, mentions: ["standard output"], outputs: outputs,
                        fullStdout: true)
    }
}
