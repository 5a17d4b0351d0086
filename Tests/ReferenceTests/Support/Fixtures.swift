import Foundation

/// Locates the evidence the reference tests read, all inside the repository (a fresh clone needs nothing beside
/// it): `Tests/Fixtures/` (NIST StRD files, statsmodels/R reference cases, derived series) and `datasets/raw/`
/// (the raw feeds the shipped series are built from). Each folder has a README or SOURCE.md with its provenance.
enum Fixtures {
    /// The package root, derived from this file's path (Tests/ReferenceTests/Support/Fixtures.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/<relative>`: `nist-strd-linear/…`, `nist-strd-univariate/…`, `reference/<case>/…`.
    static func url(_ relative: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative)
    }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    /// `datasets/raw/<relative>`: a raw feed (`ua-gs-russian-losses/…`, `ua-missile-drone-attacks/…`, `events/…`).
    static func raw(_ relative: String) -> URL {
        packageRoot.appendingPathComponent("datasets/raw").appendingPathComponent(relative)
    }
}

/// Log relative error: −log10(|a − e| / |e|), capped at 15; an absolute measure −log10|a − e| when e = 0.
func logRelativeError(_ actual: Double, _ expected: Double) -> Double {
    if actual == expected { return 15 }
    guard actual.isFinite else { return 0 }
    let error = expected == 0 ? abs(actual) : abs(actual - expected) / abs(expected)
    return min(15, -log10(error))
}
