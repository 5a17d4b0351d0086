import ArgumentParser

/// Report format of `bench run`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned plain text with a header.
    case table
    /// `{"environment": {...}, "cases": [...]}`.
    case json
}
