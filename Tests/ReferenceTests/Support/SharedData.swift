import Foundation
import Testing

/// Locates `../shared` beside the package root (the only place reference data is read from).
enum SharedData {
    /// The package root, derived from this file's path (Tests/ReferenceTests/Support/SharedData.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `<package root>/../shared`.
    static let root: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Whether ../shared is present (it is beside the project in CI; a user's clone may not have it).
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("reference/README.md").path)
    }

    /// The message shown when reference tests are skipped.
    static let skipMessage: Comment = "../shared (reference data) is not beside the project root; reference tests skipped"

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }
}

/// Log relative error: −log10(|a − e| / |e|), capped at 15; an absolute measure −log10|a − e| when e = 0.
func logRelativeError(_ actual: Double, _ expected: Double) -> Double {
    if actual == expected { return 15 }
    guard actual.isFinite else { return 0 }
    let error = expected == 0 ? abs(actual) : abs(actual - expected) / abs(expected)
    return min(15, -log10(error))
}
