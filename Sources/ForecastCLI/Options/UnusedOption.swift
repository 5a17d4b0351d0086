import ArgumentParser

/// Options that another option (or its absence) makes meaningless.
///
/// Policy: an option the command would silently ignore is refused as a usage error (exit 64) whose message names
/// the option and the option or design that makes it meaningless — never ignored, never only warned about (a
/// warning scrolls past; a refusal costs one edit of the command line). ArgumentParser cannot tell a default from
/// a value typed on the command line, so an option counts as given when its value differs from its default (the
/// same rule as every other conflict check here).
struct UnusedOption {
    /// Whether the option was given (its value differs from the default).
    let given: Bool
    /// The option as typed, e.g. "--within".
    let option: String
    /// Why it changes nothing, naming the other option, e.g. "applies to --barrage only".
    let reason: String

    init(_ given: Bool, _ option: String, _ reason: String) {
        (self.given, self.option, self.reason) = (given, option, reason)
    }

    /// Throws a usage error for the first rule whose option was given.
    static func refuse(_ rules: [UnusedOption]) throws {
        guard let rule = rules.first(where: \.given) else { return }
        throw ValidationError("\(rule.option) \(rule.reason); it would be ignored, so it is refused")
    }
}

extension TermOptions {
    /// The term options that differ from the defaults (const + linear trend + day of week, nothing else), by flag:
    /// they change only a regression's design.
    var regressionTermsGiven: [(given: Bool, option: String)] {
        [(trend != .linear, "--trend"), (!dayOfWeek, "--no-day-of-week"), (noIntercept, "--no-intercept"),
         (!fourier.isEmpty, "--fourier"), (changepoints != nil, "--changepoints"), (!steps.isEmpty, "--step-term")]
    }

    /// `--kind`, `--ids` and `--window` select and shape events: without `--events` (and, for `--window`, without an
    /// `--event` that takes it) they select nothing.
    var unusedEventOptions: [UnusedOption] {
        [UnusedOption(kind != nil && eventsFile == nil, "--kind", "selects events from --events FILE, and no --events was given"),
         UnusedOption(ids != nil && eventsFile == nil, "--ids", "selects events from --events FILE, and no --events was given"),
         UnusedOption(window != nil && eventsFile == nil && events.allSatisfy(\.explicitWindow), "--window",
                      "is the window of --events and of --event DATE:ID without its own FIRST..LAST, and there is none")]
    }
}
