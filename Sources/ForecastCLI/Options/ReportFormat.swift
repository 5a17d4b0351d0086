import ArgumentParser

/// Output format of a report.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}
